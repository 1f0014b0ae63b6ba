// Splitting a source (拆分) and undoing the split, end to end on both databases:
// three registers carry one company, a reviewer splits rows off into a new
// source, the fields and credit codes come out right, and undo puts it all back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { call, login, startTestApp, type Session, type TestApp } from '../../../test/helpers/app.ts';
import { databaseKinds } from '../../../test/helpers/databases.ts';
import { validCreditCode } from '../../../test/helpers/credit-codes.ts';
import { survivorsOf } from './matching/match.sql.ts';

const C_HUAYU = validCreditCode('330382', 'MA2AB3C4');
const C_ZHENGTAI = validCreditCode('330382', 'MA2AB3C5');

type Row = [name: string, credit: string | null, address: string | null, phone: string | null, legalRep: string | null];

interface RegisterRow { registerId: number; rowNumber: number; department: string; rule: string; name: string }
interface Detail {
  id: number; name: string; creditCode: string | null; address: string | null; phone: string | null; legalRep: string | null;
  state: string; mergedInto: number | null; version: number; fieldOrigins: Record<string, { registerId: number; department: string }>;
  registerRows: RegisterRow[]; merges: Array<{ id: number; kind: string; survivorId: number; otherId: number; movedRows: number; undoneAt: string | null }>;
}

describe.each(databaseKinds())('splitting a source on %s', (kind) => {
  let t: TestApp;
  let yueqing: Session;
  let beibei: Session;
  const reg: Record<string, number> = {};
  let huayu: Detail;

  async function insertRegister(department: string, rows: Row[]) {
    const r = await sql<{ id: number }>`INSERT INTO registers (department, region_code, file_name, file_sha256, file_size, format, encoding, status, row_count, valid_count, imported_at)
      VALUES (${department}, '330382', ${department + '.csv'}, ${department.padEnd(64, 'a').replace(/[^0-9a-f]/g, 'c')}, 100, 'csv', 'utf-8', 'imported', ${rows.length}, ${rows.length}, now()) RETURNING id`.execute(t.ctx.db);
    const id = Number(r.rows[0].id);
    for (const [i, [name, credit, address, phone, legal]] of rows.entries()) {
      await sql`INSERT INTO register_rows (register_id, row_number, province_code, region_code, valid, credit_code, name, address, legal_rep, phone)
        VALUES (${id}, ${i + 1}, '330000', '330382', true, ${credit}, ${name}, ${address}, ${legal}, ${phone})`.execute(t.ctx.db);
    }
    reg[department] = id;
  }

  const get = async (id: number, s = yueqing) => (await call(t.app, s, 'GET', `/api/v1/sources/${id}`)).json() as Detail;
  const split = (id: number, body: unknown, s = yueqing) => call(t.app, s, 'POST', `/api/v1/sources/${id}/split`, body);
  const undo = (event: number) => call(t.app, yueqing, 'POST', `/api/v1/directory/merges/${event}/undo`);
  const row = (department: string) => ({ registerId: reg[department], rowNumber: 1 });
  const fields = (d: Detail) => ({ name: d.name, creditCode: d.creditCode, address: d.address, phone: d.phone, legalRep: d.legalRep, fieldOrigins: d.fieldOrigins });
  const rules = (d: Detail) => d.registerRows.map((r) => `${r.department}:${r.rule}`).sort();

  beforeAll(async () => {
    t = await startTestApp(kind);
    yueqing = await login(t.app, 'yueqing');
    beibei = await login(t.app, 'beibei');
    // One company on three registers, joined by its credit code; environment knows the plant's address and phone best.
    await insertRegister('samr', [['乐清市华宇电气有限公司', C_HUAYU, '柳市镇前进路8号', '13800000001', '王建国'], ['乐清市正泰仪表有限公司', C_ZHENGTAI, '柳市镇长江路12号', null, '陈明']]);
    await insertRegister('tax', [['乐清市华宇电气有限公司', C_HUAYU, null, null, null]]);
    await insertRegister('mee', [['乐清华宇电气', C_HUAYU, '乐清市柳市镇工业区5号', '057761239999', null]]);
    const res = await call(t.app, yueqing, 'POST', '/api/v1/directory/match', {});
    expect(res.statusCode, res.body).toBe(202);
    await t.ctx.jobs.drain();
    const list = (await call(t.app, yueqing, 'GET', `/api/v1/sources?q=${C_HUAYU}`)).json().items as Array<{ id: number }>;
    expect(list).toHaveLength(1);
    huayu = await get(list[0].id);
  });
  afterAll(() => t.close());

  it('starts from one source carrying three rows', () => {
    expect(huayu.registerRows.map((r) => r.department).sort()).toEqual(['mee', 'samr', 'tax']);
    expect(huayu).toMatchObject({ name: '乐清市华宇电气有限公司', creditCode: C_HUAYU, address: '乐清市柳市镇工业区5号', phone: '057761239999', legalRep: '王建国' });
    expect(huayu.fieldOrigins.address.department).toBe('mee');
  });

  it('splits a row off into a new source, recomputing the fields that came from it, and undoes the split', async () => {
    const res = await split(huayu.id, { version: huayu.version, rows: [row('mee')] });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ sourceId: huayu.id, movedRows: 1 });

    const original = await get(huayu.id);
    const created = await get(r.newSourceId);
    expect(original.registerRows.map((x) => x.department).sort()).toEqual(['samr', 'tax']);
    // Address and phone came from the moved row: taken again from what is left (market regulation).
    expect(original).toMatchObject({ name: '乐清市华宇电气有限公司', creditCode: C_HUAYU, address: '柳市镇前进路8号', phone: '13800000001', legalRep: '王建国', state: 'active' });
    expect(original.fieldOrigins.address.department).toBe('samr');
    // The new source is built from its row; the credit code stays with the original, which still has rows carrying it.
    expect(created).toMatchObject({ name: '乐清华宇电气', creditCode: null, address: '乐清市柳市镇工业区5号', phone: '057761239999', state: 'active', origin: 'register' });
    expect(created.registerRows.map((x) => `${x.registerId}:${x.rowNumber}`)).toEqual([`${reg.mee}:1`]);
    expect(created.fieldOrigins.name).toMatchObject({ registerId: reg.mee, department: 'mee' });
    expect(original.merges[0]).toMatchObject({ id: r.event, kind: 'split', survivorId: huayu.id, otherId: r.newSourceId, movedRows: 1, undoneAt: null });
    expect(created.merges.map((m) => m.id)).toEqual([r.event]);

    // The pair is recorded as kept apart, so matching again queues nothing and links nothing back.
    const apart = (await call(t.app, yueqing, 'GET', '/api/v1/directory/candidates?status=apart')).json().items as Array<{ id: number; reasons: string[]; sources: { id: number }[] }>;
    expect(apart.find((c) => c.id === r.candidate)).toMatchObject({ reasons: ['SPLIT'], sources: [{ id: huayu.id }, { id: r.newSourceId }] });
    await call(t.app, yueqing, 'POST', '/api/v1/directory/match', {});
    await t.ctx.jobs.drain();
    expect((await call(t.app, yueqing, 'GET', '/api/v1/directory/candidates')).json().items).toHaveLength(0);

    const audit = (await call(t.app, yueqing, 'GET', '/api/v1/audit?entity=source')).json().items as Array<{ action: string; entityId: string; before: { source: { address: string } }; after: { created: { id: number } } }>;
    const entry = audit.find((a) => a.action === 'source.split')!;
    expect(entry).toMatchObject({ entityId: String(huayu.id), before: { source: { address: '乐清市柳市镇工业区5号' } }, after: { created: { id: r.newSourceId } } });

    const u = await undo(r.event);
    expect(u.statusCode, u.body).toBe(200);
    expect(u.json()).toMatchObject({ kind: 'split', survivorId: huayu.id, otherId: r.newSourceId, movedRows: 1 });
    const back = await get(huayu.id);
    expect(back.registerRows).toHaveLength(3);
    expect(fields(back)).toEqual(fields(huayu));
    expect(rules(back)).toEqual(rules(huayu)); // each row linked as it was before
    expect(await get(r.newSourceId)).toMatchObject({ state: 'merged', mergedInto: huayu.id, registerRows: [] });
    expect(back.merges[0]).toMatchObject({ id: r.event, kind: 'split' });
    expect(back.merges[0].undoneAt).not.toBeNull();
    expect((await call(t.app, yueqing, 'GET', '/api/v1/directory/candidates?status=merged')).json().items.map((c: { id: number }) => c.id)).toContain(r.candidate);
    expect((await undo(r.event)).json().error.code).toBe('DIRECTORY_MERGE_UNDONE');
    const actions = (await call(t.app, yueqing, 'GET', '/api/v1/audit?entity=source')).json().items.map((a: { action: string }) => a.action);
    expect(actions[0]).toBe('source.unsplit');
    huayu = back;
  });

  it('keeps the credit code on the original while a remaining row carries it, else lets it follow the rows; undo puts it back', async () => {
    // The environment row left behind carries the code too: the original keeps it (now from that row).
    const kept = (await split(huayu.id, { version: huayu.version, rows: [row('samr'), row('tax')] })).json();
    expect(await get(huayu.id)).toMatchObject({ creditCode: C_HUAYU, name: '乐清华宇电气', address: '乐清市柳市镇工业区5号', fieldOrigins: { credit_code: { department: 'mee' } } });
    expect(await get(kept.newSourceId)).toMatchObject({ creditCode: null, name: '乐清市华宇电气有限公司', address: '柳市镇前进路8号', legalRep: '王建国' });
    expect((await undo(kept.event)).statusCode).toBe(200);
    expect(fields(await get(huayu.id))).toEqual(fields(huayu));

    // Had the environment register not known the code, the code goes with the rows that carry it.
    await sql`UPDATE register_rows SET credit_code = NULL WHERE register_id = ${reg.mee}`.execute(t.ctx.db);
    const v = (await get(huayu.id)).version;
    const res = await split(huayu.id, { version: v, rows: [row('samr'), row('tax')] });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(await get(huayu.id)).toMatchObject({ creditCode: null, name: '乐清华宇电气' });
    expect(await get(r.newSourceId)).toMatchObject({ creditCode: C_HUAYU, name: '乐清市华宇电气有限公司', state: 'active' });
    // Undo: the new source lets go of the code before the original takes it back (one active source per code).
    expect((await undo(r.event)).statusCode).toBe(200);
    await sql`UPDATE register_rows SET credit_code = ${C_HUAYU} WHERE register_id = ${reg.mee}`.execute(t.ctx.db);
    const back = await get(huayu.id);
    expect(back.registerRows).toHaveLength(3);
    expect(fields(back)).toEqual(fields(huayu));
    huayu = back;
  });

  it('refuses to undo a split that a later split of the same source followed, until that one is undone', async () => {
    const first = (await split(huayu.id, { version: huayu.version, rows: [row('tax')] })).json();
    const v = (await get(huayu.id)).version;
    const second = await split(huayu.id, { version: v, rows: [row('mee')] });
    expect(second.statusCode, second.body).toBe(200);
    const stale = await undo(first.event);
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'DIRECTORY_MERGE_STALE']);
    expect((await undo(second.json().event)).statusCode).toBe(200);
    expect((await undo(first.event)).statusCode).toBe(200);
    const back = await get(huayu.id);
    expect(back.registerRows).toHaveLength(3);
    expect(fields(back)).toEqual(fields(huayu));
    huayu = back;
  });

  it('refuses a stale version, all rows, a row of another source, no rows, and a source outside the scope', async () => {
    const conflict = await split(huayu.id, { version: huayu.version - 1, rows: [row('mee')] });
    expect([conflict.statusCode, conflict.json().error.code]).toEqual([409, 'VERSION_CONFLICT']);
    const all = await split(huayu.id, { version: huayu.version, rows: [row('samr'), row('tax'), row('mee')] });
    expect([all.statusCode, all.json().error.code]).toEqual([400, 'DIRECTORY_SPLIT_ALL_ROWS']);
    // Row 2 of the market-regulation register is 正泰, another source.
    const foreign = await split(huayu.id, { version: huayu.version, rows: [row('mee'), { registerId: reg.samr, rowNumber: 2 }] });
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([400, 'DIRECTORY_SPLIT_ROW_NOT_LINKED']);
    expect(foreign.json().error.message.en).toContain(`Register ${reg.samr} row 2`);
    expect((await split(huayu.id, { version: huayu.version, rows: [] })).statusCode).toBe(400);
    const outside = await split(huayu.id, { version: huayu.version, rows: [row('mee')] }, beibei);
    expect([outside.statusCode, outside.json().error.code]).toEqual([404, 'DIRECTORY_SOURCE_NOT_FOUND']);
    // Nothing changed.
    const same = await get(huayu.id);
    expect([same.version, same.registerRows.length]).toEqual([huayu.version, 3]);
  });

  it('waits for a match job running over the county: 409 naming the job; a job of another county does not hold it', async () => {
    const job = async (region: string) => Number((await t.ctx.db.insertInto('jobs').values({ kind: 'directory.match', status: 'running', region_code: region, created_by: null, params: JSON.stringify({ regionCode: region }) }).returning('id').executeTakeFirstOrThrow()).id);
    const county = await job('330382');
    const held = await split(huayu.id, { version: huayu.version, rows: [row('mee')] });
    expect([held.statusCode, held.json().error.code, held.json().error.details]).toEqual([409, 'DIRECTORY_MATCH_RUNNING', { jobId: county, regionCode: '330382' }]);
    expect(held.json().error.message.zh).toContain(`#${county}`);
    expect((await get(huayu.id)).registerRows).toHaveLength(3);
    await t.ctx.db.updateTable('jobs').set({ status: 'succeeded' }).where('id', '=', county).execute();
    await job('500109'); // 北碚区: another province
    const free = await split(huayu.id, { version: huayu.version, rows: [row('mee')] });
    expect(free.statusCode, free.body).toBe(200);
  });

  it('lets a match job find where a source it read has been merged to, along the chain', async () => {
    const add = async (name: string) => Number((await t.ctx.db.insertInto('sources').values({ region_code: '330382001', province_code: '330000', name, origin: 'supplement' }).returning('id').executeTakeFirstOrThrow()).id);
    const [a, b, c, d] = [await add('链甲'), await add('链乙'), await add('链丙'), await add('链丁')];
    await t.ctx.db.updateTable('sources').set({ state: 'merged', merged_into: c }).where('id', '=', b).execute();
    await t.ctx.db.updateTable('sources').set({ state: 'merged', merged_into: b }).where('id', '=', a).execute();
    expect(await survivorsOf(t.ctx.db, [a, b, c, d])).toEqual(new Map([[a, c], [b, c]]));
  });
});
