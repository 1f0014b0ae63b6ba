import { Button, Card, Form, Input, Modal, Select, Space, Tag } from 'antd';
import type { ButtonProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useCan } from '../../auth/hooks/use-can.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { useDispatches, useGenerateDispatch, type DispatchFilter } from '../hooks/use-dispatches.ts';
import { todayInChina, type Dispatch, type DispatchKind } from '../utils/supervision-api.ts';
import { LinkTable } from './link-table.tsx';
import { StatusTag } from './status-tag.tsx';

/** /supervision/dispatches — 双周调度 and 月通报 of the own scope; generating one opens it. */
export function DispatchesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter: DispatchFilter = { kind: (params.get('kind') as DispatchKind | null) ?? undefined, status: params.get('status') ?? undefined };
  const list = useDispatches(filter);
  const [open, setOpen] = useState(false);
  const change = (k: string, v: string | undefined) => {
    const p = new URLSearchParams(params);
    if (v) p.set(k, v); else p.delete(k);
    setParams(p, { replace: true });
  };

  const columns: ColumnsType<Dispatch> = [
    { title: t('supervisionWork.dispatches.kind'), dataIndex: 'kind', width: 120, render: (k: DispatchKind) => <Tag className="inline-tag">{t(`supervisionWork.kinds.${k}`)}</Tag> },
    { title: t('supervisionWork.dispatches.number'), dataIndex: 'number', width: 90, render: (n: number | null) => (n ? t('supervisionWork.dispatches.numberN', { n }) : '—') },
    { title: t('supervisionWork.dispatch.titleField'), dataIndex: 'title', ellipsis: true },
    { title: t('supervisionWork.dispatches.asOf'), dataIndex: 'asOf', width: 120 },
    { title: t('supervisionWork.dispatches.status'), dataIndex: 'status', width: 100, render: (s: string) => <StatusTag status={s} /> },
    { title: t('supervisionWork.dispatches.publishedAt'), dataIndex: 'publishedAt', width: 170, render: (v: string | null | undefined) => formatDateTime(v, lang) },
  ];

  return (
    <div className="page">
      <Card
        size="small"
        title={t('supervisionWork.dispatches.title')}
        extra={can('supervision.dispatch') && (
          <Button type="primary" data-testid="dispatch-generate" onClick={() => setOpen(true)}>{t('supervisionWork.dispatches.generate')}</Button>
        )}
      >
        <Space wrap className="block-gap">
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('supervisionWork.dispatches.anyKind')}
            value={filter.kind}
            onChange={(v: string | undefined) => change('kind', v)}
            options={(['biweekly', 'monthly'] as const).map((k) => ({ value: k, label: t(`supervisionWork.kinds.${k}`) }))}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('supervisionWork.dispatches.anyStatus')}
            value={filter.status}
            onChange={(v: string | undefined) => change('status', v)}
            options={(['draft', 'published'] as const).map((k) => ({ value: k, label: t(`supervisionWork.statuses.${k}`) }))}
          />
        </Space>
        <LinkTable<Dispatch> query={list} columns={columns} testId="dispatch-list" rowTestId="dispatch-row" empty={t('supervisionWork.dispatches.empty')}
          href={(r) => `/supervision/dispatches/${r.id}`} />
      </Card>
      {open && <GenerateModal onClose={() => setOpen(false)} onDone={(d) => navigate(`/supervision/dispatches/${d.id}`)} />}
    </div>
  );
}

function GenerateModal({ onClose, onDone }: { onClose: () => void; onDone: (d: Dispatch) => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const generate = useGenerateDispatch();
  const [form] = Form.useForm<{ kind: DispatchKind; asOf: string }>();
  const submit = (v: { kind: DispatchKind; asOf: string }) => generate.mutate(v, { onSuccess: onDone, onError: notify.error });
  return (
    <Modal
      open
      title={t('supervisionWork.dispatches.generate')}
      onCancel={onClose}
      okText={t('supervisionWork.dispatches.submit')}
      okButtonProps={{ 'data-testid': 'dispatch-submit', loading: generate.isPending } as ButtonProps}
      onOk={() => form.submit()}
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'biweekly', asOf: todayInChina() }} onFinish={submit}>
        <Form.Item name="kind" label={t('supervisionWork.dispatches.kind')} rules={[{ required: true }]}>
          <Select data-testid="dispatch-kind" options={(['biweekly', 'monthly'] as const).map((k) => ({ value: k, label: t(`supervisionWork.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="asOf" label={t('supervisionWork.dispatches.asOf')} rules={[{ required: true }]}>
          <Input type="date" data-testid="dispatch-asof" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
