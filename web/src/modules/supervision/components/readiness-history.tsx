import { Descriptions, Drawer, Empty, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useReadinessHistory } from '../hooks/use-supervision.ts';
import { wan, type ReadinessReport } from '../utils/supervision-api.ts';

/** The reports of one region, newest first (GET /supervision/readiness/:code). */
export function ReadinessHistory({ region, onClose }: { region: { code: string; name: string } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const q = useReadinessHistory(region?.code ?? null);
  const f = (k: string) => t(`supervision.readiness.field.${k}` as 'supervision.readiness.field.note');
  const yn = (v: boolean) => (v ? t('supervision.readiness.yes') : t('supervision.readiness.no'));
  const details = (r: ReadinessReport) => (
    <Descriptions size="small" column={2} bordered items={[
      { key: 'lg', label: f('leadingGroupOn'), children: r.leadingGroupOn ?? '—' },
      { key: 'of', label: f('officeOn'), children: r.officeOn ?? '—' },
      { key: 'pl', label: f('planOn'), children: `${r.planOn ?? '—'} ${r.planDocument ?? ''}` },
      { key: 'mt', label: f('meetings'), children: r.meetings.map((m, i) => <Tag key={i}>{t(`supervision.readiness.level.${m.level}`)} {m.heldOn}</Tag>) },
      { key: 'as', label: f('inAssessment'), children: yn(r.inAssessment) },
      { key: 'st', label: t('supervision.readiness.col.staff'), children: `${r.staffOwn}+${r.staffSeconded} / ${r.staffNeeded}` },
      { key: 'os', label: f('officeSpace'), children: yn(r.officeSpace) },
      { key: 'nw', label: f('networkConnected'), children: yn(r.networkConnected) },
      { key: 'fu', label: t('supervision.readiness.col.funds'), children: `${wan(r.fundsArrived)} / ${wan(r.fundsBudgeted)}` },
      { key: 'ag', label: f('agencyContracted'), children: yn(r.agencyContracted) },
      { key: 'no', label: f('note'), children: r.note || '—', span: 2 },
    ]} />
  );
  const history = q.data?.history ?? [];
  return (
    <Drawer open={!!region} onClose={onClose} size="large" destroyOnHidden title={region ? t('supervision.readiness.history', { name: region.name }) : ''}>
      <QueryErrorAlert error={q.error} onRetry={q.refetch} />
      {q.data && history.length === 0 && <Empty />}
      <div data-testid="readiness-history" data-count={history.length}>
        <Timeline
          items={history.map((r, i) => ({
            key: r.id ?? i,
            color: i === 0 ? 'green' : 'gray',
            content: (
              <div data-testid="readiness-history-item">
                <strong>{t('supervision.readiness.reportedOn')} {r.reportedOn}</strong>
                {q.data?.current && (q.data.current.id ?? -1) === r.id && <Tag color="green" style={{ marginLeft: 8 }}>{t('supervision.readiness.current')}</Tag>}
                {details(r)}
              </div>
            ),
          }))}
        />
      </div>
    </Drawer>
  );
}
