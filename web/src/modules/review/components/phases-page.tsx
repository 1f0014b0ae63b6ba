import { Alert, Card, Descriptions, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PHASES, type Phase } from '../../../api/review-types.ts';
import { useCan } from '../../auth/hooks/use-can.ts';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { usePhase, usePhaseActions } from '../hooks/use-phase.ts';
import { AcceptForm } from './accept-form.tsx';
import { BlockerList } from './blocker-list.tsx';
import { Figures } from './figures.tsx';
import { PhaseChildren } from './phase-children.tsx';

/** /review/phases — a phase's acceptance in my region (or one below it): figures, blockers, children, signing. */
export function PhasesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const notify = useNotify();
  const [params, setParams] = useSearchParams();
  const phase: Phase = params.get('phase') === 'survey' ? 'survey' : 'inventory';
  const region = params.get('region') || undefined;
  const set = (p: Record<string, string | undefined>) => {
    const next: Record<string, string> = { phase };
    if (region) next.region = region;
    for (const [k, v] of Object.entries(p)) if (v) next[k] = v; else delete next[k];
    setParams(next, { replace: true });
  };
  const view = usePhase(phase, region);
  const { accept, revoke } = usePhaseActions(phase);
  const v = view.data;
  const a = v?.acceptance;

  return (
    <div className="page">
      <Card
        size="small"
        title={t('review.phases.title')}
        extra={
          <Space>
            <Segmented<Phase> data-testid="phase-select" value={phase} onChange={(p) => set({ phase: p })} options={PHASES.map((p) => ({ value: p, label: t(`review.phases.names.${p}`) }))} />
            <RegionPicker data-testid="phase-region" allowClear value={region ?? v?.region.code} onChange={(r) => set({ region: r })} />
          </Space>
        }
      >
        <QueryErrorAlert error={view.error} onRetry={view.refetch} />
        {view.isPending && <Spin />}
        {v && (
          <div data-testid="phase-view" data-region={v.region.code} data-phase={v.phase} data-accepted={!!a} data-can-accept={v.canAccept}>
            <Descriptions
              size="small"
              column={3}
              items={[
                { key: 'region', label: t('review.phases.region'), children: <span data-testid="phase-region-name">{v.region.name} <span className="option-code">{v.region.code}</span></span> },
                { key: 'level', label: t('regions.level'), children: t(`levels.${v.region.level as 'county'}`, { defaultValue: v.region.level }) },
                {
                  key: 'state',
                  label: t('review.phases.state'),
                  children: a ? (
                    <span data-testid="phase-accepted">
                      <Tag color="success">{t('review.phases.accepted')}</Tag>
                      {t('review.phases.acceptedBy', { signedBy: a.signedBy, at: formatDateTime(a.at, lang) })}
                      {a.statement && <Typography.Text type="secondary"> · {a.statement}</Typography.Text>}
                    </span>
                  ) : (
                    <Tag>{t('review.phases.notAccepted')}</Tag>
                  ),
                },
              ]}
            />
            <Typography.Title level={5}>{t('review.phases.figures')}</Typography.Title>
            <Figures figures={a?.figures ?? v.figures} />
            {!a && (
              <>
                <Typography.Title level={5}>{t('review.phases.blockers')}</Typography.Title>
                {v.blockers.length === 0 ? (
                  <Alert type="success" showIcon title={t('review.phases.noBlockers')} />
                ) : (
                  <BlockerList blockers={v.blockers} />
                )}
                {can('review.accept') && (
                  <>
                    {!v.canAccept && <Typography.Text type="secondary">{t('review.phases.cannotAccept')}</Typography.Text>}
                    <AcceptForm
                      enabled={v.canAccept}
                      busy={accept.isPending}
                      onAccept={(body) => accept.mutate({ regionCode: v.region.code, ...body }, { onSuccess: () => notify.success(t('review.phases.acceptDone')), onError: notify.error })}
                    />
                  </>
                )}
              </>
            )}
            {v.children.length > 0 && (
              <>
                <Typography.Title level={5} className="block-gap">{t('review.phases.children')}</Typography.Title>
                <PhaseChildren
                  items={v.children}
                  canRevoke={can('review.accept')}
                  busy={revoke.isPending}
                  onOpen={(code) => set({ region: code })}
                  onRevoke={(code, reason) =>
                    revoke.mutateAsync({ regionCode: code, reason }).then(
                      () => notify.success(t('review.phases.revokeDone')),
                      (e: unknown) => {
                        notify.error(e);
                        throw e;
                      },
                    )
                  }
                />
              </>
            )}
          </div>
        )}
      </Card>
    </div>
  );
}
