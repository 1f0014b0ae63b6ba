// Hand-computed cases of the other source categories' methods (livestock, domestic, centralised,
// mobile), over a small library matched by the real matcher: the figures, the lineage (form paths,
// library rows), units converted, a missing coefficient left out with a note or reported, the
// national default used and said, and the dispatch reading only the category's forms.
import { describe, expect, it } from 'vitest';
import { makeConverter } from '../../survey/engine/units.ts';
import { UNITS } from '../../survey/forms/code-tables/units.ts';
import { examplePlant, exampleStation, exampleBoilerUnit, exampleFarm, exampleOutfall } from '../../survey/forms/example-others.ts';
import { parseFormula } from '../coefficients/formula.ts';
import type { CoefficientRow } from '../coefficients/rules.ts';
import { matchLookup } from '../emissions/library-match.ts';
import { accountByCategory, accountCentralised, accountDomestic, accountLivestock, accountMobile, type Figure, type Lookup } from './index.ts';

const convert = makeConverter(UNITS);
const settings = { kDefault: 1, captureMin: 75, permitRatioMax: 0.3, manureUseDefault: 10 };
let n = 0;
const r = (industryCode: string, product: string, material: string, process: string, pollutant: string, activityUnit: string, gen: number | string, coefficientUnit: string, treatment = '', efficiency: number | null = null, dischargeCoefficient: number | null = null): CoefficientRow => ({
  rowNo: ++n, industryCode, product, material, process, scale: industryCode.startsWith('03') ? '规模化' : '所有规模', pollutant, activityUnit,
  genCoefficient: typeof gen === 'number' ? gen : null, genFormula: typeof gen === 'string' ? gen : null, coefficientUnit, treatment, efficiency, dischargeCoefficient, opParams: [],
});
const ROWS = [
  r('0313', '生猪', '', '干清粪', 'COD', 'head', 36.5, 'kg/head'), // 1
  r('0313', '生猪', '', '干清粪', 'COD', 'head', 36.5, 'kg/head', 'W10', 75, 8.5), // 2
  r('0313', '生猪', '', '干清粪', 'NH3N', 'head', 1.8, 'kg/head'), // 3
  r('0313', '生猪', '', '干清粪', 'TN', 'head', 4.2, 'kg/head'), // 4
  r('0313', '生猪', '', '干清粪', 'TP', 'head', 0.65, 'kg/head'), // 5
  r('0321', '蛋鸡', '', '', 'COD', 'bird', 5.2, 'kg/bird'), // 6
  r('0321', '肉鸡', '', '', 'TP', 'bird', 15, 'g/bird'), // 7
  r('4430', '蒸汽/热水', '天然气', '室燃炉', 'SO2', '10km3', 2, 'kg/10km3'), // 8
  r('4430', '蒸汽/热水', '天然气', '室燃炉', 'NOX', '10km3', 18.71, 'kg/10km3'), // 9
  r('4430', '蒸汽/热水', '天然气', '室燃炉', 'NOX', '10km3', 18.71, 'kg/10km3', 'N04', 30), // 10
  r('4430', '蒸汽/热水', '天然气', '室燃炉', 'PM', '10km3', 2.86, 'kg/10km3'), // 11
  r('4430', '蒸汽/热水', '原煤', '层燃炉', 'SO2', 't', '19*S', 'kg/t'), // 12
  r('4620', '', '', '', 'COD', '10km3', 2500, 'kg/10km3', 'W06', 88), // 13
  r('4620', '', '', '', 'TP', '10km3', 40, 'kg/10km3', 'W06', 85), // 14
  r('5265', '汽油', '', '卸油', 'VOCS', 't', 0.9, 'kg/t'), // 15
  r('5265', '汽油', '', '卸油', 'VOCS', 't', 0.9, 'kg/t', 'V07', 95), // 16
  r('5265', '汽油', '', '加油', 'VOCS', 't', 1.3, 'kg/t'), // 17
  r('5265', '汽油', '', '加油', 'VOCS', 't', 1.3, 'kg/t', 'V08', 85), // 18
  r('5265', '汽油', '', '储存', 'VOCS', 't', 0.12, 'kg/t'), // 19
  r('5265', '汽油', '', '储存', 'VOCS', 't', 0.12, 'kg/t', 'V09', 90), // 20
  r('5265', '柴油', '', '加油', 'VOCS', 't', 0.06, 'kg/t'), // 21
];
const lookup: Lookup = (q) => matchLookup(ROWS, q, convert, parseFormula, 3);
const lib = (rowNo: number, path: string) => ({ path, source: 'library', versionId: 3, rowNo });
const answers = (set: { forms: Array<{ form: string; answers: unknown }> }) => Object.fromEntries(set.forms.map((f) => [f.form, f.answers as Record<string, unknown>]));
const by = (figures: Figure[]) => Object.fromEntries(figures.map((f) => [`${f.outletCode}|${f.pollutant}`, f]));

describe('livestock (N101-2)', () => {
  it('the example pig farm: 5,200 pigs sold × coefficient, 92 % used, the digester\'s removal from the library', () => {
    const res = accountLivestock(answers(exampleFarm()), convert, settings, lookup);
    const f = by(res.figures);
    // COD: 5,200 × 36.5 kg = 189.8 t; × (1 − 0.92) = 15.184; × 8.5 ÷ 36.5 (W10, the biogas route) = 3.536 t
    expect(f['FARM|COD']).toMatchObject({ method: 'coefficient', generated: 189.8, emitted: 3.536 });
    expect(f['FARM|COD'].lineage.coefficients).toEqual([lib(1, 'N101-2:herds[0].sold'), lib(2, 'N101-2:manureRoutes')]);
    expect(f['FARM|COD'].lineage.paths).toEqual(['N101-2:herds[0].sold', 'N101-2:herds[0].cleaning', 'N101-2:useRate', 'N101-2:manureRoutes']);
    // NH3N: 5,200 × 1.8 kg = 9.36 t, no treated row: × 0.08 = 0.7488 t; TN 21.84 → 1.7472; TP 3.38 → 0.2704
    expect(f['FARM|NH3N']).toMatchObject({ generated: 9.36, emitted: 0.7488 });
    expect(f['FARM|TN']).toMatchObject({ generated: 21.84, emitted: 1.7472 });
    expect(f['FARM|TP']).toMatchObject({ generated: 3.38, emitted: 0.2704 });
    expect(res.problems).toEqual([]);
  });

  it('counts layers by stock and broilers by birds sold, converts g to t, uses the national default rate when none is given, and leaves out a herd without a coefficient, saying so', () => {
    const res = accountLivestock({ 'N101-2': { herds: [
      { species: 'layer', stock: 20000, sold: 5000, cleaning: '1' }, { species: 'dairy', stock: 300, sold: 100, cleaning: '2' }, { species: 'broiler', stock: 10000, sold: 100000, cleaning: '4' },
    ], manureRoutes: ['1'] } }, convert, settings, lookup);
    const f = by(res.figures);
    // COD: 20,000 layers × 5.2 kg = 104 t; u = 10 % (default): 93.6 t. TP: 100,000 broilers × 15 g = 1.5 t → 1.35 t
    expect(f['FARM|COD']).toMatchObject({ generated: 104, emitted: 93.6 });
    expect(f['FARM|TP']).toMatchObject({ generated: 1.5, emitted: 1.35 });
    expect(f['FARM|COD'].lineage.notes).toEqual([
      'N101-2:useRate: none given, national default 10%',
      'no library coefficient for N101-2:herds[1] (dairy), N101-2:herds[2] (broiler): not counted',
    ]);
    // No herd has NH3N or TN: no figure, reported
    expect(res.problems.map((p) => `${p.path} ${p.reason}`).sort()).toEqual(['FARM|NH3N no-coefficient', 'FARM|TN no-coefficient']);
  });

  it('gives no figure without any coefficient (or without a library)', () => {
    const farm = { 'N101-2': { herds: [{ species: 'beef', stock: 80, sold: 60, cleaning: '1' }], useRate: 90 } };
    expect(accountLivestock(farm, convert, settings, lookup).figures).toEqual([]);
    expect(accountLivestock(farm, convert, settings, null).problems).toHaveLength(4);
  });
});

describe('domestic (S103, S104 + S105)', () => {
  it('the hospital\'s gas boiler: 85 万m³ × library coefficients, low-NOx combustion from the library row', () => {
    const f = by(accountDomestic(answers(exampleBoilerUnit()), convert, settings, lookup).figures);
    // NOX: 85 × 18.71 kg = 1.59035 t; × (1 − 0.30 × 1) = 1.113245 t. SO2: 85 × 2 kg = 0.17 t. PM: 85 × 2.86 kg = 0.2431 t
    expect(f['GL01|NOX']).toMatchObject({ method: 'coefficient', generated: 1.59035, emitted: 1.113245 });
    expect(f['GL01|NOX'].lineage).toMatchObject({ coefficients: [lib(10, 'S103:boilers[0].fuelUse')], k: [{ k: 1, source: 'default' }], paths: ['S103:boilers[0].fuelUse', 'S103:boilers[0].dnTech'] });
    expect(f['GL01|SO2']).toMatchObject({ generated: 0.17, emitted: 0.17 });
    expect(f['GL01|PM']).toMatchObject({ generated: 0.2431, emitted: 0.2431 });
  });

  it('uses the form\'s efficiency when the library has no row with the treatment, and reports a coal boiler whose coefficient needs the sulphur S103 does not ask', () => {
    const res = accountDomestic({ S103: { boilers: [
      { boilerNo: 'B1', fuelCode: '11', fuelUnit: '10km3', fuelUse: 85, dsTech: 'S01', dsEfficiency: 50 },
      { boilerNo: 'B2', fuelCode: '01', fuelUnit: 't', fuelUse: 300 },
    ] } }, convert, settings, lookup);
    const f = by(res.figures);
    expect(f['B1|SO2']).toMatchObject({ generated: 0.17, emitted: 0.085 }); // 0.17 × (1 − 0.5)
    expect(f['B1|SO2'].lineage.notes).toEqual(['S103:boilers[0]: no library row with S01; the form\'s efficiency used']);
    expect(Object.keys(f).filter((k) => k.startsWith('B2'))).toEqual([]);
    expect(res.problems).toContainEqual({ path: 'S103:boilers[1]', reason: 'no-coefficient', detail: '原煤 SO2 t' });
  });

  it('the outfall: 350 m³/d × 365 d × the sampled concentration (manual monitoring)', () => {
    const f = by(accountDomestic(answers(exampleOutfall()), convert, settings, lookup).figures);
    // Q = 127,750 m³: COD 46 mg/L → 5.8765 t; NH3N 4.2 mg/L → 0.53655 t
    expect(f['330382-RH-0012|COD']).toMatchObject({ method: 'monitoring', generated: null, emitted: 5.8765 });
    expect(f['330382-RH-0012|NH3N']).toMatchObject({ emitted: 0.53655 });
    expect(f['330382-RH-0012|COD'].lineage).toMatchObject({ paths: ['S105:results[0]', 'S104:estimatedFlow'], monitoring: { form: 'S105', path: 'results[0]', kind: 'manual', captureRate: null } });
  });

  it('counts no industrial outfall (its load is its source\'s)', () => {
    const set = answers(exampleOutfall());
    const res = accountDomestic({ ...set, S104: { ...set.S104, kind: '1' } }, convert, settings, lookup);
    expect(res.figures).toEqual([]);
    expect(res.problems).toEqual([{ path: 'S104:kind', reason: 'outfall-kind', detail: '1' }]);
  });
});

describe('centralised (J101-1/2/3)', () => {
  it('the example plant: J101-3 monitoring where it qualifies, with J101-2\'s influent as generated; J101-2\'s concentrations otherwise', () => {
    const f = by(accountCentralised(answers(examplePlant()), convert, settings, lookup).figures);
    // V = 2,650 万m³ = 26.5 M m³. COD: 26.5 M t × 32 mg/L = 848 t emitted; influent 260 mg/L → 6,890 t generated
    expect(f['DW001|COD']).toMatchObject({ method: 'monitoring', generated: 6890, emitted: 848 });
    expect(f['DW001|COD'].lineage.monitoring).toEqual({ form: 'J101-3', path: 'outlets[0].results[0]', kind: 'auto', captureRate: 96 });
    expect(f['DW001|NH3N']).toMatchObject({ generated: 742, emitted: 55.65 }); // 28 and 2.1 mg/L
    // TN and TP only on J101-2: 38 → 11.5 mg/L: 1,007 t → 304.75 t; 4.1 → 0.35 mg/L: 108.65 t → 9.275 t
    expect(f['DW001|TN']).toMatchObject({ method: 'monitoring', generated: 1007, emitted: 304.75 });
    expect(f['DW001|TN'].lineage.monitoring).toEqual({ form: 'J101-2', path: 'quality[2]', kind: 'annual-mean', captureRate: null });
    expect(f['DW001|TP']).toMatchObject({ generated: 108.65, emitted: 9.275 });
  });

  it('sets automatic monitoring below 75 % aside for J101-2, and falls back to the library by volume and process', () => {
    const set = answers(examplePlant());
    const j3 = set['J101-3'] as { outlets: Array<Record<string, unknown>> };
    const low = accountCentralised({ ...set, 'J101-3': { outlets: [{ ...j3.outlets[0], captureRate: 70 }] } }, convert, settings, lookup);
    expect(by(low.figures)['DW001|COD']).toMatchObject({ method: 'monitoring', emitted: 848, lineage: { monitoring: { form: 'J101-2' }, rejectedMonitoring: [{ form: 'J101-3', path: 'outlets[0].results[0]', reason: 'capture' }] } });
    const bare = by(accountCentralised({ 'J101-1': { process: 'W06' }, 'J101-2': { treated: 100, quality: [] } }, convert, settings, lookup).figures);
    // COD: 100 万m³ × 2,500 kg = 250 t; × (1 − 0.88) = 30 t. TP: 100 × 40 kg = 4 t; × 0.15 = 0.6 t. No row for NH3N, TN: no figure
    expect(bare['PLANT|COD']).toMatchObject({ method: 'coefficient', generated: 250, emitted: 30, lineage: { coefficients: [lib(13, 'J101-2:treated')], paths: ['J101-2:treated', 'J101-1:process'] } });
    expect(bare['PLANT|TP']).toMatchObject({ generated: 4, emitted: 0.6 });
    expect(Object.keys(bare).sort()).toEqual(['PLANT|COD', 'PLANT|TP']);
  });
});

describe('mobile (Y102)', () => {
  it('the example station: sales × loss coefficients per process, each reduced by its declared recovery stage', () => {
    const res = accountMobile(answers(exampleStation()), convert, settings, lookup);
    // gasoline 5,200 t: unloading 4,680 kg × 5 % = 234; refuelling 6,760 × 15 % = 1,014; storage 624 (no stage III);
    // diesel 3,100 t: refuelling 186 kg (no V08 row for diesel). G = 12.25 t, E = 2.058 t
    expect(res.figures).toHaveLength(1);
    expect(res.figures[0]).toMatchObject({ outletCode: 'STATION', pollutant: 'VOCS', method: 'coefficient', generated: 12.25, emitted: 2.058 });
    expect(res.figures[0].lineage.coefficients).toEqual([lib(16, 'Y102:sales[0].amount'), lib(18, 'Y102:sales[0].amount'), lib(19, 'Y102:sales[0].amount'), lib(21, 'Y102:sales[1].amount')]);
    expect(res.figures[0].lineage.notes).toEqual(['Y102:sales[1] 加油: stage 2 declared, no library row with V08; no removal applied']);
  });

  it('without recovery every loss counts; a product with no coefficient is left out, noted', () => {
    const res = accountMobile({ Y102: { sales: [{ product: 'gasoline', amount: 1000 }, { product: 'ethanol-gasoline', amount: 50 }], recovery: [] } }, convert, settings, lookup);
    expect(res.figures[0]).toMatchObject({ generated: 2.32, emitted: 2.32 }); // 1,000 × (0.9 + 1.3 + 0.12) kg
    expect(res.figures[0].lineage.notes).toEqual(['no library coefficient for Y102:sales[1] (乙醇汽油): not counted']);
  });
});

describe('dispatch by category', () => {
  it('reads only the forms of the source\'s category', () => {
    const forms = { ...answers(exampleFarm()), 'G106-1': { rows: [{ outletCode: 'G1', step: '锅炉', activityUnit: 't', activity: 1000, pollutant: 'NOX', genCoefficient: 2 }] } };
    expect(accountByCategory('livestock', forms, convert, settings, null, lookup).figures.map((f) => f.outletCode)).toEqual(['FARM', 'FARM', 'FARM', 'FARM']);
    expect(accountByCategory('industrial', forms, convert, settings, null, lookup).figures).toMatchObject([{ outletCode: 'G1', pollutant: 'NOX', emitted: 2 }]);
  });
});
