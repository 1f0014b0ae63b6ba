import { Alert, Descriptions, Drawer, Result, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/client.ts';
import { useCan } from '../../auth/hooks/use-can.ts';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { useListedRecord } from '../hooks/use-listed-record.ts';
import { useRecord } from '../hooks/use-record.ts';
import { useRegion } from '../../regions/hooks/use-region.ts';
import { RecordCompare } from './record-compare.tsx';
import { RecordPhotos } from './record-photos.tsx';
import { RecordRemarks } from './record-remarks.tsx';
import { RecordReviewActions } from './record-review-actions.tsx';
import { RecordSettleButton } from './record-settle-button.tsx';
import { ConfirmationTag, FarVisitFlag, StatusTag } from './record-tags.tsx';
import { RecordVerdicts } from './record-verdicts.tsx';
import { StateTag } from './state-tag.tsx';

/** /inventory/records/:id — one record over the list: the form beside the directory, photos, verdicts, remarks, and the actions the role has. */
export function RecordDrawer() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const navigate = useNavigate();
  const { search } = useLocation();
  const id = Number(useParams().id);
  const query = useRecord(id);
  const r = query.data;
  const listed = useListedRecord(id);
  const regionName = useRegion(r?.regionCode).data?.name ?? r?.regionName;
  const missing = !Number.isInteger(id) || (isApiError(query.error) && query.error.status === 404);

  return (
    <Drawer
      open
      onClose={() => navigate(`/inventory/records${search}`)}
      size={Math.min(980, window.innerWidth - 40)}
      data-testid="record-drawer"
      title={
        <span data-testid="record-drawer-title">
          {r ? r.name : t('inventory.drawer.title', { id })}{' '}
          <Typography.Text type="secondary" className="option-code">
            #{id}
          </Typography.Text>
        </span>
      }
      extra={
        r && (
          <Space>
            {can('inventory.review') && <RecordReviewActions record={r} />}
            {can('inventory.settle') && <RecordSettleButton record={r} />}
          </Space>
        )
      }
    >
      {missing && <Result status="404" subTitle={t('inventory.drawer.notFound')} />}
      {!missing && <QueryErrorAlert error={query.error} onRetry={query.refetch} />}
      {!r && query.isPending && <Skeleton active />}
      {r && r.sourceId === id && (
        <div data-testid="record-detail" data-version={r.version} data-state={r.state ?? ''} data-status={r.status} data-confirmation={r.confirmation}>
          <Space wrap className="block-gap">
            <StateTag state={r.state} reason={r.stateReason} />
            <StatusTag status={r.status} />
            <ConfirmationTag confirmation={r.confirmation} />
            <FarVisitFlag far={r.visitFar} />
          </Space>
          {r.status === 'rejected' && r.rejectReason && (
            <Alert className="block-gap" type="warning" showIcon title={t('inventory.drawer.rejectedBecause', { reason: r.rejectReason })} />
          )}
          <Descriptions size="small" column={2} className="block-gap">
            <Descriptions.Item label={t('inventory.fields.region')}>{regionName}</Descriptions.Item>
            <Descriptions.Item label={t('inventory.fields.zone')}>
              {r.zone ? `${r.zone.name} · ` : ''}
              <span className="option-code">{r.zoneCode ?? '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('inventory.fields.enumerator')}>{r.enumerator ?? listed?.enumerator ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('inventory.fields.visit')}>{formatDateTime(r.visitedAt, lang)}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{t('inventory.drawer.data')}</Typography.Title>
          <div className="block-gap">
            <RecordCompare source={r.source} data={r.data ?? {}} />
          </div>
          <Typography.Title level={5}>{`${t('inventory.drawer.photos')} (${r.photos?.length ?? 0})`}</Typography.Title>
          <div className="block-gap">
            <RecordPhotos photos={r.photos ?? []} />
          </div>
          <Typography.Title level={5}>{t('inventory.drawer.verdicts')}</Typography.Title>
          <div className="block-gap">
            <RecordVerdicts verdicts={r.verdicts ?? []} />
          </div>
          <Typography.Title level={5}>{t('inventory.drawer.remarks')}</Typography.Title>
          <RecordRemarks id={r.sourceId} remarks={r.remarks ?? []} canRemark={can('inventory.review')} />
        </div>
      )}
    </Drawer>
  );
}
