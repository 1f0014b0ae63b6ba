import { EnvironmentOutlined, LogoutOutlined, MobileOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLogout } from '../../auth/hooks/use-logout.ts';
import { useSession } from '../../auth/hooks/use-session.ts';
import { LangSwitch } from '../../ui/components/lang-switch.tsx';
import { NotificationBell } from '../../channels/components/notification-bell.tsx';

export function AppHeader() {
  const { t } = useTranslation();
  const session = useSession();
  const logout = useLogout();
  return (
    <Layout.Header className="app-header">
      <Typography.Text strong className="app-header-title">
        {t('common.appTitle')}
      </Typography.Text>
      <Space size="middle" wrap={false} className="app-header-user">
        <Link to="/field" data-testid="field-link">
          <Button size="small" icon={<MobileOutlined />} title={t('header.fieldApp')}>
            <span className="hide-narrow">{t('header.fieldApp')}</span>
          </Button>
        </Link>
        <Space size={4} data-testid="header-user" className="hide-narrow">
          <UserOutlined />
          <Typography.Text strong>{session.displayName || session.username}</Typography.Text>
        </Space>
        <Tag color="blue" data-testid="header-role" className="hide-narrow">{t(`roles.${session.role}`)}</Tag>
        <Space size={4} data-testid="header-region" className="hide-narrow">
          <EnvironmentOutlined />
          <Typography.Text>{session.regionName}</Typography.Text>
        </Space>
        <NotificationBell />
        <LangSwitch size="small" />
        <Button size="small" data-testid="logout" icon={<LogoutOutlined />} loading={logout.isPending} onClick={() => logout.mutate()}>
          {t('header.logout')}
        </Button>
      </Space>
    </Layout.Header>
  );
}
