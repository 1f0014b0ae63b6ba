import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../ui/components/query-error-alert.tsx';
import { useOnlineStatus } from '../../hooks/use-online-status.ts';
import { usePosition } from '../../hooks/use-position.ts';
import { formatDistance } from '../../utils/geo.ts';
import { nearQueryPoint, reachName, STATE_COLOURS } from '../check-rules.ts';
import { useNearOutfalls } from '../outfalls-api.ts';
import { OfflineAlert } from './offline-alert.tsx';

interface Props {
  onOpen: (id: number) => void;
  onFound: () => void;
}

/** The taker's outfalls to check, nearest first, from where the phone is. */
export function OutfallList({ onOpen, onFound }: Props) {
  const { t } = useTranslation();
  const { position, error } = usePosition();
  const point = nearQueryPoint(position);
  const near = useNearOutfalls(point);
  const online = useOnlineStatus();
  const items = near.data?.items ?? [];

  return (
    <div data-testid="outfall-list">
      <div className="field-row block-gap">
        <Typography.Text strong>{t('field.outfalls.title')}</Typography.Text>
        <Button icon={<ReloadOutlined />} size="small" className="push-end" onClick={() => void near.refetch()} disabled={!point} loading={near.isFetching} data-testid="outfall-refresh" aria-label={t('field.outfalls.refresh')} />
        <Button type="primary" size="small" icon={<PlusOutlined />} onClick={onFound} data-testid="outfall-found">
          {t('field.outfalls.found')}
        </Button>
      </div>
      {!online && <OfflineAlert />}
      {!point && !error && (
        <Card size="small" className="block-gap">
          <Spin size="small" /> <Typography.Text type="secondary">{t('field.outfalls.locating')}</Typography.Text>
        </Card>
      )}
      {!point && error && <Alert type="warning" showIcon className="block-gap" data-testid="outfall-no-position" title={t('field.outfalls.noPosition', { message: error.message })} />}
      {near.isError && online && <QueryErrorAlert error={near.error} onRetry={() => near.refetch()} />}
      {near.isPending && point && <Spin />}
      {near.isSuccess && items.length === 0 && (
        <Card size="small">
          <Typography.Paragraph type="secondary" data-testid="outfall-list-empty" style={{ margin: 0 }}>
            {t('field.outfalls.empty')}
          </Typography.Paragraph>
        </Card>
      )}
      {items.length > 0 && <Typography.Paragraph type="secondary">{t('field.outfalls.count', { n: items.length })}</Typography.Paragraph>}
      <div className="outfall-rows">
        {items.map((o) => {
          const reach = reachName(o);
          return (
            <button key={o.id} type="button" className="unit-row outfall-row" data-testid="outfall-row" data-code={o.code} onClick={() => onOpen(o.id)}>
              <span className="unit-row-tags">
                <span className="unit-row-name">{o.code}</span>
                <Tag color={STATE_COLOURS[o.state]}>{t(`field.outfalls.states.${o.state}`)}</Tag>
                <span className="unit-row-distance" data-testid="outfall-distance">{formatDistance(o.distanceM)}</span>
              </span>
              <span className="unit-row-address">
                {[o.waterBody || t('field.outfalls.noWaterBody'), reach, o.regionName].filter(Boolean).join(' · ')}
              </span>
            </button>
          );
        })}
      </div>
    </div>
  );
}
