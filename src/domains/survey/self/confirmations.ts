// 法定代表人确认: once every required form of a source is submitted and ready, the respondent (or
// an office, for a unit that filled on paper) records the legal representative's confirmation of
// exactly those revisions. It is the first step of the review chain; a later save of a confirmed
// form voids it (GET /sources/:id/survey then shows no confirmation).
import type { Db } from '../../../core/db/index.ts';
import { AppError } from '../../../core/errors.ts';
import type { Actor } from '../../access/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { sourceSurvey } from '../submissions/submissions.ts';
import { currentRevisions, missingForConfirm, sameRevisions } from './confirm-rules.ts';
import * as q from './confirmations.sql.ts';
import { enabledLevels } from '../../review/chain/config.ts';
import { nextLevel } from '../../review/chain/levels.ts';
import { passRespondentLevel } from '../../review/chain/steps.sql.ts';

export interface ConfirmBody {
  legalRep: string;
  confirmed: true;
  statement?: string;
  /** The revisions the confirming person saw; refused when the forms have moved on since. */
  revisions?: Record<string, number>;
}

export async function confirmSurvey(db: Db, actor: Actor, sourceId: number, b: ConfirmBody) {
  const survey = await sourceSurvey(db, actor, sourceId); // 404 out of reach
  if (!survey.source.surveyed) throw new AppError('SURVEY_SOURCE_NOT_SURVEYED', { id: sourceId, state: survey.source.inventoryState ?? '' });
  const missing = missingForConfirm(survey.forms);
  if (missing.length) throw new AppError('SURVEY_CONFIRM_NOT_READY', { count: missing.length }, { missing });
  const revisions = currentRevisions(survey.forms);
  if (b.revisions && !sameRevisions(b.revisions, revisions)) throw new AppError('SURVEY_CONFIRM_CHANGED', {}, { revisions });
  const legalRep = b.legalRep.trim();
  if (!legalRep) throw new AppError('REQUEST_INVALID', { detail: 'legalRep' });
  const statement = (b.statement ?? '').trim();
  const c = survey.confirmation;
  // The same confirmation sent again (a retry) is answered from what is stored.
  if (c && c.legalRep === legalRep && c.statement === statement && sameRevisions(c.revisions, revisions)) return { created: false, confirmation: c };
  const regionCode = survey.source.regionCode;
  const next = nextLevel(await enabledLevels(db), 'respondent');
  await db.transaction().execute(async (trx) => {
    const id = await q.insertConfirmation(trx, { sourceId, regionCode, legalRep, statement, revisions, by: actor.id });
    // The first step of the review chain: the forms that waited on it go up to the next level.
    await passRespondentLevel(trx, sourceId, next, actor.id);
    await recordAudit(trx, actor, {
      action: 'survey.confirm', entity: 'source', entityId: sourceId, regionCode,
      before: c ? { confirmation: c.revisions } : undefined, after: { confirmationId: id, legalRep, revisions, onPaper: actor.role !== 'respondent' },
    });
  });
  return { created: true, confirmation: (await sourceSurvey(db, actor, sourceId)).confirmation! };
}
