// HTTP edge of people: users (with the spreadsheet import), agencies and teams.
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { AppError } from '../../core/errors.ts';
import { actorOf } from '../../server/auth.ts';
import { bufferOf, cleanFileName, UPLOAD_LIMIT } from '../../server/file-upload.ts';
import { IdParams } from '../../server/schemas.ts';
import * as agencies from './agencies.ts';
import { buildTemplate } from './import-sheet.ts';
import * as s from './schemas.ts';
import * as teams from './teams.ts';
import { startUserImport } from './user-import.ts';
import * as users from './users.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const idOf = (req: { params: unknown }) => (req.params as { id: number }).id;

export async function userRoutes(app: FastifyInstance) {
  const { db } = app.ctx;
  const tags = ['users'];

  app.get('/api/v1/users', {
    config: { action: 'users.read' },
    schema: { tags, summary: 'Users in scope, newest first; q matches username or name', querystring: s.UserListQuery, response: { 200: s.UserPage } },
  }, async (req) => users.listUsers(db, actorOf(req), req.query as users.UserListQuery));

  app.post('/api/v1/users', {
    config: { action: 'users.write' },
    schema: { tags, summary: 'Create a user', body: s.UserCreateBody, response: { 201: s.User } },
  }, async (req, reply) => reply.status(201).send(await users.createUser(db, actorOf(req), req.body as users.UserInput)));

  app.get('/api/v1/users/import-template', {
    config: { action: 'users.read' },
    schema: { tags, summary: 'The XLSX template of a user import' },
  }, async (req, reply) => {
    const file = await buildTemplate(actorOf(req).regionCode);
    return reply
      .type(XLSX_TYPE)
      .header('Content-Disposition', `attachment; filename="users-template.xlsx"; filename*=UTF-8''${encodeURIComponent('用户导入模板.xlsx')}`)
      .send(file);
  });

  app.post('/api/v1/users/import', {
    config: { action: 'users.write' },
    schema: {
      tags,
      summary: 'Create users from an XLSX file (multipart field "file"); every row is checked first, then a job creates them',
      consumes: ['multipart/form-data'],
      response: { 202: Type.Object({ job: Type.Object({}, { additionalProperties: true }) }) },
    },
  }, async (req, reply) => {
    if (!req.isMultipart()) throw new AppError('UPLOAD_MISSING');
    let file: { filename: string; data: Buffer } | undefined;
    // Every part is read, so a second file throws the plugin's files limit (→ 400) rather than going unseen.
    for await (const part of req.parts()) {
      if (part.type !== 'file') continue;
      const data = await bufferOf(part.file, () => new AppError('REQUEST_TOO_LARGE', { limit: `${UPLOAD_LIMIT / 1024 ** 2} MB` }));
      if (part.fieldname === 'file') file = { filename: cleanFileName(part.filename), data };
    }
    if (!file) throw new AppError('UPLOAD_MISSING');
    const job = await startUserImport(db, app.ctx.jobs, actorOf(req), file);
    return reply.status(202).send({ job });
  });

  app.get('/api/v1/users/:id', {
    config: { action: 'users.read', resource: 'user' },
    schema: { tags, summary: 'One user', params: IdParams, response: { 200: s.User } },
  }, async (req) => users.getUser(db, actorOf(req), idOf(req)));

  app.patch('/api/v1/users/:id', {
    config: { action: 'users.write', resource: 'user' },
    schema: { tags, summary: 'Change a user (whitelisted fields, optimistic lock on version)', params: IdParams, body: s.UserPatchBody, response: { 200: s.User } },
  }, async (req) => users.updateUser(db, actorOf(req), idOf(req), req.body as users.UserPatch));
}

export async function agencyRoutes(app: FastifyInstance) {
  const { db } = app.ctx;
  const tags = ['agencies'];

  app.get('/api/v1/agencies', {
    config: { action: 'agencies.read' },
    schema: { tags, summary: 'Agencies in scope, newest first; q matches name or credit code', querystring: s.AgencyListQuery, response: { 200: s.AgencyPage } },
  }, async (req) => agencies.listAgencies(db, actorOf(req), req.query as { q?: string; cursor?: string; limit?: number }));

  app.post('/api/v1/agencies', {
    config: { action: 'agencies.write' },
    schema: { tags, summary: 'Register a third-party agency', body: s.AgencyCreateBody, response: { 201: s.Agency } },
  }, async (req, reply) => reply.status(201).send(await agencies.createAgency(db, actorOf(req), req.body as agencies.AgencyInput & { name: string; regionCode: string })));

  app.get('/api/v1/agencies/:id', {
    config: { action: 'agencies.read', resource: 'agency' },
    schema: { tags, summary: 'One agency', params: IdParams, response: { 200: s.Agency } },
  }, async (req) => agencies.getAgency(db, actorOf(req), idOf(req)));

  app.patch('/api/v1/agencies/:id', {
    config: { action: 'agencies.write', resource: 'agency' },
    schema: { tags, summary: 'Change an agency (optimistic lock on version)', params: IdParams, body: s.AgencyPatchBody, response: { 200: s.Agency } },
  }, async (req) => agencies.updateAgency(db, actorOf(req), idOf(req), req.body as agencies.AgencyInput & { version: number }));
}

export async function teamRoutes(app: FastifyInstance) {
  const { db } = app.ctx;
  const tags = ['teams'];

  app.get('/api/v1/teams', {
    config: { action: 'teams.read' },
    schema: { tags, summary: 'Teams in scope with their members, newest first', querystring: s.TeamListQuery, response: { 200: s.TeamPage } },
  }, async (req) => teams.listTeams(db, actorOf(req), req.query as { region?: string; kind?: string; cursor?: string; limit?: number }));

  app.post('/api/v1/teams', {
    config: { action: 'teams.write' },
    schema: { tags, summary: 'Create a team ("1+1" pairs: one local, one professional)', body: s.TeamCreateBody, response: { 201: s.Team } },
  }, async (req, reply) => reply.status(201).send(await teams.createTeam(db, actorOf(req), req.body as teams.TeamInput)));

  app.get('/api/v1/teams/:id', {
    config: { action: 'teams.read', resource: 'team' },
    schema: { tags, summary: 'One team with its members', params: IdParams, response: { 200: s.Team } },
  }, async (req) => teams.getTeam(db, actorOf(req), idOf(req)));

  app.patch('/api/v1/teams/:id', {
    config: { action: 'teams.write', resource: 'team' },
    schema: { tags, summary: 'Change a team or replace its members (optimistic lock on version)', params: IdParams, body: s.TeamPatchBody, response: { 200: s.Team } },
  }, async (req) => teams.updateTeam(db, actorOf(req), idOf(req), req.body as teams.TeamPatch));
}

export async function peopleRoutes(app: FastifyInstance) {
  await userRoutes(app);
  await agencyRoutes(app);
  await teamRoutes(app);
}
