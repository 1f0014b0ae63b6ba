import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestApp, type Session, type TestApp } from '../../../test/helpers/app.ts';
import { databaseKinds } from '../../../test/helpers/databases.ts';

describe.each(databaseKinds())('regions API on %s', (kind) => {
  let t: TestApp;
  let nation: Session;
  let yueqing: Session;
  beforeAll(async () => {
    t = await startTestApp(kind, { worker: false });
    nation = await login(t.app, 'nation');
    yueqing = await login(t.app, 'yueqing');
  });
  afterAll(() => t.close());

  it('answers one region with its path from the nation', async () => {
    const r = await call(t.app, nation, 'GET', '/api/v1/regions/330382');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ code: '330382', name: '乐清市', level: 'county', parentCode: '330300' });
    expect(r.json().path.map((p: { code: string }) => p.code)).toEqual(['100000', '330000', '330300', '330382']);
    expect((await call(t.app, nation, 'GET', '/api/v1/regions/500109')).json().name).toBe('北碚区');
  });

  it('lists children in code order', async () => {
    const r = await call(t.app, nation, 'GET', '/api/v1/regions/330300/children');
    const items = r.json().items as Array<{ code: string; name: string; hasChildren: boolean }>;
    expect(items.find((i) => i.code === '330382')).toMatchObject({ name: '乐清市', hasChildren: true });
    expect(items.map((i) => i.code)).toEqual([...items.map((i) => i.code)].sort());
    const provinces = (await call(t.app, nation, 'GET', '/api/v1/regions/100000/children')).json().items;
    expect(provinces).toHaveLength(32);
  });

  it('finds regions by Chinese name, pinyin, initials and code prefix', async () => {
    const first = async (q: string) => (await call(t.app, nation, 'GET', `/api/v1/regions?q=${encodeURIComponent(q)}`)).json().items[0]?.code;
    expect(await first('乐清')).toBe('330382');
    expect(await first('yueqing')).toBe('330382');
    // initials are ambiguous (阳泉市 is yqs too): the county is among the hits
    const yqs = (await call(t.app, nation, 'GET', '/api/v1/regions?q=yqs')).json().items.map((i: { code: string }) => i.code);
    expect(yqs).toContain('330382');
    expect(await first('3303')).toBe('330300');
    expect(await first('北碚')).toBe('500109');
  });

  it('keeps a county user inside its county (and the chain above it)', async () => {
    expect((await call(t.app, yueqing, 'GET', '/api/v1/regions/330300')).statusCode).toBe(200);
    expect((await call(t.app, yueqing, 'GET', '/api/v1/regions/330382001')).statusCode).toBe(200);
    const other = await call(t.app, yueqing, 'GET', '/api/v1/regions/500109');
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('REGION_NOT_FOUND');
    const kids = (await call(t.app, yueqing, 'GET', '/api/v1/regions/330300/children')).json().items;
    expect(kids.map((k: { code: string }) => k.code)).toEqual(['330382']);
    const found = (await call(t.app, yueqing, 'GET', '/api/v1/regions?q=北碚')).json().items;
    expect(found).toEqual([]);
  });

  it('answers an unknown code with a coded 404 and a malformed one with 400', async () => {
    const r = await call(t.app, nation, 'GET', '/api/v1/regions/999999');
    expect(r.statusCode).toBe(404);
    expect(r.json().error.message.zh).toContain('999999');
    expect((await call(t.app, nation, 'GET', '/api/v1/regions/abc')).json().error.code).toBe('REQUEST_INVALID');
  });

  it('flags a pilot county, audited, and refuses a township', async () => {
    const r = await call(t.app, yueqing, 'PATCH', '/api/v1/regions/330382', { pilot: false });
    expect(r.statusCode).toBe(200);
    expect(r.json().pilot).toBe(false);
    const audit = (await call(t.app, nation, 'GET', '/api/v1/audit?entity=region&entityId=330382')).json().items;
    expect(audit[0]).toMatchObject({ action: 'region.pilot', actorUsername: 'yueqing', before: { pilot: true }, after: { pilot: false } });
    expect((await call(t.app, yueqing, 'PATCH', '/api/v1/regions/330382001', { pilot: true })).statusCode).toBe(400);
    expect((await call(t.app, yueqing, 'PATCH', '/api/v1/regions/500109', { pilot: false })).statusCode).toBe(404);
  });
});
