// Pure rules of the outfall survey (入河(海)排污口排查), shared by the server and the console:
// states and who may move them, types, quick-test limits, codes. Browser-safe: no imports
// from the server.

export const OUTFALL_STATES = ['suspect', 'confirmed', 'hard', 'rejected', 'verified'] as const;
export type OutfallState = (typeof OUTFALL_STATES)[number];

export const OUTFALL_ORIGINS = ['imagery', 'import', 'field', 'manual'] as const;
export type OutfallOrigin = (typeof OUTFALL_ORIGINS)[number];

/** 排污口类型, after the Yangtze and Bohai campaigns' classification. */
export const OUTFALL_TYPES = [
  { code: 'industrial', zh: '工业排污口', en: 'industrial outfall' },
  { code: 'wwtp', zh: '城镇污水处理厂排污口', en: 'municipal wastewater plant outfall' },
  { code: 'agricultural', zh: '农业排口', en: 'agricultural outlet' },
  { code: 'domestic', zh: '生活污水散排口', en: 'scattered domestic sewage outlet' },
  { code: 'other', zh: '其他排口', en: 'other outlet' },
] as const;
export type OutfallType = (typeof OUTFALL_TYPES)[number]['code'];

export const WATER_TYPES = ['river', 'lake', 'reservoir', 'sea'] as const;
export type WaterType = (typeof WATER_TYPES)[number];

export const DISCHARGING = ['flowing', 'intermittent', 'dry'] as const;

export type CheckVerdict = 'confirmed' | 'rejected' | 'hard';
export type VerifyVerdict = 'verified' | 'rejected';

/** Level 2 (field check) acts on a suspect, and again on its own result until the experts have spoken. */
export function canCheck(state: OutfallState): boolean {
  return state === 'suspect' || state === 'confirmed' || state === 'hard';
}

/** Level 3 (expert verification) acts on what the field check found or could not decide. */
export function canVerify(state: OutfallState): boolean {
  return state === 'confirmed' || state === 'hard';
}

/** The register (排污口名录): outfalls that exist. */
export const inRegister = (state: OutfallState) => state === 'confirmed' || state === 'verified';

/**
 * Quick-test parameters with the GB 3838-2002 class V surface-water limits (the worst class
 * still counted as surface water): a quick test above them is flagged abnormal for tracing.
 */
export const TEST_PARAMETERS = {
  ph: { zh: 'pH', en: 'pH', unit: '', min: 6, max: 9 },
  cod: { zh: '化学需氧量', en: 'COD', unit: 'mg/L', max: 40 },
  nh3n: { zh: '氨氮', en: 'NH3-N', unit: 'mg/L', max: 2 },
  tp: { zh: '总磷', en: 'TP', unit: 'mg/L', max: 0.4 },
  tn: { zh: '总氮', en: 'TN', unit: 'mg/L', max: 2 },
} as const satisfies Record<string, { zh: string; en: string; unit: string; min?: number; max: number }>;
export type TestParameter = keyof typeof TEST_PARAMETERS;

export interface QuickTest { parameter: TestParameter; value: number }

export function isAbnormal(t: QuickTest): boolean {
  const p: { min?: number; max: number } = TEST_PARAMETERS[t.parameter];
  return t.value > p.max || (p.min !== undefined && t.value < p.min);
}

/** A test value's physical bounds: pH 0–14, concentrations 0–1,000,000 mg/L. */
export function testValueProblem(t: QuickTest): string | null {
  if (!Number.isFinite(t.value)) return 'not a number';
  if (t.parameter === 'ph') return t.value < 0 || t.value > 14 ? 'pH is between 0 and 14' : null;
  return t.value < 0 || t.value > 1e6 ? 'a concentration between 0 and 1,000,000 mg/L' : null;
}

/** `<county>-<nnnn>`: the county's next number; never reused. */
export function outfallCode(countyCode: string, n: number): string {
  return `${countyCode.slice(0, 6)}-${String(n).padStart(4, '0')}`;
}
