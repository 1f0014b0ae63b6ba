import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Input, Space, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency } from '../../../api/types.ts';
import { useCan } from '../../auth/hooks/use-can.ts';
import { LoadMoreButton } from '../../ui/components/load-more-button.tsx';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useDebouncedValue } from '../../ui/hooks/use-debounced-value.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { useAgencyList } from '../hooks/use-agency-list.ts';
import { AgencyFormModal } from './agency-form-modal.tsx';

export function AgenciesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const debounced = useDebouncedValue(text, 400);
  const [dialog, setDialog] = useState<{ agency?: Agency } | null>(null);
  // Enter searches at once; typing searches after a pause.
  const list = useAgencyList((q === text ? q : debounced).trim());
  const writable = can('agencies.write');
  const none = (v: string | null) => v ?? t('common.none');

  return (
    <div className="page">
      <Card
        size="small"
        title={t('agencies.title')}
        extra={
          writable && (
            <Button type="primary" icon={<PlusOutlined />} data-testid="agency-create" onClick={() => setDialog({})}>
              {t('agencies.create')}
            </Button>
          )
        }
      >
        <Space wrap className="filters">
          <Input
            data-testid="agency-filter-q"
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('agencies.searchPlaceholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onPressEnter={() => setQ(text)}
            style={{ width: 260 }}
          />
        </Space>
        <QueryErrorAlert error={list.error} onRetry={list.refetch} />
        <Table<Agency>
          data-testid="agencies-table"
          size="small"
          rowKey="id"
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          dataSource={list.items}
          pagination={false}
          scroll={{ x: 1000 }}
          onRow={(a) => ({ 'data-testid': `agency-row-${a.id}` }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('agencies.name'), dataIndex: 'name', width: 220 },
            {
              title: t('agencies.region'),
              key: 'region',
              width: 150,
              render: (_, a) => (
                <span>
                  {a.regionName} <Typography.Text type="secondary" className="option-code">{a.regionCode}</Typography.Text>
                </span>
              ),
            },
            { title: t('agencies.creditCode'), dataIndex: 'creditCode', width: 190, render: (v: string | null) => <span className="mono">{none(v)}</span> },
            { title: t('agencies.contact'), dataIndex: 'contact', width: 100, render: none },
            { title: t('agencies.phone'), dataIndex: 'phone', width: 130, render: none },
            { title: t('agencies.contractRef'), dataIndex: 'contractRef', width: 140, render: none },
            { title: t('agencies.createdAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(v, lang) },
            ...(writable
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    fixed: 'right' as const,
                    width: 80,
                    render: (_: unknown, a: Agency) => (
                      <Button type="link" size="small" data-testid="agency-edit" onClick={() => setDialog({ agency: a })}>
                        {t('common.edit')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
        <LoadMoreButton
          hasNextPage={list.hasNextPage}
          isFetchingNextPage={list.isFetchingNextPage}
          fetchNextPage={list.fetchNextPage}
          shown={list.items.length}
          testId="agencies-load-more"
        />
      </Card>
      {dialog && <AgencyFormModal agency={dialog.agency} onClose={() => setDialog(null)} />}
    </div>
  );
}
