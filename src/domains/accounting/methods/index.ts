// 核算方法, pure and browser-safe: monitoring data first, coefficients otherwise (account.ts);
// the other source categories by their own methods (by-category.ts).
export { accountSource, sourceTotals, type AccountResult, type Figure, type Library, type LibraryHit, type Lineage, type Settings, type SourceForms } from './account.ts';
export { accountByCategory } from './by-category.ts';
export { accountCentralised } from './centralised.ts';
export { coefficientEmission, operationFactor, type CoefficientInput, type KResult, type OpParam } from './coefficient.ts';
export { accountDomestic } from './domestic.ts';
export { accountLivestock } from './livestock.ts';
export { accountMobile } from './mobile.ts';
export { monitoredLoad, qualifies, recordsOf, type MonitoringRecord } from './monitoring.ts';
export type { Lookup, LookupQuery, OtherSettings } from './other-common.ts';
