// Drone or satellite images, several at once, picked or dropped, sent one after another; each row
// then says where and when the file says it was taken — or that it carries no position.
import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { List, Radio, Space, Tag, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { errorText } from '../../ui/utils/error-text.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { uploadImage } from '../hooks/use-outfalls.ts';
import { outfallKeys, positionOf, type OutfallImage } from '../utils/outfalls-api.ts';

interface Row { uid: string; name: string; status: 'waiting' | 'uploading' | 'done' | 'error'; percent: number; image?: OutfallImage; error?: string }

export function ImageUpload({ reachId }: { reachId: number | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const [kind, setKind] = useState<'drone' | 'satellite'>('drone');
  const [rows, setRows] = useState<Row[]>([]);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const patch = (uid: string, p: Partial<Row>) => setRows((rs) => rs.map((r) => (r.uid === uid ? { ...r, ...p } : r)));

  const add = (file: File, uid: string) => {
    setRows((rs) => [{ uid, name: file.name, status: 'waiting', percent: 0 }, ...rs]);
    // One at a time: large originals in parallel only compete for the same uplink.
    queue.current = queue.current.then(async () => {
      patch(uid, { status: 'uploading' });
      try {
        const image = await uploadImage(file, reachId, kind, { onProgress: (sent, total) => patch(uid, { percent: total ? Math.round((sent / total) * 100) : 0 }) });
        patch(uid, { status: 'done', percent: 100, image });
      } catch (e) {
        patch(uid, { status: 'error', error: errorText(e, lang) });
      }
      void qc.invalidateQueries({ queryKey: outfallKeys.all });
    });
  };

  return (
    <div className="block-gap">
      <Space className="block-gap">
        <Typography.Text>{t('outfalls.images.kind')}</Typography.Text>
        <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as 'drone' | 'satellite')} data-testid="image-kind">
          <Radio.Button value="drone">{t('outfalls.images.drone')}</Radio.Button>
          <Radio.Button value="satellite">{t('outfalls.images.satellite')}</Radio.Button>
        </Radio.Group>
      </Space>
      <Upload.Dragger
        data-testid="image-upload"
        accept="image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp"
        multiple
        showUploadList={false}
        beforeUpload={(file) => {
          add(file, file.uid);
          return Upload.LIST_IGNORE;
        }}
      >
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p className="ant-upload-text">{t('outfalls.images.drop')}</p>
        <p className="ant-upload-hint">{t('outfalls.images.dropHint')}</p>
      </Upload.Dragger>
      {rows.length > 0 && (
        <List
          size="small"
          data-testid="image-upload-results"
          dataSource={rows}
          renderItem={(r) => (
            <List.Item key={r.uid} data-testid="image-upload-result" data-name={r.name} data-status={r.status} data-image-id={r.image?.id ?? ''}>
              <Space wrap>
                <Typography.Text strong>{r.name}</Typography.Text>
                {r.status === 'waiting' && <Tag>{t('outfalls.images.waiting')}</Tag>}
                {r.status === 'uploading' && <Tag color="processing">{r.percent}%</Tag>}
                {r.status === 'error' && <Typography.Text type="danger">{r.error}</Typography.Text>}
                {r.image && <ExifLine image={r.image} lang={lang} />}
              </Space>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}

/** Position and time read from the file, or "no position". */
export function ExifLine({ image, lang }: { image: OutfallImage; lang: 'zh' | 'en' }) {
  const { t } = useTranslation();
  const at = positionOf(image);
  return (
    <span data-testid="image-exif" data-has-position={String(!!at)}>
      {at ? (
        <Tag color="green">{at.lat.toFixed(6)}, {at.lng.toFixed(6)}</Tag>
      ) : (
        <Tag color="orange">{t('outfalls.images.noPosition')}</Tag>
      )}
      <Typography.Text type="secondary">{image.takenAt ? formatDateTime(image.takenAt, lang) : t('outfalls.images.noTime')}</Typography.Text>
    </span>
  );
}
