import { DatePicker, Input, InputNumber, Radio, Select, Space, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../api/client.ts';
import type { Field } from '../../../../../src/domains/survey/forms/index.ts';
import { codeOptions, formatNumber, unitLabel } from '../utils/code-options.ts';
import { FileInput } from './file-input.tsx';

type InputStatus = '' | 'error' | 'warning';

interface Props {
  def: Exclude<Field, { type: 'group' }>;
  /** DOM id of the control, so a label and the issue list can focus it. */
  id: string;
  value: unknown;
  onChange: (value: unknown) => void;
  status: InputStatus;
  lang: Lang;
  /** The chosen unit of a number whose unit is a sibling field. */
  unitCode?: string;
  /** Calculated fields show their value and cannot be edited. */
  computed?: boolean;
  readOnly?: boolean;
  /** In a table cell: narrower controls. */
  compact?: boolean;
}

const EXTERNAL = new Set(['industry', 'region']);
const toDay = (v: unknown): Dayjs | null => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? dayjs(v) : null);
const fromDay = (d: Dayjs | null): string | undefined => (d ? d.format('YYYY-MM-DD') : undefined);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One answer's control, chosen by the field's type. */
export const FieldInput = memo(function FieldInput({ def, id, value, onChange, status, lang, unitCode, computed, readOnly, compact }: Props) {
  const { t } = useTranslation();
  const disabled = readOnly || computed;
  const full = { width: '100%' };

  if (computed) {
    const unit = def.type === 'integer' || def.type === 'decimal' ? unitLabel(def.unit ?? unitCode, lang) : '';
    return (
      <Tooltip title={t('survey.calculated')}>
        <Input id={id} size="small" readOnly value={value === null || value === undefined ? '' : formatNumber(value)} suffix={unit || undefined} className="sf-computed" />
      </Tooltip>
    );
  }

  switch (def.type) {
    case 'text':
      return (
        <Input
          id={id}
          size="small"
          status={status}
          disabled={disabled}
          value={typeof value === 'string' ? value : ''}
          maxLength={def.maxLength ?? 200}
          placeholder={def.format ? t(`survey.formats.${def.format}`) : undefined}
          onChange={(e) => onChange(def.format === 'credit-code' || def.format === 'org-code' ? e.target.value.toUpperCase() : e.target.value)}
          className={def.format ? 'option-code' : undefined}
        />
      );
    case 'integer':
    case 'decimal': {
      const unit = unitLabel(def.unit ?? unitCode, lang);
      return (
        <InputNumber
          id={id}
          size="small"
          status={status}
          disabled={disabled}
          style={full}
          value={typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : null}
          precision={def.type === 'integer' ? 0 : undefined}
          suffix={unit || undefined}
          controls={false}
          onChange={(v) => onChange(v === null || v === undefined ? undefined : v)}
        />
      );
    }
    case 'code':
      if (EXTERNAL.has(def.table)) {
        return (
          <Input
            id={id}
            size="small"
            status={status}
            disabled={disabled}
            className="option-code"
            value={typeof value === 'string' ? value : ''}
            maxLength={12}
            placeholder={t(def.table === 'industry' ? 'survey.industryPlaceholder' : 'survey.regionPlaceholder')}
            onChange={(e) => onChange(e.target.value.trim())}
          />
        );
      }
      return <CodeSelect id={id} table={def.table} multiple={def.multiple} value={value} onChange={onChange} status={status} disabled={disabled} lang={lang} compact={compact} />;
    case 'boolean':
      return (
        <Radio.Group id={id} size="small" disabled={disabled} value={typeof value === 'boolean' ? value : undefined} onChange={(e) => onChange(e.target.value)} optionType="button">
          <Radio.Button value={true}><span data-testid="sf-yes">{t('survey.yes')}</span></Radio.Button>
          <Radio.Button value={false}><span data-testid="sf-no">{t('survey.no')}</span></Radio.Button>
        </Radio.Group>
      );
    case 'date':
      return (
        <DatePicker
          id={id}
          size="small"
          status={status}
          disabled={disabled}
          style={full}
          value={toDay(value)}
          minDate={def.min ? dayjs(def.min) : undefined}
          maxDate={def.max ? dayjs(def.max) : undefined}
          onChange={(d) => onChange(fromDay(d))}
        />
      );
    case 'period': {
      const p = isObj(value) ? value : {};
      return (
        <DatePicker.RangePicker
          id={{ start: id }}
          size="small"
          status={status}
          disabled={disabled}
          style={full}
          allowEmpty={[true, true]}
          placeholder={[t('survey.from'), t('survey.to')]}
          value={[toDay(p.from), toDay(p.to)]}
          minDate={def.min ? dayjs(def.min) : undefined}
          maxDate={def.max ? dayjs(def.max) : undefined}
          onChange={(range) => {
            const from = fromDay(range?.[0] ?? null);
            const to = fromDay(range?.[1] ?? null);
            onChange(from || to ? { from, to } : undefined);
          }}
        />
      );
    }
    case 'coordinates': {
      const c = isObj(value) ? value : {};
      const set = (k: 'lat' | 'lng', v: number | null) => {
        const next = { ...c, [k]: v ?? undefined };
        onChange(next.lat === undefined && next.lng === undefined ? undefined : next);
      };
      return (
        <Space.Compact style={full}>
          <InputNumber id={id} size="small" status={status} disabled={disabled} style={full} controls={false} prefix={t('survey.lat')} value={typeof c.lat === 'number' ? c.lat : null} onChange={(v) => set('lat', v)} />
          <InputNumber size="small" status={status} disabled={disabled} style={full} controls={false} prefix={t('survey.lng')} value={typeof c.lng === 'number' ? c.lng : null} onChange={(v) => set('lng', v)} />
        </Space.Compact>
      );
    }
    case 'file':
      return <FileInput def={def} id={id} value={value} onChange={onChange} status={status} disabled={disabled} />;
  }
});

interface CodeSelectProps {
  id: string;
  table: string;
  multiple?: boolean;
  value: unknown;
  onChange: (v: unknown) => void;
  status: InputStatus;
  disabled?: boolean;
  lang: Lang;
  compact?: boolean;
}

/** A code from a code table, searched by code or name. */
function CodeSelect({ id, table, multiple, value, onChange, status, disabled, lang, compact }: CodeSelectProps) {
  const { t } = useTranslation();
  const options = useMemo(() => codeOptions(table, lang), [table, lang]);
  return (
    <Select
      id={id}
      size="small"
      status={status}
      disabled={disabled}
      allowClear
      mode={multiple ? 'multiple' : undefined}
      style={{ width: '100%', minWidth: compact ? 120 : undefined }}
      value={multiple ? (Array.isArray(value) ? value : []) : typeof value === 'string' ? value : undefined}
      options={options}
      placeholder={t('survey.codeSearch')}
      showSearch={{ optionFilterProp: 'label' }}
      popupMatchSelectWidth={false}
      onChange={(v) => onChange(v ?? undefined)}
    />
  );
}
