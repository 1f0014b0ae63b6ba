import { Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { OUTFALL_STATES, OUTFALL_TYPES } from '../../../../../src/domains/outfalls/rules/outfall.ts';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useReaches } from '../hooks/use-outfalls.ts';
import type { OutfallFilters as Filters, OutfallState, OutfallType } from '../utils/outfalls-api.ts';

interface Props {
  filters: Filters;
  onChange: (f: Partial<Filters>) => void;
}

/** Region, state, reach, type and a search over code, water body and responsible unit. */
export function OutfallFilters({ filters, onChange }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const reaches = useReaches(filters.region ?? '');
  return (
    <Space wrap className="filters">
      <RegionPicker data-testid="outfalls-filter-region" allowClear placeholder={t('outfalls.filters.anyRegion')} value={filters.region} onChange={(region) => onChange({ region, reach: undefined })} />
      <Select<OutfallState>
        data-testid="outfalls-filter-state"
        allowClear
        placeholder={t('outfalls.filters.anyState')}
        value={filters.state}
        onChange={(state) => onChange({ state })}
        options={OUTFALL_STATES.map((s) => ({ value: s, label: t(`outfalls.states.${s}`) }))}
        style={{ width: 130 }}
      />
      <Select<number>
        data-testid="outfalls-filter-reach"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('outfalls.filters.anyReach')}
        value={filters.reach}
        onChange={(reach) => onChange({ reach })}
        options={(reaches.data?.items ?? []).map((r) => ({ value: r.id, label: `${r.name}（${r.waterBody}）` }))}
        style={{ width: 200 }}
        popupMatchSelectWidth={false}
      />
      <Select<OutfallType>
        data-testid="outfalls-filter-type"
        allowClear
        placeholder={t('outfalls.filters.anyType')}
        value={filters.type}
        onChange={(type) => onChange({ type })}
        options={OUTFALL_TYPES.map((o) => ({ value: o.code, label: lang === 'en' ? o.en : o.zh }))}
        style={{ width: 190 }}
        popupMatchSelectWidth={false}
      />
      <Input.Search
        data-testid="outfalls-filter-q"
        allowClear
        placeholder={t('outfalls.filters.q')}
        defaultValue={filters.q}
        key={filters.q ?? ''}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        style={{ width: 240 }}
      />
    </Space>
  );
}
