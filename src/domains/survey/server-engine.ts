// The engine as the server runs it: industry codes must exist in the directory's GB/T 4754-2017
// table at class level (4 digits); region codes, when a checker is given, in the region tree.
import { checkIndustryCode } from '../directory/index.ts';
import type { Db } from '../../core/db/index.ts';
import { regionChecker } from '../regions/index.ts';
import type { Engine } from './engine/index.ts';
import { censusEngine } from './forms/index.ts';

const industry = (code: string) => /^\d{4}$/.test(code) && checkIndustryCode(code).ok;
let server: Engine | undefined;

/** Industry codes checked; region codes by format only. Built once. */
export function serverEngine(): Engine {
  server ??= censusEngine({ industry });
  return server;
}

const perDb = new WeakMap<Db, Promise<Engine>>();
/** Industry and region codes checked (the region tree of this database). Built once per database (~10 ms). */
export function engineFor(db: Db): Promise<Engine> {
  let p = perDb.get(db);
  if (!p) {
    p = regionChecker(db).then((region) => censusEngine({ industry, region }));
    p.catch(() => perDb.delete(db));
    perDb.set(db, p);
  }
  return p;
}
