// Editing a source by hand (PATCH /sources/:id) and fuzzy name search, on both databases:
// every field, a rename keeping the old name, manual origins kept through a re-match and a
// merge, scope, bad values refused with nothing written, a stale version; typos found, others not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { call, login, startTestApp, type Session, type TestApp } from '../../../test/helpers/app.ts';
import { databaseKinds } from '../../../test/helpers/databases.ts';
import { validCreditCode } from '../../../test/helpers/credit-codes.ts';

type Src = Record<string, unknown> & { id: number; version: number; name: string; formerNames: string[]; fieldOrigins: Record<string, Record<string, unknown>>; similarity?: number };

const C_HENGXIN = validCreditCode('330382', 'MA2EDT01');

describe.each(databaseKinds())('editing sources and fuzzy search on %s', (kind) => {
  let t: TestApp;
  let yueqing: Session;
  let wenzhou: Session;
  let beibei: Session;
  let huayu: Src;
  let zhengtai: Src;
  let renamed: Src;

  const add = async (name: string, extra: object = {}) => {
    const r = await call(t.app, yueqing, 'POST', '/api/v1/sources', { regionCode: '330382001', name, ...extra });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as Src;
  };
  const get = async (id: number, s = yueqing) => (await call(t.app, s, 'GET', `/api/v1/sources/${id}`)).json() as Src;
  const patch = (id: number, body: object, s = yueqing) => call(t.app, s, 'PATCH', `/api/v1/sources/${id}`, body);
  const search = async (q: string, fuzzy = true, s = yueqing) => {
    const r = await call(t.app, s, 'GET', `/api/v1/sources?limit=20&q=${encodeURIComponent(q)}${fuzzy ? '&fuzzy=1' : ''}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { items: Src[]; nextCursor: string | null; fuzzy?: boolean };
  };
  const match = async () => {
    expect((await call(t.app, yueqing, 'POST', '/api/v1/directory/match', {})).statusCode).toBe(202);
    await t.ctx.jobs.drain();
  };
  async function register(department: string, rows: [name: string, credit: string | null, address: string | null, phone: string | null, legalRep: string | null][]) {
    const r = await sql<{ id: number }>`INSERT INTO registers (department, region_code, file_name, file_sha256, file_size, format, encoding, status, row_count, valid_count, imported_at)
      VALUES (${department}, '330382', ${`edit-${department}.csv`}, ${department.padEnd(64, 'e').replace(/[^0-9a-f]/g, 'c')}, 100, 'csv', 'utf-8', 'imported', ${rows.length}, ${rows.length}, now()) RETURNING id`.execute(t.ctx.db);
    for (const [i, [name, credit, address, phone, legal]] of rows.entries()) {
      await sql`INSERT INTO register_rows (register_id, row_number, province_code, region_code, valid, credit_code, name, address, legal_rep, phone)
        VALUES (${r.rows[0].id}, ${i + 1}, '330000', '330382', true, ${credit}, ${name}, ${address}, ${legal}, ${phone})`.execute(t.ctx.db);
    }
  }

  beforeAll(async () => {
    t = await startTestApp(kind);
    [yueqing, wenzhou, beibei] = [await login(t.app, 'yueqing'), await login(t.app, 'wenzhou'), await login(t.app, 'beibei')];
    huayu = await add('乐清市华宇电气有限公司', { address: '柳市镇前进路8号' });
    zhengtai = await add('乐清市正泰仪表有限公司');
  });
  afterAll(() => t.close());

  it('edits every field: each origin becomes manual, GCJ-02 beside WGS-84, audited with before and after', async () => {
    const other = (await sql<{ code: string }>`SELECT code FROM regions WHERE parent_code = '330382' AND code <> '330382001' ORDER BY code LIMIT 1`.execute(t.ctx.db)).rows[0].code;
    const permit = `${validCreditCode('330382', 'MA2EDT02')}001p`;
    const body = {
      version: huayu.version, formerNames: [' 乐清华宇电器厂 ', ''], address: '柳市镇前进路18号', regionCode: other, industryCode: '3823', category: 'centralised',
      lat: 28.1124, lng: 120.9631, legalRep: '王建华', phone: '0577-61230099', permitNo: permit, radioactive: true,
    };
    const r = await patch(huayu.id, body);
    expect(r.statusCode, r.body).toBe(200);
    const s = r.json() as Src & { gcj02: { lat: number; lng: number } };
    expect(s).toMatchObject({
      version: huayu.version + 1, formerNames: ['乐清华宇电器厂'], address: '柳市镇前进路18号', regionCode: other, industryCode: '3823', category: 'centralised',
      lat: 28.1124, lng: 120.9631, legalRep: '王建华', phone: '0577-61230099', permitNo: permit.toUpperCase(), radioactive: true,
    });
    expect(Math.abs(s.gcj02.lat - 28.1124) + Math.abs(s.gcj02.lng - 120.9631)).toBeGreaterThan(0.001);
    for (const k of ['former_names', 'address', 'region_code', 'industry_code', 'category', 'coordinates', 'legal_rep', 'phone', 'permit_no', 'radioactive']) {
      expect(s.fieldOrigins[k], k).toMatchObject({ manual: true, by: 'yueqing' });
    }
    expect(s.fieldOrigins.name).toBeUndefined(); // the name did not change
    const audit = await t.ctx.db.selectFrom('audit_log').select(['before', 'after', 'actor_username']).where('action', '=', 'source.edit').where('entity_id', '=', String(huayu.id)).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].before).toMatchObject({ address: '柳市镇前进路8号', lat: null, radioactive: false });
    expect(audit[0].after).toMatchObject({ address: '柳市镇前进路18号', lat: 28.1124, radioactive: true });
    expect(Object.keys(audit[0].after as object)).not.toContain('name');
    huayu = await get(huayu.id);
    // Sent again unchanged: nothing written, no audit row.
    expect((await patch(huayu.id, { ...body, version: huayu.version })).json().version).toBe(huayu.version);
    // Cleared: both coordinates at once.
    const cleared = (await patch(huayu.id, { version: huayu.version, lat: null, lng: null })).json();
    expect([cleared.lat, cleared.lng, cleared.gcj02]).toEqual([null, null, null]);
    huayu = await get(huayu.id);
  });

  it('a rename keeps the old name as a former name and both are searchable, by fragment and pinyin', async () => {
    const s = await add('乐清市旧名称电子有限公司');
    const r = await patch(s.id, { version: s.version, name: '乐清市翔鹭光电有限公司' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ name: '乐清市翔鹭光电有限公司', formerNames: ['乐清市旧名称电子有限公司'], fieldOrigins: { name: { manual: true }, former_names: { manual: true } } });
    expect((await search('旧名称', false)).items.map((x) => x.id)).toEqual([s.id]);
    expect((await search('翔鹭光电', false)).items.map((x) => x.id)).toEqual([s.id]);
    expect((await search('xianglu', false)).items.map((x) => x.id)).toContain(s.id);
    // Renamed back: the name leaves the former names.
    renamed = (await patch(s.id, { version: r.json().version, name: '乐清市旧名称电子有限公司' })).json();
    expect(renamed.formerNames).toEqual(['乐清市翔鹭光电有限公司']);
  });

  it('refuses outside the scope: another province, a region outside the county office', async () => {
    expect((await patch(huayu.id, { version: huayu.version, address: '北碚' }, beibei)).json().error.code).toBe('DIRECTORY_SOURCE_NOT_FOUND');
    const out = await patch(huayu.id, { version: huayu.version, regionCode: '330381001' });
    expect([out.statusCode, out.json().error.code]).toEqual([403, 'USER_SCOPE_OUTSIDE']);
    // The prefecture's office may move it to another of its counties.
    const moved = await patch(huayu.id, { version: huayu.version, regionCode: '330381' }, wenzhou);
    expect(moved.json().regionCode, moved.body).toBe('330381');
    huayu = (await patch(huayu.id, { version: moved.json().version, regionCode: '330382001' }, wenzhou)).json();
    expect(huayu.regionCode).toBe('330382001');
  });

  it('keeps a source in its province, even for the national office: the province is its shard', async () => {
    const nation = await login(t.app, 'nation');
    const across = await patch(huayu.id, { version: huayu.version, regionCode: '500109', address: '北碚' }, nation);
    expect([across.statusCode, across.json().error.code]).toEqual([409, 'DIRECTORY_SOURCE_REGION_PROVINCE']);
    expect(across.json().error.message.zh).toContain('330000');
    expect(across.json().error.message.en).toContain('another province');
    const row = await sql<{ region_code: string; province_code: string; address: string }>`SELECT region_code, province_code, address FROM sources WHERE id = ${huayu.id}`.execute(t.ctx.db);
    expect(row.rows[0]).toEqual({ region_code: '330382001', province_code: '330000', address: huayu.address });
    // Within the province it moves, and the province stays written with the region.
    const within = await patch(huayu.id, { version: huayu.version, regionCode: '330381' }, nation);
    expect(within.json().regionCode, within.body).toBe('330381');
    huayu = (await patch(huayu.id, { version: within.json().version, regionCode: '330382001' }, nation)).json();
    // A write that forgets the province, or gives another one, is refused by the database itself.
    await expect(sql`INSERT INTO sources (region_code, province_code, name, origin) VALUES ('330382001', '500000', '错省对象', 'supplement')`.execute(t.ctx.db)).rejects.toThrow(/sources_province_check/);
    await expect(sql`INSERT INTO sources (region_code, name, origin) VALUES ('330382001', '漏省对象', 'supplement')`.execute(t.ctx.db)).rejects.toThrow(/province_code/);
  });

  it('refuses bad values with their codes and writes nothing, not even the good fields beside them', async () => {
    const before = await get(huayu.id);
    const cases: [object, number, string][] = [
      [{ lat: 28.1 }, 400, 'DIRECTORY_SOURCE_COORDINATES_PAIR'],
      [{ lat: 28.1, lng: null }, 400, 'DIRECTORY_SOURCE_COORDINATES_PAIR'],
      [{ lat: 120.96, lng: 28.11 }, 400, 'DIRECTORY_SOURCE_COORDINATES'], // swapped
      [{ lat: 0, lng: 0 }, 400, 'DIRECTORY_SOURCE_COORDINATES'],
      [{ permitNo: '浙乐环许2018-001' }, 400, 'DIRECTORY_SOURCE_PERMIT_NO'],
      [{ permitNo: `${validCreditCode('330382', 'MA2EDT03')}01P` }, 400, 'DIRECTORY_SOURCE_PERMIT_NO'],
      [{ industryCode: '9999' }, 400, 'REGISTER_ROW_INDUSTRY_UNKNOWN'],
      [{ industryCode: 'X1' }, 400, 'REGISTER_ROW_INDUSTRY_CODE'],
      [{ regionCode: '330300' }, 400, 'DIRECTORY_SOURCE_REGION_LEVEL'],
      [{ regionCode: '330382999' }, 400, 'REGION_UNKNOWN'],
      [{ name: '   ' }, 400, 'DIRECTORY_SOURCE_NAME_EMPTY'],
      [{ category: 'factory' }, 400, 'REQUEST_INVALID'],
      [{ colour: 'red' }, 400, 'REQUEST_INVALID'],
    ];
    for (const [bad, status, code] of cases) {
      const r = await patch(huayu.id, { version: before.version, address: '不应写入', ...bad });
      expect([r.statusCode, r.json().error?.code], JSON.stringify(bad)).toEqual([status, code]);
    }
    const after = await get(huayu.id);
    expect(after).toEqual(before);
  });

  it('refuses an edit from a stale version (409) and an edit of a deleted source', async () => {
    const s = await add('乐清市版本冲突测试厂');
    expect((await patch(s.id, { version: s.version, phone: '1' })).statusCode).toBe(200);
    const stale = await patch(s.id, { version: s.version, phone: '2' });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'VERSION_CONFLICT']);
    expect((await get(s.id)).phone).toBe('1');
    const del = (await call(t.app, yueqing, 'POST', `/api/v1/sources/${s.id}/delete`, { version: s.version + 1, reason: 'closed' })).json();
    expect((await patch(s.id, { version: del.version, phone: '3' })).json().error.code).toBe('DIRECTORY_SOURCE_NOT_ACTIVE');
  });

  it('keeps hand edits through a re-match and a merge', async () => {
    await register('samr', [['乐清市恒信阀门有限公司', C_HENGXIN, '柳市镇恒信路1号', null, '林恒信']]);
    await match();
    const [found] = (await search('恒信阀门', false)).items;
    expect(found.fieldOrigins.address).toMatchObject({ department: 'samr' });
    const edited = (await patch(found.id, { version: found.version, address: '柳市镇新址路2号', legalRep: null })).json() as Src;
    expect(edited.fieldOrigins.legal_rep).toMatchObject({ manual: true });
    // Another department's row of the same unit links to it; the address typed by hand stays.
    await register('mee', [['乐清市恒信阀门有限公司', C_HENGXIN, '乐清市柳市镇恒信路1号', '0577-62220000', '林恒信']]);
    await match();
    const rematched = await get(found.id);
    expect((rematched.registerRows as unknown[]).length).toBe(2);
    expect(rematched).toMatchObject({ address: '柳市镇新址路2号', legalRep: null, fieldOrigins: { address: { manual: true }, legal_rep: { manual: true } } });
    // A merge fills the survivor's empty fields, but not one emptied by hand.
    const other = await add('乐清恒信阀门', { legalRep: '林某', phone: '0577-62221111' });
    const cand = await t.ctx.db.insertInto('merge_candidates').values({ province_code: '330000', region_code: '330382', source_a: found.id, source_b: other.id, score: 0.8 }).returning('id').executeTakeFirstOrThrow();
    const merged = await call(t.app, yueqing, 'POST', `/api/v1/directory/candidates/${cand.id}/merge`, { keep: found.id });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(await get(found.id)).toMatchObject({ address: '柳市镇新址路2号', legalRep: null, phone: rematched.phone ?? '0577-62221111' });
  });

  it('finds a name with a typo, a swap or a missing character, best first, and not the firm next door', async () => {
    for (const q of ['乐清市华宇电器有限公司', '乐清市宇华电气有限公司', '乐清市华电气有限公司', '华宇电器']) {
      const r = await search(q);
      expect(r.fuzzy, q).toBe(true);
      expect(r.nextCursor).toBeNull();
      const ids = r.items.map((x) => x.id);
      expect(ids, q).toContain(huayu.id);
      expect(ids, q).not.toContain(zhengtai.id);
      const sims = r.items.map((x) => x.similarity!);
      expect(Math.min(...sims)).toBeGreaterThanOrEqual(0.6);
      expect([...sims].sort((a, b) => b - a)).toEqual(sims);
    }
    // Not found by the exact fragment search, which is why the console then asks for similar names.
    expect((await search('宇华电气', false)).items.map((x) => x.id)).not.toContain(huayu.id);
    // A former name is searched too; another province sees nothing of 乐清市.
    // (its name alone scores 0.5 against this, under the threshold)
    expect((await search('乐清市翔路光电有限公司')).items.map((x) => x.id)).toContain(renamed.id);
    expect((await search('乐清市华宇电器有限公司', true, beibei)).items).toEqual([]);
    expect((await search('华', true)).items).toEqual([]);
  });
});
