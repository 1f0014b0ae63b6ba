import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegisterStatus } from '../../../api/types.ts';

const COLOURS: Record<RegisterStatus, string> = { importing: 'processing', imported: 'success', failed: 'error', cancelled: 'warning' };

export function RegisterStatusTag({ status }: { status: RegisterStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} data-testid="register-status" data-status={status}>
      {t(`registers.statuses.${status}`)}
    </Tag>
  );
}
