import { Alert, Button, Drawer, Form, Input, InputNumber, Popconfirm, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelAdmin, useMembers, useWebhooks } from '../hooks/use-channels.ts';
import type { Member, Webhook } from '../utils/channels-api.ts';

/** Members and outgoing webhooks of a channel, for its admins (channels.admin over its region). */
export function AdminDrawer({ channelId, open, onClose }: { channelId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const members = useMembers(channelId, open);
  const hooks = useWebhooks(channelId, open);
  const admin = useChannelAdmin(channelId);
  const [secret, setSecret] = useState<string | null>(null);
  const error = [admin.addMember, admin.removeMember, admin.addWebhook, admin.removeWebhook].find((m) => m.error)?.error as Error | undefined;

  return (
    <Drawer open={open} onClose={onClose} size="large" title={t('channels.admin.open')} data-testid="channel-admin">
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error.message} />}
      <Tabs items={[
        {
          key: 'members', label: t('channels.admin.members'), children: (
            <>
              <Form layout="inline" onFinish={(v: { userId: number; duty?: string }) => admin.addMember.mutate(v)} style={{ marginBottom: 12 }}>
                <Form.Item name="userId" rules={[{ required: true }]}><InputNumber min={1} placeholder={t('channels.admin.userId')} /></Form.Item>
                <Form.Item name="duty"><Input placeholder={t('channels.admin.duty')} maxLength={100} /></Form.Item>
                <Button htmlType="submit" type="primary" loading={admin.addMember.isPending}>{t('channels.admin.add')}</Button>
              </Form>
              <Table<Member> size="small" rowKey="userId" loading={members.isLoading} dataSource={members.data?.items ?? []} pagination={false}
                columns={[
                  { title: t('channels.col.name'), dataIndex: 'name' },
                  { title: t('channels.col.role'), dataIndex: 'role', render: (r: string) => t(`roles.${r}` as 'roles.national-office') },
                  { title: t('channels.col.region'), dataIndex: 'region' },
                  { title: t('channels.col.duty'), dataIndex: 'duty' },
                  { key: 'x', render: (_: unknown, m) => <Popconfirm title={t('channels.admin.remove')} onConfirm={() => admin.removeMember.mutate(m.userId)}><Button size="small" danger type="link">{t('channels.admin.remove')}</Button></Popconfirm> },
                ]} />
            </>
          ),
        },
        {
          key: 'webhooks', label: t('channels.admin.webhooks'), children: (
            <>
              {secret && <Alert type="warning" showIcon closable onClose={() => setSecret(null)} style={{ marginBottom: 12 }}
                title={<Space direction="vertical"><span>{t('channels.admin.secretOnce')}</span><Typography.Text code copyable>{secret}</Typography.Text></Space>} />}
              <Form layout="vertical" onFinish={(v: { url: string; secret?: string }) => admin.addWebhook.mutate({ url: v.url, secret: v.secret || undefined }, { onSuccess: (h: Webhook) => setSecret(h.secret ?? null) })}>
                <Form.Item name="url" label={t('channels.admin.url')} rules={[{ required: true, pattern: /^https?:\/\/\S+$/ }]}><Input /></Form.Item>
                <Form.Item name="secret" label={t('channels.admin.secret')}><Input.Password /></Form.Item>
                <Button htmlType="submit" type="primary" loading={admin.addWebhook.isPending}>{t('channels.admin.add')}</Button>
              </Form>
              <Table<Webhook> size="small" rowKey="id" style={{ marginTop: 12 }} loading={hooks.isLoading} dataSource={hooks.data?.items ?? []} pagination={false}
                locale={{ emptyText: t('channels.admin.noWebhooks') }}
                columns={[
                  { title: t('channels.col.url'), dataIndex: 'url' },
                  { title: t('channels.col.createdAt'), dataIndex: 'createdAt', render: (v: string) => new Date(v).toLocaleString() },
                  { key: 'x', render: (_: unknown, h) => <Popconfirm title={t('channels.admin.remove')} onConfirm={() => admin.removeWebhook.mutate(h.id)}><Button size="small" danger type="link">{t('channels.admin.remove')}</Button></Popconfirm> },
                ]} />
            </>
          ),
        },
      ]} />
    </Drawer>
  );
}
