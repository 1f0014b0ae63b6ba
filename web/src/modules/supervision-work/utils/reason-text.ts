import type { TFunction } from 'i18next';
import type { Lang } from '../../../api/client.ts';
import { METRICS, type Laggard } from './supervision-api.ts';

/** A laggard's reason as the server words it ("survey.submitted 12% (expected 60%)", "gap:funds") in the reader's words. */
export function reasonText(reason: string, t: TFunction): string {
  if (reason.startsWith('gap:')) {
    const g = reason.slice(4);
    return t(`supervisionWork.gaps.${g as 'funds'}`, { defaultValue: g });
  }
  const metric = METRICS.find((m) => reason.startsWith(`${m} `) || reason === m);
  if (!metric) return reason;
  const rest = reason.slice(metric.length).replace(/\(expected ([^)]*)\)/, (_, v: string) => t('supervisionWork.dispatch.expectedValue', { value: v }));
  return `${t(`supervisionWork.metrics.${metric}`)}${rest}`;
}

/** A laggard's reasons in the reader's language (the server words them in both). */
export function laggardReasons(l: Laggard, lang: Lang, t: TFunction): string[] {
  const reasons = lang === 'en' && l.reasonsEn ? l.reasonsEn : l.reasons;
  return reasons.map((r) => reasonText(r, t));
}
