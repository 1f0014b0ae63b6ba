import { Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CandidateSource } from '../../../api/types.ts';
import { onlyOneHas, valuesDiffer } from '../utils/compare-values.ts';
import { DepartmentTags } from './department-tags.tsx';

const FIELDS = ['name', 'creditCode', 'address', 'legalRep', 'phone', 'industryCode', 'regionCode'] as const;
type Field = (typeof FIELDS)[number];

const MONO = new Set<Field>(['creditCode', 'phone', 'industryCode']);

function shown(s: CandidateSource, f: Field) {
  return f === 'regionCode' ? `${s.regionName} ${s.regionCode}` : s[f];
}

interface Props {
  sources: readonly [CandidateSource, CandidateSource];
  /** The id of the record that survives a merge; null hides the choice. */
  keep: number | null;
  onKeep: (id: number) => void;
}

/** The two records side by side, one row per field; rows whose values differ (after trimming) are marked. */
export function CandidateCompare({ sources, keep, onKeep }: Props) {
  const { t } = useTranslation();
  const [a, b] = sources;
  return (
    <table className="pair-table">
      <thead>
        <tr>
          <th className="pair-label">{t('queue.field')}</th>
          {sources.map((s, i) => (
            <th key={s.id} className={keep === s.id ? 'pair-keep' : undefined} data-testid={`candidate-side-${i === 0 ? 'a' : 'b'}`} data-source-id={s.id}>
              <div className="pair-side-head">
                <span>
                  <b>{i === 0 ? 'A' : 'B'}</b>{' '}
                  <Link to={`/directory/${s.id}`} state={{ back: '/directory/queue' }} data-testid="candidate-source-link">
                    #{s.id}
                  </Link>
                </span>
                {keep !== null && (
                  <Radio checked={keep === s.id} onChange={() => onKeep(s.id)} data-testid={`candidate-keep-${i === 0 ? 'a' : 'b'}`} title={t('queue.keepHint')}>
                    {t('queue.keep')}
                  </Radio>
                )}
              </div>
              <DepartmentTags departments={s.departments} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {FIELDS.map((f) => {
          const differs = f === 'regionCode' ? a.regionCode !== b.regionCode : valuesDiffer(a[f], b[f]);
          const fills = differs && f !== 'regionCode' && onlyOneHas(a[f], b[f]);
          return (
            <tr key={f} data-testid={`candidate-field-${f}`} data-differs={String(differs)} className={differs ? (fills ? 'pair-fills' : 'pair-differs') : undefined}>
              <th className="pair-label">{t(`directory.fields.${f}`)}</th>
              {sources.map((s) => {
                const v = shown(s, f);
                return (
                  <td key={s.id} className={MONO.has(f) ? 'mono' : undefined}>
                    {v ? v : <Typography.Text type="secondary">{t('common.none')}</Typography.Text>}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
