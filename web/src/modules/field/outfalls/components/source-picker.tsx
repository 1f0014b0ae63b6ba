import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/client.ts';
import { useDebouncedValue } from '../../../ui/hooks/use-debounced-value.ts';

interface SourceOption {
  id: number;
  name: string;
  creditCode: string | null;
}

interface Props {
  value?: number | null;
  onChange?: (id: number | undefined) => void;
  /** The chosen source's name, to fill the responsible unit's name. */
  onPicked?: (name: string) => void;
}

/** A directory source (名录) as the responsible unit, searched by name on the server; for those who may read the directory. */
export function SourcePicker({ value, onChange, onPicked }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const list = useQuery({
    queryKey: ['outfalls', 'source-options', q],
    queryFn: () => api.get<{ items: SourceOption[] }>('/api/v1/sources', { q, state: 'active', limit: 20 }),
    enabled: q.length > 0,
    retry: false,
  });
  const items = list.data?.items ?? [];
  const options = items.map((s) => ({ value: s.id, label: s.creditCode ? `${s.name}（${s.creditCode}）` : s.name }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: `#${value}` });
  return (
    <Select
      value={value ?? undefined}
      onChange={(id: number | undefined) => {
        setText('');
        onChange?.(id);
        const picked = items.find((s) => s.id === id);
        if (picked) onPicked?.(picked.name);
      }}
      options={options}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      loading={list.isFetching}
      placeholder={t('field.outfalls.sourceSearch')}
      allowClear
      data-testid="outfall-source"
    />
  );
}
