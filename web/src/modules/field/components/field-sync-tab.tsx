import { CloudSyncOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { errorText } from '../../ui/utils/error-text.ts';
import { formatBytes } from '../../ui/utils/format-bytes.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { useIdb } from '../hooks/use-idb.ts';
import { useOfflineReadiness } from '../hooks/use-offline-readiness.ts';
import { useOnlineStatus } from '../hooks/use-online-status.ts';
import { useStates } from '../hooks/use-states.ts';
import { useSyncStatus } from '../hooks/use-sync-status.ts';
import { STORES, getMeta } from '../utils/field-db.ts';
import { outboxSummary, type Problem } from '../utils/outbox-store.ts';
import { discardPhoto, retryPhoto } from '../utils/photo-uploader.ts';
import { surveySummary } from '../utils/survey-store.ts';
import { LAST_SYNC, syncNow } from '../utils/sync.ts';
import { ConflictCard } from './conflict-card.tsx';
import { SurveyProblemCard } from './survey-problem-card.tsx';

/** What waits to go up, the last sync, "sync now", and whatever needs the taker's decision. */
export function FieldSyncTab() {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useNotify();
  const online = useOnlineStatus();
  const ready = useOfflineReadiness();
  const status = useSyncStatus();
  const states = useStates();
  const summary = useIdb('outbox', [STORES.outbox, STORES.photos, STORES.units], outboxSummary);
  const surveys = useIdb('survey-outbox', [STORES.submissions, STORES.units], surveySummary);
  const last = useIdb(LAST_SYNC, [STORES.meta], () => getMeta<string>(LAST_SYNC));
  const used = formatBytes(ready.usage);
  const quota = formatBytes(ready.quota);
  const s = summary.data;
  const conflicts = s?.problems.filter((p) => p.entry.conflict) ?? [];
  const refused = s?.problems.filter((p) => p.entry.failed && !p.entry.conflict) ?? [];

  const sync = () => syncNow().catch((e: unknown) => notify.error(e));
  const r = status.report;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('field.syncTitle')} size="small">
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'net', label: t('field.connection'), children: online ? <Tag color="green">{t('field.online')}</Tag> : <Tag>{t('field.offline')}</Tag> },
            { key: 'pending', label: t('field.pending'), children: <span data-testid="field-pending">{s ? s.pending : '…'}</span> },
            { key: 'surveys', label: t('field.survey.pending'), children: <span data-testid="field-survey-pending">{surveys.data ? surveys.data.pending : '…'}</span> },
            { key: 'photos', label: t('field.sync.photos'), children: <span data-testid="field-photos">{s ? s.photos : '…'}</span> },
            { key: 'last', label: t('field.sync.last'), children: <span data-testid="field-last-sync">{last.data ? formatDateTime(last.data, lang) : t('field.sync.never')}</span> },
            { key: 'shell', label: t('field.shell'), children: ready.shellCached ? t('field.shellReady') : t('field.shellPending') },
            { key: 'storage', label: t('field.storage'), children: used && quota ? t('field.storageUsage', { used, quota }) : t('field.unknown') },
          ]}
        />
        <Button
          block
          className="block-gap"
          type="primary"
          size="large"
          icon={<CloudSyncOutlined />}
          loading={status.running}
          disabled={!online}
          onClick={() => void sync()}
          data-testid="sync-now"
          data-running={status.running ? 'true' : 'false'}
        >
          {online ? t('field.sync.now') : t('field.sync.needsOnline')}
        </Button>
        {status.uploading && <Typography.Text type="secondary">{t('field.sync.uploading')}</Typography.Text>}
        {!!status.error && <Alert className="block-gap" type="error" showIcon title={t('field.sync.failed', { message: errorText(status.error, lang) })} />}
        {r && !status.error && (
          <Alert className="block-gap" type={r.conflicts || r.failed ? 'warning' : 'success'} showIcon data-testid="sync-report" title={t('field.sync.done', { ...r })} />
        )}
      </Card>

      {conflicts.map((p) => (
        <ConflictCard key={p.entry.unitKey} problem={p} states={states} />
      ))}
      {(surveys.data?.problems ?? []).map((p) => (
        <SurveyProblemCard key={p.sub.key} problem={p} />
      ))}
      {refused.map((p) => (
        <RefusedCard key={p.entry.unitKey} problem={p} />
      ))}
      {(s?.photosFailed ?? []).map((p) => (
        <Card key={p.id} size="small" data-testid="photo-failed">
          <Typography.Paragraph>{t('field.sync.photoRefused', { message: p.failed?.[lang] ?? '' })}</Typography.Paragraph>
          <Space>
            <Button onClick={() => void retryPhoto(p.id)}>{t('field.sync.retry')}</Button>
            <Button danger onClick={() => void discardPhoto(p.id)}>{t('field.sync.discard')}</Button>
          </Space>
        </Card>
      ))}
    </Space>
  );
}

function RefusedCard({ problem }: { problem: Problem }) {
  const { t } = useTranslation();
  const lang = useLang();
  const e = problem.entry;
  return (
    <Card size="small" data-testid={`refused-${e.unitKey}`} title={problem.unit?.source.name ?? e.item.data.name}>
      <Alert type="error" showIcon className="block-gap" title={e.failed!.message[lang]} description={e.failed!.code} />
      <Link to={`?tab=tasks&pkg=${e.packageId}&unit=${encodeURIComponent(e.unitKey)}`}>
        <Button block>{t('field.sync.fix')}</Button>
      </Link>
    </Card>
  );
}
