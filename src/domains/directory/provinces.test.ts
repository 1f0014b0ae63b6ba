// The directory across provinces (migration 0034), on both databases: one active source per credit
// code in the whole nation though the unique key holds the province; a register row of one province
// linked to the source of another that holds its credit code, the link kept with the row; and a
// split that would put a source in another province refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { call, login, startTestApp, type Session, type TestApp } from '../../../test/helpers/app.ts';
import { databaseKinds } from '../../../test/helpers/databases.ts';
import { validCreditCode } from '../../../test/helpers/credit-codes.ts';
import { isUniqueViolation } from '../../core/db/pg-errors.ts';
import { expectCountsKept } from '../../../test/helpers/inventory-counts.ts';

const C_SHARED = validCreditCode('330382', 'MA2AB3E1');
const C_LINKED = validCreditCode('330382', 'MA2AB3E2');
const C_RACE = validCreditCode('330382', 'MA2AB3E3');

describe.each(databaseKinds())('the directory across provinces on %s', (kind) => {
  let t: TestApp;
  let yueqing: Session;
  let beibei: Session;
  let nation: Session;

  beforeAll(async () => {
    t = await startTestApp(kind);
    [yueqing, beibei, nation] = [await login(t.app, 'yueqing'), await login(t.app, 'beibei'), await login(t.app, 'nation')];
  });
  afterAll(() => t.close());

  const create = (s: Session, regionCode: string, name: string, creditCode?: string) =>
    call(t.app, s, 'POST', '/api/v1/sources', { regionCode, name, category: 'industrial', ...(creditCode ? { creditCode } : {}) });
  const activeWith = async (code: string) =>
    (await sql<{ province_code: string }>`SELECT province_code FROM sources WHERE credit_code = ${code} AND state = 'active'`.execute(t.ctx.db)).rows.map((r) => r.province_code);

  async function insertRegister(department: string, regionCode: string, rows: Array<[name: string, credit: string]>) {
    const r = await sql<{ id: number }>`INSERT INTO registers (department, region_code, file_name, file_sha256, file_size, format, encoding, status, row_count, valid_count, imported_at)
      VALUES (${department}, ${regionCode}, ${`${department}-${regionCode}.csv`}, ${`${department}${regionCode}`.padEnd(64, 'd').replace(/[^0-9a-f]/g, 'e')}, 100, 'csv', 'utf-8', 'imported', ${rows.length}, ${rows.length}, now()) RETURNING id`.execute(t.ctx.db);
    const id = Number(r.rows[0].id);
    for (const [i, [name, credit]] of rows.entries()) {
      await sql`INSERT INTO register_rows (register_id, row_number, province_code, region_code, valid, credit_code, name)
        VALUES (${id}, ${i + 1}, ${`${regionCode.slice(0, 2)}0000`}, ${regionCode}, true, ${credit}, ${name})`.execute(t.ctx.db);
    }
    return id;
  }

  it('keeps one active source per credit code in the whole nation, on insert and on restore', async () => {
    const zj = await create(yueqing, '330382', '乐清市跨省重码电器有限公司', C_SHARED);
    expect(zj.statusCode, zj.body).toBe(201);
    const cq = await create(beibei, '500109', '北碚区跨省重码电器有限公司', C_SHARED);
    expect([cq.statusCode, cq.json().error.code]).toEqual([409, 'DB_DUPLICATE']);
    expect(await activeWith(C_SHARED)).toEqual(['330000']);

    // Once 乐清's source lets the code go (deleted), 北碚's may take it.
    const del = await call(t.app, yueqing, 'POST', `/api/v1/sources/${zj.json().id}/delete`, { reason: 'closed', version: zj.json().version });
    expect(del.statusCode, del.body).toBe(200);
    const took = await create(beibei, '500109', '北碚区跨省重码电器有限公司', C_SHARED);
    expect(took.statusCode, took.body).toBe(201);
    expect(await activeWith(C_SHARED)).toEqual(['500000']);
    // Restoring 乐清's copy (an update that makes it active again) would make two: refused, and it stays deleted.
    const restore = await call(t.app, yueqing, 'POST', `/api/v1/sources/${zj.json().id}/restore`, { version: del.json().version });
    expect([restore.statusCode, restore.json().error.code]).toEqual([409, 'DB_DUPLICATE']);
    expect(await activeWith(C_SHARED)).toEqual(['500000']);
    expect((await call(t.app, yueqing, 'GET', `/api/v1/sources/${zj.json().id}`)).json()).toMatchObject({ state: 'deleted', version: del.json().version });
    await expectCountsKept(t.ctx.db);
  });

  it.runIf(kind === 'postgres')('lets one of two writers of one code in two provinces at once through', async () => {
    const insert = (db: typeof t.ctx.db, region: string) => sql`INSERT INTO sources (region_code, province_code, name, credit_code, origin)
      VALUES (${region}, ${`${region.slice(0, 2)}0000`}, ${`并发${region}`}, ${C_RACE}, 'supplement')`.execute(db);
    let second: unknown;
    await Promise.all([
      t.ctx.db.transaction().execute(async (trx) => {
        await insert(trx, '330382');
        await new Promise((r) => setTimeout(r, 400)); // the other province's insert waits on the code's lock meanwhile
      }),
      (async () => {
        await new Promise((r) => setTimeout(r, 150));
        await insert(t.ctx.db, '500109').catch((e) => (second = e));
      })(),
    ]);
    expect(isUniqueViolation(second, 'sources_credit_active_uq')).toBe(true);
    expect(await activeWith(C_RACE)).toEqual(['330000']);
  });

  it("links a row to the source of another province holding its credit code, the link kept with the row's province", async () => {
    const zjReg = await insertRegister('samr', '330382', [['乐清市跨省经营阀门有限公司', C_LINKED]]);
    expect((await call(t.app, yueqing, 'POST', '/api/v1/directory/match', {})).statusCode).toBe(202);
    await t.ctx.jobs.drain();
    const cqReg = await insertRegister('tax', '500109', [['乐清市跨省经营阀门有限公司', C_LINKED]]);
    expect((await call(t.app, beibei, 'POST', '/api/v1/directory/match', {})).statusCode).toBe(202);
    await t.ctx.jobs.drain();

    const links = (await sql<{ register_id: number; province_code: string; source_id: number; source_province: string }>`
      SELECT l.register_id, l.province_code, l.source_id, s.province_code AS source_province
      FROM source_links l JOIN sources s ON s.id = l.source_id WHERE l.register_id IN (${zjReg}, ${cqReg}) ORDER BY l.register_id`.execute(t.ctx.db)).rows;
    expect(links.map((l) => [Number(l.register_id), l.province_code, l.source_province])).toEqual([[zjReg, '330000', '330000'], [cqReg, '500000', '330000']]);
    expect(links[0].source_id).toBe(links[1].source_id);
    expect(await activeWith(C_LINKED)).toEqual(['330000']);

    // A branch listed under its parent's code, which the scoring keeps apart from the parent, becomes
    // a source of its own without the code (one active source per code): the run does not fail.
    const branchReg = await insertRegister('stats', '500109', [['乐清市跨省经营阀门有限公司重庆分公司', C_LINKED]]);
    expect((await call(t.app, beibei, 'POST', '/api/v1/directory/match', {})).statusCode).toBe(202);
    await t.ctx.jobs.drain();
    const job = (await sql<{ status: string; result: { sourcesCreated: number } }>`SELECT status, result FROM jobs WHERE kind = 'directory.match' ORDER BY id DESC LIMIT 1`.execute(t.ctx.db)).rows[0];
    expect(job).toMatchObject({ status: 'succeeded', result: { sourcesCreated: 1 } });
    const branch = (await sql<{ credit_code: string | null; province_code: string }>`
      SELECT s.credit_code, s.province_code FROM source_links l JOIN sources s ON s.id = l.source_id WHERE l.register_id = ${branchReg}`.execute(t.ctx.db)).rows;
    expect(branch).toEqual([{ credit_code: null, province_code: '500000' }]);
    expect(await activeWith(C_LINKED)).toEqual(['330000']);

    // Splitting the 重庆 row off would make a source in 重庆 out of 浙江's: refused, nothing moved.
    const source = (await call(t.app, nation, 'GET', `/api/v1/sources/${links[0].source_id}`)).json();
    expect(source.registerRows).toHaveLength(2);
    const split = await call(t.app, nation, 'POST', `/api/v1/sources/${source.id}/split`, { version: source.version, rows: [{ registerId: cqReg, rowNumber: 1 }] });
    expect([split.statusCode, split.json().error.code]).toEqual([409, 'DIRECTORY_SPLIT_ACROSS_PROVINCES']);
    expect((await call(t.app, nation, 'GET', `/api/v1/sources/${source.id}`)).json()).toMatchObject({ version: source.version, registerRows: [{}, {}] });
  });
});
