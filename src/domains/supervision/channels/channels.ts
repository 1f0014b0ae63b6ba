// 工作群: the national channel and one per province, created on first use with the offices as
// members; messages by people and by Pucha (dispatches, cases), mentions and notifications, and
// every message queued for the channel's outgoing webhooks (delivered by the chore in webhooks.ts).
import { randomBytes } from 'node:crypto';
import type { Db, Tx } from '../../../core/db/index.ts';
import { AppError } from '../../../core/errors.ts';
import { NATION_CODE, inScope, type Actor } from '../../access/index.ts';
import { recordAudit } from '../../audit/index.ts';
import * as q from './channels.sql.ts';

export type MessageKind = 'message' | 'dispatch' | 'notice' | 'briefing' | 'case';

const NATIONAL_NAME = '全国污染源普查工作群';
const DUTY: Record<string, string> = { nation: '国家普查办', province: '省普查办', prefecture: '市普查办', county: '县普查办', township: '乡镇普查办' };

/** The channel a region's messages go to: the national one for the nation, else its province's. */
export const channelRegionOf = (regionCode: string) => (regionCode === NATION_CODE ? NATION_CODE : `${regionCode.slice(0, 2)}0000`);

/** The channel of the nation or a province, created with its seeded members when first needed. */
export async function ensureChannel(trx: Tx, regionCode: string): Promise<{ id: number; region_code: string; name: string }> {
  const code = channelRegionOf(regionCode);
  const found = await q.channelByRegion(trx, code);
  if (found) return { ...found, id: Number(found.id) };
  const region = await q.regionName(trx, code);
  if (!region) throw new AppError('REGION_NOT_FOUND', { code });
  const name = code === NATION_CODE ? NATIONAL_NAME : `${region.name}污染源普查工作群`;
  const id = await q.insertChannel(trx, code, name);
  if (id === null) {
    const other = (await q.channelByRegion(trx, code))!; // made by a request at the same moment
    return { ...other, id: Number(other.id) };
  }
  const seed = code === NATION_CODE ? await q.seedOfficeUsers(trx, '', ['province']) : await q.seedOfficeUsers(trx, code.slice(0, 2), ['province', 'prefecture']);
  await q.addMembers(trx, id, seed.map((u) => ({ userId: Number(u.id), duty: DUTY[u.level] ?? '' })), null);
  await recordAudit(trx, { id: null, username: 'system', role: 'national-office', regionCode: NATION_CODE, scopePrefix: '', scopeLevel: 'nation', department: null, agencyId: null },
    { action: 'channels.create', entity: 'channel', entityId: id, regionCode: code, after: { name, members: seed.length } });
  return { id, region_code: code, name };
}

export interface FileView { id: string; name: string; mime: string; bytes: number; sha256: string }
export interface MessageView {
  id: number; kind: MessageKind; refId: number | null; body: string;
  mentions: Array<{ id: number; name: string }>; files: FileView[];
  author: { id: number; name: string; role: string; region: string; regionCode: string } | null; at: Date;
}

const ids = (j: unknown): number[] => (Array.isArray(j) ? j.map(Number) : []);
const fileIds = (j: unknown): string[] => (Array.isArray(j) ? j.map(String) : []);

/** Messages with their authors', mentioned users' names and the files' descriptions, in one read each. */
export async function messageViews(db: Db | Tx, rows: q.MessageRow[]): Promise<MessageView[]> {
  const userIds = [...new Set(rows.flatMap((r) => [...ids(r.mentions), ...(r.author_id ? [Number(r.author_id)] : [])]))];
  const users = new Map((await q.usersByIds(db, userIds)).map((u) => [Number(u.id), u]));
  const files = new Map((await q.filesByIds(db, [...new Set(rows.flatMap((r) => fileIds(r.files)))])).map((f) => [f.id, f]));
  return rows.map((r) => {
    const a = r.author_id ? users.get(Number(r.author_id)) : undefined;
    return {
      id: Number(r.id), kind: r.kind, refId: r.ref_id === null ? null : Number(r.ref_id), body: r.body,
      mentions: ids(r.mentions).map((id) => ({ id, name: users.get(id)?.display_name ?? String(id) })),
      files: fileIds(r.files).flatMap((id) => { const f = files.get(id); return f ? [fileView(f)] : []; }),
      author: a ? { id: Number(a.id), name: a.display_name, role: a.role, region: a.region, regionCode: a.region_code } : null,
      at: r.at as unknown as Date, // Generated<Timestamp> selects as the column type
    };
  });
}

export const fileView = (f: { id: string; name: string | null; mime: string; bytes: number | string; sha256: string }): FileView =>
  ({ id: f.id, name: f.name ?? f.id, mime: f.mime, bytes: Number(f.bytes), sha256: f.sha256 });

const snippet = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n)}…` : s);

export interface PostInput {
  regionCode: string;
  kind: Exclude<MessageKind, 'message'> | 'message';
  refId?: number | null;
  body: string;
  /** Who is notified; else the office users of notifyRegion; else every member. */
  notifyUserIds?: number[];
  notifyRegion?: string;
  /** Files already stored (supervision_files ids), e.g. a case answer's evidence. */
  files?: string[];
  /** The person speaking (a case answer is the region's own word); null or absent: Pucha. */
  authorId?: number | null;
}

/** Posts a message by Pucha into the channel of a region (dispatches, cases call this). The message id. */
export async function postToChannel(trx: Tx, p: PostInput): Promise<number> {
  const ch = await ensureChannel(trx, p.regionCode);
  const m = await q.insertMessage(trx, { channelId: ch.id, kind: p.kind, refId: p.refId ?? null, body: p.body, mentions: [], files: p.files ?? [], authorId: p.authorId ?? null });
  const to = p.notifyUserIds ?? (p.notifyRegion ? (await q.officeUsersOf(trx, p.notifyRegion)).map((u) => Number(u.id)) : (await q.memberIds(trx, ch.id)).map((u) => Number(u.user_id)));
  const kind = p.kind === 'message' ? 'notice' : p.kind;
  await q.insertNotifications(trx, [...new Set(to)].map((userId) => ({ userId, kind, refId: p.refId ?? null, channelId: ch.id, text: `${ch.name}：${snippet(p.body)}` })));
  await q.queueDeliveries(trx, ch.id, Number(m.id));
  return Number(m.id);
}

/** The channel, if the actor is a member; else not found (a channel one is not in is not shown). */
async function memberChannel(db: Db | Tx, actor: Actor, channelId: number) {
  const ch = await q.channelById(db, channelId);
  const mine = ch && actor.id !== null ? await q.membership(db, channelId, actor.id) : undefined;
  if (!ch || !mine) throw new AppError('CHANNEL_NOT_FOUND');
  return { ch: { ...ch, id: Number(ch.id) }, mine };
}

/** The channel, if its region lies in the actor's scope (the admin's rule). */
async function scopedChannel(db: Db | Tx, actor: Actor, channelId: number) {
  const ch = await q.channelById(db, channelId);
  if (!ch || !inScope(actor.scopePrefix, ch.region_code)) throw new AppError('CHANNEL_NOT_FOUND');
  return { ...ch, id: Number(ch.id) };
}

/** The actor's channels; an office's own channel is made on its first look. */
export async function listChannels(db: Db, actor: Actor) {
  if (actor.id === null) return { items: [] };
  // Polled every few seconds: a transaction only when the channel is still to be made.
  if (!(await q.channelByRegion(db, channelRegionOf(actor.regionCode)))) await db.transaction().execute((trx) => ensureChannel(trx, actor.regionCode));
  const rows = await q.memberChannels(db, actor.id);
  const last = new Map((await messageViews(db, await q.messagesByIds(db, rows.flatMap((r) => (r.last_id ? [Number(r.last_id)] : []))))).map((m) => [m.id, m]));
  return {
    items: rows.map((r) => ({
      id: Number(r.id), regionCode: r.region_code, name: r.name, unread: Number(r.unread ?? 0),
      lastMessage: r.last_id ? last.get(Number(r.last_id)) ?? null : null,
    })),
  };
}

/** A page of messages, newest first, and the members; reading moves the reader's mark. */
export async function readMessages(db: Db, actor: Actor, channelId: number, o: { before?: number; limit?: number }) {
  const { ch } = await memberChannel(db, actor, channelId);
  const rows = await q.messagePage(db, ch.id, o.before, Math.min(o.limit ?? 50, 200));
  if (rows.length > 0) await q.markRead(db, ch.id, actor.id!, Number(rows[0].id));
  const members = (await q.members(db, ch.id)).map((m) => ({ ...m, userId: Number(m.userId) }));
  return { channel: { id: ch.id, regionCode: ch.region_code, name: ch.name }, items: await messageViews(db, rows), members };
}

/** A person's message: mentions must be members, files must lie in the poster's scope. */
export async function postMessage(db: Db, actor: Actor, channelId: number, b: { body: string; mentions?: number[]; files?: string[] }): Promise<MessageView> {
  return db.transaction().execute(async (trx) => {
    const { ch } = await memberChannel(trx, actor, channelId);
    const body = b.body.trim();
    if (!body) throw new AppError('REQUEST_INVALID', { detail: 'body is empty' });
    const mentions = [...new Set(b.mentions ?? [])];
    const memberSet = new Set((await q.memberIds(trx, ch.id)).map((m) => Number(m.user_id)));
    const strangers = mentions.filter((id) => !memberSet.has(id));
    if (strangers.length) throw new AppError('CHANNEL_MENTION_INVALID', { ids: strangers.join(', ') });
    const files = [...new Set(b.files ?? [])];
    const found = new Map((await q.filesByIds(trx, files)).map((f) => [f.id, f]));
    const bad = files.filter((id) => { const f = found.get(id); return !f || !inScope(actor.scopePrefix, f.region_code); });
    if (bad.length) throw new AppError('CHANNEL_FILE_INVALID', { ids: bad.join(', ') });

    const m = await q.insertMessage(trx, { channelId: ch.id, kind: 'message', refId: null, body, mentions, files, authorId: actor.id });
    const [view] = await messageViews(trx, [m]);
    const who = view.author?.name ?? actor.username;
    await q.insertNotifications(trx, mentions.filter((id) => id !== actor.id)
      .map((userId) => ({ userId, kind: 'mention' as const, refId: Number(m.id), channelId: ch.id, text: `${who} 在「${ch.name}」提到了您：${snippet(body)}` })));
    await q.queueDeliveries(trx, ch.id, Number(m.id));
    await q.markRead(trx, ch.id, actor.id!, Number(m.id));
    await recordAudit(trx, actor, { action: 'channels.post', entity: 'channel-message', entityId: Number(m.id), regionCode: ch.region_code, after: { channelId: ch.id, body: snippet(body, 500), mentions, files } });
    return view;
  });
}

export async function listMembers(db: Db, actor: Actor, channelId: number) {
  const ch = await scopedChannel(db, actor, channelId);
  return { items: (await q.members(db, ch.id)).map((m) => ({ ...m, userId: Number(m.userId) })) };
}

/** Adds an office user of the channel's region (or of the nation), or changes a member's duty. */
export async function addMember(db: Db, actor: Actor, channelId: number, b: { userId: number; duty?: string }) {
  return db.transaction().execute(async (trx) => {
    const ch = await scopedChannel(trx, actor, channelId);
    const u = await q.userRow(trx, b.userId);
    if (!u || (!inScope(actor.scopePrefix, u.region_code) && u.region_code !== NATION_CODE)) throw new AppError('USER_NOT_FOUND');
    if (u.disabled) throw new AppError('CHANNEL_MEMBER_INVALID', { detail: 'disabled' });
    if (!(q.OFFICE_ROLES as readonly string[]).includes(u.role)) throw new AppError('CHANNEL_MEMBER_INVALID', { detail: `role ${u.role}` });
    const channelPrefix = ch.region_code === NATION_CODE ? '' : ch.region_code.slice(0, 2);
    if (u.region_code !== NATION_CODE && !u.region_code.startsWith(channelPrefix)) throw new AppError('CHANNEL_MEMBER_INVALID', { detail: `region ${u.region_code}` });
    const duty = (b.duty ?? DUTY[u.level] ?? '').trim().slice(0, 100);
    const r = await q.upsertMember(trx, ch.id, Number(u.id), duty, actor.id);
    await recordAudit(trx, actor, { action: 'channels.member.add', entity: 'channel', entityId: ch.id, regionCode: ch.region_code, after: { userId: Number(u.id), duty } });
    return { created: !!r.inserted, member: { userId: Number(u.id), name: u.display_name, role: u.role, regionCode: u.region_code, duty } };
  });
}

export async function removeMember(db: Db, actor: Actor, channelId: number, userId: number) {
  return db.transaction().execute(async (trx) => {
    const ch = await scopedChannel(trx, actor, channelId);
    const r = await q.removeMember(trx, ch.id, userId);
    if (!r) throw new AppError('CHANNEL_MEMBER_NOT_FOUND');
    await recordAudit(trx, actor, { action: 'channels.member.remove', entity: 'channel', entityId: ch.id, regionCode: ch.region_code, before: { userId, duty: r.duty } });
    return { ok: true };
  });
}

const hookView = (h: { id: number | string; url: string; active: boolean; created_at: unknown }) => ({ id: Number(h.id), url: h.url, active: h.active, createdAt: h.created_at as Date });

export async function listWebhooks(db: Db, actor: Actor, channelId: number) {
  const ch = await scopedChannel(db, actor, channelId);
  return { items: (await q.activeWebhooks(db, ch.id)).map(hookView) };
}

/** A new hook; its secret (given, or made here) is answered this once and never again. */
/** Loopback, private, link-local and unspecified hosts, written as names or literals. */
export function isPrivateHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost') || h === '0.0.0.0' || h === '::' || h === '::1') return true;
  const v4 = h.match(/^(\d+)\.(\d+)\.(\d+)\.(\d+)$/);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  return /^(fc|fd|fe8|fe9|fea|feb)/.test(h) || h.startsWith('::ffff:');
}

export async function addWebhook(db: Db, actor: Actor, channelId: number, b: { url: string; secret?: string }, allowPrivate = false) {
  let url: URL;
  try {
    url = new URL(b.url);
  } catch {
    throw new AppError('WEBHOOK_INVALID', { detail: 'url' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AppError('WEBHOOK_INVALID', { detail: 'url must be http(s)' });
  if (!allowPrivate && isPrivateHost(url.hostname)) throw new AppError('WEBHOOK_INVALID', { detail: 'a loopback or private address (set PUCHA_WEBHOOK_PRIVATE=1 to allow)' });
  const secret = b.secret ?? randomBytes(24).toString('hex');
  return db.transaction().execute(async (trx) => {
    const ch = await scopedChannel(trx, actor, channelId);
    const h = await q.insertWebhook(trx, ch.id, b.url, secret, actor.id);
    await recordAudit(trx, actor, { action: 'channels.webhook.add', entity: 'webhook', entityId: Number(h.id), regionCode: ch.region_code, after: { channelId: ch.id, url: b.url } });
    return { ...hookView(h), secret };
  });
}

export async function removeWebhook(db: Db, actor: Actor, channelId: number, hookId: number) {
  return db.transaction().execute(async (trx) => {
    const ch = await scopedChannel(trx, actor, channelId);
    const r = await q.deactivateWebhook(trx, ch.id, hookId);
    if (!r) throw new AppError('WEBHOOK_NOT_FOUND');
    await recordAudit(trx, actor, { action: 'channels.webhook.remove', entity: 'webhook', entityId: hookId, regionCode: ch.region_code, before: { channelId: ch.id, url: r.url } });
    return { ok: true };
  });
}

export async function listNotifications(db: Db, actor: Actor, unreadOnly: boolean) {
  if (actor.id === null) return { unread: 0, items: [] };
  const rows = await q.notificationsOf(db, actor.id, unreadOnly, 100);
  return {
    unread: await q.unreadCount(db, actor.id),
    items: rows.map((n) => ({ id: Number(n.id), kind: n.kind, refId: n.ref_id === null ? null : Number(n.ref_id), channelId: n.channel_id === null ? null : Number(n.channel_id), text: n.text, at: n.at, readAt: n.read_at })),
  };
}

export async function markNotificationsRead(db: Db, actor: Actor, b: { ids?: number[]; all?: boolean }) {
  if (actor.id === null) return { read: 0, unread: 0 };
  const read = await db.transaction().execute(async (trx) => {
    const n = await q.readNotifications(trx, actor.id!, b.all ? 'all' : b.ids ?? []);
    if (n > 0) await recordAudit(trx, actor, { action: 'notifications.read', entity: 'user', entityId: actor.id!, regionCode: actor.regionCode, after: { read: n, all: !!b.all } });
    return n;
  });
  return { read, unread: await q.unreadCount(db, actor.id) };
}
