import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/hooks/use-session.ts';
import { useRegionSearch } from '../../regions/hooks/use-region-search.ts';
import { useDebouncedValue } from '../../ui/hooks/use-debounced-value.ts';
import { fetchChildren, REGION_STALE_MS, regionKeys } from '../../regions/utils/regions-api.ts';
import { strictlyInside } from '../utils/supervision-api.ts';

interface Props {
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** A name for a pre-filled code that is not among the children (a laggard further down). */
  knownName?: string;
  'data-testid'?: string;
}

/** A region strictly inside the caller's scope: the children at once, any descendant by search. */
export function TargetPicker({ value, onChange, knownName, ...rest }: Props) {
  const { t } = useTranslation();
  const own = useSession().regionCode;
  const [text, setText] = useState('');
  const q = useDebouncedValue(text, 250);
  const children = useQuery({ queryKey: regionKeys.children(own), queryFn: () => fetchChildren(own), staleTime: REGION_STALE_MS });
  const search = useRegionSearch(q, 30);
  const source = q.trim() ? (search.data ?? []) : (children.data ?? []);
  const options = source.filter((r) => strictlyInside(own, r.code)).map((r) => ({ value: r.code, label: `${r.name} ${r.code}` }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: knownName ? `${knownName} ${value}` : value });
  return (
    <Select
      data-testid={rest['data-testid']}
      value={value}
      onChange={(v: string | undefined) => { setText(''); onChange?.(v); }}
      options={options}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      loading={children.isPending || search.isFetching}
      placeholder={t('supervisionWork.cases.targetHint')}
      allowClear
      style={{ minWidth: 240 }}
    />
  );
}
