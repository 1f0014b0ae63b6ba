import { ArrowLeftOutlined, FormOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/client.ts';
import { useCan } from '../../auth/hooks/use-can.ts';
import { NotFoundPage } from '../../layout/components/not-found-page.tsx';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useSourceEmissions } from '../hooks/use-source-emissions.ts';
import type { Figure } from '../utils/emissions-api.ts';
import { formatAmount, pollutantName, pollutantUnit } from '../utils/pollutant-units.ts';
import { LineagePanel } from './lineage-panel.tsx';

/** /emissions/sources/:id — a source's figures per outlet and pollutant, each opening its lineage. */
export function SourceEmissionsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const q = useSourceEmissions(id);
  const [open, setOpen] = useState<Figure | null>(null);
  const data = q.data;

  if (!Number.isInteger(id) || id < 1 || (isApiError(q.error) && q.error.status === 404)) return <NotFoundPage />;

  const amount = (v: number | null, p: string) => (v === null ? t('common.none') : `${formatAmount(v, p)} ${pollutantUnit(p)}`);
  const columns: TableColumnsType<Figure> = [
    { key: 'outlet', title: t('emissions.source.outlet'), dataIndex: 'outletCode' },
    { key: 'pollutant', title: t('emissions.source.pollutant'), render: (_, f) => <span title={f.pollutant}>{pollutantName(f.pollutant, lang)}</span> },
    { key: 'method', title: t('emissions.source.method'), render: (_, f) => <Tag color={f.method === 'monitoring' ? 'blue' : 'purple'}>{t(`emissions.methods.${f.method}`)}</Tag> },
    { key: 'generated', title: t('emissions.source.generated'), align: 'right', render: (_, f) => amount(f.generated, f.pollutant) },
    { key: 'emitted', title: t('emissions.source.emitted'), align: 'right', render: (_, f) => <span data-testid="figure-emitted" data-value={f.emitted}>{amount(f.emitted, f.pollutant)}</span> },
    {
      key: 'status', title: t('emissions.source.status'),
      render: (_, f) => <Tag data-testid="figure-status" data-approved={f.approved} color={f.approved ? 'green' : 'orange'}>{f.approved ? t('emissions.approved') : t('emissions.review')}</Tag>,
    },
    {
      key: 'permit', title: t('emissions.source.permit'),
      render: (_, f) => f.permitFlag ? <Tag color="red" data-testid="figure-permit-flag">{t('emissions.source.permitFlag')}</Tag>
        : f.permitReported === null ? t('emissions.source.permitNone') : t('emissions.source.permitOk'),
    },
    { key: 'lineage', title: t('emissions.source.lineage'), render: (_, f) => <Button size="small" onClick={() => setOpen(f)} data-testid="figure-lineage">{t('emissions.source.lineage')}</Button> },
  ];

  return (
    <div className="page" data-testid="source-emissions" data-source={id} data-pending={data?.pending ?? ''}>
      <Card
        size="small"
        title={
          <Space>
            <Button size="small" type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(data ? `/emissions?region=${data.source.regionCode}` : '/emissions')} aria-label={t('common.back')} />
            <span data-testid="source-emissions-name">{data?.source.name ?? t('emissions.source.title')}</span>
          </Space>
        }
        extra={can('survey.read') && <Link to={`/survey/sources/${id}`}><FormOutlined /> {t('emissions.source.toForms')}</Link>}
      >
        <QueryErrorAlert error={q.error} onRetry={q.refetch} />
        {data?.pending && <Alert className="block-gap" type="info" showIcon data-testid="source-emissions-pending" title={t('emissions.source.pending')} />}
        <Table<Figure>
          data-testid="source-figures"
          size="small"
          rowKey={(f) => `${f.outletCode}|${f.pollutant}`}
          columns={columns}
          dataSource={data?.figures ?? []}
          loading={q.isPending}
          pagination={false}
          locale={{ emptyText: t('emissions.source.empty') }}
          onRow={(f) => ({ 'data-testid': `figure-row-${f.outletCode}-${f.pollutant}`, 'data-method': f.method }) as HTMLAttributes<HTMLElement>}
        />
      </Card>
      <LineagePanel sourceId={id} figure={open} onClose={() => setOpen(null)} />
    </div>
  );
}
