import { Card, Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewStep } from '../../../api/review-types.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';

const COLOUR: Record<string, string> = { approve: 'green', 'bulk-approve': 'green', reject: 'red', unlock: 'orange' };

/** The submission's history in the chain, oldest first. */
export function ReviewSteps({ steps, label }: { steps: ReviewStep[]; label: (path: string) => string }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Card size="small" title={t('review.view.steps')} className="sf-side-card" data-testid="review-steps">
      {steps.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.view.noSteps')} />
      ) : (
        <Timeline
          items={steps.map((s, i) => ({
            key: i,
            color: COLOUR[s.action] ?? 'blue',
            content: (
              <div data-testid="review-step" data-action={s.action} data-level={s.level ?? ''}>
                <Typography.Text strong>
                  {s.level ? t(`review.levels.${s.level}`) : ''} · {t(`review.actions.${s.action as 'approve'}`, { defaultValue: s.action })}
                </Typography.Text>
                <div className="muted">
                  {s.by ?? t('common.none')} · {formatDateTime(s.at, lang)}
                  {s.rev != null && ` · rev ${s.rev}`}
                </div>
                {s.reason && <div>{s.reason}</div>}
                {s.comments?.map((c, j) => (
                  <div key={j} className="muted">
                    {label(c.path) || c.path}: {c.text}
                  </div>
                ))}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
