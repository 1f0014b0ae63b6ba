import { todayInChina } from '../../ui/utils/census-day.ts';
import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCan } from '../../auth/hooks/use-can.ts';
import { useSession } from '../../auth/hooks/use-session.ts';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useReadiness } from '../hooks/use-supervision.ts';
import { GAPS, wan } from '../utils/supervision-api.ts';
import { ReadinessForm } from './readiness-form.tsx';
import { ReadinessHistory } from './readiness-history.tsx';
import { ReadinessTable } from './readiness-table.tsx';
import { RegionCrumbs } from '../../regions/components/region-crumbs.tsx';

/** /supervision/readiness — the children's readiness (前期准备) on a date, the summary on top; the own region's report. */
export function ReadinessPage() {
  const { t } = useTranslation();
  const session = useSession();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? session.regionCode;
  const asOf = params.get('asOf') ?? todayInChina();
  const q = useReadiness(region, asOf);
  const data = q.data;
  const [history, setHistory] = useState<{ code: string; name: string } | null>(null);
  const [reporting, setReporting] = useState(false);
  const linkTo = (code: string) => `/supervision/readiness?region=${code}&asOf=${asOf}`;
  const s = data?.summary;
  const regionName = data && typeof data.region === 'object' ? data.region.name : region === session.regionCode ? session.regionName : region;

  return (
    <div className="page" data-testid="readiness-page" data-region={region}>
      <Card
        size="small"
        title={t('supervision.readiness.title')}
        extra={
          <Space wrap>
            {t('supervision.asOf')}
            <DatePicker size="small" allowClear={false} value={dayjs(asOf)} data-testid="readiness-as-of"
              onChange={(d) => { if (!d) return; const n = new URLSearchParams(params); n.set('asOf', d.format('YYYY-MM-DD')); setParams(n); }} />
            {can('supervision.report') && (
              <Button size="small" type="primary" icon={<EditOutlined />} onClick={() => setReporting(true)} data-testid="readiness-own">{t('supervision.readiness.own')}</Button>
            )}
          </Space>
        }
      >
        <RegionCrumbs code={region} name={regionName} base="/supervision/readiness" testId="supervision" />
        <QueryErrorAlert error={q.error} onRetry={q.refetch} />
        {s && (
          <Alert
            className="block-gap"
            type="info"
            data-testid="readiness-summary"
            data-gaps={Object.values(s.gaps).reduce((a, b) => a + (b ?? 0), 0)}
            title={t('supervision.readiness.summary', {
              regions: s.regions, leadingGroup: s.leadingGroup, office: s.office, plan: s.plan, threeLevelMeetings: s.threeLevelMeetings,
              network: s.networkConnected, arrived: wan(s.fundsArrivedYuan), budgeted: wan(s.fundsBudgetedYuan),
            })}
            description={
              <Space size={[4, 4]} wrap>
                {t('supervision.readiness.gapCounts')}:
                {GAPS.filter((g) => (s.gaps[g] ?? 0) > 0).map((g) => (
                  <Tag key={g} color="red" data-testid={`readiness-summary-${g}`} data-value={s.gaps[g]}>{t(`supervision.gap.${g}`)} {s.gaps[g]}</Tag>
                ))}
              </Space>
            }
          />
        )}
        <ReadinessTable items={data?.items ?? []} loading={q.isFetching} linkTo={linkTo} onHistory={(i) => setHistory({ code: i.code, name: i.name })} />
      </Card>
      <ReadinessHistory region={history} onClose={() => setHistory(null)} />
      {can('supervision.report') && (
        <ReadinessForm region={{ code: session.regionCode, name: session.regionName }} open={reporting} onClose={() => setReporting(false)} />
      )}
    </div>
  );
}
