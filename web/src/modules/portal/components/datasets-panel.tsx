import { Alert, Button, Form, Input, Modal, Table } from 'antd';
import type { ButtonProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCan } from '../../auth/hooks/use-can.ts';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { useCreateDataset, useDatasets } from '../hooks/use-portal.ts';
import type { DatasetRow } from '../utils/portal-api.ts';

interface DatasetForm { titleZh: string; titleEn: string; region?: string }

/** 成果数据: approved emission totals frozen for a results page; each can start a results article. */
export function DatasetsPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const notify = useNotify();
  const navigate = useNavigate();
  const datasets = useDatasets();
  const create = useCreateDataset();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<DatasetForm>();
  const write = can('portal.write');
  const article = (d: DatasetRow) => navigate(`/portal/new?${new URLSearchParams({ section: 'results', datasetId: String(d.id), title: lang === 'en' ? d.titleEn : d.titleZh })}`);

  const columns: ColumnsType<DatasetRow> = [
    { title: t('portal.datasets.titleZh'), dataIndex: 'titleZh' },
    { title: t('portal.datasets.titleEn'), dataIndex: 'titleEn' },
    { title: t('portal.datasets.regionCol'), dataIndex: 'regionCode', width: 100 },
    { title: t('portal.datasets.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v, lang) },
    ...(write ? [{
      title: t('portal.datasets.actions'), key: 'actions', width: 150,
      render: (_: unknown, d: DatasetRow) => <Button size="small" data-testid={`portal-dataset-article-${d.id}`} onClick={() => article(d)}>{t('portal.datasets.newArticle')}</Button>,
    }] : []),
  ];

  return (
    <div data-testid="portal-datasets">
      {write && <Button type="primary" className="block-gap" data-testid="portal-dataset-create" onClick={() => setOpen(true)}>{t('portal.datasets.create')}</Button>}
      <QueryErrorAlert error={datasets.error} onRetry={() => datasets.refetch()} />
      <Table<DatasetRow> size="small" rowKey="id" loading={datasets.isPending} dataSource={datasets.data ?? []} columns={columns} pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('portal.datasets.empty') }} onRow={(d) => ({ 'data-testid': `portal-dataset-${d.id}` }) as HTMLAttributes<HTMLElement>} />
      {open && (
        <Modal open title={t('portal.datasets.create')} onCancel={() => setOpen(false)} okText={t('portal.ok')} cancelText={t('portal.cancel')}
          okButtonProps={{ loading: create.isPending, 'data-testid': 'portal-dataset-ok' } as ButtonProps} onOk={() => form.submit()}>
          <Alert type="info" showIcon className="block-gap" title={t('portal.datasets.createHint')} />
          <Form form={form} layout="vertical"
            onFinish={(v) => create.mutate({ titleZh: v.titleZh.trim(), titleEn: v.titleEn.trim(), region: v.region?.trim() || undefined }, {
              onSuccess: (d) => { setOpen(false); form.resetFields(); notify.success(t('portal.datasets.created')); article(d); },
              onError: notify.error,
            })}>
            <Form.Item name="titleZh" label={t('portal.datasets.titleZh')} rules={[{ required: true, whitespace: true, max: 200 }]}>
              <Input data-testid="portal-dataset-title-zh" />
            </Form.Item>
            <Form.Item name="titleEn" label={t('portal.datasets.titleEn')} rules={[{ required: true, whitespace: true, max: 200 }]}>
              <Input data-testid="portal-dataset-title-en" />
            </Form.Item>
            <Form.Item name="region" label={t('portal.datasets.region')} rules={[{ pattern: /^[0-9]{6}$/ }]}>
              <Input data-testid="portal-dataset-region" maxLength={6} />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </div>
  );
}
