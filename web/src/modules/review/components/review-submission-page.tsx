import { ArrowLeftOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Space, Spin, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../../api/client.ts';
import type { ChangedDetails, ReviewComment, ReviewedSubmission } from '../../../api/review-types.ts';
import { censusEngine } from '../../../../../src/domains/survey/forms/index.ts';
import { useCan } from '../../auth/hooks/use-can.ts';
import { useShortcutKeys } from '../../directory/hooks/use-shortcut-keys.ts';
import { NotFoundPage } from '../../layout/components/not-found-page.tsx';
import { pathLabel } from '../../survey/utils/path-label.ts';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useQueueSummary, useReviewQueue } from '../hooks/use-review-queue.ts';
import { useReviewAction, useReviewSubmission } from '../hooks/use-review-submission.ts';
import { formName } from '../utils/form-names.ts';
import { filterFromParams } from '../utils/queue-filter-url.ts';
import { reviewKeys } from '../utils/review-keys.ts';
import { CommentEditor } from './comment-editor.tsx';
import { ReviewDecision } from './review-decision.tsx';
import { ReviewFormView } from './review-form-view.tsx';
import { ReviewIssues } from './review-issues.tsx';
import { ReviewSteps } from './review-steps.tsx';
import { UnlockModal } from './unlock-modal.tsx';

/**
 * /review/submissions/:id — one submission, read-only, reviewed from the keyboard: A approve,
 * R reject, J/K the next and previous item of the queue the list showed (its filters ride in the URL).
 */
export function ReviewSubmissionPage() {
  const id = useParams().id ?? '';
  const sub = useReviewSubmission(id);
  if (isApiError(sub.error) && sub.error.status === 404) return <div data-testid="review-missing"><NotFoundPage /></div>;
  if (!sub.data) return sub.error ? <QueryErrorAlert error={sub.error} onRetry={sub.refetch} /> : <Spin />;
  // Keyed by id: comments and the reason belong to one submission and start afresh on the next.
  return <ReviewWorkspace key={id} submission={sub.data} />;
}

function ReviewWorkspace({ submission: s }: { submission: ReviewedSubmission }) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const notify = useNotify();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const search = params.toString();
  const filter = filterFromParams(params);
  const queue = useReviewQueue(filter, 100);
  const myLevel = useQueueSummary(filter).data?.level;
  const { review, unlock } = useReviewAction(s.id);
  const [comments, setComments] = useState<ReviewComment[]>([]);
  const [reason, setReason] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const [changed, setChanged] = useState<ReviewedSubmission | null | false>(false);
  const [unlocking, setUnlocking] = useState(false);

  const def = useMemo(() => {
    const r = censusEngine().resolveForm(s.form, s.version);
    return 'form' in r ? r.form.def : undefined;
  }, [s.form, s.version]);
  const label = useCallback((path: string) => pathLabel(def, path, lang), [def, lang]);
  const fields = useMemo(() => (def?.fields ?? []).map((f) => ({ value: f.id, label: lang === 'en' ? f.label.en : f.label.zh })), [def, lang]);

  const items = queue.items;
  const at = items.findIndex((x) => x.id === s.id);
  const next = at >= 0 ? items[at + 1] : items.find((x) => x.id !== s.id);
  const prev = at > 0 ? items[at - 1] : undefined;
  const open = (to: string | undefined) => to && navigate({ pathname: `/review/submissions/${to}`, search });
  const toQueue = () => navigate({ pathname: '/review', search });

  const waiting = s.status === 'submitted' || s.status === 'approved';
  const canAct = can('review.act') && waiting && (!myLevel || s.reviewLevel === myLevel);
  const canUnlock = can('review.act') && (s.status === 'approved' || s.status === 'locked');
  const busy = review.isPending || unlock.isPending;

  const refused = (e: unknown) => {
    if (isApiError(e, 'REVIEW_CHANGED')) setChanged((e.details as ChangedDetails | undefined)?.current ?? null);
    else notify.error(e);
  };
  const decide = (action: 'approve' | 'reject') => {
    if (!canAct || busy || changed !== false) return;
    const text = reason.trim();
    if (action === 'reject' && !text && comments.length === 0) {
      notify.error(new Error(t('review.view.rejectNeeds')));
      return;
    }
    // The next item is chosen before the queue is re-read without this one.
    const after = next?.id;
    review.mutate(
      { action, reviewVersion: s.reviewVersion, ...(text ? { reason: text } : {}), ...(comments.length ? { comments } : {}) },
      {
        onSuccess: () => {
          notify.success(t(action === 'approve' ? 'review.view.approved' : 'review.view.rejected'));
          if (after) open(after);
        },
        onError: refused,
      },
    );
  };
  const reload = () => {
    // The server's copy replaces the page's; the comments and the reason typed are kept.
    if (changed) qc.setQueryData(reviewKeys.submission(s.id), changed);
    else void qc.invalidateQueries({ queryKey: reviewKeys.submission(s.id) });
    setChanged(false);
  };

  useShortcutKeys((key) => {
    if (unlocking) return false;
    if (key === 'a') return decide('approve'), true;
    if (key === 'r') return decide('reject'), true;
    if (key === 'j') return open(next?.id), true;
    if (key === 'k') return open(prev?.id), true;
    return false;
  });

  const name = items[at]?.sourceName;
  return (
    <div className="page" data-testid="review-view" data-id={s.id} data-review-version={s.reviewVersion}>
      <Card
        size="small"
        title={
          <Space>
            <Button size="small" type="text" icon={<ArrowLeftOutlined />} onClick={toQueue} aria-label={t('review.view.back')} data-testid="review-back" />
            <span data-testid="review-title">{name ?? `#${s.sourceId}`} · {s.form} {formName(s.form, lang)}</span>
          </Space>
        }
        extra={
          <Space>
            <Typography.Text type="secondary">{t('review.view.keys')}</Typography.Text>
            {at >= 0 && <Typography.Text data-testid="review-position">{t('review.view.position', { n: at + 1, total: items.length })}</Typography.Text>}
            <Button size="small" icon={<LeftOutlined />} disabled={!prev} onClick={() => open(prev?.id)} data-testid="review-prev">{t('review.view.prev')}<span className="kbd">K</span></Button>
            <Button size="small" icon={<RightOutlined />} disabled={!next} onClick={() => open(next?.id)} data-testid="review-next">{t('review.view.next')}<span className="kbd">J</span></Button>
            {can('survey.read') && <Link to={`/survey/sources/${s.sourceId}?form=${encodeURIComponent(s.form)}`}>{t('review.view.sourceLink')}</Link>}
          </Space>
        }
      >
        <div className="sf-layout">
          <div className="sf-main">
            <ReviewFormView submission={s} marked={[...comments.map((c) => c.path), ...(s.review?.comments.map((c) => c.path) ?? [])]} picked={canAct ? picked : null} onPick={(p) => canAct && setPicked(p)} />
          </div>
          <div className="sf-side">
            <ReviewDecision
              submission={s}
              reason={reason}
              onReason={setReason}
              canAct={canAct}
              canUnlock={canUnlock}
              busy={busy}
              changed={changed !== false}
              onApprove={() => decide('approve')}
              onReject={() => decide('reject')}
              onUnlock={() => setUnlocking(true)}
              onReload={reload}
              label={label}
            />
            {canAct && (
              <CommentEditor
                comments={comments}
                picked={picked}
                label={label}
                disabled={busy}
                onAdd={(c) => setComments((cs) => [...cs, c])}
                onRemove={(i) => setComments((cs) => cs.filter((_, j) => j !== i))}
              />
            )}
            <ReviewIssues issues={s.verdict?.issues ?? []} explanations={s.explanations ?? {}} label={label} />
            <ReviewSteps steps={s.steps ?? []} label={label} />
          </div>
        </div>
      </Card>
      <UnlockModal
        open={unlocking}
        busy={unlock.isPending}
        fields={fields}
        onCancel={() => setUnlocking(false)}
        onOk={(why, paths) =>
          unlock.mutate(
            { reviewVersion: s.reviewVersion, reason: why, ...(paths ? { paths } : {}) },
            {
              onSuccess: () => {
                setUnlocking(false);
                notify.success(t('review.unlock.done'));
              },
              onError: (e) => {
                setUnlocking(false);
                refused(e);
              },
            },
          )
        }
      />
    </div>
  );
}
