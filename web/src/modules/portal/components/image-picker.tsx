import { PictureOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Empty, Modal, Space, Spin, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useImages, useUploadImage } from '../hooks/use-portal.ts';
import type { PortalImage } from '../utils/portal-api.ts';

interface Props {
  onPick: (img: PortalImage) => void;
  /** Prefix of the buttons' and file input's test ids. */
  testId: string;
  disabled?: boolean;
  /** The label of the upload button (default: upload an image). */
  uploadLabel?: string;
}

/** An image for the article: uploaded now (POST /portal/images) or picked from those uploaded before. */
export function ImagePicker({ onPick, testId, disabled, uploadLabel }: Props) {
  const { t } = useTranslation();
  const notify = useNotify();
  const upload = useUploadImage();
  const input = useRef<HTMLInputElement>(null);
  const [picking, setPicking] = useState(false);
  const send = (file: File) =>
    upload.mutate(file, { onSuccess: (img) => { notify.success(t('portal.images.uploaded')); onPick(img); }, onError: notify.error });
  return (
    <Space wrap size={4}>
      <input ref={input} type="file" style={{ display: 'none' }} accept="image/jpeg,image/png,image/webp" data-testid={`${testId}-file`}
        onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) send(f); }} />
      <Button size="small" icon={<UploadOutlined />} disabled={disabled} loading={upload.isPending} title={t('portal.images.hint')}
        data-testid={`${testId}-upload`} onClick={() => input.current?.click()}>{uploadLabel ?? t('portal.images.upload')}</Button>
      <Button size="small" icon={<PictureOutlined />} disabled={disabled} data-testid={`${testId}-pick`} onClick={() => setPicking(true)}>{t('portal.images.pick')}</Button>
      {picking && <LibraryModal onClose={() => setPicking(false)} onPick={(img) => { setPicking(false); onPick(img); }} />}
    </Space>
  );
}

function LibraryModal({ onClose, onPick }: { onClose: () => void; onPick: (img: PortalImage) => void }) {
  const { t } = useTranslation();
  const images = useImages();
  return (
    <Modal open width={760} title={t('portal.images.pickTitle')} footer={null} onCancel={onClose}>
      {images.isPending ? <Spin /> : !images.data?.length ? <Empty description={t('portal.images.empty')} /> : (
        <div className="portal-library" data-testid="portal-image-library">
          {images.data.map((img) => (
            <button key={img.id} type="button" className="portal-library-item" data-testid={`portal-image-${img.id}`} onClick={() => onPick(img)} title={img.name}>
              <img src={img.thumbUrl} alt={img.name} loading="lazy" />
              <Typography.Text ellipsis className="muted">{img.name}</Typography.Text>
            </button>
          ))}
        </div>
      )}
    </Modal>
  );
}
