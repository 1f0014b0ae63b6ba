import { MobileOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../../auth/hooks/use-session.ts';
import { useNavItems, type NavItem } from '../../layout/hooks/use-nav-items.tsx';

type LinkItem = NavItem & { key: Exclude<NavItem['key'], 'home'> };

export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const links = useNavItems().filter((i): i is LinkItem => i.key !== 'home');

  return (
    <div className="page">
      <Card className="block-gap">
        <Typography.Title level={3} data-testid="home-welcome" style={{ marginTop: 0 }}>
          {t('home.welcome', { name: session.displayName || session.username })}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 3 }}
          items={[
            { key: 'role', label: t('home.role'), children: <Tag color="blue" data-testid="home-role">{t(`roles.${session.role}`)}</Tag> },
            {
              key: 'region',
              label: t('home.region'),
              children: (
                <span data-testid="home-region">
                  {session.regionName} <Typography.Text type="secondary">{session.regionCode}</Typography.Text>
                </span>
              ),
            },
            { key: 'username', label: t('home.username'), children: session.username },
          ]}
        />
      </Card>
      <Card title={t('home.quickLinks')} size="small">
        <Row gutter={[12, 12]}>
          {links.map((l) => (
            <Col key={l.key} xs={24} sm={12} lg={8} xl={6}>
              <Link to={l.path} data-testid={`quick-${l.key}`} className="quick-link">
                <Card hoverable size="small">
                  <Card.Meta avatar={<span className="quick-icon">{l.icon}</span>} title={l.label} description={t(`home.links.${l.key}`)} />
                </Card>
              </Link>
            </Col>
          ))}
          <Col xs={24} sm={12} lg={8} xl={6}>
            <Link to="/field" data-testid="quick-field" className="quick-link">
              <Card hoverable size="small">
                <Card.Meta avatar={<span className="quick-icon"><MobileOutlined /></span>} title={t('nav.field')} description={t('home.links.field')} />
              </Card>
            </Link>
          </Col>
        </Row>
      </Card>
    </div>
  );
}
