import { Button, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import type { User } from '../../../api/types.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { usePatchUser } from '../hooks/use-patch-user.ts';
import { PASSWORD_PATTERN } from '../utils/user-rules.ts';

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [form] = Form.useForm<{ password: string }>();
  const patch = usePatchUser();

  const onFinish = ({ password }: { password: string }) =>
    patch.mutate(
      { id: user.id, patch: { version: user.version, password } },
      {
        onSuccess: () => (notify.success(t('users.passwordReset')), onClose()),
        onError: (e) => {
          notify.error(e);
          if (isApiError(e, 'VERSION_CONFLICT')) onClose();
        },
      },
    );

  return (
    <Modal
      open
      title={t('users.resetPassword')}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>{t('common.cancel')}</Button>,
        <Button key="ok" type="primary" data-testid="user-reset-submit" loading={patch.isPending} onClick={() => form.submit()}>
          {t('common.save')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>
        {user.displayName} <Typography.Text type="secondary">{user.username}</Typography.Text>
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          label={t('users.newPassword')}
          name="password"
          htmlFor="user-new-password"
          extra={t('users.passwordHint')}
          rules={[{ required: true, message: t('common.required') }, { pattern: PASSWORD_PATTERN, message: t('users.passwordHint') }]}
        >
          <Input.Password id="user-new-password" autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
