import { Button, Empty, Popconfirm, Tag, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { SourceMerge } from '../../../api/types.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { useUndoMerge } from '../hooks/use-undo-merge.ts';

const sourceLink = (id: number, current: number) => (id === current ? <b>#{id}</b> : <Link to={`/directory/${id}`}>#{id}</Link>);

/** The merges and splits this source took part in, newest first; one not yet undone can be undone by a reviewer. */
export function SourceMergeList({ merges, sourceId, reviewable }: { merges: SourceMerge[]; sourceId: number; reviewable: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useNotify();
  const undo = useUndoMerge();

  const run = (m: SourceMerge) =>
    // 409 DIRECTORY_MERGE_STALE / DIRECTORY_MERGE_UNDONE carry their own message.
    undo.mutate(m.id, {
      onSuccess: (r) => notify.success(t(r.kind === 'split' ? 'directory.undoneSplit' : 'directory.undone', { id: r.restoredId })),
      onError: notify.error,
    });

  if (merges.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('directory.mergesEmpty')} data-testid="source-merges" />;
  return (
    <div className="merge-list" data-testid="source-merges">
      {merges.map((m) => (
        <div key={m.id} className="merge-list-item" data-testid={`source-merge-${m.id}`} data-kind={m.kind} data-undone={String(!!m.undoneAt)}>
          <span>
            {m.kind === 'split' ? (
              <>
                {sourceLink(m.survivorId, sourceId)} {t('directory.splitVerb')} {sourceLink(m.otherId, sourceId)}
              </>
            ) : (
              <>
                {sourceLink(m.otherId, sourceId)} {t('directory.mergeVerb')} {sourceLink(m.survivorId, sourceId)}
              </>
            )}{' '}
            <Typography.Text type="secondary">
              · {t('directory.movedRows', { count: m.movedRows })} · {formatDateTime(m.at, lang)}
            </Typography.Text>{' '}
            {m.undoneAt && <Tag>{t('directory.undoneAt', { at: formatDateTime(m.undoneAt, lang) })}</Tag>}
          </span>
          {reviewable && !m.undoneAt && (
            <Popconfirm
              title={t(m.kind === 'split' ? 'directory.confirmUndoSplit' : 'directory.confirmUndo')}
              okText={t('common.yes')}
              cancelText={t('common.no')}
              okButtonProps={{ 'data-testid': 'source-merge-undo-confirm' } as ButtonProps}
              onConfirm={() => run(m)}
            >
              <Button size="small" data-testid="source-merge-undo" loading={undo.isPending && undo.variables === m.id}>
                {t('directory.undo')}
              </Button>
            </Popconfirm>
          )}
        </div>
      ))}
    </div>
  );
}
