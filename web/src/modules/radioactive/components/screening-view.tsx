import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Screening, ScreeningReason } from '../../../../../src/domains/radioactive/rules/screening.ts';

/** One reason of a screening verdict, in words. */
export function ReasonText({ r }: { r: ScreeningReason }) {
  const { t } = useTranslation();
  const value = Number(r.value);
  const limit = Number(r.limit);
  return r.rule === 'nuclide'
    ? <>{t('radioactive.screening.nuclide', { point: r.point, nuclide: r.nuclide ?? '', value, limit })}</>
    : <>{t('radioactive.screening.dose', { point: r.point, value, limit })}</>;
}

/** The verdict with its reasons: red when above (the detailed survey follows), green when below. */
export function ScreeningView({ screening, testId, compact }: { screening: Screening; testId: string; compact?: boolean }) {
  const { t } = useTranslation();
  const title = <span data-testid={`${testId}-verdict`} data-above={String(screening.above)}>{t(screening.above ? 'radioactive.screening.above' : 'radioactive.screening.below')}</span>;
  const reasons = screening.reasons.length > 0 && (
    <ul className="radio-reasons" data-testid={`${testId}-reasons`} style={{ margin: 0, paddingLeft: 18 }}>
      {screening.reasons.map((r, i) => <li key={i}><ReasonText r={r} /></li>)}
    </ul>
  );
  if (compact) return <div data-testid={testId}><Typography.Text type={screening.above ? 'danger' : 'success'} strong>{title}</Typography.Text>{reasons}</div>;
  return <Alert data-testid={testId} type={screening.above ? 'error' : 'success'} showIcon title={title} description={reasons || undefined} />;
}
