// HTTP edge of the work channels, supervision files and notifications (docs/supervision-api.md,
// "Channels (工作群), files, notifications, webhooks").
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { actorOf } from '../../../server/auth.ts';
import { IdParams } from '../../../server/schemas.ts';
import * as ch from './channels.ts';
import { supervisionFile, uploadFile } from './files.ts';

const Id = Type.Integer({ minimum: 1, maximum: 2 ** 53 });
// The second id is judged after the channel: a channel out of reach answers 404 whatever follows it.
const SubId = Type.String({ maxLength: 20 });
const subId = (s: string) => (/^[1-9][0-9]{0,15}$/.test(s) ? Number(s) : 0);
const FileId = Type.String({ pattern: '^[A-Za-z0-9_-]{1,128}$' });

export async function channelRoutes(app: FastifyInstance) {
  const { db, config } = app.ctx;
  const tags = ['supervision'];
  const base = '/api/v1';
  const nudge = () => app.ctx.jobs.nudge(); // a new message may have deliveries to send

  app.get(`${base}/channels`, { config: { action: 'channels.read' }, schema: { tags, summary: 'The channels (工作群) the caller belongs to, with unread counts' } },
    async (req) => ch.listChannels(db, actorOf(req)));

  app.get(`${base}/channels/:id/messages`, {
    config: { action: 'channels.read', resource: 'channel' },
    schema: { tags, summary: 'Messages newest first, and the members; reading marks them read', params: IdParams,
      querystring: Type.Object({ before: Type.Optional(Id), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }) },
  }, async (req) => ch.readMessages(db, actorOf(req), (req.params as { id: number }).id, req.query as { before?: number; limit?: number }));

  app.post(`${base}/channels/:id/messages`, {
    config: { action: 'channels.post', resource: 'channel' },
    schema: { tags, summary: 'Post a message (mentions must be members; files in the caller\'s scope)', params: IdParams,
      body: Type.Object({
        body: Type.String({ minLength: 1, maxLength: 5000 }),
        mentions: Type.Optional(Type.Array(Id, { maxItems: 100 })),
        files: Type.Optional(Type.Array(FileId, { maxItems: 20 })),
      }, { additionalProperties: false }) },
  }, async (req, reply) => {
    const m = await ch.postMessage(db, actorOf(req), (req.params as { id: number }).id, req.body as { body: string; mentions?: number[]; files?: string[] });
    nudge();
    return reply.status(201).send(m);
  });

  app.get(`${base}/channels/:id/members`, { config: { action: 'channels.admin', resource: 'channel' }, schema: { tags, summary: 'Members of a channel in the caller\'s scope', params: IdParams } },
    async (req) => ch.listMembers(db, actorOf(req), (req.params as { id: number }).id));

  app.post(`${base}/channels/:id/members`, {
    config: { action: 'channels.admin', resource: 'channel' },
    schema: { tags, summary: 'Add an office user to the channel, or change a member\'s duty', params: IdParams,
      body: Type.Object({ userId: Id, duty: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false }) },
  }, async (req, reply) => {
    const r = await ch.addMember(db, actorOf(req), (req.params as { id: number }).id, req.body as { userId: number; duty?: string });
    return reply.status(r.created ? 201 : 200).send(r.member);
  });

  app.delete(`${base}/channels/:id/members/:userId`, {
    config: { action: 'channels.admin', resource: 'channel' },
    schema: { tags, summary: 'Remove a member', params: Type.Object({ id: Id, userId: SubId }) },
  }, async (req) => { const p = req.params as { id: number; userId: string }; return ch.removeMember(db, actorOf(req), p.id, subId(p.userId)); });

  app.get(`${base}/channels/:id/webhooks`, { config: { action: 'channels.admin', resource: 'channel' }, schema: { tags, summary: 'Active outgoing webhooks (never their secrets)', params: IdParams } },
    async (req) => ch.listWebhooks(db, actorOf(req), (req.params as { id: number }).id));

  app.post(`${base}/channels/:id/webhooks`, {
    config: { action: 'channels.admin', resource: 'channel' },
    schema: { tags, summary: 'Add an outgoing webhook; the secret (made when absent) is answered only now', params: IdParams,
      body: Type.Object({
        url: Type.String({ pattern: '^https?://', maxLength: 2000 }),
        secret: Type.Optional(Type.String({ minLength: 8, maxLength: 200 })),
      }, { additionalProperties: false }) },
  }, async (req, reply) => reply.status(201).send(await ch.addWebhook(db, actorOf(req), (req.params as { id: number }).id, req.body as { url: string; secret?: string }, app.ctx.config.webhookPrivate)));

  app.delete(`${base}/channels/:id/webhooks/:hookId`, {
    config: { action: 'channels.admin', resource: 'channel' },
    schema: { tags, summary: 'Turn a webhook off', params: Type.Object({ id: Id, hookId: SubId }) },
  }, async (req) => { const p = req.params as { id: number; hookId: string }; return ch.removeWebhook(db, actorOf(req), p.id, subId(p.hookId)); });

  app.post(`${base}/supervision/files`, {
    config: { action: 'channels.post' },
    schema: { tags, summary: 'Upload a file (multipart: id made by the client, file, name?; JPEG, PNG, PDF, XLSX, DOCX ≤ 20 MB; idempotent)', consumes: ['multipart/form-data'] },
  }, async (req, reply) => {
    const r = await uploadFile(db, actorOf(req), req, config.dataDir);
    return reply.status(r.created ? 201 : 200).send(r.file);
  });

  app.get(`${base}/supervision/files/:id`, {
    config: { action: 'channels.read', resource: 'supervision-file' },
    schema: { tags, summary: 'The bytes of a supervision file', params: Type.Object({ id: Type.String({ maxLength: 128 }) }) },
  }, async (req, reply) => {
    const f = await supervisionFile(db, actorOf(req), (req.params as { id: string }).id, config.dataDir);
    const ascii = f.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
    reply.type(f.mime).header('content-length', f.bytes).header('cache-control', 'private, max-age=86400').header('x-content-type-options', 'nosniff')
      .header('content-disposition', `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`);
    return reply.send(fs.createReadStream(f.file));
  });

  app.get(`${base}/notifications`, {
    config: { action: 'session.read' },
    schema: { tags, summary: 'The caller\'s notifications, newest first', querystring: Type.Object({ unread: Type.Optional(Type.Boolean()) }) },
  }, async (req) => ch.listNotifications(db, actorOf(req), !!(req.query as { unread?: boolean }).unread));

  app.post(`${base}/notifications/read`, {
    config: { action: 'session.read' },
    schema: { tags, summary: 'Mark notifications read (some, or all)',
      body: Type.Object({ ids: Type.Optional(Type.Array(Id, { maxItems: 500 })), all: Type.Optional(Type.Boolean()) }, { additionalProperties: false }) },
  }, async (req) => ch.markNotificationsRead(db, actorOf(req), req.body as { ids?: number[]; all?: boolean }));
}
