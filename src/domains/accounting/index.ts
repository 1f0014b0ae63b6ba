// 核算 emission accounting (docs/accounting-api.md): the coefficient library (coefficients/).
export { accountingRoutes } from './routes.ts';
export { loadSampleCoefficients } from './coefficients/coefficients.ts';
export { parseFormula, FormulaError, type Formula, type Param } from './coefficients/formula.ts';
export { rowKey, type CoefficientRow } from './coefficients/rules.ts';
