import { ArrowLeftOutlined, CompassOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Result, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canCheck } from '../../../../../../src/domains/outfalls/rules/outfall.ts';
import { isApiError } from '../../../../api/client.ts';
import { useOnlineStatus } from '../../hooks/use-online-status.ts';
import { QueryErrorAlert } from '../../../ui/components/query-error-alert.tsx';
import { useNotify } from '../../../ui/hooks/use-notify.ts';
import { initialCheckValues, navLinks, STATE_COLOURS, type CheckFormValues } from '../check-rules.ts';
import { checkOutfall, photoUrl, useOutfall } from '../outfalls-api.ts';
import type { CheckBody, OutfallDetail } from '../types.ts';
import { usePhotoUploads } from '../use-photo-uploads.ts';
import { CheckForm } from './check-form.tsx';
import { ImageMark } from './image-mark.tsx';
import { OfflineAlert } from './offline-alert.tsx';

interface Props {
  id: number;
  onBack: () => void;
}

/** One outfall: where it is, how to get there, what the imagery showed, and its field check. */
export function OutfallView({ id, onBack }: Props) {
  const { t } = useTranslation();
  const one = useOutfall(id);
  const online = useOnlineStatus();
  // Kept here, above the form that a reload remounts, so the message outlives the reload.
  const [conflict, setConflict] = useState(false);
  // What the taker had entered when the server refused it as stale: the reloaded form keeps it.
  const [draft, setDraft] = useState<CheckFormValues | null>(null);
  const photos = usePhotoUploads(id); // also above the form: photos on their way survive a reload
  const header = (
    <div className="field-row block-gap">
      <Button type="text" icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="outfall-back">
        {t('field.outfalls.back')}
      </Button>
      {one.data && <Typography.Text strong data-testid="outfall-code">{one.data.code}</Typography.Text>}
      {one.data && (
        <Tag color={STATE_COLOURS[one.data.state]} className="push-end" data-testid="outfall-state" data-state={one.data.state}>
          {t(`field.outfalls.states.${one.data.state}`)}
        </Tag>
      )}
    </div>
  );
  if (one.isPending) return <>{header}{online ? <Spin /> : <OfflineAlert />}</>;
  if (one.isError) {
    if (isApiError(one.error) && one.error.status === 404) return <Result status="404" title={t('field.form.notFound')} extra={<Button onClick={onBack}>{t('field.outfalls.back')}</Button>} />;
    return <>{header}<QueryErrorAlert error={one.error} onRetry={() => one.refetch()} /></>;
  }
  return (
    <div data-testid="outfall-view">
      {header}
      {!online && <OfflineAlert />}
      {conflict && (
        <Alert type="warning" showIcon className="block-gap" data-testid="outfall-conflict" title={t('field.outfalls.conflict', { state: t(`field.outfalls.states.${one.data.state}`) })} />
      )}
      <OutfallFacts o={one.data} />
      {/* Keyed by the version: a reload after a conflict remounts the form on the new version, keeping what was entered. */}
      <OutfallCheck key={one.data.version} o={one.data} onBack={onBack} photos={photos} draft={draft} onConflict={(values) => (setConflict(true), setDraft(values))} />
    </div>
  );
}

function OutfallFacts({ o }: { o: OutfallDetail }) {
  const { t } = useTranslation();
  const links = navLinks(o);
  return (
    <Card size="small" className="block-gap" title={t('field.outfalls.position')}>
      <Typography.Paragraph data-testid="outfall-coords">{t('field.outfalls.coords', { lat: o.lat.toFixed(6), lng: o.lng.toFixed(6) })}</Typography.Paragraph>
      <Space wrap className="block-gap">
        <Button type="primary" icon={<CompassOutlined />} href={links.amap} target="_blank" rel="noopener noreferrer" data-testid="outfall-nav-amap">
          {t('field.outfalls.navigate')}
        </Button>
        <Button icon={<EnvironmentOutlined />} href={links.geo} data-testid="outfall-nav-geo">
          {t('field.outfalls.geo')}
        </Button>
      </Space>
      <Descriptions
        size="small"
        column={1}
        items={[
          ...(o.reach
            ? [{
                key: 'reach',
                label: t('field.outfalls.reach'),
                children: (
                  <span>
                    {o.reach.name}
                    {o.corridor && (
                      <Typography.Text type={o.corridor.inside ? 'secondary' : 'warning'} className="outfall-corridor" data-testid="outfall-corridor" data-inside={String(o.corridor.inside)}>
                        {t('field.outfalls.corridor', { d: o.corridor.distanceM, inside: t(o.corridor.inside ? 'field.outfalls.inside' : 'field.outfalls.outside') })}
                      </Typography.Text>
                    )}
                  </span>
                ),
              }]
            : []),
          ...(o.regionName ? [{ key: 'region', label: t('field.outfalls.region'), children: o.regionName }] : []),
        ]}
      />
      <ImageMark o={o} />
      {!!o.photos?.length && (
        <>
          <Typography.Paragraph type="secondary" className="outfall-caption">{t('field.outfalls.photosOnServer')}</Typography.Paragraph>
          <div className="photo-strip" data-testid="outfall-server-photos">
            {o.photos.map((p) => (
              <div key={p.id} className="photo-thumb">
                <img src={p.url ?? photoUrl(p.id)} alt="" loading="lazy" />
              </div>
            ))}
          </div>
        </>
      )}
    </Card>
  );
}

/** The check form of a listed outfall: photos go up as they are taken, the verdict with the version seen. */
interface CheckProps {
  o: OutfallDetail;
  photos: ReturnType<typeof usePhotoUploads>;
  draft: CheckFormValues | null;
  onBack: () => void;
  onConflict: (values: CheckFormValues) => void;
}

function OutfallCheck({ o, photos, draft, onBack, onConflict }: CheckProps) {
  const { t } = useTranslation();
  const notify = useNotify();
  const client = useQueryClient();
  const [submitting, setSubmitting] = useState(false);

  if (!canCheck(o.state)) {
    return <Alert type="info" showIcon data-testid="outfall-not-checkable" title={t('field.outfalls.notCheckable', { state: t(`field.outfalls.states.${o.state}`) })} />;
  }
  const submit = async (body: CheckBody, values: CheckFormValues) => {
    setSubmitting(true);
    try {
      await checkOutfall(o.id, o.version, body);
      notify.success(t('field.outfalls.submitted'));
      void client.invalidateQueries({ queryKey: ['outfalls'] });
      onBack();
    } catch (e) {
      if (isApiError(e) && e.status === 409) {
        // Someone moved it on: show the server's state (the reload remounts this form).
        onConflict(values);
        await client.invalidateQueries({ queryKey: ['outfalls', 'one', o.id] });
      } else notify.error(e);
    } finally {
      setSubmitting(false);
    }
  };
  return <CheckForm initial={draft ?? initialCheckValues(o)} photos={photos} submitting={submitting} onSubmit={(b, v) => void submit(b, v)} />;
}
