// Pollutant names and the unit a figure is shown in: the code table's own (heavy metals, cyanide
// and phenols in kg, the rest in t). The API keeps every figure in t.
import { POLLUTANTS } from '../../../../../src/domains/survey/forms/code-tables/index.ts';
import type { Lang } from '../../../api/client.ts';

const BY_CODE = new Map(POLLUTANTS.map((p) => [p.code, p]));

export const pollutantName = (code: string, lang: Lang) => {
  const p = BY_CODE.get(code);
  return p ? (lang === 'en' ? p.en : p.zh) : code;
};

export const pollutantUnit = (code: string): 't' | 'kg' => (BY_CODE.get(code)?.attrs?.unit === 'kg' ? 'kg' : 't');

/** A figure in t shown in the pollutant's unit, up to 4 decimals (figures are exact to 12 digits). */
export function shown(tonnes: number, code: string): number {
  const v = pollutantUnit(code) === 'kg' ? tonnes * 1000 : tonnes;
  return Number(v.toFixed(4));
}

export const formatAmount = (tonnes: number, code: string) =>
  shown(tonnes, code).toLocaleString(undefined, { maximumFractionDigits: 4 });

/** The pollutants in the code table's order, then any others. */
export const pollutantOrder = (code: string) => {
  const i = POLLUTANTS.findIndex((p) => p.code === code);
  return i < 0 ? POLLUTANTS.length : i;
};
