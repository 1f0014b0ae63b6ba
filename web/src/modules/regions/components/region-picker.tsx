import { Select } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../ui/hooks/use-debounced-value.ts';
import { useRegion } from '../hooks/use-region.ts';
import { useRegionSearch } from '../hooks/use-region-search.ts';
import { regionLabel } from '../utils/region-label.tsx';

interface Props {
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  'data-testid'?: string;
}

/**
 * Chooses one region by remote search (name, pinyin, initials or code). The
 * current value is labelled from GET /regions/{code}, so a form can start with
 * a bare code such as the user's own region.
 */
export function RegionPicker({ value, onChange, id, placeholder, allowClear, disabled, style, ...rest }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text, 250);
  const search = useRegionSearch(q, 20);
  const current = useRegion(value ?? undefined);

  const options = (search.data ?? []).map((r) => ({ value: r.code, label: regionLabel(r), title: r.name }));
  if (value && !options.some((o) => o.value === value)) {
    const r = current.data;
    options.unshift({ value, label: r ? regionLabel(r) : <span>{value}</span>, title: r?.name ?? value });
  }

  return (
    <Select
      id={id}
      data-testid={rest['data-testid']}
      value={value ?? undefined}
      onChange={(v: string | undefined) => {
        setText('');
        onChange?.(v ?? undefined);
      }}
      options={options}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      notFoundContent={q.trim() ? t('regions.noResults') : null}
      loading={search.isFetching}
      placeholder={placeholder ?? t('regions.picker')}
      allowClear={allowClear}
      disabled={disabled}
      style={{ minWidth: 200, ...style }}
      popupMatchSelectWidth={false}
    />
  );
}
