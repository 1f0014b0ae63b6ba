import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, List, Result, Row, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/client.ts';
import { useCan } from '../../auth/hooks/use-can.ts';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useImage, useReaches } from '../hooks/use-outfalls.ts';
import { imageFilePath } from '../utils/outfalls-api.ts';
import { ExifLine } from './image-upload.tsx';
import { MarkDialog } from './mark-dialog.tsx';
import { MarkedImage } from './marked-image.tsx';
import { OutfallStateTag } from './state-tag.tsx';

/** /outfalls/images/:id — one image at full size with its marks; a click on it marks a suspect there. */
export function ImagePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const q = useImage(id);
  const reaches = useReaches();
  const [at, setAt] = useState<{ imageX: number; imageY: number } | null>(null);
  const image = q.data;
  const reach = image?.reachId ? reaches.data?.items.find((r) => r.id === image.reachId) : undefined;
  const marks = image?.marks ?? [];
  const canMark = can('outfalls.plan');

  if (!Number.isInteger(id) || (isApiError(q.error) && q.error.status === 404)) return <Result status="404" subTitle={t('outfalls.images.notFound')} />;
  return (
    <div className="page">
      <Card
        size="small"
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(image?.reachId ? `/outfalls/imagery?reach=${image.reachId}` : '/outfalls/imagery')} aria-label={t('common.back')} />
            {image?.fileName ?? `#${id}`}
          </Space>
        }
      >
        <QueryErrorAlert error={q.error} onRetry={q.refetch} />
        {!image && q.isPending && <Skeleton active />}
        {image && (
          <Row gutter={12}>
            <Col xs={24} xl={18}>
              {canMark && <Alert type="info" showIcon className="block-gap" title={t('outfalls.images.clickToMark')} />}
              <MarkedImage
                testId="image-view"
                src={imageFilePath(image.id, 'full')}
                alt={image.fileName ?? `#${image.id}`}
                marks={marks}
                pending={at}
                onPick={canMark ? setAt : undefined}
                maxHeight={760}
              />
            </Col>
            <Col xs={24} xl={6}>
              <Descriptions size="small" column={1} className="block-gap">
                <Descriptions.Item label={t('outfalls.fields.reach')}>{reach?.name ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('outfalls.images.kind')}>{t(`outfalls.images.${image.kind}`)}</Descriptions.Item>
                <Descriptions.Item label={t('outfalls.images.exif')}><ExifLine image={image} lang={lang} /></Descriptions.Item>
                {image.width && image.height && <Descriptions.Item label={t('outfalls.images.size')}>{image.width} × {image.height}</Descriptions.Item>}
              </Descriptions>
              <Typography.Title level={5}>{t('outfalls.images.marks', { count: marks.length })}</Typography.Title>
              <List
                size="small"
                data-testid="image-marks"
                dataSource={marks}
                renderItem={(m) => (
                  <List.Item key={m.id}>
                    <Link to={`/outfalls/${m.id}`} data-testid={`image-mark-link-${m.code}`}><span className="option-code">{m.code}</span></Link>
                    <OutfallStateTag state={m.state} />
                  </List.Item>
                )}
              />
            </Col>
          </Row>
        )}
      </Card>
      {image && at && (
        <MarkDialog
          image={image}
          at={at}
          regionCode={reach?.regionCode ?? image.regionCode}
          onClose={() => { setAt(null); void q.refetch(); }}
        />
      )}
    </div>
  );
}
