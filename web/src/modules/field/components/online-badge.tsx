import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOnlineStatus } from '../hooks/use-online-status.ts';

export function OnlineBadge() {
  const { t } = useTranslation();
  const online = useOnlineStatus();
  return (
    <span data-testid="online-status" data-online={online ? 'true' : 'false'} className="online-badge">
      <Badge status={online ? 'success' : 'default'} text={online ? t('field.online') : t('field.offline')} />
    </span>
  );
}
