// Every code table by id. Industry (GB/T 4754-2017) and region (GB/T 2260) codes are not here:
// their tables belong to the directory and regions domains, and the engine checks them through
// functions it is given (engine/index.ts explains why).
import type { CodeTable } from '../types.ts';
import { FUEL_TABLE } from './fuels.ts';
import { POLLUTANT_TABLE } from './pollutants.ts';
import { TREATMENT_TABLE } from './treatment.ts';
import { UNIT_TABLE } from './units.ts';
import * as industrial from './industrial.ts';
import * as other from './other.ts';

const isTable = (v: unknown): v is CodeTable => typeof v === 'object' && v !== null && 'entries' in v && 'id' in v;

export const CODE_TABLES: CodeTable[] = [
  UNIT_TABLE,
  FUEL_TABLE,
  POLLUTANT_TABLE,
  TREATMENT_TABLE,
  ...Object.values(industrial).filter(isTable),
  ...Object.values(other).filter(isTable),
];

export { UNITS } from './units.ts';
export { FUELS } from './fuels.ts';
export { POLLUTANTS } from './pollutants.ts';
export { TREATMENTS } from './treatment.ts';
