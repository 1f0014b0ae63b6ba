import { Input, Modal, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** How many records the disagreement is about; null keeps the modal closed. */
  count: number | null;
  busy: boolean;
  onCancel: () => void;
  onOk: (reason: string) => void;
}

/** A department never disagrees without saying why: the office settles on that reason. */
export function VerdictReasonModal({ count, busy, onCancel, onOk }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Modal
      open={count !== null}
      destroyOnHidden
      afterOpenChange={(open) => open && setReason('')}
      title={t('inventory.review.disagreeTitle', { count: count ?? 0 })}
      onCancel={onCancel}
      okText={t('inventory.review.disagree')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, disabled: !reason.trim(), loading: busy, 'data-testid': 'verdict-reason-confirm' } as ButtonProps}
      onOk={() => onOk(reason.trim())}
    >
      <Input.TextArea data-testid="verdict-reason" rows={3} maxLength={500} value={reason} placeholder={t('inventory.review.reasonPlaceholder')} onChange={(e) => setReason(e.target.value)} />
    </Modal>
  );
}
