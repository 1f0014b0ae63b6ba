import { DesktopOutlined, LogoutOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLogout } from '../../auth/hooks/use-logout.ts';
import { useSession } from '../../auth/hooks/use-session.ts';
import { LangSwitch } from '../../ui/components/lang-switch.tsx';

export function FieldMeTab() {
  const { t } = useTranslation();
  const session = useSession();
  const logout = useLogout();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('field.meTitle')} size="small">
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'name', label: t('users.displayName'), children: session.displayName || session.username },
            { key: 'username', label: t('users.username'), children: session.username },
            { key: 'role', label: t('users.role'), children: <Tag color="blue">{t(`roles.${session.role}`)}</Tag> },
            { key: 'region', label: t('users.region'), children: session.regionName },
          ]}
        />
      </Card>
      <Card size="small">
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <div className="field-row">
            <span>{t('field.language')}</span>
            <LangSwitch size="large" />
          </div>
          <Link to="/" data-testid="console-link">
            <Button block size="large" icon={<DesktopOutlined />}>
              {t('field.console')}
            </Button>
          </Link>
          <Button block size="large" danger data-testid="logout" icon={<LogoutOutlined />} loading={logout.isPending} onClick={() => logout.mutate()}>
            {t('header.logout')}
          </Button>
        </Space>
      </Card>
    </Space>
  );
}
