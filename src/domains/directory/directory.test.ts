// The directory end to end on both databases: registers (inserted as imported)
// matched into sources, a pair in the queue merged and the merge undone,
// supplement / delete / restore, and the links export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { call, login, startTestApp, type Session, type TestApp } from '../../../test/helpers/app.ts';
import { databaseKinds } from '../../../test/helpers/databases.ts';
import { validCreditCode } from '../../../test/helpers/credit-codes.ts';
import { expectCountsKept } from '../../../test/helpers/inventory-counts.ts';

const C_HUAYU = validCreditCode('330382', 'MA2AB3C4');
const C_ZHENGTAI = validCreditCode('330382', 'MA2AB3C5');
const C_BRANCH = validCreditCode('330382', 'MA2AB3C6');

type Row = [name: string, credit: string | null, address: string | null, phone: string | null, legalRep: string | null];
const SAMR: Row[] = [
  ['乐清市华宇电气有限公司', C_HUAYU, '柳市镇前进路8号', '13800000001', '王建国'],
  ['乐清市正泰仪表有限公司', C_ZHENGTAI, '柳市镇长江路12号', '0577-61230001', '陈明'],
  ['乐清市华宇电气有限公司柳市分公司', C_BRANCH, '柳市镇前进路10号', null, '王建国'],
  ['乐清市宏达五金厂', null, null, null, null],
];
const TAX: Row[] = [
  ['乐清市华宇电气有限公司', C_HUAYU, null, null, null],
  ['乐清正泰仪表有限责任公司', null, '乐清市柳市镇长江路12号', '057761230001', '陈明'],
  ['乐清市新光塑料厂', null, '柳市镇新光路1号', null, '周強'],
  ['乐清宏达五金厂', null, null, null, null],
  ['', null, null, null, null], // a rejected row (no name): exported with an empty source
];

describe.each(databaseKinds())('directory matching on %s', (kind) => {
  let t: TestApp;
  let yueqing: Session;
  let beibei: Session;
  const registers: number[] = [];

  async function insertRegister(department: string, file: string, rows: Row[]) {
    const r = await sql<{ id: number }>`INSERT INTO registers (department, region_code, file_name, file_sha256, file_size, format, encoding, status, row_count, valid_count, imported_at)
      VALUES (${department}, '330382', ${file}, ${department.padEnd(64, 'a').replace(/[^0-9a-f]/g, 'b')}, 100, 'csv', 'utf-8', 'imported', ${rows.length}, ${rows.filter((x) => x[0]).length}, now()) RETURNING id`.execute(t.ctx.db);
    const id = r.rows[0].id;
    for (const [i, [name, credit, address, phone, legal]] of rows.entries()) {
      await sql`INSERT INTO register_rows (register_id, row_number, province_code, region_code, valid, credit_code, name, address, legal_rep, phone)
        VALUES (${id}, ${i + 1}, '330000', '330382', ${name !== ''}, ${credit}, ${name || null}, ${address}, ${legal}, ${phone})`.execute(t.ctx.db);
    }
    registers.push(id);
    return id;
  }

  beforeAll(async () => {
    t = await startTestApp(kind);
    yueqing = await login(t.app, 'yueqing');
    beibei = await login(t.app, 'beibei');
    await insertRegister('samr', 'samr-2017.csv', SAMR);
    await insertRegister('tax', 'tax-2017.xlsx', TAX);
  });
  afterAll(() => t.close());

  const sources = async (s = yueqing, qs = '') => (await call(t.app, s, 'GET', `/api/v1/sources?limit=100${qs}`)).json().items as Array<{ id: number; name: string; creditCode: string | null; departments: string[]; fieldOrigins: Record<string, { department: string }>; version: number; state: string }>;

  it('matches the registers into sources as a job, with a queue of unsure pairs', async () => {
    const res = await call(t.app, yueqing, 'POST', '/api/v1/directory/match', {});
    expect(res.statusCode, res.body).toBe(202);
    await t.ctx.jobs.drain();
    const job = (await call(t.app, yueqing, 'GET', `/api/v1/jobs/${res.json().job.id}`)).json();
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.result).toMatchObject({ rowsRead: 8, rowsLinked: 8 });

    const list = await sources();
    const byName = new Map(list.map((s) => [s.name, s]));
    // Same credit code: one source, carried by both departments, name from market regulation.
    expect(byName.get('乐清市华宇电气有限公司')).toMatchObject({ creditCode: C_HUAYU, departments: ['samr', 'tax'] });
    expect(byName.get('乐清市华宇电气有限公司')!.fieldOrigins.name.department).toBe('samr');
    // Legal-form variant with the same address, phone and legal representative: merged.
    expect(byName.get('乐清市正泰仪表有限公司')).toMatchObject({ creditCode: C_ZHENGTAI, departments: ['samr', 'tax'] });
    // A branch stays a source of its own; a row found only by tax becomes a source.
    expect(byName.get('乐清市华宇电气有限公司柳市分公司')?.departments).toEqual(['samr']);
    expect(byName.get('乐清市新光塑料厂')?.departments).toEqual(['tax']);
    // Name alone is not enough: the two 宏达 rows wait in the queue.
    expect(list.filter((s) => s.name.includes('宏达'))).toHaveLength(2);
    expect(list).toHaveLength(6);

    const queue = (await call(t.app, yueqing, 'GET', '/api/v1/directory/candidates')).json().items;
    expect(queue).toHaveLength(1);
    expect(queue[0].sources.map((s: { name: string }) => s.name).sort()).toEqual(['乐清宏达五金厂', '乐清市宏达五金厂']);
  });

  it('running the match again adds nothing', async () => {
    const before = (await sources()).length;
    await call(t.app, yueqing, 'POST', '/api/v1/directory/match', {});
    await t.ctx.jobs.drain();
    expect((await sources()).length).toBe(before);
    expect((await call(t.app, yueqing, 'GET', '/api/v1/directory/candidates')).json().items).toHaveLength(1);
  });

  it('merges a queued pair and undoes the merge', async () => {
    const [c] = (await call(t.app, yueqing, 'GET', '/api/v1/directory/candidates')).json().items;
    const merged = await call(t.app, yueqing, 'POST', `/api/v1/directory/candidates/${c.id}/merge`, {});
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toMatchObject({ movedRows: 1 });
    expect((await sources()).filter((s) => s.name.includes('宏达'))).toHaveLength(1);
    const survivor = (await call(t.app, yueqing, 'GET', `/api/v1/sources/${merged.json().survivorId}`)).json();
    expect(survivor.registerRows).toHaveLength(2);
    expect(survivor.departments).toEqual(['samr', 'tax']);
    expect((await call(t.app, yueqing, 'POST', `/api/v1/directory/candidates/${c.id}/merge`, {})).json().error.code).toBe('DIRECTORY_CANDIDATE_DECIDED');

    const undo = await call(t.app, yueqing, 'POST', `/api/v1/directory/merges/${merged.json().event}/undo`);
    expect(undo.statusCode, undo.body).toBe(200);
    expect((await sources()).filter((s) => s.name.includes('宏达'))).toHaveLength(2);
    expect((await call(t.app, yueqing, 'GET', '/api/v1/directory/candidates')).json().items).toHaveLength(1);
    expect((await call(t.app, yueqing, 'POST', `/api/v1/directory/merges/${merged.json().event}/undo`)).json().error.code).toBe('DIRECTORY_MERGE_UNDONE');
    const audit = (await call(t.app, yueqing, 'GET', '/api/v1/audit?entity=source')).json().items.map((a: { action: string }) => a.action);
    expect(audit.slice(0, 2)).toEqual(['source.unmerge', 'source.merge']);
  });

  it('keeps a pair apart when told, and it stays apart after another match', async () => {
    const [c] = (await call(t.app, yueqing, 'GET', '/api/v1/directory/candidates')).json().items;
    expect((await call(t.app, yueqing, 'POST', `/api/v1/directory/candidates/${c.id}/apart`)).json().status).toBe('apart');
    await call(t.app, yueqing, 'POST', '/api/v1/directory/match', {});
    await t.ctx.jobs.drain();
    expect((await call(t.app, yueqing, 'GET', '/api/v1/directory/candidates')).json().items).toHaveLength(0);
    expect((await call(t.app, yueqing, 'GET', '/api/v1/directory/candidates?status=apart')).json().items.map((x: { id: number }) => x.id)).toEqual([c.id]);
    // Changed one's mind: back in the queue.
    expect((await call(t.app, yueqing, 'POST', `/api/v1/directory/candidates/${c.id}/reopen`)).json().status).toBe('pending');
    expect((await call(t.app, yueqing, 'GET', '/api/v1/directory/candidates')).json().items).toHaveLength(1);
    await call(t.app, yueqing, 'POST', `/api/v1/directory/candidates/${c.id}/apart`);
  });

  it('supplements, deletes with a reason and restores a source, all audited', async () => {
    const add = await call(t.app, yueqing, 'POST', '/api/v1/sources', { regionCode: '330382101', name: '乐清市大荆镇某石材加工点', category: 'industrial' });
    expect(add.statusCode, add.body).toBe(201);
    const s = add.json();
    expect(s).toMatchObject({ origin: 'supplement', state: 'active', regionCode: '330382101' });
    const del = await call(t.app, yueqing, 'POST', `/api/v1/sources/${s.id}/delete`, { version: s.version, reason: 'closed' });
    expect(del.json()).toMatchObject({ state: 'deleted', deleteReason: 'closed' });
    expect((await call(t.app, yueqing, 'POST', `/api/v1/sources/${s.id}/delete`, { version: s.version, reason: 'closed' })).statusCode).toBe(409);
    const back = await call(t.app, yueqing, 'POST', `/api/v1/sources/${s.id}/restore`, { version: del.json().version });
    expect(back.json().state).toBe('active');
    const bad = await call(t.app, yueqing, 'POST', '/api/v1/sources', { regionCode: '330382', name: 'X', creditCode: '91330382MA2AB3C4D2' });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'DIRECTORY_CREDIT_CODE_INVALID']);
    expect((await call(t.app, yueqing, 'POST', '/api/v1/sources', { regionCode: '500109', name: 'X' })).statusCode).toBe(403);
  });

  it('exports one line per imported row with its source, and the directory as CSV', async () => {
    const csv = (await call(t.app, yueqing, 'GET', '/api/v1/directory/links.csv')).body.trim().split('\n');
    expect(csv[0]).toBe('register_id,register_file,row_number,source_id');
    expect(csv).toHaveLength(1 + SAMR.length + TAX.length);
    expect(csv[1]).toMatch(new RegExp(`^${registers[0]},samr-2017.csv,1,\\d+$`));
    expect(csv[csv.length - 1]).toBe(`${registers[1]},tax-2017.xlsx,5,`);
    const dir = (await call(t.app, yueqing, 'GET', '/api/v1/sources/export.csv')).body;
    expect(dir.split('\r\n')[0]).toContain('统一社会信用代码 credit_code');
    expect(dir).toContain(C_HUAYU);
  });

  it('finds sources by a name fragment (bigram index) and by a credit-code prefix', async () => {
    expect((await sources(yueqing, `&q=${encodeURIComponent('华宇')}`)).map((s) => s.name).sort()).toEqual(['乐清市华宇电气有限公司', '乐清市华宇电气有限公司柳市分公司']);
    expect((await sources(yueqing, `&q=${encodeURIComponent('宇电气有限公司柳')}`)).map((s) => s.name)).toEqual(['乐清市华宇电气有限公司柳市分公司']);
    expect((await sources(yueqing, `&q=${encodeURIComponent('华%')}`))).toEqual([]);
    expect((await sources(yueqing, `&q=${C_HUAYU.slice(0, 16)}`)).map((s) => s.creditCode)).toEqual([C_HUAYU]);
    // Pinyin of the name's core, or its initials: 华宇电气 → huayudianqi / hydq.
    expect((await sources(yueqing, '&q=huayu')).map((s) => s.name).sort()).toEqual(['乐清市华宇电气有限公司', '乐清市华宇电气有限公司柳市分公司']);
    expect((await sources(yueqing, '&q=XGSL')).map((s) => s.name)).toEqual(['乐清市新光塑料厂']);
    expect(await sources(yueqing, '&q=zzzz')).toEqual([]);
  });

  it('shows another county none of it', async () => {
    expect(await sources(beibei)).toEqual([]);
    const id = (await sources())[0].id;
    expect((await call(t.app, beibei, 'GET', `/api/v1/sources/${id}`)).statusCode).toBe(404);
    expect((await call(t.app, beibei, 'GET', '/api/v1/directory/links.csv')).body.trim().split('\n')).toHaveLength(1);
  });

  it('keeps the inventory counts through matching, merging, undoing, deleting and restoring sources', async () => {
    expect(await expectCountsKept(t.ctx.db)).toBeGreaterThan(0);
  });
});
