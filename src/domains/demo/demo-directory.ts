// The demo directory: registers of four departments for 乐清市 (market regulation,
// tax, statistics, environment), generated with the realistic variants of the
// synthetic generator — same firms spelled differently, missing codes, look-alikes —
// inserted as imported registers; a matching job then builds the directory and
// leaves its unsure pairs in the merge queue.
import { createHash } from 'node:crypto';
import type { Db } from '../../core/db/index.ts';
import { SYSTEM } from '../access/actor.ts';
import { recordAudit } from '../audit/audit.sql.ts';
import { MATCH_JOB, generateRegisters, type Department, type MatchParams, type SyntheticRow } from '../directory/index.ts';
import { queueJob } from '../jobs/index.ts';
import { queueDemoPortal } from './demo-portal.ts';
import { queueDemoOutfalls } from './demo-outfalls.ts';
import * as q from './demo.sql.ts';
import { DEMO_INVENTORY_JOB } from './demo-inventory.ts';
import { queueDemoSurvey } from './demo-survey.ts';
import { queueDemoReview } from './demo-review.ts';
import { queueDemoSupervision } from './demo-supervision.ts';

const COUNTY = '330382';
const FILES: Record<string, string> = {
  samr: '乐清市市场监督管理局-企业登记名录-2017.csv',
  tax: '乐清市税务局-纳税人名录-2017.xlsx',
  stats: '乐清市统计局-第四次经济普查清查名录.xlsx',
  mee: '温州市生态环境局乐清分局-排污许可及环评名录.csv',
};

/** Loads the demo registers once; returns how many rows it inserted (0 when already there). */
export async function loadDemoDirectory(db: Db, entities = 150): Promise<number> {
  if (await q.demoRegistersExist(db, Object.values(FILES))) return 0;
  const rows = new Map<string, Array<{ rowNumber: number; row: SyntheticRow }>>();
  for (const r of generateRegisters({ seed: 2018, entities, regions: [COUNTY], departments: ['samr', 'tax', 'stats', 'mee'] as Department[] })) {
    const list = rows.get(r.department) ?? [];
    list.push({ rowNumber: r.rowNumber, row: r.row });
    rows.set(r.department, list);
  }
  // A few firms known to environment only by name, as the permit list sometimes
  // has them: the rules cannot be sure, so these pairs wait in the merge queue.
  const mee = rows.get('mee') ?? [];
  for (const { row } of (rows.get('samr') ?? []).filter((x) => x.row.name.startsWith('乐清市')).slice(0, 3)) {
    mee.push({ rowNumber: mee.length + 1, row: { ...row, name: row.name.replace(/^乐清市/, ''), credit_code: '', address: '', phone: '', legal_rep: '' } });
  }
  rows.set('mee', mee);
  let total = 0;
  await db.transaction().execute(async (trx) => {
    for (const [department, list] of rows) {
      const sha = createHash('sha256').update(`demo:${department}:${JSON.stringify(list)}`).digest('hex');
      const id = await q.insertDemoRegister(trx, { department, regionCode: COUNTY, fileName: FILES[department], sha, rows: list.length });
      await q.insertDemoRows(trx, id, list);
      await recordAudit(trx, SYSTEM, { action: 'register.import', entity: 'register', entityId: id, regionCode: COUNTY, after: { department, fileName: FILES[department], rows: list.length, demo: true } });
      total += list.length;
    }
  });
  return total;
}

/**
 * Loads the demo registers and, when it did, queues the matching job that turns them into the
 * directory, then the inventory and survey demos; returns the jobs queued (none when the registers were there).
 */
export async function seedDemoDirectory(db: Db): Promise<Array<Awaited<ReturnType<typeof queueJob>>>> {
  const rows = await loadDemoDirectory(db);
  if (rows === 0) return [];
  const params: MatchParams = { regionCode: COUNTY, actor: { id: null, username: SYSTEM.username } };
  const match = await queueJob(db, { kind: MATCH_JOB, regionCode: COUNTY, createdBy: null, params });
  // Jobs run one after another in id order: the inventory finds the matched directory,
  // and the survey finds its units inventoried.
  const inventory = await queueJob(db, { kind: DEMO_INVENTORY_JOB, regionCode: COUNTY, createdBy: null, params: {} });
  const survey = await queueDemoSurvey(db);
  const review = await queueDemoReview(db);
  const supervision = await queueDemoSupervision(db);
  const portal = await queueDemoPortal(db);
  const outfalls = await queueDemoOutfalls(db);
  return [match, inventory, ...[survey, review, supervision, portal, outfalls].filter((j) => j !== null)];
}
