import { Descriptions, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SourceDetail } from '../../../api/types.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { ORIGIN_FIELDS, originOf } from '../utils/source-fields.ts';
import { DepartmentTags } from './department-tags.tsx';
import { FieldOriginTag } from './field-origin-tag.tsx';

const coordinates = (s: SourceDetail) =>
  `${s.lat!.toFixed(6)}, ${s.lng!.toFixed(6)}` + (s.gcj02 ? ` (GCJ-02 ${s.gcj02.lat.toFixed(6)}, ${s.gcj02.lng.toFixed(6)})` : '');

/** The source's fields, each with the register row it was taken from (or the hand edit). */
export function SourceFieldList({ source }: { source: SourceDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const value = (field: string, v: ReactNode) => <span data-testid={`source-field-${field}`}>{v ?? none}</span>;

  // A field only a hand edit sets: its value, and "edited by hand" when it was.
  const withOrigin = (field: string, key: string, v: ReactNode) => {
    const o = source.fieldOrigins[key];
    return (
      <span className="source-field">
        {value(field, v)}
        {o?.manual && <FieldOriginTag field={field} origin={o} rows={source.registerRows} supplemented={false} />}
      </span>
    );
  };

  const matched = ORIGIN_FIELDS.map((f) => ({
    key: f,
    label: t(`directory.fields.${f}`),
    children: (
      <span className="source-field">
        {value(f, f === 'creditCode' && source[f] ? <span className="mono">{source[f]}</span> : source[f])}
        <FieldOriginTag field={f} origin={originOf(source, f)} rows={source.registerRows} supplemented={source.origin === 'supplement' && !!source[f]} />
      </span>
    ),
  }));

  const more = [
    { key: 'regionCode', label: t('directory.fields.regionCode'), children: withOrigin('regionCode', 'region_code', <>{source.regionName} <span className="option-code">{source.regionCode}</span></>) },
    { key: 'category', label: t('directory.fields.category'), children: withOrigin('category', 'category', <Tag>{t(`directory.categories.${source.category}`)}</Tag>) },
    { key: 'departments', label: t('directory.fields.departments'), children: <DepartmentTags departments={source.departments} /> },
    ...(source.formerNames.length ? [{ key: 'formerNames', label: t('directory.fields.formerNames'), children: withOrigin('formerNames', 'former_names', source.formerNames.join('；')) }] : []),
    ...(source.permitNo ? [{ key: 'permitNo', label: t('directory.fields.permitNo'), children: withOrigin('permitNo', 'permit_no', <span className="mono">{source.permitNo}</span>) }] : []),
    ...(source.lat !== null && source.lng !== null
      ? [{ key: 'coordinates', label: t('directory.fields.coordinates'), children: withOrigin('coordinates', 'coordinates', <span className="option-code">{coordinates(source)}</span>) }]
      : []),
    ...(source.radioactive ? [{ key: 'radioactive', label: t('directory.fields.radioactive'), children: withOrigin('radioactive', 'radioactive', <Tag color="volcano">{t('common.yes')}</Tag>) }] : []),
    { key: 'updatedAt', label: t('directory.fields.updatedAt'), children: formatDateTime(source.updatedAt, lang) },
  ];

  return <Descriptions data-testid="source-fields" size="small" bordered column={1} className="block-gap" items={[...matched, ...more]} styles={{ label: { width: 160 } }} />;
}
