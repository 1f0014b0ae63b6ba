import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Popover, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useNotifications, useReadNotifications } from '../hooks/use-channels.ts';
import type { Notification } from '../utils/channels-api.ts';

/** The header's bell: unread notifications of the session, polled; a click opens the channel. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const q = useNotifications();
  const read = useReadNotifications();
  const unread = q.data?.unread ?? 0;

  const go = (n: Notification) => {
    read.mutate({ ids: [n.id] });
    setOpen(false);
    if (n.channelId) navigate(`/channels/${n.channelId}`);
  };

  const content = (
    <div style={{ width: 340, maxHeight: 420, overflowY: 'auto' }} data-testid="notif-list">
      {(q.data?.items.length ?? 0) === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('channels.notifications.empty')} />
      ) : (
        q.data!.items.map((n) => (
          <div key={n.id} role="button" tabIndex={0} className="notif-item" data-testid={`notif-${n.id}`}
            style={{ padding: '8px 4px', borderBottom: '1px solid rgba(0,0,0,0.06)', cursor: 'pointer' }}
            onClick={() => go(n)} onKeyDown={(e) => e.key === 'Enter' && go(n)}>
            <Space size={4} align="start">
              <Tag color={n.kind === 'mention' ? 'blue' : 'orange'}>{t(`channels.notifications.kinds.${n.kind}`)}</Tag>
              <Typography.Text style={{ fontSize: 13 }}>{n.text}</Typography.Text>
            </Space>
            <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{new Date(n.at).toLocaleString()}</Typography.Text></div>
          </div>
        ))
      )}
    </div>
  );

  return (
    <Popover
      trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight" content={content}
      title={<Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <span>{t('channels.notifications.title')}</span>
        {unread > 0 && <Button size="small" type="link" onClick={() => read.mutate({ all: true })}>{t('channels.notifications.readAll')}</Button>}
      </Space>}
    >
      <Badge count={unread} size="small" overflowCount={99}>
        <Button size="small" icon={<BellOutlined />} data-testid="notif-bell" aria-label={t('channels.notifications.title')}>
          <span data-testid="notif-count" style={{ display: 'none' }}>{unread}</span>
        </Button>
      </Badge>
    </Popover>
  );
}
