import { CameraOutlined, DeleteOutlined, RedoOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../ui/hooks/use-lang.ts';
import { usePosition } from '../../hooks/use-position.ts';
import type { PhotoToSend } from '../outfalls-api.ts';
import type { CheckPhoto, usePhotoUploads } from '../use-photo-uploads.ts';

const MAX_BYTES = 10 * 1024 * 1024;

/** Photos of the check: taken or chosen, each showing whether it is up; a failed one can be retried. */
export function CheckPhotos({ photos, onTooLarge }: { photos: ReturnType<typeof usePhotoUploads>; onTooLarge: () => void }) {
  const { t } = useTranslation();
  const { position } = usePosition();
  const pick = (files: FileList | null) => {
    const ok: PhotoToSend[] = [];
    for (const f of Array.from(files ?? [])) {
      if (f.size > MAX_BYTES) {
        onTooLarge();
        continue;
      }
      ok.push({
        id: crypto.randomUUID(),
        blob: f,
        name: f.name || 'photo.jpg',
        takenAt: new Date(f.lastModified || Date.now()).toISOString(),
        // Where the phone was when the photo was added (the file's EXIF stays in it for the server).
        ...(position ? { lat: Math.round(position.lat * 1e6) / 1e6, lng: Math.round(position.lng * 1e6) / 1e6 } : {}),
      });
    }
    if (ok.length) photos.add(ok);
  };
  return (
    <div>
      <div className="photo-strip">
        {photos.photos.map((p) => (
          <Thumb key={p.id} photo={p} onRetry={() => photos.retry(p.id)} onRemove={() => photos.remove(p.id)} />
        ))}
        <label className="photo-add" aria-label={t('field.form.addPhoto')}>
          <CameraOutlined />
          <input
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            style={{ display: 'none' }}
            data-testid="outfall-photo-input"
            onChange={(e) => {
              pick(e.target.files);
              e.target.value = ''; // the same file may be picked again
            }}
          />
        </label>
      </div>
      {photos.failed > 0 && <Typography.Text type="danger">{t('field.outfalls.photosFailed', { n: photos.failed })}</Typography.Text>}
    </div>
  );
}

function Thumb({ photo, onRetry, onRemove }: { photo: CheckPhoto; onRetry: () => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    const u = URL.createObjectURL(photo.blob);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [photo.blob]);
  const status = {
    waiting: t('field.outfalls.photoWaiting'),
    sending: t('field.outfalls.photoSending'),
    sent: t('field.outfalls.photoSent'),
    failed: t('field.outfalls.photoFailed', { message: photo.error?.[lang] ?? '' }),
  }[photo.status];
  return (
    <div className={photo.status === 'failed' ? 'photo-thumb failed' : 'photo-thumb'} data-testid="outfall-photo" data-status={photo.status} title={status}>
      {url && <img src={url} alt={photo.name} />}
      {photo.status === 'failed' && (
        <Button size="small" shape="circle" type="primary" icon={<RedoOutlined />} aria-label={t('field.outfalls.retry')} onClick={onRetry} data-testid="outfall-photo-retry" />
      )}
      {(photo.status === 'waiting' || photo.status === 'failed') && (
        // Top left, clear of the retry button.
        <Button size="small" shape="circle" danger icon={<DeleteOutlined />} aria-label={t('field.form.removePhoto')} onClick={onRemove} style={photo.status === 'failed' ? { left: 2, right: 'auto' } : undefined} />
      )}
      <span className="photo-status">{photo.status === 'failed' ? t('field.outfalls.retry') : status}</span>
    </div>
  );
}
