import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Popconfirm, Space, Table } from 'antd';
import type { ButtonProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/hooks/use-can.ts';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useLinkChange, useLinks } from '../hooks/use-portal.ts';
import type { PortalLink } from '../utils/portal-api.ts';

interface LinkForm { nameZh: string; nameEn: string; url: string }

/** 相关链接: the related sites on every public page, in order; moving one renumbers the list by tens. */
export function LinksPanel() {
  const { t } = useTranslation();
  const can = useCan();
  const notify = useNotify();
  const links = useLinks();
  const change = useLinkChange();
  const [editing, setEditing] = useState<PortalLink | 'new' | null>(null);
  const [moving, setMoving] = useState(false);
  const rows = links.data ?? [];
  const write = can('portal.write');

  const move = async (i: number, d: number) => {
    const order = [...rows];
    const [l] = order.splice(i, 1);
    order.splice(i + d, 0, l);
    setMoving(true);
    try {
      for (const [k, x] of order.entries()) {
        const position = (k + 1) * 10;
        if (x.position !== position) await change.mutateAsync({ action: 'edit', id: x.id, body: { version: x.version, position } });
      }
    } catch (e) {
      notify.error(e);
    } finally {
      setMoving(false);
    }
  };

  const columns: ColumnsType<PortalLink> = [
    { title: t('portal.links.nameZh'), dataIndex: 'nameZh' },
    { title: t('portal.links.nameEn'), dataIndex: 'nameEn' },
    { title: t('portal.links.url'), dataIndex: 'url', ellipsis: true, render: (u: string) => <a href={u} target="_blank" rel="noopener noreferrer">{u}</a> },
    { title: t('portal.links.position'), dataIndex: 'position', width: 80, align: 'right' },
    ...(write ? [{
      title: t('portal.links.actions'), key: 'actions', width: 170,
      render: (_: unknown, l: PortalLink, i: number) => (
        <Space size={4}>
          <Button size="small" icon={<ArrowUpOutlined />} title={t('portal.links.up')} aria-label={t('portal.links.up')} disabled={i === 0 || moving} onClick={() => void move(i, -1)} />
          <Button size="small" icon={<ArrowDownOutlined />} title={t('portal.links.down')} aria-label={t('portal.links.down')} disabled={i === rows.length - 1 || moving} onClick={() => void move(i, 1)} />
          <Button size="small" icon={<EditOutlined />} title={t('portal.links.edit')} aria-label={t('portal.links.edit')} data-testid={`portal-link-edit-${l.id}`} onClick={() => setEditing(l)} />
          <Popconfirm title={t('portal.links.removeConfirm')} okText={t('portal.ok')} cancelText={t('portal.cancel')}
            onConfirm={() => change.mutate({ action: 'delete', id: l.id }, { onError: notify.error })}>
            <Button size="small" danger icon={<DeleteOutlined />} title={t('portal.links.remove')} aria-label={t('portal.links.remove')} data-testid={`portal-link-delete-${l.id}`} />
          </Popconfirm>
        </Space>
      ),
    }] : []),
  ];

  return (
    <div data-testid="portal-links">
      {write && <Button type="primary" className="block-gap" data-testid="portal-link-add" onClick={() => setEditing('new')}>{t('portal.links.add')}</Button>}
      <QueryErrorAlert error={links.error} onRetry={() => links.refetch()} />
      <Table<PortalLink> size="small" rowKey="id" loading={links.isPending || moving} dataSource={rows} columns={columns} pagination={false}
        locale={{ emptyText: t('portal.links.empty') }} onRow={(l) => ({ 'data-testid': `portal-link-${l.id}` }) as HTMLAttributes<HTMLElement>} />
      {editing && (
        <LinkModal link={editing === 'new' ? null : editing} busy={change.isPending} onClose={() => setEditing(null)}
          onOk={(v) => {
            const done = { onSuccess: () => setEditing(null), onError: notify.error };
            if (editing === 'new') change.mutate({ action: 'create', body: { ...v, position: ((rows.at(-1)?.position ?? 0) + 10) } }, done);
            else change.mutate({ action: 'edit', id: editing.id, body: { ...v, version: editing.version } }, done);
          }} />
      )}
    </div>
  );
}

function LinkModal({ link, busy, onClose, onOk }: { link: PortalLink | null; busy: boolean; onClose: () => void; onOk: (v: LinkForm) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LinkForm>();
  return (
    <Modal open title={t(link ? 'portal.links.edit' : 'portal.links.add')} onCancel={onClose} okText={t('portal.ok')} cancelText={t('portal.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'portal-link-ok' } as ButtonProps} onOk={() => form.submit()}>
      <Form form={form} layout="vertical" initialValues={link ?? { nameZh: '', nameEn: '', url: 'https://' }}
        onFinish={(v) => onOk({ nameZh: v.nameZh.trim(), nameEn: v.nameEn.trim(), url: v.url.trim() })}>
        <Form.Item name="nameZh" label={t('portal.links.nameZh')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input data-testid="portal-link-name-zh" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('portal.links.nameEn')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input data-testid="portal-link-name-en" />
        </Form.Item>
        <Form.Item name="url" label={t('portal.links.url')} rules={[{ required: true, pattern: /^https?:\/\/[^\s/]+/i, max: 500 }]}>
          <Input data-testid="portal-link-url" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
