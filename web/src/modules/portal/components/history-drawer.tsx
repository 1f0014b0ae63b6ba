import { Button, Descriptions, Drawer, Empty, List, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { useHistory, useRevision } from '../hooks/use-portal.ts';
import { ArticleStatusTag } from './status-tag.tsx';

/** Every saved state of an article; a click shows that revision whole. */
export function HistoryDrawer({ articleId, open, onClose }: { articleId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const history = useHistory(articleId, open);
  const [rev, setRev] = useState<number | null>(null);
  return (
    <Drawer open={open} size="large" title={t('portal.history.title')} onClose={() => { setRev(null); onClose(); }} destroyOnHidden>
      {rev !== null ? <RevisionView articleId={articleId} rev={rev} onBack={() => setRev(null)} /> : (
        <>
          <QueryErrorAlert error={history.error} onRetry={() => history.refetch()} />
          <List
            data-testid="portal-history"
            loading={history.isPending}
            locale={{ emptyText: t('portal.history.empty') }}
            dataSource={history.data ?? []}
            renderItem={(h) => (
              <List.Item key={h.rev} data-testid={`portal-rev-${h.rev}`} className="clickable-row" onClick={() => setRev(h.rev)}>
                <List.Item.Meta
                  title={<span>{t('portal.history.rev', { rev: h.rev })} <ArticleStatusTag status={h.status} /> {h.title}</span>}
                  description={<span>{formatDateTime(h.at, lang)} · {h.by ?? '—'}{h.note ? ` · ${h.note}` : ''}</span>}
                />
              </List.Item>
            )}
          />
        </>
      )}
    </Drawer>
  );
}

function RevisionView({ articleId, rev, onBack }: { articleId: number; rev: number; onBack: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const r = useRevision(articleId, rev);
  return (
    <div data-testid="portal-revision">
      <Button size="small" className="block-gap" onClick={onBack}>{t('portal.history.back')}</Button>
      <QueryErrorAlert error={r.error} onRetry={() => r.refetch()} />
      {r.isPending ? <Spin /> : !r.data ? <Empty /> : (
        <>
          <Descriptions size="small" column={1} bordered className="block-gap" items={[
            { key: 'rev', label: t('portal.history.rev', { rev: r.data.rev }), children: <ArticleStatusTag status={r.data.status} /> },
            { key: 'at', label: t('portal.history.at'), children: formatDateTime(r.data.at, lang) },
            { key: 'title', label: t('portal.editor.titleField'), children: r.data.title },
            { key: 'summary', label: t('portal.editor.summary'), children: r.data.summary || '—' },
            { key: 'publisher', label: t('portal.editor.publisher'), children: r.data.publisher || '—' },
            { key: 'source', label: t('portal.editor.source'), children: r.data.source || '—' },
            { key: 'format', label: t('portal.editor.format'), children: t(`portal.formats.${r.data.format}`) },
            ...(r.data.note ? [{ key: 'note', label: t('portal.history.note'), children: r.data.note }] : []),
          ]} />
          <Typography.Text strong>{t('portal.editor.body')}</Typography.Text>
          <pre className="portal-revision-body" data-testid="portal-revision-body">{r.data.body}</pre>
        </>
      )}
    </div>
  );
}
