import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Image, Row, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useCan } from '../../auth/hooks/use-can.ts';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useImages, useReaches } from '../hooks/use-outfalls.ts';
import { countsOf, imageFilePath, type Reach } from '../utils/outfalls-api.ts';
import { ExifLine, ImageUpload } from './image-upload.tsx';
import { ReachFormModal } from './reach-form-modal.tsx';

/** /outfalls/imagery — reaches and their corridors; the images of the chosen reach, uploaded and opened for marking. */
export function ImageryPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const reachId = Number(params.get('reach')) || undefined;
  const reaches = useReaches();
  const images = useImages(reachId);
  const [editing, setEditing] = useState<Reach | null | undefined>(undefined);
  const reach = reaches.data?.items.find((r) => r.id === reachId);
  const select = (id: number | undefined) => setParams(id ? { reach: String(id) } : {}, { replace: true });

  const columns: TableColumnsType<Reach> = [
    { key: 'name', title: t('outfalls.reach.name'), dataIndex: 'name' },
    { key: 'waterBody', title: t('outfalls.fields.waterBody'), render: (_: unknown, r) => `${r.waterBody} · ${t(`outfalls.waterTypes.${r.waterType}`)}` },
    { key: 'length', title: t('outfalls.reach.lengthKm'), dataIndex: 'lengthKm', width: 80, render: (v: number | null) => v ?? '—' },
    { key: 'corridor', title: t('outfalls.reach.corridor'), width: 110, render: (_: unknown, r) => `${r.landwardM} / ${r.waterwardM} m` },
    {
      key: 'counts', title: t('outfalls.reach.points'), width: 110,
      render: (_: unknown, r) => { const c = countsOf(r); return `${c.suspect + c.confirmed + c.hard + c.rejected + c.verified} (${c.suspect})`; },
    },
    ...(can('outfalls.plan')
      ? [{
        key: 'edit', width: 48,
        render: (_: unknown, r: Reach) => (
          <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('common.edit')} data-testid={`reach-edit-${r.id}`} onClick={(e) => { e.stopPropagation(); setEditing(r); }} />
        ),
      }]
      : []),
  ];

  return (
    <div className="page">
      <Row gutter={12}>
        <Col xs={24} xl={11}>
          <Card
            size="small"
            title={t('outfalls.reach.title')}
            extra={can('outfalls.plan') && <Button icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="reach-new">{t('outfalls.reach.new')}</Button>}
          >
            <QueryErrorAlert error={reaches.error} onRetry={reaches.refetch} />
            <Table<Reach>
              data-testid="reaches-table"
              size="small"
              rowKey="id"
              pagination={false}
              loading={reaches.isPending}
              columns={columns}
              dataSource={reaches.data?.items ?? []}
              onRow={(r) => ({ onClick: () => select(r.id === reachId ? undefined : r.id), 'data-testid': `reach-row-${r.id}`, 'data-name': r.name, style: { cursor: 'pointer' } } as React.HTMLAttributes<HTMLElement>)}
              rowClassName={(r) => (r.id === reachId ? 'ant-table-row-selected' : '')}
            />
          </Card>
        </Col>
        <Col xs={24} xl={13}>
          <Card size="small" title={reach ? t('outfalls.images.titleOf', { name: reach.name }) : t('outfalls.images.title')} data-testid="images-card" data-reach={reachId ?? ''}>
            {can('outfalls.plan') && <ImageUpload reachId={reachId} />}
            <QueryErrorAlert error={images.error} onRetry={images.refetch} />
            {(images.data?.items ?? []).length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('outfalls.images.none')} />
            ) : (
              <Space wrap align="start" data-testid="images-grid">
                {images.data!.items.map((im) => (
                  <div key={im.id} style={{ width: 200 }} data-testid={`image-thumb-${im.id}`} data-name={im.fileName ?? ''}>
                    <Image
                      width={200}
                      height={130}
                      style={{ objectFit: 'cover', cursor: 'pointer' }}
                      preview={false}
                      src={imageFilePath(im.id, 'thumb')}
                      alt={im.fileName ?? `#${im.id}`}
                      onClick={() => navigate(`/outfalls/images/${im.id}`)}
                    />
                    <Typography.Text ellipsis style={{ display: 'block' }}>{im.fileName ?? `#${im.id}`}</Typography.Text>
                    <ExifLine image={im} lang={lang} />
                  </div>
                ))}
              </Space>
            )}
          </Card>
        </Col>
      </Row>
      {editing !== undefined && <ReachFormModal reach={editing} onClose={(saved) => { setEditing(undefined); if (saved && !editing) select(saved.id); }} />}
    </div>
  );
}
