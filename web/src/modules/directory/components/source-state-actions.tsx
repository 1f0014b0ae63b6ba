import { Button, Form, Modal, Popconfirm, Radio, Space, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { DELETE_REASONS, type DeleteReason, type Source } from '../../../api/types.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useSourceState, type StateChange } from '../hooks/use-source-state.ts';

/** 删除 with a reason, or 恢复 a deleted source. A merged source has neither (undo the merge instead). */
export function SourceStateActions({ source }: { source: Source }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const change = useSourceState();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState<DeleteReason>();

  const run = (c: StateChange, done: string) =>
    change.mutate(c, {
      onSuccess: () => {
        setAsking(false);
        notify.success(done);
      },
      onError: (e) => {
        // The hook re-reads the source either way; a conflict means the form showed an old version.
        if (isApiError(e, 'VERSION_CONFLICT')) {
          setAsking(false);
          notify.error(new Error(t('directory.reloaded')));
        } else notify.error(e);
      },
    });

  if (source.state === 'merged') return null;
  if (source.state === 'deleted') {
    return (
      <Popconfirm
        title={t('directory.confirmRestore')}
        okText={t('common.yes')}
        cancelText={t('common.no')}
        okButtonProps={{ 'data-testid': 'source-restore-confirm' } as ButtonProps}
        onConfirm={() => run({ id: source.id, version: source.version, action: 'restore' }, t('directory.restored'))}
      >
        <Button data-testid="source-restore" loading={change.isPending}>
          {t('directory.restore')}
        </Button>
      </Popconfirm>
    );
  }
  return (
    <>
      <Button danger data-testid="source-delete" onClick={() => (setReason(undefined), setAsking(true))}>
        {t('directory.delete')}
      </Button>
      <Modal
        open={asking}
        title={t('directory.deleteTitle', { name: source.name })}
        onCancel={() => setAsking(false)}
        okText={t('directory.delete')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, disabled: !reason, loading: change.isPending, 'data-testid': 'source-delete-confirm' } as ButtonProps}
        onOk={() => reason && run({ id: source.id, version: source.version, action: 'delete', reason }, t('directory.deleted'))}
      >
        <Form layout="vertical">
          <Form.Item label={t('directory.deleteReason')} required>
            <Radio.Group value={reason} onChange={(e) => setReason(e.target.value as DeleteReason)} data-testid="source-delete-reason">
              <Space orientation="vertical">
                {DELETE_REASONS.map((r) => (
                  <Radio key={r} value={r} data-testid={`source-delete-reason-${r}`}>
                    {t(`directory.deleteReasons.${r}`)}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
