// The census's forms as data, and the engine built over them. Browser-safe: the console and
// the field app import this (or engine/) directly; the server goes through ../index.ts, which
// adds the industry check from the directory domain.
import { createEngine, type Engine } from '../engine/engine.ts';
import type { Checks } from '../engine/coerce.ts';
import { CATALOGUE } from './catalogue.ts';
import { CODE_TABLES } from './code-tables/index.ts';
import { CROSS_FORM_RULES } from './cross-form.ts';
import { G101_1 } from './g101-1.ts';
import { G101_2 } from './g101-2.ts';
import { G101_3 } from './g101-3.ts';
import { G102 } from './g102.ts';
import { G103_1 } from './g103-1.ts';
import { G103_11 } from './g103-11.ts';
import { G104_1 } from './g104-1.ts';
import { G104_2 } from './g104-2.ts';
import { G106_1 } from './g106-1.ts';
import { G106_2 } from './g106-2.ts';
import { G106_3 } from './g106-3.ts';
import { G107 } from './g107.ts';
import { J101_1 } from './j101-1.ts';
import { J101_2 } from './j101-2.ts';
import { J101_3 } from './j101-3.ts';
import { N101_1 } from './n101-1.ts';
import { N101_2 } from './n101-2.ts';
import { S103 } from './s103.ts';
import { S104 } from './s104.ts';
import { S105 } from './s105.ts';
import { Y102 } from './y102.ts';
import type { FormDefinition } from './types.ts';

/** Every defined form in every version. A new version is added beside the old, never over it. */
export const FORMS: FormDefinition[] = [
  G101_1, G101_2, G101_3, G102, G103_1, G103_11, G104_1, G104_2, G106_1, G106_2, G106_3, G107,
  N101_1, N101_2, S103, S104, S105, J101_1, J101_2, J101_3, Y102,
];

export { CATALOGUE, DEFINED_CODES, RADIOACTIVE_INDUSTRIES } from './catalogue.ts';
export { CODE_TABLES } from './code-tables/index.ts';
export { CROSS_FORM_RULES } from './cross-form.ts';
export type * from './types.ts';

let cached: Engine | undefined;

/**
 * The engine over the census's forms. Without `checks`, industry and region codes are checked
 * by format only; pass the directory's and regions' checks for existence. The unchecked engine is
 * built once and shared.
 */
export function censusEngine(checks?: Checks): Engine {
  if (!checks && cached) return cached;
  const engine = createEngine({ catalogue: CATALOGUE, forms: FORMS, tables: CODE_TABLES, crossRules: CROSS_FORM_RULES, checks });
  if (!checks) cached = engine;
  return engine;
}
