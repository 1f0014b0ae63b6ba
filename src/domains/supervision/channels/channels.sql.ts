// All SQL of the work channels (工作群), their messages, members, notifications, webhooks and
// the supervision files. Functions take `db` or a transaction alike (Kysely's common type).
import { sql, type Db, type Tx } from '../../../core/db/index.ts';

type Q = Db | Tx;

export const OFFICE_ROLES = ['national-office', 'regional-office'] as const;

export const regionName = (db: Q, code: string) =>
  db.selectFrom('regions').select(['code', 'name', 'level']).where('code', '=', code).executeTakeFirst();

export const channelByRegion = (db: Q, regionCode: string) =>
  db.selectFrom('channels').select(['id', 'region_code', 'name']).where('region_code', '=', regionCode).executeTakeFirst();

export const channelById = (db: Q, id: number) =>
  db.selectFrom('channels').select(['id', 'region_code', 'name']).where('id', '=', id).executeTakeFirst();

/** Inserts the channel unless another request made it first; the id when this call made it. */
export async function insertChannel(db: Q, regionCode: string, name: string): Promise<number | null> {
  const r = await db.insertInto('channels').values({ region_code: regionCode, name })
    .onConflict((oc) => oc.column('region_code').doNothing()).returning('id').executeTakeFirst();
  return r ? Number(r.id) : null;
}

/**
 * Office users a new channel starts with: the nation's offices, and the offices at the given
 * levels whose region code starts with `prefix` ('' for every province).
 */
export function seedOfficeUsers(db: Q, prefix: string, levels: Array<'province' | 'prefecture'>) {
  return db.selectFrom('users').innerJoin('regions', 'regions.code', 'users.region_code')
    .select(['users.id', 'regions.level'])
    .where('users.role', 'in', [...OFFICE_ROLES]).where('users.disabled', '=', false)
    .where((eb) => eb.or([
      eb('regions.level', '=', 'nation'),
      eb.and([eb('regions.level', 'in', levels), eb('users.region_code', 'like', `${prefix}%`)]),
    ]))
    .orderBy('users.id').execute();
}

export async function addMembers(db: Q, channelId: number, rows: Array<{ userId: number; duty: string }>, addedBy: number | null) {
  if (rows.length === 0) return;
  await db.insertInto('channel_members')
    .values(rows.map((r) => ({ channel_id: channelId, user_id: r.userId, duty: r.duty, added_by: addedBy })))
    .onConflict((oc) => oc.columns(['channel_id', 'user_id']).doNothing()).execute();
}

export const membership = (db: Q, channelId: number, userId: number) =>
  db.selectFrom('channel_members').select(['user_id', 'duty', 'last_read']).where('channel_id', '=', channelId).where('user_id', '=', userId).executeTakeFirst();

export const members = (db: Q, channelId: number) =>
  db.selectFrom('channel_members').innerJoin('users', 'users.id', 'channel_members.user_id')
    .innerJoin('regions', 'regions.code', 'users.region_code')
    .select(['users.id as userId', 'users.display_name as name', 'users.role', 'users.region_code as regionCode', 'regions.name as region', 'channel_members.duty'])
    .where('channel_members.channel_id', '=', channelId).orderBy('users.region_code').orderBy('users.id').execute();

export const upsertMember = (db: Q, channelId: number, userId: number, duty: string, addedBy: number | null) =>
  db.insertInto('channel_members').values({ channel_id: channelId, user_id: userId, duty, added_by: addedBy })
    .onConflict((oc) => oc.columns(['channel_id', 'user_id']).doUpdateSet({ duty }))
    .returning(sql<boolean>`xmax = 0`.as('inserted')).executeTakeFirstOrThrow();

export const removeMember = (db: Q, channelId: number, userId: number) =>
  db.deleteFrom('channel_members').where('channel_id', '=', channelId).where('user_id', '=', userId).returning('duty').executeTakeFirst();

export const userRow = (db: Q, id: number) =>
  db.selectFrom('users').innerJoin('regions', 'regions.code', 'users.region_code')
    .select(['users.id', 'users.display_name', 'users.role', 'users.region_code', 'users.disabled', 'regions.level'])
    .where('users.id', '=', id).executeTakeFirst();

/** The channels a user belongs to, with the unread count and the newest message's id. */
export const memberChannels = (db: Q, userId: number) =>
  db.selectFrom('channel_members as m').innerJoin('channels as c', 'c.id', 'm.channel_id')
    .select((eb) => [
      'c.id', 'c.region_code', 'c.name',
      eb.selectFrom('channel_messages as x').select(eb.fn.countAll<string>().as('n'))
        .whereRef('x.channel_id', '=', 'c.id').whereRef('x.id', '>', 'm.last_read').as('unread'),
      eb.selectFrom('channel_messages as y').select(sql<number | null>`max(y.id)`.as('last'))
        .whereRef('y.channel_id', '=', 'c.id').as('last_id'),
    ])
    .where('m.user_id', '=', userId).orderBy('c.region_code').execute();

const MESSAGE_COLUMNS = ['id', 'channel_id', 'kind', 'ref_id', 'body', 'mentions', 'files', 'author_id', 'at'] as const;

export const messagesByIds = (db: Q, ids: number[]) =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('channel_messages').select(MESSAGE_COLUMNS).where('id', 'in', ids).execute();

export function messagePage(db: Q, channelId: number, before: number | undefined, limit: number) {
  let q = db.selectFrom('channel_messages').select(MESSAGE_COLUMNS).where('channel_id', '=', channelId);
  if (before !== undefined) q = q.where('id', '<', before);
  return q.orderBy('id', 'desc').limit(limit).execute();
}

export type MessageRow = Awaited<ReturnType<typeof messagePage>>[number];

export const insertMessage = (db: Q, m: { channelId: number; kind: MessageRow['kind']; refId: number | null; body: string; mentions: number[]; files: string[]; authorId: number | null }) =>
  db.insertInto('channel_messages').values({
    channel_id: m.channelId, kind: m.kind, ref_id: m.refId, body: m.body, mentions: sql`${JSON.stringify(m.mentions)}::jsonb`, files: sql`${JSON.stringify(m.files)}::jsonb`, author_id: m.authorId,
  }).returning(MESSAGE_COLUMNS).executeTakeFirstOrThrow();

export const markRead = (db: Q, channelId: number, userId: number, upTo: number) =>
  db.updateTable('channel_members').set({ last_read: sql`greatest(last_read, ${upTo})` })
    .where('channel_id', '=', channelId).where('user_id', '=', userId).execute();

export const usersByIds = (db: Q, ids: number[]) =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('users').innerJoin('regions', 'regions.code', 'users.region_code')
    .select(['users.id', 'users.display_name', 'users.role', 'users.region_code', 'regions.name as region']).where('users.id', 'in', ids).execute();

export const filesByIds = (db: Q, ids: string[]) =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('supervision_files').select(['id', 'region_code', 'name', 'mime', 'bytes', 'sha256']).where('id', 'in', ids).execute();

/** Office users of one region (the addressees of a case or a dispatch). */
export const officeUsersOf = (db: Q, regionCode: string) =>
  db.selectFrom('users').select('id').where('region_code', '=', regionCode).where('role', 'in', [...OFFICE_ROLES]).where('disabled', '=', false).execute();

export const memberIds = (db: Q, channelId: number) =>
  db.selectFrom('channel_members').select('user_id').where('channel_id', '=', channelId).execute();

export async function insertNotifications(db: Q, rows: Array<{ userId: number; kind: 'mention' | 'case' | 'dispatch' | 'briefing' | 'notice'; refId: number | null; channelId: number; text: string }>) {
  if (rows.length === 0) return;
  await db.insertInto('notifications').values(rows.map((r) => ({ user_id: r.userId, kind: r.kind, ref_id: r.refId, channel_id: r.channelId, text: r.text }))).execute();
}

/** One pending delivery per active webhook of the channel; how many. */
export async function queueDeliveries(db: Q, channelId: number, messageId: number): Promise<number> {
  const r = await db.insertInto('webhook_deliveries')
    .columns(['webhook_id', 'message_id'])
    .expression((eb) => eb.selectFrom('channel_webhooks').select(['id', eb.val(messageId).as('message_id')]).where('channel_id', '=', channelId).where('active', '=', true))
    .onConflict((oc) => oc.columns(['webhook_id', 'message_id']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

// notifications
export function notificationsOf(db: Q, userId: number, unreadOnly: boolean, limit: number) {
  let q = db.selectFrom('notifications').select(['id', 'kind', 'ref_id', 'channel_id', 'text', 'at', 'read_at']).where('user_id', '=', userId);
  if (unreadOnly) q = q.where('read_at', 'is', null);
  return q.orderBy('id', 'desc').limit(limit).execute();
}

export const unreadCount = async (db: Q, userId: number) => Number((await db.selectFrom('notifications').select((eb) => eb.fn.countAll<string>().as('n'))
  .where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow()).n);

export async function readNotifications(db: Q, userId: number, ids: number[] | 'all'): Promise<number> {
  let q = db.updateTable('notifications').set({ read_at: sql`now()` }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids !== 'all') {
    if (ids.length === 0) return 0;
    q = q.where('id', 'in', ids);
  }
  return Number((await q.executeTakeFirst()).numUpdatedRows);
}

// webhooks
export const activeWebhooks = (db: Q, channelId: number) =>
  db.selectFrom('channel_webhooks').select(['id', 'url', 'active', 'created_at']).where('channel_id', '=', channelId).where('active', '=', true).orderBy('id').execute();

export const insertWebhook = (db: Q, channelId: number, url: string, secret: string, by: number | null) =>
  db.insertInto('channel_webhooks').values({ channel_id: channelId, url, secret, created_by: by }).returning(['id', 'url', 'active', 'created_at']).executeTakeFirstOrThrow();

/** Turns a hook off (its deliveries keep their rows) and gives up its pending deliveries. */
export async function deactivateWebhook(db: Q, channelId: number, hookId: number) {
  const r = await db.updateTable('channel_webhooks').set({ active: false }).where('id', '=', hookId).where('channel_id', '=', channelId).where('active', '=', true)
    .returning(['id', 'url']).executeTakeFirst();
  if (r) await db.updateTable('webhook_deliveries').set({ status: 'failed', last_error: 'webhook removed' }).where('webhook_id', '=', hookId).where('status', '=', 'pending').execute();
  return r;
}

/**
 * Claims up to `limit` due deliveries: their next attempt moves a minute on (longer than a post may
 * take) before they are posted, so another process's worker skips them, and a process that dies
 * while posting leaves them to be tried again then. The settlement sets the real next attempt.
 */
export async function dueDeliveries(db: Q, limit: number) {
  const claimed = await sql<{ id: number }>`
    UPDATE webhook_deliveries SET next_at = now() + interval '1 minute'
    WHERE id IN (
      SELECT d.id FROM webhook_deliveries d JOIN channel_webhooks w ON w.id = d.webhook_id
      WHERE d.status = 'pending' AND d.next_at <= now() AND w.active
      ORDER BY d.next_at, d.id LIMIT ${limit} FOR UPDATE OF d SKIP LOCKED)
    RETURNING id`.execute(db);
  if (claimed.rows.length === 0) return [];
  return db.selectFrom('webhook_deliveries as d').innerJoin('channel_webhooks as w', 'w.id', 'd.webhook_id')
    .innerJoin('channel_messages as m', 'm.id', 'd.message_id').innerJoin('channels as c', 'c.id', 'm.channel_id')
    .select(['d.id', 'd.attempts', 'd.message_id', 'w.url', 'w.secret', 'c.id as channel_id', 'c.name as channel_name'])
    .where('d.id', 'in', claimed.rows.map((r) => Number(r.id))).orderBy('d.id').execute();
}

export const settleDelivery = (db: Q, id: number, v: { status: 'pending' | 'sent' | 'failed'; attempts: number; delaySeconds: number; lastStatus: number | null; lastError: string | null }) =>
  db.updateTable('webhook_deliveries').set({
    status: v.status, attempts: v.attempts, next_at: sql`now() + make_interval(secs => ${v.delaySeconds})`, last_status: v.lastStatus, last_error: v.lastError,
  }).where('id', '=', id).execute();

// files
export const fileRow = (db: Q, id: string) =>
  db.selectFrom('supervision_files').select(['id', 'region_code', 'mime', 'bytes', 'sha256', 'name', 'uploaded_by']).where('id', '=', id).executeTakeFirst();

export const insertFile = (db: Q, f: { id: string; region_code: string; mime: string; bytes: number; sha256: string; name: string | null; uploaded_by: number | null }) =>
  db.insertInto('supervision_files').values(f).onConflict((oc) => oc.column('id').doNothing()).returning('id').executeTakeFirst();

/** True when the file is attached to a message of a channel the user belongs to. */
export async function fileInMemberChannel(db: Q, fileId: string, userId: number): Promise<boolean> {
  const r = await db.selectFrom('channel_messages as m').innerJoin('channel_members as cm', 'cm.channel_id', 'm.channel_id')
    .select('m.id').where('cm.user_id', '=', userId).where(sql<boolean>`m.files @> ${JSON.stringify([fileId])}::jsonb`).limit(1).executeTakeFirst();
  return !!r;
}
