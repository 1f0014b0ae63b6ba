import { Empty, Image } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PhotoMeta } from '../../../api/inventory-types.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { INV } from '../utils/inventory-keys.ts';

/** The photos taken at the visit, served scope-checked by the API; a click enlarges. */
export function RecordPhotos({ photos }: { photos: PhotoMeta[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (photos.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inventory.drawer.noPhotos')} />;
  return (
    <div className="record-photos" data-testid="record-photos">
      <Image.PreviewGroup>
        {photos.map((p) => (
          <Image
            key={p.id}
            width={120}
            height={90}
            src={`${INV}/photos/${p.id}`}
            alt={p.takenAt ? formatDateTime(p.takenAt, lang) : p.id}
            data-testid={`record-photo-${p.id}`}
          />
        ))}
      </Image.PreviewGroup>
    </div>
  );
}
