import { IdcardOutlined, KeyOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api, setCsrfToken } from '../../../api/client.ts';
import type { Session } from '../../../api/types.ts';
import { LangSwitch } from '../../ui/components/lang-switch.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { errorText } from '../../ui/utils/error-text.ts';
import { SESSION_KEY } from '../hooks/use-session-query.ts';
import { landingPath } from '../utils/landing-path.ts';

interface Values {
  code: string;
  creditCode: string;
  displayName: string;
  username: string;
  password: string;
  password2: string;
}

/** 企业自填: the enterprise redeems its invitation code for an account and lands on its forms. Public. */
export function JoinPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const join = useMutation({
    mutationFn: (v: Values) => api.post<Session>('/api/v1/invitations/redeem', {
      code: v.code.trim(), creditCode: v.creditCode.trim(), displayName: v.displayName.trim(), username: v.username.trim(), password: v.password,
    }),
    onSuccess: (s) => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      setCsrfToken(s.csrfToken);
      qc.setQueryData(SESSION_KEY, s);
      navigate(landingPath(s), { replace: true });
    },
  });

  return (
    <div className="login-screen">
      <div className="login-lang">
        <LangSwitch />
      </div>
      <Card className="login-card" data-testid="join-page">
        <Typography.Title level={4}>{t('login.join.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('login.join.hint')}</Typography.Paragraph>
        {join.isError && <Alert data-testid="join-error" type="error" showIcon className="block-gap" title={errorText(join.error, lang)} />}
        <Form<Values> layout="vertical" requiredMark={false} onFinish={(v) => join.mutate(v)} autoComplete="off">
          <Form.Item label={t('login.join.code')} name="code" rules={[{ required: true, whitespace: true, message: t('login.join.codeRequired') }]}>
            <Input id="join-code" prefix={<KeyOutlined />} placeholder="XXXXX-XXXXX" maxLength={40} autoFocus size="large" />
          </Form.Item>
          <Form.Item label={t('login.join.creditCode')} name="creditCode" rules={[{ required: true, whitespace: true, message: t('login.join.creditCodeRequired') }]}>
            <Input id="join-credit-code" prefix={<IdcardOutlined />} maxLength={40} size="large" />
          </Form.Item>
          <Form.Item label={t('login.join.displayName')} name="displayName" rules={[{ required: true, whitespace: true, message: t('login.join.displayNameRequired') }]}>
            <Input id="join-display-name" maxLength={100} />
          </Form.Item>
          <Form.Item label={t('login.username')} name="username" rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
            <Input id="join-username" prefix={<UserOutlined />} autoComplete="username" maxLength={64} />
          </Form.Item>
          <Form.Item label={t('login.password')} name="password" extra={t('login.join.passwordHint')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password id="join-password" prefix={<LockOutlined />} autoComplete="new-password" maxLength={128} />
          </Form.Item>
          <Form.Item
            label={t('login.join.passwordConfirm')}
            name="password2"
            dependencies={['password']}
            rules={[
              { required: true, message: t('login.passwordRequired') },
              ({ getFieldValue }) => ({ validator: (_, v) => (!v || v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('login.join.passwordMismatch')))) }),
            ]}
          >
            <Input.Password id="join-password2" prefix={<LockOutlined />} autoComplete="new-password" maxLength={128} />
          </Form.Item>
          <Button data-testid="join-submit" type="primary" htmlType="submit" block size="large" loading={join.isPending}>
            {t('login.join.submit')}
          </Button>
        </Form>
        <div className="block-gap" style={{ marginTop: 12, textAlign: 'center' }}>
          <Link to="/login">{t('login.join.back')}</Link>
        </div>
      </Card>
    </div>
  );
}
