import { CheckOutlined, DeleteOutlined, ExperimentOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Space, Tag, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useCan } from '../../auth/hooks/use-can.ts';
import { PageSpinner } from '../../layout/components/page-spinner.tsx';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { useEnterprise, useUnlist } from '../hooks/use-radioactive.ts';
import { useMineralName } from '../hooks/use-mineral-name.ts';
import { DetailedModal } from './detailed-modal.tsx';
import { G107Card } from './g107-card.tsx';
import { MeasurementCard } from './measurement-card.tsx';
import { StageTag } from './stage-tag.tsx';

/** /radioactive/enterprises/:id — an enterprise of the initial list: details, stage, G107 values, measurements with their records. */
export function EnterprisePage() {
  const { t } = useTranslation();
  const can = useCan();
  const notify = useNotify();
  const lang = useLang();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const id = Number(useParams().id);
  const ent = useEnterprise(id);
  const unlist = useUnlist(() => navigate('/radioactive'));
  const mineralName = useMineralName();
  const [detailing, setDetailing] = useState(false);

  if (ent.isPending) return <PageSpinner />;
  if (!ent.data) return <QueryErrorAlert error={ent.error} onRetry={ent.refetch} />;
  const e = ent.data;
  const measurements = e.measurements ?? [];

  const confirmUnlist = () =>
    modal.confirm({
      title: t('radioactive.list.unlistConfirm', { name: e.name }),
      okButtonProps: { 'data-testid': 'radio-unlist-ok', danger: true } as ButtonProps,
      onOk: () => unlist.mutateAsync({ id: e.id, version: e.version }).then(() => notify.success(t('radioactive.list.unlisted')), notify.error),
    });

  return (
    <>
      <QueryErrorAlert error={ent.error} onRetry={ent.refetch} />
      <Card
        size="small"
        className="block-gap"
        data-testid="radio-enterprise"
        title={<Space><span data-testid="radio-enterprise-name">{e.name}</span><StageTag stage={e.stage} testId="radio-enterprise-stage" /></Space>}
        extra={
          <Space>
            {can('radioactive.measure') && (
              <Link to={`/radioactive/enterprises/${e.id}/measure`}>
                <Button type="primary" icon={<ExperimentOutlined />} data-testid="radio-new-measurement">{t('radioactive.enterprise.newMeasurement')}</Button>
              </Link>
            )}
            {can('radioactive.list') && e.stage === 'detailed-required' && (
              <Button danger icon={<CheckOutlined />} data-testid="radio-detailed" onClick={() => setDetailing(true)}>{t('radioactive.enterprise.detailedDone')}</Button>
            )}
            {can('radioactive.list') && e.stage === 'listed' && measurements.length === 0 && (
              <Button icon={<DeleteOutlined />} data-testid="radio-unlist" onClick={confirmUnlist}>{t('radioactive.list.unlist')}</Button>
            )}
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'credit', label: t('radioactive.fields.creditCode'), children: e.creditCode ?? '—' },
            { key: 'region', label: t('radioactive.fields.region'), children: e.regionName ? t('radioactive.withCode', { name: e.regionName, code: e.regionCode }) : e.regionCode },
            { key: 'minerals', label: t('radioactive.fields.minerals'), children: e.minerals.length ? e.minerals.map((m) => <Tag key={m}>{mineralName(m)}</Tag>) : '—' },
            {
              key: 'source', label: t('radioactive.fields.source'),
              children: e.sourceId ? <Link to={`/directory/${e.sourceId}`} data-testid="radio-enterprise-source">#{e.sourceId}</Link> : '—',
            },
            { key: 'inv', label: t('radioactive.fields.inInventory'), children: <span data-testid="radio-enterprise-inventory">{e.inInventory ? t('common.yes') : t('common.no')}</span> },
            { key: 'last', label: t('radioactive.fields.lastMeasuredOn'), children: e.lastMeasuredOn?.slice(0, 10) ?? '—' },
            ...(e.detailedDoneAt || e.detailedNote ? [{
              key: 'note', label: t('radioactive.enterprise.detailedNoteShown'),
              children: <span data-testid="radio-enterprise-detailed-note">{[e.detailedDoneAt ? formatDateTime(e.detailedDoneAt, lang) : null, e.detailedNote].filter(Boolean).join(' · ')}</span>,
            }] : []),
          ]}
        />
      </Card>
      <G107Card g107={e.g107} />
      <Card size="small" className="block-gap" title={t('radioactive.enterprise.measurements')} data-testid="radio-measurements">
        {measurements.length === 0 ? (
          <Empty description={<Typography.Text type="secondary">{t('radioactive.enterprise.noMeasurements')}</Typography.Text>} />
        ) : (
          measurements.map((m, i) => <MeasurementCard key={m.id} m={m} latest={i === 0} canUpload={can('radioactive.measure')} />)
        )}
      </Card>
      {detailing && <DetailedModal enterprise={e} onClose={() => setDetailing(false)} />}
    </>
  );
}
