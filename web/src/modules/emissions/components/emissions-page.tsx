import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useTotals } from '../hooks/use-totals.ts';
import { totalsXlsxUrl } from '../utils/emissions-api.ts';
import { pollutantName, pollutantOrder } from '../utils/pollutant-units.ts';
import { ChildrenChart } from './children-chart.tsx';
import { RegionCrumbs } from '../../regions/components/region-crumbs.tsx';
import { TotalsTable } from './totals-table.tsx';

/** /emissions — a region's emission totals (the caller's own by default), drilled down by child region. */
export function EmissionsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const q = useTotals(region);
  const data = q.data;
  const open = (code: string) => navigate(`/emissions?region=${code}`);

  // The chart's pollutant: the one chosen, else the first the region has (in the code table's order).
  const present = useMemo(() => [...new Set((data?.pollutants ?? []).map((p) => p.pollutant))].sort((a, b) => pollutantOrder(a) - pollutantOrder(b)), [data]);
  const [chosen, setChosen] = useState<string | null>(null);
  const pollutant = chosen && present.includes(chosen) ? chosen : present[0] ?? '';

  return (
    <div className="page">
      <Card
        size="small"
        title={t('emissions.title')}
        extra={
          <Space wrap>
            <Button icon={<ReloadOutlined />} onClick={() => void q.refetch()} data-testid="emissions-refresh">{t('common.refresh')}</Button>
            <Button icon={<DownloadOutlined />} href={totalsXlsxUrl(data?.region.code ?? region)} download data-testid="emissions-export">{t('emissions.exportXlsx')}</Button>
          </Space>
        }
      >
        {data && <RegionCrumbs code={data.region.code} name={data.region.name} base="/emissions" testId="emissions" />}
        <QueryErrorAlert error={q.error} onRetry={q.refetch} />
        <Alert className="block-gap" type="info" showIcon title={t('emissions.note')} />
        <div data-testid="emissions-region" data-code={data?.region.code ?? ''} data-level={data?.region.level ?? ''}>
          <TotalsTable testId="emissions-pollutants" items={data?.pollutants ?? []} loading={q.isPending || q.isFetching} />
        </div>
      </Card>
      {data && data.children.length > 0 && (
        <Card
          size="small"
          className="block-gap"
          title={t('emissions.children')}
          extra={
            <Space>
              {t('emissions.chartPollutant')}
              <Select
                size="small"
                style={{ minWidth: 160 }}
                value={pollutant}
                onChange={setChosen}
                data-testid="emissions-chart-pollutant"
                options={present.map((p) => ({ value: p, label: pollutantName(p, lang) }))}
              />
            </Space>
          }
        >
          <ChildrenChart items={data.children} pollutant={pollutant} onOpen={open} />
          <TotalsTable
            testId="emissions-children"
            items={data.children.filter((c) => c.pollutant === pollutant)}
            keyColumn={{
              title: t('emissions.col.region'),
              render: (c) => <Link to={`/emissions?region=${c.key}`} data-testid={`emissions-child-${c.key}`}>{c.name ?? c.key}</Link>,
            }}
          />
        </Card>
      )}
      {data && (
        <Row gutter={16} className="block-gap">
          <Col xs={24} xl={12}>
            <Card size="small" title={t('emissions.byCategory')}>
              <TotalsTable testId="emissions-categories" items={data.byCategory} keyColumn={{ title: t('emissions.col.category'), render: (c) => t(`directory.categories.${c.key}`, { defaultValue: c.key }) }} />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('emissions.byIndustry')}>
              <TotalsTable testId="emissions-industries" items={data.byIndustry} keyColumn={{ title: t('emissions.col.industry'), render: (c) => c.key }} />
            </Card>
          </Col>
        </Row>
      )}
    </div>
  );
}
