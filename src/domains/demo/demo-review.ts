// The review demo (issue 7), a job queued after the survey demo: reviews in progress at every
// level of 乐清市 and 温州市. The electrical maker's legal representative confirms its forms, which
// then climb census taker → instructor → county → city → province to different heights; the
// county sends one of the plating shop's forms back to the agency's census taker (it waits on
// that device) with a comment at a field; 温州市 draws 乐清市's inventory re-check sample and
// records its findings (one wrong state: the county's error rate is over the threshold, so the
// acceptance page shows what holds it back). Everything goes through the domains' own actions,
// so it is checked and audited as a user's action would be. Skips when already loaded.
import type { Db } from '../../core/db/index.ts';
import { isAppError } from '../../core/errors.ts';
import { recordAudit } from '../audit/audit.sql.ts';
import { queueJob, type JobHandler } from '../jobs/index.ts';
import { act, drawSample, recordFinding } from '../review/index.ts';
import { FORMS, confirmSurvey } from '../survey/index.ts';
import { SYSTEM } from '../access/index.ts';
import { actorOf } from './demo-survey.ts';
import { DEMO_SURVEY_SOURCES } from './demo-survey-sets.ts';

export const DEMO_REVIEW_JOB = 'demo.review';
const COUNTY = '330382';
// How far up each of the electrical maker's forms goes, in the order of the chain.
const CLIMB = [['yq-enumerator', 'yq-instructor', 'yq-reviewer', 'wenzhou', 'zhejiang'], ['yq-enumerator', 'yq-instructor', 'yq-reviewer', 'wenzhou'],
  ['yq-enumerator', 'yq-instructor', 'yq-reviewer'], ['yq-enumerator', 'yq-instructor'], ['yq-enumerator'], []];

export async function demoReviewLoaded(db: Db): Promise<boolean> {
  return !!(await db.selectFrom('qc_samples').select('id').where('region_code', '=', COUNTY).limit(1).executeTakeFirst());
}

const sourceOf = async (db: Db, key: string) => {
  const s = DEMO_SURVEY_SOURCES.find((x) => x.key === key)!;
  return db.selectFrom('sources').select('id').where('credit_code', '=', s.creditCode).where('state', '=', 'active').executeTakeFirst();
};
const formsOf = (db: Db, sourceId: number) => db.selectFrom('submissions').select(['id', 'form', 'version', 'status', 'review_version']).where('source_id', '=', sourceId).orderBy('form').execute();

async function approve(db: Db, username: string, id: string) {
  const s = await db.selectFrom('submissions').select('review_version').where('id', '=', id).executeTakeFirstOrThrow();
  await act(db, await actorOf(db, username), id, { action: 'approve', reviewVersion: s.review_version });
}

export async function loadDemoReview(db: Db) {
  if (await demoReviewLoaded(db)) return { skipped: true };
  const counts = { approved: 0, returned: 0, sampled: 0 };
  const electrical = await sourceOf(db, 'electrical');
  if (electrical) {
    const s = DEMO_SURVEY_SOURCES.find((x) => x.key === 'electrical')!;
    await confirmSurvey(db, await actorOf(db, 'yq-respondent'), Number(electrical.id), { legalRep: s.legalRep, confirmed: true, statement: '本单位填报内容真实、准确、完整' });
    const forms = (await formsOf(db, Number(electrical.id))).filter((f) => f.status === 'approved');
    for (const [i, f] of forms.entries()) {
      for (const who of CLIMB[Math.min(i, CLIMB.length - 1)]) {
        await approve(db, who, f.id);
        counts.approved++;
      }
    }
  }
  const plating = await sourceOf(db, 'plating');
  if (plating) {
    const forms = (await formsOf(db, Number(plating.id))).filter((f) => f.status === 'submitted');
    const g1 = forms.find((f) => f.form === 'G101-1');
    const g2 = forms.find((f) => f.form === 'G101-2');
    if (g1) for (const who of ['yq-reviewer', 'wenzhou']) { await approve(db, who, g1.id); counts.approved++; }
    if (g2) {
      const field = FORMS.find((d) => d.code === g2.form && d.version === g2.version)!.fields[0];
      await act(db, await actorOf(db, 'yq-reviewer'), g2.id, {
        action: 'reject', reviewVersion: g2.review_version, reason: '产品产量与工业总产值不匹配，请核对后重报',
        comments: [{ path: field.id, text: '请与企业台账核对' }],
      });
      counts.returned++;
    }
  }
  // 温州市 re-checks 乐清市's inventory: three added and three deleted units, one found wrong.
  try {
    const city = await actorOf(db, 'wenzhou');
    const sample = await drawSample(db, city, { phase: 'inventory', regionCode: COUNTY });
    for (const [i, item] of sample.items.entries()) {
      await recordFinding(db, city, sample.id, item.sourceId, i === 0 ? { verdict: 'wrong', note: '复核发现该单位仍在生产' } : { verdict: 'right' });
      counts.sampled++;
    }
  } catch (e) {
    if (!isAppError(e) || e.code !== 'QC_SAMPLE_EMPTY') throw e; // a directory without added or deleted units: no sample
  }
  await db.transaction().execute((trx) => recordAudit(trx, SYSTEM, { action: 'demo.review', entity: 'census', entityId: 'demo', regionCode: COUNTY, after: counts }));
  return counts;
}

/** Queues the review demo unless it is loaded; jobs run in id order, so after the survey queued before it. */
export async function queueDemoReview(db: Db) {
  if (await demoReviewLoaded(db)) return null;
  return queueJob(db, { kind: DEMO_REVIEW_JOB, regionCode: COUNTY, createdBy: null, params: {} });
}

export const demoReviewJob: JobHandler = { kind: DEMO_REVIEW_JOB, run: (ctx) => loadDemoReview(ctx.db) };
