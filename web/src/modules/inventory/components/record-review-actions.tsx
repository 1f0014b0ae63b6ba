import { Button, Input, Modal, Popconfirm, Space, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import type { InventoryRecordDetail } from '../../../api/inventory-types.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useRecordAction, type RecordAction } from '../hooks/use-record-action.ts';

/** 审核通过 / 退回 (with a reason) of a submitted record. */
export function RecordReviewActions({ record }: { record: InventoryRecordDetail }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const action = useRecordAction();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');

  const run = (a: RecordAction, done: string) =>
    action.mutate(a, {
      onSuccess: () => (setRejecting(false), notify.success(done)),
      // The hook re-reads the record either way; a conflict means the drawer showed an old version.
      onError: (e) => notify.error(isApiError(e, 'VERSION_CONFLICT') ? new Error(t('inventory.drawer.reloaded')) : e),
    });

  if (record.status !== 'submitted') return null;
  return (
    <Space>
      <Popconfirm
        title={t('inventory.drawer.confirmApprove')}
        okText={t('common.yes')}
        cancelText={t('common.no')}
        okButtonProps={{ 'data-testid': 'record-approve-confirm' } as ButtonProps}
        onConfirm={() => run({ kind: 'approve', id: record.sourceId, version: record.version }, t('inventory.drawer.approved'))}
      >
        <Button type="primary" data-testid="record-approve" loading={action.isPending && action.variables?.kind === 'approve'}>
          {t('inventory.drawer.approve')}
        </Button>
      </Popconfirm>
      <Button danger data-testid="record-reject" onClick={() => (setReason(''), setRejecting(true))}>
        {t('inventory.drawer.reject')}
      </Button>
      <Modal
        open={rejecting}
        title={t('inventory.drawer.rejectTitle', { name: record.name })}
        onCancel={() => setRejecting(false)}
        okText={t('inventory.drawer.reject')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: action.isPending, 'data-testid': 'record-reject-confirm' } as ButtonProps}
        onOk={() => run({ kind: 'reject', id: record.sourceId, version: record.version, reason: reason.trim() }, t('inventory.drawer.rejected'))}
      >
        <Input.TextArea data-testid="record-reject-reason" rows={3} maxLength={500} value={reason} placeholder={t('inventory.drawer.rejectPlaceholder')} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </Space>
  );
}
