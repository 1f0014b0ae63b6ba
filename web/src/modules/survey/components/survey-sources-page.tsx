import { ExperimentOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router-dom';
import { SOURCE_CATEGORIES, type Source, type SourceCategory } from '../../../api/types.ts';
import { useSession } from '../../auth/hooks/use-session.ts';
import { ownSurveyPath } from '../../auth/utils/landing-path.ts';
import { useSourceList } from '../../directory/hooks/use-source-list.ts';
import { LoadMoreButton } from '../../ui/components/load-more-button.tsx';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useDebouncedValue } from '../../ui/hooks/use-debounced-value.ts';

/** 入户调查: the sources of the user's scope to survey; a click opens the source's forms. A respondent goes straight to its own. */
export function SurveySourcesPage() {
  const own = ownSurveyPath(useSession());
  return own ? <Navigate to={own} replace /> : <SourceList />;
}

function SourceList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [category, setCategory] = useState<SourceCategory | undefined>('industrial');
  const q = useDebouncedValue(text.trim(), 400) || undefined;
  const list = useSourceList({ q, category });

  return (
    <div className="page" data-testid="survey-sources">
      <Card
        size="small"
        title={t('survey.sourcesTitle')}
        extra={
          <Space>
            <Button size="small" icon={<ExperimentOutlined />} onClick={() => navigate('/survey/try')}>{t('survey.practice')}</Button>
            <Button size="small" icon={<ReloadOutlined />} onClick={() => void list.refetch()}>{t('common.refresh')}</Button>
          </Space>
        }
      >
        <Space wrap className="filters">
          <Input.Search allowClear size="small" style={{ width: 260 }} placeholder={t('survey.searchPlaceholder')} value={text} onChange={(e) => setText(e.target.value)} data-testid="survey-search" />
          <Select
            size="small"
            allowClear
            style={{ width: 160 }}
            value={category}
            onChange={setCategory}
            placeholder={t('survey.category')}
            options={SOURCE_CATEGORIES.map((c) => ({ value: c, label: t(`directory.categories.${c}`) }))}
          />
        </Space>
        <QueryErrorAlert error={list.error} onRetry={list.refetch} />
        <Table<Source>
          size="small"
          rowKey="id"
          data-testid="survey-sources-table"
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          dataSource={list.items}
          pagination={false}
          rowClassName="clickable-row"
          onRow={(s) => ({ 'data-testid': `survey-source-${s.id}`, onClick: () => navigate(`/survey/sources/${s.id}`) }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: '#', dataIndex: 'id', width: 64 },
            { title: t('directory.fields.name'), dataIndex: 'name', width: 260, render: (v: string) => <Typography.Link>{v}</Typography.Link> },
            { title: t('directory.fields.creditCode'), dataIndex: 'creditCode', width: 180, render: (v: string | null) => <span className="option-code">{v ?? ''}</span> },
            { title: t('directory.fields.industryCode'), dataIndex: 'industryCode', width: 90 },
            { title: t('directory.fields.category'), dataIndex: 'category', width: 120, render: (c: SourceCategory) => t(`directory.categories.${c}`) },
            { title: t('directory.fields.regionCode'), dataIndex: 'regionName', width: 120, ellipsis: true },
            { title: t('directory.fields.address'), dataIndex: 'address', ellipsis: true },
          ]}
        />
        <LoadMoreButton hasNextPage={list.hasNextPage} isFetchingNextPage={list.isFetchingNextPage} fetchNextPage={list.fetchNextPage} shown={list.items.length} testId="survey-load-more" />
      </Card>
    </div>
  );
}
