// 核算方法, pure and browser-safe: monitoring data first, coefficients otherwise (account.ts).
export { accountSource, sourceTotals, type AccountResult, type Figure, type Library, type LibraryHit, type Lineage, type Settings, type SourceForms } from './account.ts';
export { coefficientEmission, operationFactor, type CoefficientInput, type KResult, type OpParam } from './coefficient.ts';
export { monitoredLoad, qualifies, recordsOf, type MonitoringRecord } from './monitoring.ts';
