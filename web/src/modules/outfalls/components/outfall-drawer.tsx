import { Alert, Descriptions, Drawer, Empty, Image, Result, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { TEST_PARAMETERS } from '../../../../../src/domains/outfalls/rules/outfall.ts';
import { isApiError } from '../../../api/client.ts';
import { useCan } from '../../auth/hooks/use-can.ts';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { useOutfall } from '../hooks/use-outfalls.ts';
import { imageFilePath, photoPath, STATE_COLOURS, type HistoryStep, type Outfall, type QuickTestResult } from '../utils/outfalls-api.ts';
import { MarkedImage } from './marked-image.tsx';
import { typeName } from './outfalls-table.tsx';
import { OutfallStateTag } from './state-tag.tsx';
import { VerifyActions } from './verify-actions.tsx';

const who = (by: HistoryStep['by']) => (typeof by === 'string' ? by : by?.name ?? '');

/** /outfalls/:id — one outfall over the register: fields, tests, photos, its image, history; the experts' buttons. */
export function OutfallDrawer() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const { search } = useLocation();
  const id = Number(useParams().id);
  const q = useOutfall(id);
  const o = q.data;
  // A 409 stays said after the re-read, even when the outfall can no longer be verified.
  const [conflict, setConflict] = useState<{ id: number; text: string } | null>(null);
  const missing = !Number.isInteger(id) || (isApiError(q.error) && q.error.status === 404);

  return (
    <Drawer
      open
      onClose={() => navigate(`/outfalls${search}`)}
      size={Math.min(900, window.innerWidth - 40)}
      data-testid="outfall-drawer"
      title={<span data-testid="outfall-drawer-title">{o ? o.code : `#${id}`}</span>}
      extra={o && can('outfalls.verify') && <VerifyActions key={o.id} outfall={o} onConflict={(text) => setConflict(text ? { id: o.id, text } : null)} />}
    >
      {missing && <Result status="404" subTitle={t('outfalls.detail.notFound')} />}
      {!missing && <QueryErrorAlert error={q.error} onRetry={q.refetch} />}
      {conflict && conflict.id === id && (
        <Alert type="warning" showIcon closable onClose={() => setConflict(null)} title={conflict.text} data-testid="outfall-conflict" className="block-gap" />
      )}
      {!o && q.isPending && <Skeleton active />}
      {o && o.id === id && <OutfallDetail o={o} />}
    </Drawer>
  );
}

/** The outfall's fields, tests (abnormal in red), photos, its image with the mark, and history. */
function OutfallDetail({ o }: { o: Outfall }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <div data-testid="outfall-detail" data-state={o.state} data-version={o.version}>
      <Space wrap className="block-gap">
        <OutfallStateTag state={o.state} />
        {o.origin && <Tag>{t(`outfalls.origins.${o.origin}` as 'outfalls.origins.imagery')}</Tag>}
        {o.corridor && (
          <Tag color={o.corridor.inside ? 'green' : 'red'} data-testid="outfall-corridor" data-inside={String(o.corridor.inside)}>
            {t(o.corridor.inside ? 'outfalls.detail.inside' : 'outfalls.detail.outside', { m: Math.round(o.corridor.distanceM) })}
          </Tag>
        )}
      </Space>
      <Descriptions size="small" column={2} className="block-gap" bordered>
        <Descriptions.Item label={t('outfalls.fields.type')}>{typeName(o.type, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('outfalls.fields.waterBody')}>{o.waterBody ?? '—'}{o.waterType ? ` · ${t(`outfalls.waterTypes.${o.waterType}`)}` : ''}</Descriptions.Item>
        <Descriptions.Item label={t('outfalls.fields.reach')}>{o.reach?.name ?? o.reachName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('outfalls.fields.region')}>{o.regionName ?? o.regionCode}</Descriptions.Item>
        <Descriptions.Item label={t('outfalls.fields.wgs84')}><span className="option-code">{o.lat.toFixed(6)}, {o.lng.toFixed(6)}</span></Descriptions.Item>
        <Descriptions.Item label={t('outfalls.fields.gcj02')}><span className="option-code">{o.gcj02.lat.toFixed(6)}, {o.gcj02.lng.toFixed(6)}</span></Descriptions.Item>
        <Descriptions.Item label={t('outfalls.fields.flow')}>{o.flowM3d ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('outfalls.fields.discharging')}>{o.discharging ? t(`outfalls.discharging.${o.discharging}`) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('outfalls.fields.responsible')} span={2}>
          <span data-testid="outfall-responsible">
            {o.source ? (
              <>
                <Link to={`/directory/${o.source.id}`}>{o.source.name}</Link>{' '}
                {o.source.creditCode && <span className="option-code">{o.source.creditCode}</span>}
              </>
            ) : (o.responsibleName ?? '—')}
          </span>
          {o.forms && o.forms.length > 0 && (
            <Space wrap style={{ marginLeft: 12 }} data-testid="outfall-forms">
              {o.forms.map((f) => (
                <Link key={f.formCode} to={o.source ? `/survey/sources/${o.source.id}` : '#'}>
                  <Tag data-testid={`outfall-form-${f.formCode}`}>{f.formCode} · {t(`survey.subStatus.${f.status}` as 'survey.subStatus.draft', { defaultValue: f.status })}</Tag>
                </Link>
              ))}
            </Space>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('outfalls.fields.note')} span={2}>{o.note ?? '—'}</Descriptions.Item>
      </Descriptions>

      <Typography.Title level={5}>{t('outfalls.detail.tests')}</Typography.Title>
      <Table<QuickTestResult>
        className="block-gap"
        data-testid="outfall-tests"
        size="small"
        pagination={false}
        rowKey="parameter"
        dataSource={o.tests ?? []}
        locale={{ emptyText: t('outfalls.detail.noTests') }}
        columns={[
          { key: 'p', title: t('outfalls.detail.parameter'), render: (_: unknown, r) => TEST_PARAMETERS[r.parameter]?.[lang] ?? r.parameter },
          {
            key: 'v', title: t('outfalls.detail.value'),
            render: (_: unknown, r) => (
              <span style={r.abnormal ? { color: '#cf1322', fontWeight: 600 } : undefined} data-testid={`outfall-test-${r.parameter}`} data-abnormal={String(r.abnormal)}>
                {r.value} {r.unit}
              </span>
            ),
          },
          { key: 'a', title: t('outfalls.detail.abnormal'), render: (_: unknown, r) => (r.abnormal ? <Tag color="red">{t('outfalls.detail.aboveLimit')}</Tag> : '') },
        ]}
      />

      <Typography.Title level={5}>{`${t('outfalls.detail.photos')} (${o.photos?.length ?? 0})`}</Typography.Title>
      <div className="block-gap" data-testid="outfall-photos">
        {(o.photos ?? []).length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('outfalls.detail.noPhotos')} />
        ) : (
          <Image.PreviewGroup>
            <Space wrap>
              {o.photos!.map((p) => (
                <Image key={p.id} width={120} height={90} style={{ objectFit: 'cover' }} src={photoPath(p.id)} alt={p.takenAt ? formatDateTime(p.takenAt, lang) : p.id} data-testid={`outfall-photo-${p.id}`} />
              ))}
            </Space>
          </Image.PreviewGroup>
        )}
      </div>

      {o.image && (
        <>
          <Typography.Title level={5}>
            {t('outfalls.detail.image')} <Link to={`/outfalls/images/${o.image.id}`} style={{ fontSize: 13, fontWeight: 400 }}>{t('outfalls.detail.openImage')}</Link>
          </Typography.Title>
          <div className="block-gap">
            <MarkedImage
              testId="outfall-image"
              src={imageFilePath(o.image.id, 'full')}
              alt={o.image.fileName ?? `#${o.image.id}`}
              marks={[{ id: o.id, code: o.code, state: o.state, imageX: o.imageX ?? null, imageY: o.imageY ?? null }]}
              maxHeight={360}
            />
          </div>
        </>
      )}

      <Typography.Title level={5}>{t('outfalls.detail.history')}</Typography.Title>
      <Timeline
        data-testid="outfall-history"
        items={(o.history ?? []).map((h, i) => ({
          key: i,
          color: STATE_COLOURS[h.to],
          content: (
            <div data-testid="outfall-history-step" data-to={h.to}>
              <Typography.Text strong>
                {h.from ? `${t(`outfalls.states.${h.from}`)} → ` : ''}{t(`outfalls.states.${h.to}`)}
              </Typography.Text>{' '}
              <Typography.Text type="secondary">{formatDateTime(h.at, lang)} {who(h.by)}</Typography.Text>
              {h.note && <div>{h.note}</div>}
            </div>
          ),
        }))}
      />
    </div>
  );
}
