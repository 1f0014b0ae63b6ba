// SQL that seeds the demo: idempotent upserts keyed by natural names, so that
// `pucha demo` can be run again to reset the demo accounts.
import { sql } from 'kysely';
import type { Db, Tx } from '../../core/db/index.ts';
import { provinceOf } from '../../core/db/distribution.ts';

export async function setPilots(trx: Tx, codes: string[]) {
  await trx.updateTable('regions').set({ pilot: true }).where('code', 'in', codes).execute();
}

export async function upsertAgency(trx: Tx, a: { name: string; regionCode: string; creditCode: string; contact: string; phone: string; contractRef: string }) {
  const r = await sql<{ id: number }>`
    INSERT INTO agencies (name, region_code, credit_code, contact, phone, contract_ref)
    VALUES (${a.name}, ${a.regionCode}, ${a.creditCode}, ${a.contact}, ${a.phone}, ${a.contractRef})
    ON CONFLICT (region_code, name) DO UPDATE SET credit_code = excluded.credit_code, contact = excluded.contact,
      phone = excluded.phone, contract_ref = excluded.contract_ref, version = agencies.version + 1
    RETURNING id`.execute(trx);
  return Number(r.rows[0].id);
}

export async function upsertUser(trx: Tx, u: { username: string; displayName: string; passwordHash: string; role: string; regionCode: string; department: string | null; agencyId: number | null; phone: string | null }) {
  const r = await sql<{ id: number }>`
    INSERT INTO users (username, display_name, password_hash, role, region_code, department, agency_id, phone)
    VALUES (${u.username}, ${u.displayName}, ${u.passwordHash}, ${u.role}, ${u.regionCode}, ${u.department}, ${u.agencyId}, ${u.phone})
    ON CONFLICT (lower(username)) DO UPDATE SET display_name = excluded.display_name, password_hash = excluded.password_hash,
      role = excluded.role, region_code = excluded.region_code, department = excluded.department, agency_id = excluded.agency_id,
      disabled = false, failed_logins = 0, locked_until = NULL, version = users.version + 1, updated_at = now()
    RETURNING id`.execute(trx);
  return Number(r.rows[0].id);
}

export async function replaceTeam(trx: Tx, t: { name: string; regionCode: string; kind: string; agencyId: number | null; instructorId: number | null; members: Array<{ userId: number; memberRole: string }> }) {
  const old = await trx.selectFrom('teams').select('id').where('name', '=', t.name).where('region_code', '=', t.regionCode).executeTakeFirst();
  let id: number;
  if (old) {
    id = old.id;
    await trx.updateTable('teams').set({ kind: t.kind, agency_id: t.agencyId, instructor_id: t.instructorId, disabled: false, version: sql`version + 1` }).where('id', '=', id).execute();
    await trx.deleteFrom('team_members').where('team_id', '=', id).execute();
  } else {
    const row = await trx.insertInto('teams').values({ name: t.name, region_code: t.regionCode, kind: t.kind, agency_id: t.agencyId, instructor_id: t.instructorId }).returning('id').executeTakeFirstOrThrow();
    id = row.id;
  }
  if (t.members.length) {
    await trx.insertInto('team_members').values(t.members.map((m) => ({ team_id: id, user_id: m.userId, member_role: m.memberRole }))).execute();
  }
  return id;
}

export async function markLoaded(trx: Tx) {
  await sql`INSERT INTO settings (key, value) VALUES ('demo', ${JSON.stringify({ loadedAt: new Date().toISOString() })})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`.execute(trx);
}

export async function demoRegistersExist(db: Db, files: string[]) {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM registers WHERE file_name = ANY(${files}::text[])`.execute(db);
  return r.rows[0].n > 0;
}

export async function insertDemoRegister(trx: Tx, v: { department: string; regionCode: string; fileName: string; sha: string; rows: number }) {
  const r = await sql<{ id: number }>`
    INSERT INTO registers (department, region_code, file_name, file_sha256, file_size, format, encoding, status, row_count, valid_count, imported_at)
    VALUES (${v.department}, ${v.regionCode}, ${v.fileName}, ${v.sha}, 0, ${v.fileName.endsWith('.csv') ? 'csv' : 'xlsx'}, 'utf-8', 'imported', ${v.rows}, ${v.rows}, now())
    RETURNING id`.execute(trx);
  return Number(r.rows[0].id);
}

export async function insertDemoRows(trx: Tx, registerId: number, rows: Array<{ rowNumber: number; row: { credit_code: string; name: string; address: string; legal_rep: string; industry_code: string; phone: string; region_code: string } }>) {
  const col = (f: (x: (typeof rows)[number]) => string | number | null) => rows.map(f);
  await sql`
    INSERT INTO register_rows (register_id, row_number, province_code, region_code, valid, credit_code, name, address, legal_rep, industry_code, phone)
    SELECT ${registerId}, t.n, left(t.region, 2) || '0000', t.region, true, t.credit, t.name, t.address, t.legal, t.industry, t.phone
    FROM unnest(${col((x) => x.rowNumber)}::int[], ${col((x) => x.row.region_code)}::text[], ${col((x) => x.row.credit_code || null)}::text[],
      ${col((x) => x.row.name)}::text[], ${col((x) => x.row.address || null)}::text[], ${col((x) => x.row.legal_rep || null)}::text[],
      ${col((x) => x.row.industry_code || null)}::text[], ${col((x) => x.row.phone || null)}::text[])
      AS t(n, region, credit, name, address, legal, industry, phone)`.execute(trx);
}

/**
 * Places a source in its township's first census zone as visited, in state normal and confirmed by
 * every department of the county, so that it goes on to the survey. No zone there: nothing (the
 * survey takes a source not yet inventoried). Returns whether a record was written.
 */
export async function insertConfirmedRecord(trx: Tx, v: { sourceId: number; townCode: string; countyCode: string; data: Record<string, unknown> }) {
  const r = await sql`
    INSERT INTO inventory_records (source_id, region_code, province_code, zone_id, package_id, status, state, data, enumerator_id, visited_at, submitted_at,
      confirmation, confirmed_at, seq)
    SELECT ${v.sourceId}, z.region_code, z.province_code, z.id, p.id, 'done', 'normal', ${JSON.stringify(v.data)},
      (SELECT tm.user_id FROM team_members tm WHERE tm.team_id = p.team_id ORDER BY tm.user_id LIMIT 1),
      ${new Date(Date.UTC(2018, 4, 16, 2))}, ${new Date(Date.UTC(2018, 5, 25))}, 'confirmed', ${new Date(Date.UTC(2018, 5, 28))}, nextval('inventory_seq')
    FROM census_zones z JOIN work_packages p ON p.zone_id = z.id
    WHERE z.region_code = ${v.townCode} AND NOT EXISTS (SELECT 1 FROM inventory_records WHERE source_id = ${v.sourceId})
    ORDER BY z.id, p.id LIMIT 1`.execute(trx);
  if (!Number(r.numAffectedRows ?? 0)) return false;
  await sql`
    INSERT INTO inventory_verdicts (source_id, province_code, department, verdict, user_id)
    SELECT ${v.sourceId}, ${provinceOf(v.countyCode)}, u.department, 'agree', min(u.id) FROM users u
    WHERE u.role = 'department-reviewer' AND u.region_code = ${v.countyCode} AND u.department IS NOT NULL
    GROUP BY u.department
    ON CONFLICT (source_id, department, province_code) DO NOTHING`.execute(trx);
  return true;
}

/** Links a respondent's account to its source; returns the source it had before (undefined: no such user). */
export async function linkRespondent(trx: Tx, username: string, sourceId: number) {
  const before = await trx.selectFrom('users').select(['id', 'source_id', 'region_code']).where('username', '=', username).executeTakeFirst();
  if (!before) return undefined;
  await trx.updateTable('users').set({ source_id: sourceId }).where('id', '=', before.id).execute();
  return { id: before.id, regionCode: before.region_code, before: before.source_id === null ? null : Number(before.source_id) };
}
