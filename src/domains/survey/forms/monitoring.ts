// The outlet block the monitoring forms share (G106-2, G106-3, J101-3): which outlet, how it was
// monitored and, for automatic monitoring, the valid-capture rate that decides whether the data
// may be used at all (census-facts §4: quarterly valid capture ≥ 75%).
import { code, dec, formRule, group, text, unique } from './build.ts';
import type { Field, FormRule, GroupField } from './types.ts';

export const outletMonitoring = (extra: Field[], results: GroupField): GroupField =>
  group('outlets', '排放口监测', 'Monitored outlets', [
    text('outletCode', '排放口编号', 'Outlet code', { required: true, maxLength: 20 }),
    code('monitoringKind', '监测方式', 'Monitoring', 'monitoring-kinds', { required: true }),
    dec('captureRate', '自动监测有效数据捕集率（季度最低）', 'Valid automatic capture (lowest quarter)', {
      unit: '%', decimals: 1, max: 100, relevant: "monitoringKind == 'auto'", required: "monitoringKind == 'auto'",
    }),
    ...extra,
    results,
  ], { minRows: 1, maxRows: 100 });

export const monitoringRules = (): FormRule[] => [
  formRule('capture', 'blocking', 'captureRate', 'captureRate >= 75', '自动监测有效捕集率低于 75%，数据不能用于监测数据法核算，请改用手工监测数据或系数法', 'Automatic capture below 75%: the data cannot be used; use manual data or coefficients', { context: 'outlets' }),
  formRule('over-limit', 'warning', 'concentration', 'limit == null or concentration <= limit', '平均浓度（{c}）超过排放标准限值（{l}），请核实或说明', 'Mean concentration ({c}) exceeds the limit ({l}); check it or explain', {
    context: 'outlets.results', params: { c: 'concentration', l: 'limit' },
  }),
  unique('results', 'pollutant', '同一排放口同一污染物填了多行', 'The same pollutant is listed twice for this outlet', 'outlets.results'),
];
