// 入户调查 survey: the forms and the rule engine (engine/index.ts explains both). This is the
// server's import path; it adds the directory's GB/T 4754-2017 table to the engine. Browsers
// import ./forms/index.ts and ./engine/index.ts instead, which pull no Node-only code.
import { checkIndustryCode } from '../directory/index.ts';
import type { Engine } from './engine/index.ts';
import { censusEngine } from './forms/index.ts';

export * from './engine/index.ts';
export { CATALOGUE, CODE_TABLES, CROSS_FORM_RULES, DEFINED_CODES, FORMS, RADIOACTIVE_INDUSTRIES, censusEngine } from './forms/index.ts';
export { exampleEnterprise } from './forms/example-set.ts';

let server: Engine | undefined;

/** The engine as the server runs it: industry codes must exist at class level (4 digits). */
export function serverEngine(): Engine {
  server ??= censusEngine({ industry: (code) => /^\d{4}$/.test(code) && checkIndustryCode(code).ok });
  return server;
}
