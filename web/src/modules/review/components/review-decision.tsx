import { Alert, Button, Card, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewedSubmission } from '../../../api/review-types.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { StatusTag } from './status-tag.tsx';

interface Props {
  submission: ReviewedSubmission;
  reason: string;
  onReason: (text: string) => void;
  /** Approve and reject are offered (the submission waits at the caller's level). */
  canAct: boolean;
  canUnlock: boolean;
  busy: boolean;
  /** The record changed under the page (409 REVIEW_CHANGED): nothing is sent until it is reloaded. */
  changed: boolean;
  onApprove: () => void;
  onReject: () => void;
  onUnlock: () => void;
  onReload: () => void;
  label: (path: string) => string;
}

/** Where the submission stands in the chain, the reason box and the decisions. */
export function ReviewDecision(p: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const s = p.submission;
  const r = s.review;
  return (
    <Card size="small" className="sf-side-card" data-testid="review-decision" data-status={s.status} data-level={s.reviewLevel ?? ''}>
      <Space wrap>
        <StatusTag status={s.status} />
        {s.reviewLevel && <Typography.Text data-testid="review-waiting-at">{t('review.view.waitingAt', { level: t(`review.levels.${s.reviewLevel}`) })}</Typography.Text>}
        {s.waitingSince && <Typography.Text type="secondary">{formatDateTime(s.waitingSince, lang)}</Typography.Text>}
      </Space>
      {p.changed && (
        <Alert
          className="block-gap"
          type="error"
          showIcon
          data-testid="review-changed"
          title={t('review.view.changed')}
          description={t('review.view.changedText')}
          action={<Button size="small" type="primary" data-testid="review-reload" onClick={p.onReload}>{t('review.view.reload')}</Button>}
        />
      )}
      {r && (
        <Alert
          className="block-gap"
          type="warning"
          showIcon
          data-testid="review-returned"
          title={r.returnedFrom ? t('review.view.returnedFrom', { level: t(`review.levels.${r.returnedFrom}`) }) : t('review.view.returned')}
          description={
            <>
              {r.reason && <div>{r.reason}</div>}
              {r.comments.map((c, i) => <div key={i} className="muted">{p.label(c.path) || c.path}: {c.text}</div>)}
              {r.openPaths && <div>{t('review.view.openPaths', { paths: r.openPaths.map((x) => p.label(x) || x).join('、') })}</div>}
            </>
          }
        />
      )}
      {p.canAct && (
        <>
          <Input.TextArea
            className="block-gap"
            data-testid="review-reason"
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={t('review.view.reasonPlaceholder')}
            value={p.reason}
            onChange={(e) => p.onReason(e.target.value)}
          />
          <Space className="block-gap">
            <Button type="primary" data-testid="review-approve" disabled={p.busy || p.changed} onClick={p.onApprove}>
              {t('review.view.approve')}<span className="kbd">A</span>
            </Button>
            <Button danger data-testid="review-reject" disabled={p.busy || p.changed} onClick={p.onReject}>
              {t('review.view.reject')}<span className="kbd">R</span>
            </Button>
          </Space>
        </>
      )}
      {!p.canAct && (s.status === 'submitted' || s.status === 'approved') && (
        <Typography.Paragraph type="secondary" className="block-gap">{t('review.view.notWaiting')}</Typography.Paragraph>
      )}
      {p.canUnlock && (
        <Button className="block-gap" data-testid="review-unlock" disabled={p.busy || p.changed} onClick={p.onUnlock}>
          {t('review.unlock.button')}
        </Button>
      )}
    </Card>
  );
}
