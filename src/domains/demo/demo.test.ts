import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { databaseKinds } from '../../../test/helpers/databases.ts';
import { DEMO_USERS } from './demo-data.ts';

describe.each(databaseKinds())('demo census on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('reloads through the API as a job: every account logs in again, the directory is matched with pairs left to review', async () => {
    const nation = await login(t.app, 'nation');
    const res = await call(t.app, nation, 'POST', '/api/v1/demo');
    expect(res.statusCode).toBe(202);
    await t.ctx.jobs.drain();
    const job = (await call(t.app, nation, 'GET', `/api/v1/jobs/${res.json().job.id}`)).json();
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ users: DEMO_USERS.length, directoryMatchJob: expect.any(Number) });
    for (const u of DEMO_USERS) await login(t.app, u.username);

    const yueqing = await login(t.app, 'yueqing');
    const registers = (await call(t.app, yueqing, 'GET', '/api/v1/registers')).json().items;
    expect(registers.map((r: { department: string }) => r.department).sort()).toEqual(['mee', 'samr', 'stats', 'tax']);
    const match = (await call(t.app, nation, 'GET', `/api/v1/jobs/${job.result.directoryMatchJob}`)).json();
    expect(match.status).toBe('succeeded');
    // Four departments' rows (about three per firm) fold into far fewer sources.
    expect(match.result.sourcesCreated).toBeGreaterThan(100);
    expect(match.result.sourcesCreated).toBeLessThan(match.result.rowsRead / 2);
    const queue = (await call(t.app, yueqing, 'GET', '/api/v1/directory/candidates?limit=100')).json().items;
    expect(queue.length).toBeGreaterThan(0);

    // The inventory of 乐清市 (a job after matching): 25 townships with zones, 12 finished, disputes to settle.
    const progress = (await call(t.app, yueqing, 'GET', '/api/v1/inventory/progress?region=330382')).json();
    const towns = progress.rows.filter((r: { level: string }) => r.level === 'township');
    expect(towns).toHaveLength(25);
    const finished = towns.filter((r: { sources: number; completion: number }) => r.sources > 0 && r.completion === 1);
    expect(finished).toHaveLength(12);
    expect(progress.total.disputed).toBeGreaterThan(0);
    expect(progress.total.confirmed).toBeGreaterThan(progress.total.disputed);
    expect(Object.keys(progress.total.byState).sort()).toEqual(['added', 'closed', 'deleted', 'normal', 'suspended', 'to-verify']);
    const teams = (await call(t.app, yueqing, 'GET', '/api/v1/teams?limit=100')).json().items;
    expect(teams.filter((x: { kind: string }) => x.kind === 'paired').length).toBeGreaterThanOrEqual(7);
    const taker = await login(t.app, 'yq-enumerator');
    const mine = (await call(t.app, taker, 'GET', '/api/v1/inventory/packages/mine')).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0].visited).toBeLessThan(mine[0].sources);

    // Reloading again keeps the registers (no second copy).
    const again = await call(t.app, nation, 'POST', '/api/v1/demo');
    await t.ctx.jobs.drain();
    expect((await call(t.app, nation, 'GET', `/api/v1/jobs/${again.json().job.id}`)).json().result.directoryMatchJob).toBeNull();
    expect((await call(t.app, yueqing, 'GET', '/api/v1/registers')).json().items).toHaveLength(4);
  });
});
