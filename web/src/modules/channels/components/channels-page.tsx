import { SettingOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useCan } from '../../auth/hooks/use-can.ts';
import { useSession } from '../../auth/hooks/use-session.ts';
import { useChannels, useMessages, useOlderMessages } from '../hooks/use-channels.ts';
import type { Message } from '../utils/channels-api.ts';
import { AdminDrawer } from './admin-drawer.tsx';
import { Composer } from './composer.tsx';
import { MessageItem } from './message-item.tsx';

/** 工作群: my channels with unread counts on the left, the open one's messages and composer on the right. */
export function ChannelsPage() {
  const { t } = useTranslation();
  const params = useParams();
  const navigate = useNavigate();
  const can = useCan();
  const session = useSession();
  const list = useChannels();
  const items = list.data?.items ?? [];
  const id = params.id ? Number(params.id) : undefined;
  const messages = useMessages(id);
  const olderQ = useOlderMessages(id ?? 0);
  const [older, setOlder] = useState<Message[]>([]);
  const [adminOpen, setAdminOpen] = useState(false);

  useEffect(() => setOlder([]), [id]);
  // With one channel or none chosen, open the first.
  useEffect(() => {
    if (!id && items.length > 0) navigate(`/channels/${items[0].id}`, { replace: true });
  }, [id, items, navigate]);

  const newest = messages.data?.items ?? [];
  const shown = [...newest, ...older.filter((o) => !newest.some((n) => n.id === o.id))].sort((a, b) => a.id - b.id);
  const loadOlder = () => {
    const first = shown[0];
    if (first) olderQ.mutate(first.id, { onSuccess: (p) => setOlder((o) => [...o, ...p.items]) });
  };

  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'stretch', minHeight: 'calc(100vh - 140px)' }}>
      <Card title={t('channels.title')} size="small" style={{ width: 300, flex: 'none' }} styles={{ body: { padding: 0 } }}>
        <div data-testid="channel-list">
          {list.isLoading && <Spin style={{ margin: 16 }} />}
          {!list.isLoading && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('channels.empty')} />}
          {items.map((c) => (
            <Link key={c.id} to={`/channels/${c.id}`} data-testid={`channel-item-${c.id}`}
              style={{ display: 'block', padding: '10px 12px', borderBottom: '1px solid #f0f0f0', background: c.id === id ? '#e6f4ff' : undefined, color: 'inherit' }}>
              <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                <Typography.Text strong ellipsis style={{ maxWidth: 210 }}>{c.name}</Typography.Text>
                <Badge count={c.id === id ? 0 : c.unread} data-testid={`channel-unread-${c.id}`} />
              </Space>
              {c.lastMessage && <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12, maxWidth: 270 }}>{c.lastMessage.body}</Typography.Text>}
            </Link>
          ))}
        </div>
      </Card>
      <Card size="small" style={{ flex: 1, minWidth: 0 }}
        title={messages.data?.channel.name ?? t('channels.title')}
        extra={id && can('channels.admin') ? <Button size="small" icon={<SettingOutlined />} onClick={() => setAdminOpen(true)} data-testid="channel-admin-open">{t('channels.admin.open')}</Button> : null}>
        {!id ? <Empty description={t('channels.pick')} /> : (
          <div style={{ display: 'flex', flexDirection: 'column', height: 'calc(100vh - 220px)' }}>
            <div data-testid="message-list" style={{ flex: 1, overflowY: 'auto', paddingRight: 4 }}>
              {messages.isLoading && <Spin />}
              {newest.length >= 50 && <Button type="link" onClick={loadOlder} loading={olderQ.isPending}>{t('channels.older')}</Button>}
              {!messages.isLoading && shown.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('channels.noMessages')} />}
              {shown.map((m) => <MessageItem key={m.id} m={m} mine={m.author?.name === session.displayName} />)}
            </div>
            <Composer channelId={id} members={messages.data?.members ?? []} />
          </div>
        )}
      </Card>
      {id && <AdminDrawer channelId={id} open={adminOpen} onClose={() => setAdminOpen(false)} />}
    </div>
  );
}
