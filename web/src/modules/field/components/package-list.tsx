import { CloudDownloadOutlined, InboxOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { formatBytes } from '../../ui/utils/format-bytes.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { useIdb } from '../hooks/use-idb.ts';
import { useOnlineStatus } from '../hooks/use-online-status.ts';
import type { LocalPackage, MyPackage } from '../types.ts';
import { downloadPackage, type DownloadProgress } from '../utils/download.ts';
import { STORES } from '../utils/field-db.ts';
import { listPackages } from '../utils/unit-store.ts';

/** The taker's packages: those on the server (online) and those on the device (always). */
export function PackageList({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const online = useOnlineStatus();
  const local = useIdb('packages', [STORES.packages], listPackages);
  const mine = useQuery({
    queryKey: ['inventory', 'packages', 'mine'],
    queryFn: () => api.get<{ items: MyPackage[] }>('/api/v1/inventory/packages/mine'),
    enabled: online,
    retry: false,
  });
  const stored = new Map((local.data ?? []).map((p) => [p.id, p]));
  const ids = [...new Set([...(mine.data?.items ?? []).map((p) => p.id), ...stored.keys()])];
  const server = new Map((mine.data?.items ?? []).map((p) => [p.id, p]));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {mine.isError && online && <Alert type="error" showIcon title={t('field.packages.loadFailed')} />}
      {!online && <Alert type="info" showIcon title={t('field.packages.offlineList')} />}
      {ids.length === 0 && !mine.isFetching && !local.loading && (
        <Card size="small">
          <div className="field-empty" data-testid="field-tasks-empty">
            <InboxOutlined className="field-empty-icon" />
            <Typography.Paragraph>{t('field.packages.empty')}</Typography.Paragraph>
          </div>
        </Card>
      )}
      {ids.map((id) => (
        <PackageCard key={id} server={server.get(id)} stored={stored.get(id)} onOpen={() => onOpen(id)} />
      ))}
    </Space>
  );
}

function PackageCard({ server, stored, onOpen }: { server?: MyPackage; stored?: LocalPackage; onOpen: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useNotify();
  const online = useOnlineStatus();
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const p = (server ?? stored)!;

  const download = async () => {
    setProgress({ phase: 'fetch', loaded: 0, total: 0 });
    try {
      const dl = await downloadPackage(p.id, setProgress);
      notify.success(t('field.packages.downloaded', { n: dl.units.length }));
    } catch (e) {
      notify.error(e);
    } finally {
      setProgress(null);
    }
  };

  const percent = progress?.total ? Math.min(99, Math.round((progress.loaded / progress.total) * 100)) : undefined;
  return (
    <Card size="small" data-testid={`package-${p.id}`} title={p.name} extra={stored ? <Typography.Text type="success">{t('field.packages.onDevice')}</Typography.Text> : null}>
      <Typography.Paragraph type="secondary" className="block-gap">
        {p.regionName}
        {p.zoneCode ? ` · ${p.zoneCode}` : ''} · {t('field.packages.counts', { sources: p.sources, visited: p.visited })}
        {stored && (
          <>
            <br />
            {t('field.packages.downloadedAt', { time: formatDateTime(stored.downloadedAt, lang) })}
          </>
        )}
      </Typography.Paragraph>
      {progress && (
        <div data-testid="package-progress">
          <Progress percent={progress.phase === 'store' ? 100 : percent} status="active" showInfo={percent !== undefined} />
          <Typography.Text type="secondary">
            {progress.phase === 'store' ? t('field.packages.storing') : t('field.packages.fetching', { bytes: formatBytes(progress.loaded) ?? '0 B' })}
          </Typography.Text>
        </div>
      )}
      <Space className="block-gap" style={{ width: '100%' }} orientation="vertical">
        {stored && (
          <Button block type="primary" size="large" icon={<RightOutlined />} data-testid={`package-open-${p.id}`} onClick={onOpen}>
            {t('field.packages.open', { n: stored.units })}
          </Button>
        )}
        {server && (
          <Button block size="large" icon={<CloudDownloadOutlined />} loading={!!progress} disabled={!online} data-testid={`package-download-${p.id}`} onClick={() => void download()}>
            {stored ? t('field.packages.update') : t('field.packages.download')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
