import { Select } from 'antd';
import { useState } from 'react';
import { useDebouncedValue } from '../../ui/hooks/use-debounced-value.ts';
import { useAgency } from '../hooks/use-agency.ts';
import { useAgencyOptions } from '../hooks/use-agency-options.ts';

interface Props {
  value?: number | null;
  onChange?: (id: number | undefined) => void;
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
  'data-testid'?: string;
}

/** Chooses one agency from /api/v1/agencies, searching by name on the server. */
export function AgencySelect({ value, onChange, id, placeholder, allowClear = true, ...rest }: Props) {
  const [text, setText] = useState('');
  const q = useDebouncedValue(text, 250);
  const list = useAgencyOptions(q);
  const current = useAgency(value && !list.data?.some((a) => a.id === value) ? value : undefined);

  const options = (list.data ?? []).map((a) => ({ value: a.id, label: a.name }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: current.data?.name ?? `#${value}` });

  return (
    <Select
      id={id}
      data-testid={rest['data-testid']}
      value={value ?? undefined}
      onChange={(v: number | undefined) => {
        setText('');
        onChange?.(v);
      }}
      options={options}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      loading={list.isFetching}
      placeholder={placeholder}
      allowClear={allowClear}
      style={{ minWidth: 200 }}
    />
  );
}
