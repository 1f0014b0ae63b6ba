import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import type { Session } from '../../../api/types.ts';
import { LangSwitch } from '../../ui/components/lang-switch.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { errorText } from '../../ui/utils/error-text.ts';
import { useLogin } from '../hooks/use-login.ts';
import { useSessionQuery } from '../hooks/use-session-query.ts';
import { landingPath } from '../utils/landing-path.ts';

interface Credentials {
  username: string;
  password: string;
}

/** Where to go after login: back to the page that sent us here, else the role's landing. */
function destination(session: Session, from: unknown): string {
  if (typeof from === 'string' && from !== '/' && from.startsWith('/') && !from.startsWith('/login')) return from;
  return landingPath(session);
}

export function LoginPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: unknown } | null)?.from;
  const session = useSessionQuery();
  const login = useLogin();

  if (session.isPending) {
    return (
      <div className="full-center">
        <Spin size="large" />
      </div>
    );
  }
  if (session.data && !login.isPending) return <Navigate to={destination(session.data, from)} replace />;

  const onFinish = (values: Credentials) => {
    login.mutate(
      { username: values.username.trim(), password: values.password },
      { onSuccess: (s) => navigate(destination(s, from), { replace: true }) },
    );
  };

  return (
    <div className="login-screen">
      <div className="login-lang">
        <LangSwitch />
      </div>
      <Card className="login-card">
        <div className="login-brand">
          <img src={`${import.meta.env.BASE_URL}icon.svg`} alt="" width={48} height={48} />
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('common.appName')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
          </div>
        </div>
        {login.isError && (
          <Alert data-testid="login-error" type="error" showIcon className="block-gap" title={errorText(login.error, lang)} />
        )}
        <Form<Credentials> layout="vertical" requiredMark={false} onFinish={onFinish} autoComplete="on">
          <Form.Item label={t('login.username')} name="username" rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
            <Input id="username" prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password id="password" prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button data-testid="login-submit" type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
        {/* 企业自填: an enterprise with an invitation code makes its account here. */}
        <div style={{ marginTop: 12, textAlign: 'center' }}>
          <Link to="/join" data-testid="join-link">{t('login.joinLink')}</Link>
        </div>
      </Card>
    </div>
  );
}
