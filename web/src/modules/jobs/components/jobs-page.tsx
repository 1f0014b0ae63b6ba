import { ReloadOutlined, SyncOutlined } from '@ant-design/icons';
import { Button, Card, Popconfirm, Progress, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { HTMLAttributes, Key } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { JOB_STATUSES, type Job, type JobStatus } from '../../../api/types.ts';
import { useCan } from '../../auth/hooks/use-can.ts';
import { LoadMoreButton } from '../../ui/components/load-more-button.tsx';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { useJobAction } from '../hooks/use-job-action.ts';
import { useJobList } from '../hooks/use-job-list.ts';
import { isActiveJob } from '../utils/is-active-job.ts';
import { jobPercent, PROGRESS_STATUS } from '../utils/job-percent.ts';
import { jobErrorText } from '../utils/job-error-text.ts';
import { JobDetails } from './job-details.tsx';
import { JobStatusTag } from './job-status-tag.tsx';

export function JobsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const notify = useNotify();
  const [params] = useSearchParams();
  // Arriving from an import (?id=), that job is shown opened.
  const focus = Number(params.get('id')) || undefined;
  const [expanded, setExpanded] = useState<readonly Key[]>(focus ? [focus] : []);
  const [status, setStatus] = useState<JobStatus>();
  const list = useJobList({ status });
  const action = useJobAction();
  const writable = can('jobs.write');
  const polling = list.items.some(isActiveJob);

  const run = (job: Job, kind: 'cancel' | 'resume') =>
    action.mutate(
      { id: job.id, action: kind },
      { onSuccess: () => notify.success(kind === 'cancel' ? t('jobs.cancelSent') : t('jobs.resumed')), onError: notify.error },
    );

  return (
    <div className="page">
      <Card
        size="small"
        title={t('jobs.title')}
        extra={
          <Space>
            {polling && (
              <Typography.Text type="secondary" data-testid="jobs-polling">
                <SyncOutlined spin /> {t('jobs.autoRefresh')}
              </Typography.Text>
            )}
            <Button size="small" icon={<ReloadOutlined />} onClick={() => void list.refetch()} data-testid="jobs-refresh">
              {t('common.refresh')}
            </Button>
          </Space>
        }
      >
        <Space wrap className="filters">
          <Select<JobStatus>
            data-testid="job-filter-status"
            allowClear
            placeholder={t('jobs.anyStatus')}
            value={status}
            onChange={setStatus}
            options={JOB_STATUSES.map((s) => ({ value: s, label: t(`jobs.statuses.${s}`) }))}
            style={{ width: 150 }}
          />
        </Space>
        <QueryErrorAlert error={list.error} onRetry={list.refetch} />
        <Table<Job>
          data-testid="jobs-table"
          size="small"
          rowKey="id"
          loading={list.isPending}
          dataSource={list.items}
          pagination={false}
          scroll={{ x: 1000 }}
          rowClassName={(j) => (j.id === focus ? 'row-focus' : '')}
          onRow={(j) => ({ 'data-testid': `job-row-${j.id}` }) as HTMLAttributes<HTMLElement>}
          expandable={{ expandedRowRender: (j) => <JobDetails job={j} />, expandedRowKeys: expanded, onExpandedRowsChange: setExpanded }}
          columns={[
            { title: t('jobs.id'), dataIndex: 'id', width: 70 },
            { title: t('jobs.kind'), dataIndex: 'kind', width: 150, render: (k: string) => t(`jobs.kinds.${k}`, { defaultValue: k }) },
            { title: t('jobs.status'), key: 'status', width: 100, render: (_, j) => <JobStatusTag job={j} /> },
            {
              title: t('jobs.progress'),
              key: 'progress',
              width: 200,
              render: (_, j) => (
                <Tooltip title={`${j.progressDone} / ${j.progressTotal ?? '?'}`}>
                  <div data-testid="job-progress">
                    <Progress percent={jobPercent(j)} size="small" status={PROGRESS_STATUS[j.status]} />
                    <Typography.Text type="secondary" className="progress-count">
                      {j.progressDone} / {j.progressTotal ?? '?'}
                    </Typography.Text>
                  </div>
                </Tooltip>
              ),
            },
            {
              title: t('jobs.message'),
              key: 'message',
              render: (_, j) => {
                const err = j.status === 'failed' ? jobErrorText(j.error, lang) : null;
                return (
                  <span data-testid="job-message">
                    {j.message ?? ''}
                    {err && <Typography.Text type="danger"> {err}</Typography.Text>}
                  </span>
                );
              },
            },
            { title: t('jobs.createdAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(v, lang) },
            ...(writable
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    fixed: 'right' as const,
                    width: 110,
                    render: (_: unknown, j: Job) => (
                      <Space size={0}>
                        {isActiveJob(j) && (
                          <Popconfirm title={`${t('jobs.cancel')} #${j.id}?`} okText={t('common.yes')} cancelText={t('common.no')} onConfirm={() => run(j, 'cancel')}>
                            <Button type="link" size="small" danger disabled={j.cancelRequested} data-testid="job-cancel">
                              {t('jobs.cancel')}
                            </Button>
                          </Popconfirm>
                        )}
                        {(j.status === 'failed' || j.status === 'cancelled') && (
                          <Button type="link" size="small" data-testid="job-resume" onClick={() => run(j, 'resume')}>
                            {t('jobs.resume')}
                          </Button>
                        )}
                      </Space>
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
          testId="jobs-load-more"
        />
      </Card>
    </div>
  );
}
