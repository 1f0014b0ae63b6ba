import { EnvironmentOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Confirmation, RecordStatus } from '../../../api/inventory-types.ts';

const STATUS_COLOUR: Record<RecordStatus, string> = {
  assigned: 'default',
  new: 'cyan',
  submitted: 'blue',
  approved: 'green',
  rejected: 'orange',
  done: 'success',
  locked: 'purple',
  deleted: 'default',
};

const CONFIRMATION_COLOUR: Record<Confirmation, string> = { pending: 'default', confirmed: 'success', disputed: 'error', settled: 'processing' };

/** Where the record is in the workflow (assigned → … → done). */
export function StatusTag({ status }: { status: RecordStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOUR[status]} data-testid="status-tag" data-status={status}>
      {t(`inventory.statuses.${status}`)}
    </Tag>
  );
}

/** What the joint review concluded. */
export function ConfirmationTag({ confirmation }: { confirmation: Confirmation }) {
  const { t } = useTranslation();
  return (
    <Tag color={CONFIRMATION_COLOUR[confirmation]} data-testid="confirmation-tag" data-confirmation={confirmation}>
      {t(`inventory.confirmations.${confirmation}`)}
    </Tag>
  );
}

/** The visit was recorded far from the source's known place: worth a look. */
export function FarVisitFlag({ far }: { far: boolean }) {
  const { t } = useTranslation();
  if (!far) return null;
  return (
    <Tooltip title={t('inventory.farVisitHint')}>
      <Tag color="warning" icon={<EnvironmentOutlined />} data-testid="far-visit">
        {t('inventory.farVisit')}
      </Tag>
    </Tooltip>
  );
}
