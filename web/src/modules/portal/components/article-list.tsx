import { Button, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useCan } from '../../auth/hooks/use-can.ts';
import { LoadMoreButton } from '../../ui/components/load-more-button.tsx';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useDebouncedValue } from '../../ui/hooks/use-debounced-value.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { useArticles, type ArticleFilter } from '../hooks/use-portal.ts';
import { LANGS, SECTIONS, STATUSES, type ArticleRow } from '../utils/portal-api.ts';
import { ArticleActions } from './article-actions.tsx';
import { ArticleStatusTag } from './status-tag.tsx';

/** The articles of the caller's scope, newest change first, with filters and the actions each status allows. */
export function ArticleList() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<ArticleFilter>({});
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const list = useArticles({ ...filter, q: q || undefined });
  const pick = (key: keyof ArticleFilter) => (v: string | undefined) => setFilter((f) => ({ ...f, [key]: v || undefined }));
  const options = <K extends string>(keys: readonly K[], label: (k: K) => string) => keys.map((k) => ({ value: k, label: label(k) }));

  const columns: ColumnsType<ArticleRow> = [
    {
      title: t('portal.list.titleCol'), dataIndex: 'title', ellipsis: true,
      render: (v: string, r) => <Link to={`/portal/articles/${r.id}`} data-testid={`portal-open-${r.id}`}>{v}</Link>,
    },
    { title: t('portal.list.section'), dataIndex: 'section', width: 110, render: (s: ArticleRow['section']) => t(`portal.sections.${s}`) },
    { title: t('portal.list.lang'), dataIndex: 'lang', width: 80, render: (l: ArticleRow['lang']) => t(`portal.langs.${l}`) },
    { title: t('portal.list.status'), dataIndex: 'status', width: 110, render: (s: ArticleRow['status']) => <ArticleStatusTag status={s} /> },
    { title: t('portal.list.updated'), dataIndex: 'updatedAt', width: 170, render: (v: string) => formatDateTime(v, lang) },
    { title: t('portal.list.views'), dataIndex: 'views', width: 80, align: 'right' },
    {
      title: t('portal.list.link'), dataIndex: 'url', width: 200, ellipsis: true,
      render: (url: string, r) => (r.status === 'published' ? <a href={url} target="_blank" rel="noopener noreferrer" data-testid={`portal-public-${r.id}`}>{url}</a> : <span className="muted">—</span>),
    },
    {
      title: t('portal.list.actions'), key: 'actions', width: 280,
      render: (_: unknown, r) => (
        <Space wrap size={4}>
          <Button size="small" onClick={() => navigate(`/portal/articles/${r.id}`)}>{t(r.status === 'draft' || r.status === 'unpublished' ? 'portal.list.open' : 'portal.list.view')}</Button>
          <ArticleActions article={r} compact />
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="portal-articles">
      <Space wrap className="block-gap">
        <Select allowClear style={{ width: 140 }} placeholder={t('portal.list.section')} data-testid="portal-filter-section" value={filter.section}
          options={options(SECTIONS, (s) => t(`portal.sections.${s}`))} onChange={pick('section')} />
        <Select allowClear style={{ width: 110 }} placeholder={t('portal.list.lang')} data-testid="portal-filter-lang" value={filter.lang}
          options={options(LANGS, (l) => t(`portal.langs.${l}`))} onChange={pick('lang')} />
        <Select allowClear style={{ width: 130 }} placeholder={t('portal.list.status')} data-testid="portal-filter-status" value={filter.status}
          options={options(STATUSES, (s) => t(`portal.statuses.${s}`))} onChange={pick('status')} />
        <Input.Search allowClear style={{ width: 260 }} maxLength={100} placeholder={t('portal.list.search')} data-testid="portal-filter-q" value={text} onChange={(e) => setText(e.target.value)} />
        {can('portal.write') && <Button type="primary" data-testid="portal-new" onClick={() => navigate('/portal/new')}>{t('portal.list.new')}</Button>}
      </Space>
      <QueryErrorAlert error={list.error} onRetry={() => list.refetch()} />
      <Table<ArticleRow>
        data-testid="portal-article-list"
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.items}
        columns={columns}
        pagination={false}
        scroll={{ x: 1100 }}
        locale={{ emptyText: <Typography.Text type="secondary">{t('portal.list.empty')}</Typography.Text> }}
        onRow={(r) => ({ 'data-testid': `portal-row-${r.id}`, 'data-status': r.status }) as HTMLAttributes<HTMLElement>}
      />
      <LoadMoreButton hasNextPage={list.hasNextPage} isFetchingNextPage={list.isFetchingNextPage} fetchNextPage={list.fetchNextPage} shown={list.items.length} testId="portal-more" />
    </div>
  );
}
