import { Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../ui/utils/format-bytes.ts';
import { useOfflineReadiness } from '../hooks/use-offline-readiness.ts';
import { useOnlineStatus } from '../hooks/use-online-status.ts';

/** What the device can do without a network, and what is waiting to go up (nothing yet). */
export function FieldSyncTab() {
  const { t } = useTranslation();
  const online = useOnlineStatus();
  const ready = useOfflineReadiness();
  const used = formatBytes(ready.usage);
  const quota = formatBytes(ready.quota);
  return (
    <Card title={t('field.syncTitle')} size="small">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'net', label: t('field.connection'), children: online ? <Tag color="green">{t('field.online')}</Tag> : <Tag>{t('field.offline')}</Tag> },
          { key: 'shell', label: t('field.shell'), children: ready.shellCached ? t('field.shellReady') : t('field.shellPending') },
          { key: 'storage', label: t('field.storage'), children: used && quota ? t('field.storageUsage', { used, quota }) : t('field.unknown') },
          { key: 'pending', label: t('field.pending'), children: <span data-testid="field-pending">0</span> },
        ]}
      />
    </Card>
  );
}
