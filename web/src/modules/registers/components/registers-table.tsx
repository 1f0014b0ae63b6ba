import { Button, Popconfirm, Space, Table, Typography, type ButtonProps } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { Register } from '../../../api/types.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { formatBytes } from '../../ui/utils/format-bytes.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { useRegisterAction } from '../hooks/use-register-action.ts';
import { registerErrorsUrl } from '../utils/register-errors-url.ts';
import { RegisterJobProgress } from './register-job-progress.tsx';
import { RegisterStatusTag } from './register-status-tag.tsx';

interface Props {
  items: Register[];
  loading: boolean;
  /** Whether this session may re-import and delete. */
  writable: boolean;
  onRows: (r: Register) => void;
}

export function RegistersTable({ items, loading, writable, onRows }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useNotify();
  const action = useRegisterAction();

  const reimport = (r: Register) =>
    action.mutate({ id: r.id, action: 'reimport' }, { onSuccess: () => notify.success(t('registers.reimported')), onError: notify.error });
  const remove = (r: Register) =>
    action.mutate({ id: r.id, action: 'delete' }, { onSuccess: () => notify.success(t('registers.deleted')), onError: notify.error });

  return (
    <Table<Register>
      data-testid="registers-table"
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={items}
      pagination={false}
      scroll={{ x: 1200 }}
      onRow={(r) => ({ 'data-testid': `register-row-${r.id}`, 'data-status': r.status }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('registers.fileName'),
          key: 'file',
          width: 240,
          render: (_, r) => (
            <div>
              <Typography.Text data-testid="register-file-name" ellipsis={{ tooltip: r.fileName }} style={{ maxWidth: 220 }}>
                {r.fileName}
              </Typography.Text>
              <div>
                <Typography.Text type="secondary" className="option-code">
                  {r.format.toUpperCase()} · {r.encoding.toUpperCase()} · {formatBytes(r.fileSize)}
                </Typography.Text>
              </div>
            </div>
          ),
        },
        { title: t('registers.department'), dataIndex: 'department', width: 100, render: (d: Register['department']) => t(`departments.${d}`) },
        {
          title: t('registers.region'),
          key: 'region',
          width: 150,
          render: (_, r) => (
            <span>
              {r.regionName} <Typography.Text type="secondary" className="option-code">{r.regionCode}</Typography.Text>
            </span>
          ),
        },
        {
          title: t('registers.counts'),
          key: 'counts',
          width: 200,
          render: (_, r) => (
            <div>
              <span data-testid="register-counts">
                {r.rowCount} / {r.validCount} / <Typography.Text type={r.errorCount > 0 ? 'danger' : undefined}>{r.errorCount}</Typography.Text>
              </span>
              {r.status === 'importing' && r.jobId != null && <RegisterJobProgress jobId={r.jobId} />}
            </div>
          ),
        },
        { title: t('common.status'), key: 'status', width: 90, render: (_, r) => <RegisterStatusTag status={r.status} /> },
        { title: t('registers.importedAt'), dataIndex: 'importedAt', width: 160, render: (v: string | null) => formatDateTime(v, lang) },
        {
          title: t('common.actions'),
          key: 'actions',
          fixed: 'right',
          width: lang === 'en' ? 260 : 220,
          render: (_, r) => (
            <Space size={0} wrap>
              <Button type="link" size="small" data-testid="register-rows" onClick={() => onRows(r)}>
                {t('registers.rows')}
              </Button>
              {r.errorCount > 0 && (
                <Button type="link" size="small" href={registerErrorsUrl(r.id)} download data-testid="register-errors-download">
                  {t('registers.errors')}
                </Button>
              )}
              {writable && (r.status === 'failed' || r.status === 'cancelled') && (
                <Button type="link" size="small" data-testid="register-reimport" onClick={() => reimport(r)}>
                  {t('registers.reimport')}
                </Button>
              )}
              {writable && r.status !== 'importing' && (
                <Popconfirm
                  title={t('registers.confirmDelete', { name: r.fileName, count: r.rowCount })}
                  okText={t('common.yes')}
                  cancelText={t('common.no')}
                  okButtonProps={{ danger: true, 'data-testid': 'register-delete-confirm' } as ButtonProps}
                  onConfirm={() => remove(r)}
                >
                  <Button type="link" size="small" danger data-testid="register-delete">
                    {t('registers.delete')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
