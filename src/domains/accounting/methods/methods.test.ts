// Hand-computed cases of the accounting methods: monitoring preferred when capture ≥ 75%, the
// coefficient method when it is not; η·k applied (k from the form, from hours, by default); units
// converted; a formula coefficient with its parameter; several outlets and pollutants; the
// permit cross-check; a unit that does not convert reported, not guessed.
import { describe, expect, it } from 'vitest';
import { makeConverter } from '../../survey/engine/units.ts';
import { UNITS } from '../../survey/forms/code-tables/units.ts';
import { accountSource, coefficientEmission, operationFactor, qualifies, sourceTotals, type Library } from './index.ts';

const convert = makeConverter(UNITS);
const settings = { kDefault: 1, captureMin: 75, permitRatioMax: 0.3 };
const row = (o: Record<string, unknown>) => ({ outletCode: 'G1', step: '锅炉', activityKind: 'product', activityUnit: 't', activity: 1000, pollutant: 'NOX', genCoefficient: 2, ...o });
const water = (o: Record<string, unknown>, results: Record<string, unknown>[]) => ({ outlets: [{ outletCode: 'W1', monitoringKind: 'auto', captureRate: 80, annualFlow: 120000, ...o, results }] });

describe('accounting methods', () => {
  it('prefers qualifying monitoring: water E = Q × C × 10⁻⁶', () => {
    const r = accountSource({ 'G106-2': water({}, [{ pollutant: 'COD', concentration: 50 }]), 'G106-1': { rows: [row({ outletCode: 'W1', pollutant: 'COD', genCoefficient: 10 })] } }, convert, settings);
    expect(r.figures).toHaveLength(1);
    expect(r.figures[0]).toMatchObject({ outletCode: 'W1', pollutant: 'COD', method: 'monitoring', emitted: 6, generated: 10 });
    expect(r.figures[0].lineage.monitoring).toEqual({ form: 'G106-2', path: 'outlets[0].results[0]', kind: 'auto', captureRate: 80 });
    expect(r.figures[0].lineage.paths).toEqual(['G106-2:outlets[0].results[0]', 'G106-1:rows[0]']);
  });

  it('falls back to coefficients when automatic capture is below 75%, saying why', () => {
    const r = accountSource({ 'G106-2': water({ captureRate: 70 }, [{ pollutant: 'COD', concentration: 50 }]), 'G106-1': { rows: [row({ outletCode: 'W1', pollutant: 'COD', genCoefficient: 10 })] } }, convert, settings);
    expect(r.figures[0]).toMatchObject({ method: 'coefficient', generated: 10, emitted: 10 });
    expect(r.figures[0].lineage.rejectedMonitoring).toEqual([{ form: 'G106-2', path: 'outlets[0].results[0]', reason: 'capture' }]);
    expect(qualifies({ form: 'G106-2', outletCode: 'W1', medium: 'water', kind: 'manual', captureRate: null, pollutant: 'COD', concentration: 5, annualFlow: 1, path: '' }, 75)).toEqual({ ok: true });
  });

  it('applies η·k: 2 t generated, η 90 %, k 0.8 → 0.56 t', () => {
    const r = accountSource({ 'G106-1': { rows: [row({ treatment: 'SCR', efficiency: 90, kFactor: 0.8 })] } }, convert, settings);
    expect(r.figures[0]).toMatchObject({ method: 'coefficient', generated: 2, emitted: 0.56 });
    expect(r.figures[0].lineage.k).toEqual([{ k: 0.8, source: 'form' }]);
  });

  it('derives k from facility hours over production hours, else the default; none without treatment', () => {
    expect(operationFactor({ treatment: 'SCR', kFactor: null, opParams: [{ name: '脱硝设施运行时间', value: 6000 }] }, 7500, 1)).toEqual({ k: 0.8, source: 'hours' });
    expect(operationFactor({ treatment: 'SCR', kFactor: null, opParams: [{ name: '还原剂用量', value: 12 }] }, 7500, 0.9)).toEqual({ k: 0.9, source: 'default' });
    expect(operationFactor({ treatment: null, kFactor: 0.5, opParams: [] }, 7500, 1)).toEqual({ k: 0, source: 'none' });
    const r = accountSource({ 'G101-1': { operatingHours: 7500 }, 'G106-1': { rows: [row({ treatment: 'SCR', efficiency: 80, opParams: [{ name: '运行时间', value: 6000 }] })] } }, convert, settings);
    expect(r.figures[0].emitted).toBe(0.72); // 2 × (1 − 0.8 × 0.8)
  });

  it('converts units: 50 万m³ of gas at 1.871 g/m³ is 0.9355 t', () => {
    const res = coefficientEmission({ outletCode: 'G1', step: '燃气锅炉', pollutant: 'NOX', activity: 50, activityUnit: '10km3', coefficient: 1.871, coefficientUnit: 'g/m3', treatment: null, efficiency: null, kFactor: null, opParams: [], path: 'x' }, convert, null, 1);
    expect(res).toMatchObject({ ok: true, generated: 0.9355, emitted: 0.9355 });
    const bad = coefficientEmission({ outletCode: 'G1', step: '', pollutant: 'NOX', activity: 50, activityUnit: '10km3', coefficient: 1, coefficientUnit: 'kg/t', treatment: null, efficiency: null, kFactor: null, opParams: [], path: 'x' }, convert, null, 1);
    expect(bad).toMatchObject({ ok: false, reason: 'unit' });
  });

  it('evaluates a formula coefficient with its parameter: 19 × S (0.8 %) kg/t of 1,000 t coal is 15.2 t SO2', () => {
    const formOnly = accountSource({ 'G106-1': { rows: [row({ pollutant: 'SO2', activityKind: 'fuel', genCoefficient: 19, parameter: 0.8 })] } }, convert, settings);
    expect(formOnly.figures[0]).toMatchObject({ generated: 15.2, emitted: 15.2 });
    expect(formOnly.figures[0].lineage.coefficients).toEqual([{ path: 'G106-1:rows[0]', source: 'form' }]);
    const library: Library = (q) => (q.pollutant === 'SO2' ? { versionId: 7, rowNo: 12, coefficient: 19 * (q.parameter ?? 0), coefficientUnit: 'kg/t', efficiency: null, dischargeCoefficient: null } : null);
    const lib = accountSource({ 'G106-1': { rows: [row({ pollutant: 'SO2', genCoefficient: 99, parameter: 0.8 })] } }, convert, settings, library);
    expect(lib.figures[0]).toMatchObject({ generated: 15.2 });
    expect(lib.figures[0].lineage.coefficients).toEqual([{ path: 'G106-1:rows[0]', source: 'library', versionId: 7, rowNo: 12 }]);
  });

  it('keeps several outlets and pollutants apart, sums steps, flags a permit report far off, and totals per pollutant', () => {
    const gas = { outlets: [{ outletCode: 'G1', monitoringKind: 'auto', captureRate: 90, flow: 20000, hours: 6000, results: [{ pollutant: 'SO2', concentration: 100 }] }] };
    const r = accountSource({
      'G106-3': gas,
      'G106-2': water({ monitoringKind: 'manual', captureRate: null }, [{ pollutant: 'COD', concentration: 40 }, { pollutant: 'NH3N', concentration: 5 }]),
      'G106-1': { rows: [row({ step: '锅炉', treatment: 'SCR', efficiency: 90, kFactor: 0.8, permitReported: 1 }), row({ step: '烘干', activity: 500 })] },
    }, convert, settings);
    const by = Object.fromEntries(r.figures.map((f) => [`${f.outletCode}|${f.pollutant}`, f]));
    expect(by['G1|SO2']).toMatchObject({ method: 'monitoring', emitted: 12, generated: null }); // 100 × 20000 × 6000 × 10⁻⁹
    expect(by['W1|COD']).toMatchObject({ method: 'monitoring', emitted: 4.8 });
    expect(by['W1|NH3N']).toMatchObject({ emitted: 0.6 });
    expect(by['G1|NOX']).toMatchObject({ method: 'coefficient', generated: 3, emitted: 1.56, permitReported: 1, permitFlag: true }); // 0.56 + 1
    expect(sourceTotals(r.figures)).toEqual({ COD: { generated: null, emitted: 4.8 }, NH3N: { generated: null, emitted: 0.6 }, NOX: { generated: 3, emitted: 1.56 }, SO2: { generated: null, emitted: 12 } });
  });

  it('reports what it cannot account for instead of guessing', () => {
    const r = accountSource({ 'G106-2': water({ captureRate: 50 }, [{ pollutant: 'COD', concentration: 50 }]), 'G106-1': { rows: [row({ activityUnit: 'xyz', pollutant: 'PM' })] } }, convert, settings);
    expect(r.figures).toEqual([]);
    expect(r.problems.map((p) => p.reason).sort()).toEqual(['unaccounted', 'unaccounted', 'unit']);
  });
});
