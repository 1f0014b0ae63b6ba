// The census's own forms through the engine: the example sets, one broken thing at a time
// (the cases shared with the browser test), calculations, which forms apply, and speed.
import { describe, expect, it } from 'vitest';
import { runSurveyCases, SURVEY_CASES } from '../../../../test/helpers/survey-cases.ts';
import { checkIndustryCode } from '../../directory/index.ts';
import { serverEngine } from '../index.ts';
import { countAnswers, EXAMPLE_CREDIT_CODE, exampleEnterprise } from './example-set.ts';
import { censusEngine } from './index.ts';

const engine = censusEngine();
const results = runSurveyCases(engine);

describe('cases shared with the browser', () => {
  it.each(SURVEY_CASES.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
    expect(results.cases[i].issues).toEqual(SURVEY_CASES[i].expect);
  });

  it('explains each issue in Chinese and English, with the figures that matter', () => {
    const byName = (n: string) => results.cases.find((c) => c.name === n)!;
    expect(byName('sulphur beyond what coal can hold blocks').messages[0]).toBe(
      'blocking 收到基硫分（12）超出该燃料的物理可能范围 0.02–10 | Sulphur (12) is outside what this fuel can have, 0.02–10',
    );
    expect(byName('G106-1 activity above G101-2 output blocks').messages[0]).toBe(
      'blocking 活动水平（5000）超过 G101-2 该产品的实际产量（4200） | Activity level (5000) exceeds the product\'s output in G101-2 (4200)',
    );
    expect(byName('a version that does not exist is named').messages[0]).toBe(
      'blocking 报表 G101-2 没有版本 99（现有版本：1） | Form G101-2 has no version 99 (versions: 1)',
    );
    expect(byName('an explained warning stands')).toMatchObject({ summary: { blocking: 0, warnings: 1, unexplained: 0, ready: true } });
    expect(byName('unusual sulphur warns until explained')).toMatchObject({ summary: { blocking: 0, warnings: 1, unexplained: 1, ready: false } });
  });

  it('answers which forms apply, before and after G101-1', () => {
    const { applicability: a } = results;
    expect(a.before.filter((x) => x.endsWith(':required'))).toEqual(['G101-1:required', 'G101-2:required', 'G101-3:required']);
    expect(a.before).toContain('G107:undetermined');
    expect(a.after).toEqual(['G101-1', 'G101-2', 'G101-3', 'G102', 'G103-1', 'G104-1', 'G104-2', 'G106-1', 'G106-2', 'G106-3'].map((c) => `${c}:required`));
    expect(a.rareEarth).toContain('G107:required');
    expect(a.rareEarth).not.toContain('G103-1:required');
    expect(a.declared).toEqual(['G101-1:required', 'G101-2:required', 'G101-3:required', 'G103-1:required', 'G107:required']);
    expect(a.farm).toEqual(['N101-1:required', 'N101-2:required']);
    expect(a.outfall).toEqual(['S104:required', 'S105:required']);
  });
});

describe('calculations on the example enterprise', () => {
  const v = engine.evaluateSet(exampleEnterprise());

  it('accounts generation and emission: generated = coefficient × activity (× parameter), emitted = generated × (1 − η·k)', () => {
    const rows = v.values['G106-1'].rows as Record<string, number>[];
    expect(rows.map((r) => [r.generated, r.emitted])).toEqual([
      [1260, 182.7], // COD 300 kg/万米 × 4200 万米; W05 90% at k 0.95
      [50.4, 12.096], // NH3-N 12 × 4200; 80% at 0.95
      [102.4, 24.064], // SO2 16 × S 0.8 × 8000 t coal; 85% at 0.9
      [23.52, 17.1696], // NOx 2.94 × 8000; 30% at 0.9
      [180, 18.81], // PM 1.25 × A 18 × 8000; 99.5% at 0.9
    ]);
  });

  it('computes monitored loads, water totals and energy', () => {
    const water = (v.values['G106-2'].outlets as any[])[0].results.map((r: any) => r.load);
    expect(water).toEqual([168, 11.2, 21, 1.12]); // 1.4 Mt × C mg/L × 10⁻⁶
    const gas = (v.values['G106-3'].outlets as any[])[0].results.map((r: any) => r.load);
    expect(gas).toEqual([54, 64.8, 7.2]); // C mg/m³ × 60,000 m³/h × 6,000 h × 10⁻⁹
    expect(v.values['G101-3']).toMatchObject({ intakeTotal: 1_600_000, reuseRate: 15.79 });
    expect((v.values['G101-3'].fuels as any[]).map((f) => f.energyGJ)).toEqual([172000, 17750]);
  });
});

describe('forms outside the examples', () => {
  const g = { category: 'G' as const, kind: 'enterprise' as const, industryCode: '3232' };
  const unit = { creditCode: EXAMPLE_CREDIT_CODE, unitName: '包头市稀土冶炼有限公司', headName: '张' + '伟', filledBy: '李娜', phone: '0472-5123456', reportDate: '2018-10-20' };

  it('G103-11: VOCs carried in and emitted after capture and treatment', () => {
    const v = engine.evaluateSet({ source: g, forms: [{ form: 'G103-11', version: 1, answers: { ...unit, materials: [
      { kind: '1', materialName: '溶剂型涂料', used: 12, vocContent: 55, captureRate: 80, treatment: 'V03', treatmentEfficiency: 95, recovered: 0.5 },
      { kind: '3', materialName: '水性胶', used: 4, vocContent: 0.5, treatment: 'V03' },
    ] } }] }, { partial: true });
    expect((v.values['G103-11'].materials as any[]).map((m) => [m.vocCarried, m.emitted])).toEqual([[6.6, 1.464], [0.02, 0.02]]);
    expect(v.issues.map((i) => `${i.rule}@${i.path}`)).toEqual(['field.unusual@materials[1].vocContent']);
  });

  it('G107: screening, balance and the radioactive minerals of an associated-mineral smelter', () => {
    const v = engine.evaluateSet({ source: g, forms: [{ form: 'G107', version: 1, answers: { ...unit, mineral: '01', concentrateOutput: 12000, backgroundDose: 80, materials: [
      { kind: 'slag', name: '稀土冶炼废渣', activity: 6.5, doseRate: 900, generated: 3000, disposedInternal: 1000, cumulativeStock: 2000 },
      { kind: 'sludge', activity: 0.4, doseRate: 100, generated: 50, usedSentOut: 60 },
    ] } }] }, { partial: true });
    expect(v.issues.map((i) => `${i.rule}@${i.path}`)).toEqual(['G107.screening@materials[1].activity', 'G107.own-use@materials[1].generated']);
  });
});

describe('the server engine', () => {
  it('checks industry codes against the GB/T 4754-2017 table', () => {
    const set = exampleEnterprise();
    (set.forms[0].answers as any).industryCode = '1799';
    expect(checkIndustryCode('1799').ok).toBe(false);
    expect(serverEngine().evaluateSet(set).issues.map((i) => `${i.rule}@${i.path}`)).toEqual(['field.code@industryCode']);
    expect(engine.evaluateSet(set).issues).toEqual([]); // by format only
  });
});

// Speed is measured in bench/engine.ts (npm run bench:engine), never asserted in a test.
describe('size', () => {
  it('a 250-field industrial set, and ten times its rows, evaluate clean', () => {
    expect(countAnswers(exampleEnterprise().forms.map((f) => f.answers))).toBeGreaterThanOrEqual(250);
    const set = exampleEnterprise(10);
    expect(engine.evaluateSet(set).summary.blocking).toBe(0);
  });
});
