import { Button, Collapse, Empty, Spin, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SampleItem, SampleSummary } from '../../../api/review-types.ts';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { useRecordFinding, useSample } from '../hooks/use-qc.ts';
import { FindingModal } from './finding-modal.tsx';

/** The samples drawn in the region, each opening its sources and their findings. */
export function SamplesList({ samples, canRecord, opened, onOpened }: { samples: SampleSummary[]; canRecord: boolean; opened: string[]; onOpened: (keys: string[]) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (samples.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.qc.noSamples')} />;
  return (
    <Collapse
      size="small"
      activeKey={opened}
      onChange={(k) => onOpened(Array.isArray(k) ? k : [k])}
      items={samples.map((s) => ({
        key: String(s.id),
        label: (
          <span data-testid={`sample-${s.id}`}>
            {t('review.qc.sample', { id: s.id })} · {t(`review.phases.names.${s.phase}`)} · {s.regionName ?? s.regionCode}
            <Typography.Text type="secondary"> · {formatDateTime(s.drawnAt, lang)}{s.drawnBy ? ` · ${s.drawnBy}` : ''}</Typography.Text>
            <Tag className="inline-tag" style={{ marginInlineStart: 8 }} data-testid={`sample-checked-${s.id}`}>
              {t('review.qc.checked', { done: s.checked, total: s.size })}
            </Tag>
          </span>
        ),
        children: <SampleItems id={s.id} canRecord={canRecord} />,
      }))}
    />
  );
}

/** A sample's sources and findings, read when its panel opens. */
function SampleItems({ id, canRecord }: { id: number; canRecord: boolean }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const sample = useSample(id);
  const record = useRecordFinding(id);
  const [editing, setEditing] = useState<SampleItem | null>(null);
  if (!sample.data) return sample.error ? <QueryErrorAlert error={sample.error} onRetry={sample.refetch} /> : <Spin />;
  return (
    <>
      <Table<SampleItem>
        size="small"
        rowKey="sourceId"
        dataSource={sample.data.items}
        pagination={false}
        onRow={(r) => ({ 'data-testid': `sample-item-${r.sourceId}`, 'data-verdict': r.result?.verdict ?? '' }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('review.qc.source'), dataIndex: 'sourceName', width: 240 },
          { title: t('review.qc.stratum'), dataIndex: 'stratum', width: 120, render: (v: string | null) => (v ? t(`review.qc.strata.${v as 'added'}`, { defaultValue: t(`directory.categories.${v}`, { defaultValue: v }) }) : t('common.none')) },
          { title: t('review.qc.state'), dataIndex: 'state', width: 100, render: (v: string | null) => v ?? t('common.none') },
          {
            title: t('review.qc.result'),
            key: 'result',
            render: (_, r) =>
              r.result ? (
                <span>
                  <Tag color={r.result.verdict === 'right' ? 'success' : 'error'}>{t(`review.qc.verdicts.${r.result.verdict}`)}</Tag>
                  {r.result.fieldsChecked != null && `${r.result.fieldsWrong ?? 0}/${r.result.fieldsChecked} `}
                  {r.result.missed ? `${t('review.qc.missed')} ${r.result.missed} ` : ''}
                  {r.result.note && <Typography.Text type="secondary">{r.result.note}</Typography.Text>}
                </span>
              ) : (
                <Typography.Text type="secondary">{t('review.qc.notChecked')}</Typography.Text>
              ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_, r) =>
              canRecord && (
                <Button size="small" type="link" data-testid={`sample-record-${r.sourceId}`} onClick={() => setEditing(r)}>
                  {t('review.qc.record')}
                </Button>
              ),
          },
        ]}
      />
      <FindingModal
        item={editing}
        phase={sample.data.phase}
        busy={record.isPending}
        onCancel={() => setEditing(null)}
        onOk={(body) =>
          editing &&
          record.mutate(
            { sourceId: editing.sourceId, ...body },
            { onSuccess: () => (setEditing(null), notify.success(t('review.qc.saved'))), onError: notify.error },
          )
        }
      />
    </>
  );
}

