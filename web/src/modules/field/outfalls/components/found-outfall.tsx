import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Result, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../auth/hooks/use-session.ts';
import { useNotify } from '../../../ui/hooks/use-notify.ts';
import { useOnlineStatus } from '../../hooks/use-online-status.ts';
import { usePosition } from '../../hooks/use-position.ts';
import { FOUND_VERDICTS, initialCheckValues } from '../check-rules.ts';
import { foundOutfall } from '../outfalls-api.ts';
import type { CheckBody, OutfallDetail } from '../types.ts';
import { usePhotoUploads } from '../use-photo-uploads.ts';
import { CheckForm } from './check-form.tsx';
import { CheckPhotos } from './check-photos.tsx';
import { OfflineAlert } from './offline-alert.tsx';

/** An outfall found on foot (not in the list): the same check, registered in the user's region. */
export function FoundOutfall({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const session = useSession();
  const client = useQueryClient();
  const { position } = usePosition();
  const online = useOnlineStatus();
  const [created, setCreated] = useState<OutfallDetail | null>(null);
  // Photos wait for the new outfall's id, then go up.
  const photos = usePhotoUploads(created?.id ?? null);
  const [submitting, setSubmitting] = useState(false);
  // Where the phone is when the form opens; "use my position" refreshes it.
  const initial = useRef({ ...initialCheckValues(null), ...(position ? { lat: Math.round(position.lat * 1e6) / 1e6, lng: Math.round(position.lng * 1e6) / 1e6 } : {}) });

  const submit = async (body: CheckBody) => {
    setSubmitting(true);
    try {
      const o = await foundOutfall(session.regionCode, body);
      void client.invalidateQueries({ queryKey: ['outfalls'] });
      if (photos.photos.length) return setCreated(o); // the page says so while its photos go up
      notify.success(t('field.outfalls.foundCreated', { code: o.code }));
      onDone();
    } catch (e) {
      notify.error(e);
    } finally {
      setSubmitting(false);
    }
  };

  if (created) {
    return (
      <Card size="small" data-testid="outfall-found-created">
        <Result
          status="success"
          title={t('field.outfalls.foundCreated', { code: created.code })}
          subTitle={t('field.outfalls.foundPhotos')}
          extra={
            <Button type="primary" size="large" disabled={photos.pending} onClick={onDone} data-testid="outfall-found-done">
              {t('field.outfalls.done')}
            </Button>
          }
        />
        <CheckPhotos photos={photos} onTooLarge={() => notify.error(new Error(t('field.outfalls.photoTooLarge')))} />
      </Card>
    );
  }
  return (
    <div data-testid="outfall-found-view">
      <div className="field-row block-gap">
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={onDone} data-testid="outfall-back">
          {t('field.outfalls.back')}
        </Button>
        <Typography.Text strong>{t('field.outfalls.foundTitle')}</Typography.Text>
      </div>
      {online ? <Alert type="info" showIcon className="block-gap" title={t('field.outfalls.foundHint')} /> : <OfflineAlert />}
      <CheckForm initial={initial.current} verdicts={FOUND_VERDICTS} photos={photos} submitting={submitting} requirePosition autoPosition photosAfter onSubmit={(b) => void submit(b)} />
    </div>
  );
}
