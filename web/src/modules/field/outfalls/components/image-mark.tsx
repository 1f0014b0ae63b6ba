import { Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { imageThumbUrl } from '../outfalls-api.ts';
import type { OutfallDetail } from '../types.ts';

/** The drone or satellite thumbnail the suspect was marked on, with the mark where the office put it. */
export function ImageMark({ o }: { o: OutfallDetail }) {
  const { t } = useTranslation();
  // An image the caller may not read (outside its scope) is left out rather than shown broken.
  const [failed, setFailed] = useState(false);
  const imageId = o.image?.id ?? o.imageId ?? null;
  if (imageId === null || failed) return null;
  const x = o.imageX ?? null;
  const y = o.imageY ?? null;
  return (
    <div className="block-gap">
      <Typography.Paragraph type="secondary" className="outfall-caption">{t('field.outfalls.image')}</Typography.Paragraph>
      <div className="outfall-image" data-testid="outfall-image">
        <img src={imageThumbUrl(imageId)} alt={t('field.outfalls.image')} onError={() => setFailed(true)} />
        {x !== null && y !== null && <span className="outfall-image-mark" data-testid="outfall-image-mark" style={{ left: `${x * 100}%`, top: `${y * 100}%` }} />}
      </div>
    </div>
  );
}
