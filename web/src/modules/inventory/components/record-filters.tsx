import { Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { CONFIRMATIONS, RECORD_STATUSES, type Confirmation, type RecordStatus } from '../../../api/inventory-types.ts';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import type { RecordFilters as Filters } from '../hooks/use-record-list.ts';
import { useInventoryStates } from '../hooks/use-inventory-config.ts';
import { nameIn } from '../utils/state-label.ts';

interface Props {
  filters: Filters;
  onChange: (f: Partial<Filters>) => void;
}

const ZONE = /^[0-9]{16}$/;

/** Region, zone, state, status and confirmation of the records list. */
export function RecordFilters({ filters, onChange }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { states } = useInventoryStates();
  return (
    <Space wrap className="filters">
      <RegionPicker data-testid="record-filter-region" allowClear placeholder={t('inventory.records.anyRegion')} value={filters.region} onChange={(region) => onChange({ region })} />
      <Input
        data-testid="record-filter-zone"
        allowClear
        placeholder={t('inventory.records.zonePlaceholder')}
        defaultValue={filters.zone}
        key={filters.zone ?? ''}
        maxLength={16}
        style={{ width: 190 }}
        onChange={(e) => {
          const v = e.target.value.trim();
          if (v === '' || ZONE.test(v)) onChange({ zone: v || undefined });
        }}
      />
      <Select<string>
        data-testid="record-filter-state"
        allowClear
        placeholder={t('inventory.records.anyState')}
        value={filters.state}
        onChange={(state) => onChange({ state })}
        options={states.map((s) => ({ value: s.code, label: <span><span className="state-swatch" style={{ background: s.colour }} />{nameIn(s, lang)}</span> }))}
        style={{ width: 140 }}
      />
      <Select<RecordStatus>
        data-testid="record-filter-status"
        allowClear
        placeholder={t('inventory.records.anyStatus')}
        value={filters.status}
        onChange={(status) => onChange({ status })}
        options={RECORD_STATUSES.map((s) => ({ value: s, label: t(`inventory.statuses.${s}`) }))}
        style={{ width: 130 }}
      />
      <Select<Confirmation>
        data-testid="record-filter-confirmation"
        allowClear
        placeholder={t('inventory.records.anyConfirmation')}
        value={filters.confirmation}
        onChange={(confirmation) => onChange({ confirmation })}
        options={CONFIRMATIONS.map((c) => ({ value: c, label: t(`inventory.confirmations.${c}`) }))}
        style={{ width: 130 }}
      />
    </Space>
  );
}
