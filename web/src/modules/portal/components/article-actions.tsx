import { Button, Input, Modal, Space, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { useCan } from '../../auth/hooks/use-can.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useArticleStep, type ArticleStep } from '../hooks/use-portal.ts';
import { allowed, localToIso, portalKeys, type ArticleRow } from '../utils/portal-api.ts';

interface Props {
  article: Pick<ArticleRow, 'id' | 'status' | 'version'>;
  /** In the list: small buttons. */
  compact?: boolean;
  /** Before submitting, the editor saves what is unsaved and answers the version to submit (null: stop). */
  prepare?: () => Promise<number | null>;
}

type Dialog = 'approve' | 'reject' | 'unpublish' | null;

/** The workflow buttons the article's status and the caller's permissions allow: submit, approve (optionally scheduled), reject, unpublish. */
export function ArticleActions({ article: a, compact, prepare }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  const notify = useNotify();
  const qc = useQueryClient();
  const step = useArticleStep(a.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [text, setText] = useState('');
  const [publishAt, setPublishAt] = useState('');
  const size: ButtonProps['size'] = compact ? 'small' : 'middle';
  const tid = (name: string) => (compact ? `portal-${name}-${a.id}` : `portal-${name}`);

  const run = (s: ArticleStep, done: string) =>
    step.mutateAsync(s).then(() => { notify.success(done); setDialog(null); setText(''); setPublishAt(''); }, (e: unknown) => {
      notify.error(e);
      // Someone moved the article on: show its state now rather than the one the buttons were for.
      if (isApiError(e, 'VERSION_CONFLICT') || isApiError(e, 'PORTAL_BAD_TRANSITION')) void qc.invalidateQueries({ queryKey: portalKeys.all });
    });
  const submit = async () => {
    const version = prepare ? await prepare() : a.version;
    if (version !== null) await run({ action: 'submit', body: { version } }, t('portal.actions.submitted'));
  };
  const busy = (action: ArticleStep['action']) => step.isPending && step.variables?.action === action;

  const mayWrite = can('portal.write');
  const mayApprove = can('portal.approve');
  const buttons = [
    mayWrite && allowed('submit', a.status) && (
      <Button key="submit" size={size} type={compact ? 'default' : 'primary'} data-testid={tid('submit')} loading={busy('submit')} onClick={() => void submit()}>{t('portal.actions.submit')}</Button>
    ),
    mayApprove && allowed('approve', a.status) && (
      <Button key="approve" size={size} type="primary" data-testid={tid('approve')} onClick={() => setDialog('approve')}>{t('portal.actions.approve')}</Button>
    ),
    mayApprove && allowed('reject', a.status) && (
      <Button key="reject" size={size} danger data-testid={tid('reject')} onClick={() => setDialog('reject')}>{t('portal.actions.reject')}</Button>
    ),
    mayApprove && allowed('unpublish', a.status) && (
      <Button key="unpublish" size={size} danger data-testid={tid('unpublish')} onClick={() => setDialog('unpublish')}>{t('portal.actions.unpublish')}</Button>
    ),
  ].filter(Boolean);
  if (!buttons.length) return null;

  const close = () => { setDialog(null); setText(''); setPublishAt(''); };
  return (
    <>
      <Space wrap size={compact ? 4 : 8}>{buttons}</Space>
      {dialog === 'approve' && (
        <Modal open title={t('portal.actions.approve')} onCancel={close} cancelText={t('portal.cancel')} okText={t('portal.actions.approve')}
          okButtonProps={{ loading: busy('approve'), 'data-testid': 'portal-approve-ok' } as ButtonProps}
          onOk={() => void run({ action: 'approve', body: { version: a.version, publishAt: localToIso(publishAt) } }, t('portal.actions.approved'))}>
          <Typography.Text>{t('portal.actions.publishAt')}</Typography.Text>
          <Input className="block-gap" type="datetime-local" data-testid="portal-publish-at" value={publishAt} onChange={(e) => setPublishAt(e.target.value)} />
          <Typography.Text type="secondary">{t('portal.actions.publishAtHint')}</Typography.Text>
        </Modal>
      )}
      {dialog === 'reject' && (
        <Modal open title={t('portal.actions.reject')} onCancel={close} cancelText={t('portal.cancel')} okText={t('portal.actions.reject')}
          okButtonProps={{ danger: true, disabled: !text.trim(), loading: busy('reject'), 'data-testid': 'portal-reject-ok' } as ButtonProps}
          onOk={() => void run({ action: 'reject', body: { version: a.version, reason: text.trim() } }, t('portal.actions.rejected'))}>
          <Typography.Text>{t('portal.actions.reason')}</Typography.Text>
          <Input.TextArea className="block-gap" data-testid="portal-reason" autoSize={{ minRows: 3, maxRows: 8 }} maxLength={500} showCount value={text} onChange={(e) => setText(e.target.value)} />
        </Modal>
      )}
      {dialog === 'unpublish' && (
        <Modal open title={t('portal.actions.unpublish')} onCancel={close} cancelText={t('portal.cancel')} okText={t('portal.actions.unpublish')}
          okButtonProps={{ danger: true, loading: busy('unpublish'), 'data-testid': 'portal-unpublish-ok' } as ButtonProps}
          onOk={() => void run({ action: 'unpublish', body: { version: a.version, reason: text.trim() || undefined } }, t('portal.actions.unpublished'))}>
          <Typography.Text>{t('portal.actions.unpublishReason')}</Typography.Text>
          <Input.TextArea className="block-gap" data-testid="portal-reason" autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} value={text} onChange={(e) => setText(e.target.value)} />
        </Modal>
      )}
    </>
  );
}
