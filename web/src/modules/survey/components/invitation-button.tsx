import { KeyOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { IssuedInvitation } from '../../../api/survey-types.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';

/** 生成邀请码: an office issues a one-time code for the source; the code is shown once, here. */
export function InvitationButton({ sourceId }: { sourceId: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useNotify();
  const issue = useMutation({
    mutationFn: () => api.post<IssuedInvitation>(`/api/v1/sources/${sourceId}/invitations`),
    onError: notify.error,
  });
  const inv = issue.data;
  return (
    <>
      <Button size="small" icon={<KeyOutlined />} loading={issue.isPending} onClick={() => issue.mutate()} data-testid="invite-button">
        {t('survey.invite.button')}
      </Button>
      <Modal
        open={!!inv}
        title={t('survey.invite.title')}
        onCancel={() => issue.reset()}
        footer={<Button type="primary" onClick={() => issue.reset()}>{t('survey.invite.close')}</Button>}
        maskClosable={false}
      >
        {inv && (
          <>
            <Typography.Paragraph>{t('survey.invite.once')}</Typography.Paragraph>
            <Typography.Title level={2} className="invite-code" copyable={{ text: inv.code, tooltips: [t('survey.invite.copy'), t('survey.invite.copied')] }} data-testid="invite-code">
              {inv.code}
            </Typography.Title>
            <Typography.Text type="secondary">{t('survey.invite.expires', { at: formatDateTime(inv.expiresAt, lang) })}</Typography.Text>
          </>
        )}
      </Modal>
    </>
  );
}
