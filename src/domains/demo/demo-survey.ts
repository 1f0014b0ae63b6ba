// The survey demo (issue 5), a job queued after the inventory demo: three 乐清市 units that went
// on to the survey — an electrical-equipment maker with a boiler, a plating shop with its
// wastewater treatment, a pig farm — each placed in its township's zone as inventoried normal
// and confirmed, with its whole submission set saved through the survey's own save path (so
// checked by the same engine, with revisions and audit rows, as a user's save would be). The
// demo respondent `yq-respondent` is the electrical maker's account. Skips when already loaded.
import { createHash } from 'node:crypto';
import type { Db } from '../../core/db/index.ts';
import { SYSTEM, levelOf, scopePrefixOf, type Actor, type Role } from '../access/index.ts';
import { recordAudit } from '../audit/audit.sql.ts';
import { supplementSource } from '../directory/index.ts';
import { queueJob, type JobHandler } from '../jobs/index.ts';
import { recordAttachment, referencedFiles, saveSubmission } from '../survey/index.ts';
import * as q from './demo.sql.ts';
import { DEMO_SURVEY_SETS, DEMO_SURVEY_SOURCES, type DemoSurveySource } from './demo-survey-sets.ts';

export const DEMO_SURVEY_JOB = 'demo.survey';
const COUNTY = '330382';
export const DEMO_RESPONDENT = 'yq-respondent';

/** A stable id per unit and form, so the demo's submissions are the same ones every time. */
export function demoSubmissionId(creditCode: string, form: string): string {
  const h = createHash('sha256').update(`pucha-demo-survey:${creditCode}:${form}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const activeByCredit = (db: Db, code: string) =>
  db.selectFrom('sources').select('id').where('credit_code', '=', code).where('state', '=', 'active').executeTakeFirst();

/** Loaded when the electrical maker exists and has its submissions. */
export async function demoSurveyLoaded(db: Db): Promise<boolean> {
  const src = await activeByCredit(db, DEMO_SURVEY_SOURCES[0].creditCode);
  if (!src) return false;
  return !!(await db.selectFrom('submissions').select('id').where('source_id', '=', src.id).limit(1).executeTakeFirst());
}

export async function actorOf(db: Db, username: string): Promise<Actor> {
  const u = await db.selectFrom('users').select(['id', 'username', 'role', 'region_code', 'department', 'agency_id', 'source_id'])
    .where('username', '=', username).executeTakeFirstOrThrow();
  return {
    id: Number(u.id), username: u.username, role: u.role as Role, regionCode: u.region_code, scopePrefix: scopePrefixOf(u.region_code), scopeLevel: levelOf(u.region_code),
    department: u.department, agencyId: u.agency_id === null ? null : Number(u.agency_id), sourceId: u.source_id === null ? null : Number(u.source_id),
  };
}

/** Picks the unit by its credit code, or adds it to the directory (增补) as the county office would. */
async function pickOrCreate(db: Db, s: DemoSurveySource): Promise<number> {
  const found = await activeByCredit(db, s.creditCode);
  if (found) return Number(found.id);
  const made = await supplementSource(db, SYSTEM, {
    regionCode: s.regionCode, name: s.name, creditCode: s.creditCode, address: s.address, legalRep: s.legalRep, phone: s.phone, industryCode: s.industryCode, category: s.category,
  });
  return Number(made.id);
}

export async function loadDemoSurvey(db: Db) {
  if (await demoSurveyLoaded(db)) return { skipped: true };
  const ids = new Map<DemoSurveySource['key'], number>();
  for (const s of DEMO_SURVEY_SOURCES) ids.set(s.key, await pickOrCreate(db, s));

  // Inventoried and confirmed (where the inventory demo has zones), and the respondent's account linked.
  const placed = await db.transaction().execute(async (trx) => {
    let records = 0;
    for (const s of DEMO_SURVEY_SOURCES) {
      if (await q.insertConfirmedRecord(trx, { sourceId: ids.get(s.key)!, townCode: s.regionCode, countyCode: COUNTY, data: { name: s.name, address: s.address } })) records++;
    }
    const own = ids.get('electrical')!;
    const link = await q.linkRespondent(trx, DEMO_RESPONDENT, own);
    if (link && link.before !== own) {
      await recordAudit(trx, SYSTEM, { action: 'user.update', entity: 'user', entityId: link.id, regionCode: link.regionCode, before: { sourceId: link.before }, after: { sourceId: own } });
    }
    return records;
  });

  // Each form through the survey's save path, as the account that fills it; the needed forms first.
  const counts = { submitted: 0, draft: 0 };
  for (const s of DEMO_SURVEY_SOURCES) {
    const actor = await actorOf(db, s.filledBy);
    await attachDemoFiles(db, actor, ids.get(s.key)!, s);
    for (const f of DEMO_SURVEY_SETS[s.key]()) {
      const { result } = await saveSubmission(db, actor, demoSubmissionId(s.creditCode, f.form), {
        sourceId: ids.get(s.key)!, form: f.form, version: 1, answers: f.answers, explanations: f.explanations ?? {}, status: f.status, baseRev: null,
      });
      counts[result.status === 'submitted' ? 'submitted' : 'draft']++;
    }
  }
  await db.transaction().execute((trx) => recordAudit(trx, SYSTEM, {
    action: 'demo.survey', entity: 'census', entityId: 'demo', regionCode: COUNTY, after: { sources: [...ids.values()], records: placed, ...counts },
  }));
  return { sources: ids.size, records: placed, ...counts };
}

// The photos the demo's forms name, which a save requires uploaded for the source. A job has no
// data folder, so only their rows are made (with a placeholder JPEG's size and hash): a download answers 404.
const PLACEHOLDER = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);
async function attachDemoFiles(db: Db, actor: Actor, sourceId: number, s: DemoSurveySource) {
  const files = DEMO_SURVEY_SETS[s.key]().flatMap((f) => referencedFiles(f.form, 1, f.answers));
  if (!files.length) return;
  const sha256 = createHash('sha256').update(PLACEHOLDER).digest('hex');
  await db.transaction().execute(async (trx) => {
    for (const f of files) {
      await recordAttachment(trx, actor, { id: f.id, source_id: sourceId, region_code: s.regionCode, mime: f.type, bytes: PLACEHOLDER.length, sha256, name: f.name ?? null });
    }
  });
}

/** Queues the survey demo unless it is loaded; jobs run in id order, so after the inventory queued before it. */
export async function queueDemoSurvey(db: Db) {
  if (await demoSurveyLoaded(db)) return null;
  return queueJob(db, { kind: DEMO_SURVEY_JOB, regionCode: COUNTY, createdBy: null, params: {} });
}

export const demoSurveyJob: JobHandler = { kind: DEMO_SURVEY_JOB, run: (ctx) => loadDemoSurvey(ctx.db) };
