import { Card, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PHASES, type Phase } from '../../../api/review-types.ts';
import { useCan } from '../../auth/hooks/use-can.ts';
import { useSession } from '../../auth/hooks/use-session.ts';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useQcRates, useQcSettings, useRuleCounts, useSamples } from '../hooks/use-qc.ts';
import { QcSettingsForm } from './qc-settings-form.tsx';
import { RatesTable } from './rates-table.tsx';
import { RegionChecks, RulesTable } from './rules-table.tsx';
import { SampleDraw } from './sample-draw.tsx';
import { SamplesList } from './samples-card.tsx';

/** /review/qc — samples and their findings, the rates per county and category, thresholds, the rules fired. */
export function QcPage() {
  const { t } = useTranslation();
  const can = useCan();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') || undefined;
  const phase: Phase | undefined = PHASES.find((p) => p === params.get('phase'));
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const national = session.role === 'national-office' && can('review.config');
  const settings = useQcSettings();
  const samples = useSamples(region, phase);
  const [ratePhase, setRatePhase] = useState<Phase>('survey');
  const rates = useQcRates(region, ratePhase);
  const rules = useRuleCounts(region);
  const [opened, setOpened] = useState<string[]>([]);

  return (
    <div className="page">
      <Card
        size="small"
        title={t('review.qc.title')}
        extra={<RegionPicker data-testid="qc-region" allowClear value={region ?? session.regionCode} onChange={(r) => set('region', r)} />}
      >
        {can('review.sample') && <SampleDraw settings={settings.data} onDrawn={(id) => setOpened((o) => [...o, String(id)])} />}
      </Card>
      <Card
        size="small"
        className="block-gap"
        title={t('review.qc.samples')}
        extra={
          <Segmented<string>
            data-testid="qc-phase"
            value={phase ?? 'all'}
            onChange={(p) => set('phase', p === 'all' ? undefined : p)}
            options={[{ value: 'all', label: t('common.all') }, ...PHASES.map((p) => ({ value: p, label: t(`review.phases.names.${p}`) }))]}
          />
        }
      >
        <QueryErrorAlert error={samples.error} onRetry={samples.refetch} />
        <SamplesList samples={samples.data?.items ?? []} canRecord={can('review.sample')} opened={opened} onOpened={setOpened} />
      </Card>
      <Card
        size="small"
        className="block-gap"
        title={t('review.qc.rates')}
        extra={<Segmented<Phase> data-testid="qc-rates-phase" value={ratePhase} onChange={setRatePhase} options={PHASES.map((p) => ({ value: p, label: t(`review.phases.names.${p}`) }))} />}
      >
        <QueryErrorAlert error={rates.error} onRetry={rates.refetch} />
        <RatesTable items={rates.data?.items ?? []} loading={rates.isPending} />
      </Card>
      {national && settings.data && (
        <Card size="small" className="block-gap" title={t('review.qc.settings')}>
          <QcSettingsForm settings={settings.data} />
        </Card>
      )}
      <Card size="small" className="block-gap" title={t('review.qc.rules')}>
        <QueryErrorAlert error={rules.error} onRetry={rules.refetch} />
        <RulesTable items={rules.data?.items ?? []} loading={rules.isPending} />
        <RegionChecks items={rules.data?.regionChecks ?? []} />
      </Card>
    </div>
  );
}
