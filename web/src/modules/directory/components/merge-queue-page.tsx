import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { CANDIDATE_STATUSES, type CandidateStatus, type MergeCandidate, type MergeOutcome } from '../../../api/types.ts';
import { useCan } from '../../auth/hooks/use-can.ts';
import { LoadMoreButton } from '../../ui/components/load-more-button.tsx';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useBulkDecide, type BulkOutcome } from '../hooks/use-bulk-decide.ts';
import { useCandidateAction, type Decision } from '../hooks/use-candidate-action.ts';
import { useCandidateList } from '../hooks/use-candidate-list.ts';
import { useShortcutKeys } from '../hooks/use-shortcut-keys.ts';
import { useUndoMerge } from '../hooks/use-undo-merge.ts';
import { DECISION_KEYS, DECISIONS } from '../utils/queue-decisions.ts';
import { CandidateCard } from './candidate-card.tsx';
import { MergeResultAlert } from './merge-result-alert.tsx';
import { QueueBulkBar } from './queue-bulk-bar.tsx';
import { QueueBulkSummary } from './queue-bulk-summary.tsx';

/** Pairs decided here, hidden at once until the list is next re-read (which no longer has them). */
interface Hidden {
  at: number;
  ids: number[];
}

/** 待合并: the pairs the matching could not decide, side by side, with keyboard shortcuts. */
export function MergeQueuePage() {
  const { t } = useTranslation();
  const notify = useNotify();
  const reviewable = useCan()('directory.review');
  const [status, setStatus] = useState<CandidateStatus>('pending');
  const list = useCandidateList(status);
  const action = useCandidateAction();
  const bulk = useBulkDecide();
  const undo = useUndoMerge();
  const [focus, setFocus] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [keep, setKeep] = useState<Record<number, number>>({});
  const [lastMerge, setLastMerge] = useState<MergeOutcome | null>(null);
  const [summary, setSummary] = useState<BulkOutcome | null>(null);
  const [hidden, setHidden] = useState<Hidden>({ at: 0, ids: [] });

  const stale = hidden.at === list.dataUpdatedAt ? new Set(hidden.ids) : new Set<number>();
  const items = list.items.filter((c) => !stale.has(c.id));
  const at = Math.max(0, Math.min(focus, items.length - 1));
  const decisions = reviewable ? DECISIONS[status] : [];
  const chosen = items.filter((c) => selected.has(c.id));
  const busy = action.isPending || bulk.isPending;

  const hide = (ids: number[]) => setHidden((h) => ({ at: list.dataUpdatedAt, ids: h.at === list.dataUpdatedAt ? [...h.ids, ...ids] : ids }));

  const switchTab = (s: CandidateStatus) => {
    setStatus(s);
    setFocus(0);
    setSelected(new Set());
    setSummary(null);
  };

  const decide = (c: MergeCandidate, decision: Decision) => {
    if (busy || !decisions.includes(decision)) return;
    // The left record (A) survives unless B was chosen.
    const survivor = keep[c.id];
    action.mutate(
      { id: c.id, decision, keep: decision === 'merge' && survivor !== undefined && survivor !== c.sources[0].id ? survivor : undefined },
      {
        onSuccess: (r) => {
          hide([c.id]);
          if (r.decision === 'merge') setLastMerge(r.merge);
          else notify.success(t(r.decision === 'apart' ? 'queue.markedApart' : 'queue.markedLater'));
        },
        onError: notify.error,
      },
    );
  };

  const undoLast = () => {
    if (!lastMerge || undo.isPending) return;
    undo.mutate(lastMerge.event, {
      onSuccess: (r) => {
        setLastMerge(null);
        notify.success(t('queue.undone', { id: r.restoredId }));
      },
      onError: (e) => {
        // Undone elsewhere meanwhile: nothing is left to undo here.
        if (isApiError(e, 'DIRECTORY_MERGE_UNDONE')) setLastMerge(null);
        notify.error(e);
      },
    });
  };

  const runBulk = (decision: 'apart' | 'later') => {
    const ids = chosen.map((c) => c.id);
    setSummary(null);
    bulk.mutate(
      { ids, decision },
      {
        onSuccess: (out) => {
          hide(out.ok);
          setSelected(new Set());
          setSummary(out);
        },
        onError: notify.error,
      },
    );
  };

  useShortcutKeys((key) => {
    if (key === 'j' || key === 'k') {
      setFocus(Math.max(0, Math.min(items.length - 1, at + (key === 'j' ? 1 : -1))));
      return true;
    }
    if (key === 'u' && reviewable && lastMerge) {
      undoLast();
      return true;
    }
    const decision = DECISION_KEYS[key];
    const c = items[at];
    if (!decision || !c || !decisions.includes(decision)) return false;
    decide(c, decision);
    return true;
  });

  const select = (id: number, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <div className="page">
      <Card
        size="small"
        title={t('queue.title')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} data-testid="queue-refresh">
            {t('common.refresh')}
          </Button>
        }
      >
        <Tabs
          activeKey={status}
          onChange={(k) => switchTab(k as CandidateStatus)}
          items={CANDIDATE_STATUSES.map((s) => ({ key: s, label: <span data-testid={`queue-tab-${s}`}>{t(`queue.statuses.${s}`)}</span> }))}
        />
        <div className="queue-toolbar">
          {reviewable ? (
            <Typography.Text type="secondary" className="queue-help" data-testid="queue-help">
              {t('queue.help')}
            </Typography.Text>
          ) : (
            <Alert type="info" showIcon className="block-gap" title={t('queue.readOnly')} data-testid="queue-read-only" />
          )}
          {lastMerge && <MergeResultAlert merge={lastMerge} undoing={undo.isPending} onUndo={undoLast} onClose={() => setLastMerge(null)} />}
          {summary && <QueueBulkSummary outcome={summary} onClose={() => setSummary(null)} />}
          {reviewable && decisions.some((d) => d !== 'merge') && (
            <QueueBulkBar
              shown={items.length}
              selected={chosen.length}
              onSelectAll={(on) => setSelected(on ? new Set(items.map((c) => c.id)) : new Set())}
              apart={decisions.includes('apart')}
              later={decisions.includes('later')}
              busy={bulk.isPending ? bulk.variables.decision : null}
              onBulk={runBulk}
            />
          )}
        </div>
        <QueryErrorAlert error={list.error} onRetry={list.refetch} />
        <div className="candidate-list" data-testid="candidate-list" data-status={status}>
          {items.map((c, i) => (
            <CandidateCard
              key={c.id}
              candidate={c}
              focused={i === at}
              onFocus={() => setFocus(i)}
              decisions={decisions}
              onDecide={(d) => decide(c, d)}
              busy={action.isPending && action.variables.id === c.id ? action.variables.decision : null}
              keep={keep[c.id] ?? c.sources[0].id}
              onKeep={(id) => setKeep((k) => ({ ...k, [c.id]: id }))}
              selectable={reviewable && decisions.some((d) => d !== 'merge')}
              selected={selected.has(c.id)}
              onSelect={(on) => select(c.id, on)}
            />
          ))}
          {!list.isPending && items.length === 0 && (
            <Empty data-testid="queue-empty" description={status === 'merged' ? t('queue.mergedEmpty') : t('queue.empty')} />
          )}
          {list.isPending && <Card loading size="small" />}
        </div>
        <LoadMoreButton
          hasNextPage={list.hasNextPage}
          isFetchingNextPage={list.isFetchingNextPage}
          fetchNextPage={list.fetchNextPage}
          shown={items.length}
          testId="queue-load-more"
        />
      </Card>
    </div>
  );
}
