import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { databaseKinds } from '../../../test/helpers/databases.ts';
import { parseVillageLine } from './villages.ts';

describe('village CSV lines', () => {
  it('reads code, name and township', () => {
    expect(parseVillageLine('330382001001,"南大街社区居民委员会",330382001,33,3303,330382')).toEqual({ code: '330382001001', name: '南大街社区居民委员会', parent: '330382001' });
    expect(parseVillageLine('code,name,streetCode,provinceCode,cityCode,areaCode')).toBeUndefined();
  });
});

describe.each(databaseKinds())('village loading job on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { worker: false });
  });
  afterAll(() => t.close());

  it('is for the national office only', async () => {
    const zj = await login(t.app, 'zhejiang');
    expect((await call(t.app, zj, 'POST', '/api/v1/regions/villages')).statusCode).toBe(403);
  });

  it('resumes after the rows its checkpoint says are loaded', async () => {
    const nation = await login(t.app, 'nation');
    const res = await call(t.app, nation, 'POST', '/api/v1/regions/villages');
    expect(res.statusCode).toBe(202);
    const id = res.json().job.id;
    // Pretend an earlier run stopped after 620,000 rows: only the last 573 remain.
    await t.ctx.db.updateTable('jobs').set({ checkpoint: JSON.stringify({ done: 620_000 }) }).where('id', '=', id).execute();
    await t.ctx.jobs.start();
    await t.ctx.jobs.drain();
    const job = (await call(t.app, nation, 'GET', `/api/v1/jobs/${id}`)).json();
    expect(job).toMatchObject({ status: 'succeeded', progressDone: 620_573, result: { villages: 620_573 } });
    const villages = await t.ctx.db.selectFrom('regions').select((eb) => eb.fn.countAll().as('n')).where('level', '=', 'village').executeTakeFirstOrThrow();
    expect(Number(villages.n)).toBe(573);
    const last = await t.ctx.db.selectFrom('regions').select(['code', 'parent_code', 'level']).where('level', '=', 'village').orderBy('code', 'desc').executeTakeFirstOrThrow();
    expect(last.parent_code).toBe(last.code.slice(0, 9));
  });
});
