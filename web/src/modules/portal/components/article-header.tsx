import { HistoryOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useCan } from '../../auth/hooks/use-can.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import type { Article } from '../utils/portal-api.ts';
import { ArticleActions } from './article-actions.tsx';
import { HistoryDrawer } from './history-drawer.tsx';
import { ArticleStatusTag } from './status-tag.tsx';

/** The editor card's title: the article's title, status, language and version, and whether edits are unsaved. */
export function ArticleHeader({ article: a, dirty }: { article: Article; dirty: boolean }) {
  const { t } = useTranslation();
  return (
    <Space wrap size={6}>
      <Typography.Text strong data-testid="portal-heading">{a.title}</Typography.Text>
      <ArticleStatusTag status={a.status} testId="portal-status" />
      <Tag className="inline-tag">{t(`portal.langs.${a.lang}`)}</Tag>
      <Typography.Text type="secondary">{t('portal.editor.version', { version: a.version })}</Typography.Text>
      {dirty && <Tag className="inline-tag" color="orange" data-testid="portal-dirty">{t('portal.editor.unsaved')}</Tag>}
    </Space>
  );
}

/** Where the article stands: review note, schedule, publication, views, its other language, the workflow buttons and the history. */
export function ArticleMeta({ article: a, prepare }: { article: Article; prepare: () => Promise<number | null> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const navigate = useNavigate();
  const [history, setHistory] = useState(false);
  const other = a.lang === 'zh' ? 'en' : 'zh';
  const otherName = t(`portal.langs.${other}`);
  return (
    <div className="block-gap" data-testid="portal-meta">
      {a.reviewNote && a.status === 'draft' && (
        <Alert type="error" showIcon className="block-gap" data-testid="portal-review-note" title={t('portal.editor.reviewNote', { note: a.reviewNote })} />
      )}
      <Space wrap size={12} className="block-gap">
        {a.status === 'scheduled' && <Typography.Text data-testid="portal-scheduled-at">{t('portal.editor.scheduledAt', { at: formatDateTime(a.publishAt, lang) })}</Typography.Text>}
        {a.publishedAt && <Typography.Text type="secondary">{t('portal.editor.publishedAt', { at: formatDateTime(a.publishedAt, lang) })}</Typography.Text>}
        <Typography.Text type="secondary" data-testid="portal-views">{t('portal.editor.views', { count: a.views })}</Typography.Text>
        {a.status === 'published' && <a href={a.url} target="_blank" rel="noopener noreferrer" data-testid="portal-public-link">{t('portal.editor.openPublic')} {a.url}</a>}
        {a.translation ? (
          <span data-testid="portal-translation">
            {t('portal.editor.translation', { lang: t(`portal.langs.${a.translation.lang}`) })}
            <Link to={`/portal/articles/${a.translation.id}`} data-testid="portal-translation-link">{a.translation.title}</Link>{' '}
            <ArticleStatusTag status={a.translation.status} />
          </span>
        ) : can('portal.write') && (
          <Button size="small" data-testid="portal-create-translation" onClick={() => navigate(`/portal/new?translationOf=${a.id}`)}>
            {t('portal.editor.createTranslation', { lang: otherName })}
          </Button>
        )}
      </Space>
      <Space wrap>
        <ArticleActions article={a} prepare={prepare} />
        <Button icon={<HistoryOutlined />} data-testid="portal-history-open" onClick={() => setHistory(true)}>{t('portal.actions.history')}</Button>
      </Space>
      <HistoryDrawer articleId={a.id} open={history} onClose={() => setHistory(false)} />
    </div>
  );
}
