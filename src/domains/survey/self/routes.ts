// HTTP edge of enterprise self-filling (docs/survey-api.md): invitation codes issued, listed and
// revoked by offices; redeemed publicly (rate-limited by address, like login) for a respondent
// account and its session; the legal representative's confirmation.
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { AppError, isAppError } from '../../../core/errors.ts';
import { RateLimiter } from '../../../server/rate-limit.ts';
import { actorOf } from '../../../server/auth.ts';
import { IdParams } from '../../../server/schemas.ts';
import { openSession } from '../../access/index.ts';
import { confirmSurvey, type ConfirmBody } from './confirmations.ts';
import { issueInvitation, listInvitations, redeemInvitation, revokeInvitation, type RedeemBody } from './invitations.ts';

const REDEEM_FAILURES = 10; // refused redemptions per address per 15 minutes
const COUNTED = new Set(['INVITATION_INVALID', 'INVITATION_EXPIRED', 'INVITATION_USED', 'INVITATION_REVOKED']);

const RedeemSchema = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 40 }),
  creditCode: Type.String({ minLength: 1, maxLength: 40 }),
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 128 }),
  displayName: Type.String({ minLength: 1, maxLength: 100 }),
}, { additionalProperties: false });

const ConfirmSchema = Type.Object({
  legalRep: Type.String({ minLength: 1, maxLength: 100 }),
  confirmed: Type.Literal(true),
  statement: Type.Optional(Type.String({ maxLength: 2000 })),
  revisions: Type.Optional(Type.Record(Type.String({ pattern: '^[A-Z][0-9]{3}(-[0-9]{1,2})?$' }), Type.Integer({ minimum: 1 }))),
}, { additionalProperties: false });

export async function selfFillRoutes(app: FastifyInstance) {
  const { db } = app.ctx;
  const failures = new RateLimiter(db, 'invitation', REDEEM_FAILURES, 15 * 60_000);
  const tags = ['survey'];
  const base = '/api/v1';

  app.post(`${base}/sources/:id/invitations`, {
    config: { action: 'survey.invite', resource: 'source' },
    schema: { tags, summary: 'Issue a one-time invitation code for a source (the code is shown only in this answer)', params: IdParams },
  }, async (req, reply) => reply.status(201).send(await issueInvitation(db, actorOf(req), (req.params as { id: number }).id)));

  app.get(`${base}/sources/:id/invitations`, {
    config: { action: 'survey.invite', resource: 'source' },
    schema: { tags, summary: 'The invitation codes issued for a source (never the codes themselves)', params: IdParams },
  }, async (req) => listInvitations(db, actorOf(req), (req.params as { id: number }).id));

  app.post(`${base}/invitations/:id/revoke`, {
    config: { action: 'survey.invite', resource: 'invitation' },
    schema: { tags, summary: 'Revoke an invitation code not used yet', params: IdParams },
  }, async (req) => revokeInvitation(db, actorOf(req), (req.params as { id: number }).id));

  app.post(`${base}/invitations/redeem`, {
    config: { public: true },
    schema: { tags, summary: 'Redeem an invitation code: create the respondent account and log it in', body: RedeemSchema },
  }, async (req, reply) => {
    const wait = await failures.waiting(req.ip);
    if (wait) throw new AppError('INVITATION_LOCKED', { minutes: Math.ceil(wait / 60) });
    const b = req.body as RedeemBody;
    try {
      await redeemInvitation(db, b);
    } catch (e) {
      if (isAppError(e) && COUNTED.has(e.code)) await failures.hit(req.ip);
      throw e;
    }
    return reply.status(201).send(await openSession(db, req, reply, b.username.trim(), b.password));
  });

  app.post(`${base}/sources/:id/survey/confirm`, {
    config: { action: 'survey.confirm', resource: 'source' },
    schema: { tags, summary: "Record the legal representative's confirmation of the source's submitted forms", params: IdParams, body: ConfirmSchema },
  }, async (req, reply) => {
    const { created, confirmation } = await confirmSurvey(db, actorOf(req), (req.params as { id: number }).id, req.body as ConfirmBody);
    return reply.status(created ? 201 : 200).send(confirmation);
  });
}
