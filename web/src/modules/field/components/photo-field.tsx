import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../ui/hooks/use-lang.ts';

export interface DraftPhoto {
  id: string;
  blob: Blob;
  name: string;
  takenAt: string;
  /** Already in the device's store (from an earlier save), else picked in this form. */
  stored: boolean;
  failed?: { zh: string; en: string };
}

const MAX_BYTES = 10 * 1024 * 1024;

/** A thumbnail made from the blob on the device; its object URL lives as long as it is shown. */
function Thumb({ photo, onRemove }: { photo: DraftPhoto; onRemove: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    const u = URL.createObjectURL(photo.blob);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [photo.blob]);
  return (
    <div className="photo-thumb" data-testid="photo-thumb" title={photo.failed ? photo.failed[lang] : photo.name}>
      {url && <img src={url} alt={photo.name} />}
      <Button size="small" shape="circle" danger icon={<DeleteOutlined />} aria-label={t('field.form.removePhoto')} onClick={onRemove} />
    </div>
  );
}

interface Props {
  photos: DraftPhoto[];
  onAdd: (photos: DraftPhoto[]) => void;
  onRemove: (id: string) => void;
  onTooLarge: () => void;
}

/** Several photos from the camera (or the gallery), kept as blobs until they go up. */
export function PhotoField({ photos, onAdd, onRemove, onTooLarge }: Props) {
  const { t } = useTranslation();
  const pick = (files: FileList | null) => {
    const ok: DraftPhoto[] = [];
    for (const f of Array.from(files ?? [])) {
      if (f.size > MAX_BYTES) {
        onTooLarge();
        continue;
      }
      ok.push({ id: crypto.randomUUID(), blob: f, name: f.name || 'photo.jpg', takenAt: new Date(f.lastModified || Date.now()).toISOString(), stored: false });
    }
    if (ok.length) onAdd(ok);
  };
  return (
    <div>
      <div className="photo-strip">
        {photos.map((p) => (
          <Thumb key={p.id} photo={p} onRemove={() => onRemove(p.id)} />
        ))}
        <label className="photo-add" aria-label={t('field.form.addPhoto')}>
          <CameraOutlined />
          <input
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            style={{ display: 'none' }} // the camera tile is the control; a global input rule would show it
            data-testid="photo-input"
            onChange={(e) => {
              pick(e.target.files);
              e.target.value = ''; // the same file may be picked again
            }}
          />
        </label>
      </div>
      <Typography.Text type="secondary">{t('field.form.photoHint', { n: photos.length })}</Typography.Text>
    </div>
  );
}
