// SQL of users. Every read of a row carries the caller's scope prefix, so a row
// outside the scope is simply not found.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Tx } from '../../core/db/index.ts';
import { containing } from './common.sql.ts';
import { forgetSessions } from '../access/index.ts';

const selectUsers = (db: Db) =>
  db
    .selectFrom('users as u')
    .innerJoin('regions as r', 'r.code', 'u.region_code')
    .leftJoin('agencies as a', 'a.id', 'u.agency_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.region_code',
      'r.name as region_name',
      'u.department',
      'u.agency_id',
      'a.name as agency_name',
      'u.source_id',
      'u.phone',
      'u.disabled',
      'u.version',
      'u.created_at',
      'u.updated_at',
    ]);

export type UserRow = Awaited<ReturnType<ReturnType<typeof selectUsers>['executeTakeFirstOrThrow']>>;

export interface UserFilter {
  scopePrefix: string;
  /** Substring of the username or display name, any case. */
  q?: string;
  role?: string;
  disabled?: boolean;
  /** Keyset cursor: the id of the last row of the previous page (newest first). */
  before?: number;
  limit: number;
}

export async function listUsers(db: Db, f: UserFilter) {
  let q = selectUsers(db).where('u.region_code', 'like', `${f.scopePrefix}%`);
  if (f.q) {
    const pattern = containing(f.q);
    q = q.where((eb) => eb.or([eb('u.username', 'ilike', pattern), eb('u.display_name', 'ilike', pattern)]));
  }
  if (f.role) q = q.where('u.role', '=', f.role);
  if (f.disabled !== undefined) q = q.where('u.disabled', '=', f.disabled);
  if (f.before) q = q.where('u.id', '<', f.before);
  return q.orderBy('u.id', 'desc').limit(f.limit + 1).execute();
}

export async function getUser(db: Db, id: number, scopePrefix: string) {
  return selectUsers(db).where('u.id', '=', id).where('u.region_code', 'like', `${scopePrefix}%`).executeTakeFirst();
}

export async function getUsersByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return selectUsers(db).where(sql<boolean>`u.id = ANY(${ids}::bigint[])`).execute();
}

/** The lower-cased usernames among `names` that are already taken. */
export async function takenUsernames(db: Db, names: string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const lower = names.map((n) => n.toLowerCase());
  const rows = await db
    .selectFrom('users')
    .select(sql<string>`lower(username)`.as('name'))
    .where(sql<boolean>`lower(username) = ANY(${lower}::text[])`)
    .execute();
  return new Set(rows.map((r) => r.name));
}

/** Agencies inside a scope whose name is one of `names`, for the import's agency column. */
export async function agenciesNamed(db: Db, scopePrefix: string, names: string[]) {
  if (names.length === 0) return [];
  return db
    .selectFrom('agencies')
    .select(['id', 'name'])
    .where(sql<boolean>`name = ANY(${names}::text[])`)
    .where('region_code', 'like', `${scopePrefix}%`)
    .execute();
}

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  role: string;
  regionCode: string;
  department: string | null;
  agencyId: number | null;
  phone: string | null;
}

const toColumns = (u: NewUser) => ({
  username: u.username,
  display_name: u.displayName,
  password_hash: u.passwordHash,
  role: u.role,
  region_code: u.regionCode,
  department: u.department,
  agency_id: u.agencyId,
  phone: u.phone,
});

/** An active source in the scope: what a respondent's account may be linked to. */
export async function sourceInScope(db: Db, id: number, scopePrefix: string) {
  const r = await db.selectFrom('sources').select('id').where('id', '=', id).where('state', '=', 'active').where('region_code', 'like', `${scopePrefix}%`).executeTakeFirst();
  return !!r;
}

/**
 * Links a respondent's account to its source; false when the source is gone. users is a reference
 * table and sources a distributed one, so no foreign key joins them (Citus): the source is held
 * here as a foreign key would hold it (FOR KEY SHARE, to the transaction's end).
 */
export async function linkSource(trx: Tx, userId: number, sourceId: number): Promise<boolean> {
  const held = await sql`SELECT 1 FROM sources WHERE id = ${sourceId} FOR KEY SHARE`.execute(trx);
  if (held.rows.length === 0) return false;
  await forgetSessions(trx);
  await trx.updateTable('users').set({ source_id: sourceId }).where('id', '=', userId).execute();
  return true;
}

export async function insertUser(trx: Tx, u: NewUser) {
  const r = await trx.insertInto('users').values(toColumns(u)).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

/** Many users in one statement per chunk; ids come back in insertion order. */
export async function insertUsers(trx: Tx, users: NewUser[]) {
  const ids: number[] = [];
  for (let i = 0; i < users.length; i += 1000) {
    const rows = await trx.insertInto('users').values(users.slice(i, i + 1000).map(toColumns)).returning('id').execute();
    ids.push(...rows.map((r) => Number(r.id)));
  }
  return ids;
}

export interface UserChange {
  displayName?: string;
  role?: string;
  regionCode?: string;
  department?: string | null;
  agencyId?: number | null;
  phone?: string | null;
  disabled?: boolean;
  passwordHash?: string;
}

/** The whitelisted update, guarded by the version the caller read; undefined when the version moved. */
export async function updateUser(trx: Tx, id: number, version: number, c: UserChange) {
  await forgetSessions(trx); // a role, region or disabled flag read with a session must not outlive the change
  const r = await trx
    .updateTable('users')
    .set({
      ...(c.displayName !== undefined ? { display_name: c.displayName } : {}),
      ...(c.role !== undefined ? { role: c.role } : {}),
      ...(c.regionCode !== undefined ? { region_code: c.regionCode } : {}),
      ...(c.department !== undefined ? { department: c.department } : {}),
      ...(c.agencyId !== undefined ? { agency_id: c.agencyId } : {}),
      ...(c.phone !== undefined ? { phone: c.phone } : {}),
      ...(c.disabled !== undefined ? { disabled: c.disabled } : {}),
      // A new password set by an office also lifts a lock from failed logins.
      ...(c.passwordHash !== undefined ? { password_hash: c.passwordHash, failed_logins: 0, locked_until: null } : {}),
      version: sql<number>`version + 1`,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  return r && Number(r.id);
}

/**
 * The key that seals the passwords of a queued import, made once per database
 * and shared by every server process on it (any of them may run the job).
 */
export async function importKey(db: Db): Promise<Buffer> {
  const fresh = JSON.stringify({ key: randomBytes(32).toString('base64') });
  await sql`INSERT INTO settings (key, value) VALUES ('people.import-key', ${fresh}) ON CONFLICT (key) DO NOTHING`.execute(db);
  const r = await db.selectFrom('settings').select('value').where('key', '=', 'people.import-key').executeTakeFirstOrThrow();
  return Buffer.from((r.value as { key: string }).key, 'base64');
}
