import { ReloadOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Progress as Bar, Space, Statistic, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { OUTFALL_STATES } from '../../../../../src/domains/outfalls/rules/outfall.ts';
import { useSession } from '../../auth/hooks/use-session.ts';
import { useRegion } from '../../regions/hooks/use-region.ts';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useOutfallProgress } from '../hooks/use-outfalls.ts';
import { STATE_COLOURS, type ProgressRow } from '../utils/outfalls-api.ts';
import { pct } from '../utils/pct.ts';

/** /outfalls/progress — counts by state and the share checked, per child region (drill down) and per reach. */
export function ProgressPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const region = params.get('region') ?? '';
  const q = useOutfallProgress(region);
  const data = q.data;
  const code = typeof data?.region === 'string' ? data.region : data?.region.code ?? region;

  const columns = (first: TableColumnsType<ProgressRow>[number]): TableColumnsType<ProgressRow> => [
    first,
    ...OUTFALL_STATES.map((s) => ({
      key: s, dataIndex: s, width: 80, align: 'right' as const,
      title: <span style={{ color: STATE_COLOURS[s] }}>{t(`outfalls.states.${s}`)}</span>,
    })),
    {
      key: 'checked', title: t('outfalls.progress.checked'), width: 200,
      render: (_: unknown, r) => <Bar percent={pct(r.checkedPct)} size="small" data-testid="progress-bar" />,
    },
  ];

  return (
    <div className="page">
      <Card
        size="small"
        title={t('outfalls.progress.title')}
        extra={<Button icon={<ReloadOutlined />} onClick={() => void q.refetch()} data-testid="outfalls-progress-refresh">{t('common.refresh')}</Button>}
      >
        {code && <Crumbs code={code} />}
        <QueryErrorAlert error={q.error} onRetry={q.refetch} />
        {data && (
          <Space wrap size="large" className="block-gap" data-testid="outfalls-progress-totals" data-totals={JSON.stringify(data.totals)}>
            {OUTFALL_STATES.map((s) => <Statistic key={s} title={t(`outfalls.states.${s}`)} value={data.totals[s] ?? 0} styles={{ content: { color: STATE_COLOURS[s] } }} />)}
          </Space>
        )}
        <Table<ProgressRow>
          data-testid="outfalls-progress-children"
          className="block-gap"
          size="small"
          rowKey={(r) => r.code ?? r.name}
          pagination={false}
          loading={q.isFetching}
          dataSource={data?.children ?? []}
          columns={columns({
            key: 'name', title: t('outfalls.fields.region'),
            render: (_: unknown, r) => (
              <a onClick={() => r.code && navigate(`/outfalls/progress?region=${r.code}`)} data-testid={`outfalls-progress-region-${r.code}`}>{r.name}</a>
            ),
          })}
          onRow={(r) => ({ 'data-testid': `outfalls-progress-row-${r.code}`, 'data-checked': r.checkedPct } as React.HTMLAttributes<HTMLElement>)}
        />
        <Card size="small" type="inner" title={t('outfalls.progress.reaches')}>
          <Table<ProgressRow>
            data-testid="outfalls-progress-reaches"
            size="small"
            rowKey={(r) => String(r.id ?? r.name)}
            pagination={false}
            dataSource={data?.reaches ?? []}
            columns={columns({
              key: 'name', title: t('outfalls.fields.reach'),
              render: (_: unknown, r) => <Link to={`/outfalls?reach=${r.id}`} data-testid={`outfalls-progress-reach-${r.id}`}>{r.name}</Link>,
            })}
          />
        </Card>
      </Card>
    </div>
  );
}

/** The way back up to the caller's own region. */
function Crumbs({ code }: { code: string }) {
  const session = useSession();
  const path = useRegion(code).data?.path ?? [];
  const from = Math.max(0, path.findIndex((p) => p.code === session.regionCode));
  const shown = path.slice(from);
  return (
    <Breadcrumb
      className="block-gap"
      data-testid="outfalls-progress-crumbs"
      items={shown.map((p, i) => ({
        key: p.code,
        title: i === shown.length - 1 ? <span>{p.name}</span> : <Link to={`/outfalls/progress?region=${p.code}`}>{p.name}</Link>,
      }))}
    />
  );
}
