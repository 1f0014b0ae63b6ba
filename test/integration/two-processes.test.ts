// Two `pucha serve` processes on one PostgreSQL database (issue 11): what one process does, the
// other knows at once — a session opened on A works on B, a logout or a user's change on B ends it
// on A, a change of the review chain on B is read on A, login attempts spread over both are
// counted together — and a job started through A runs exactly once, its progress readable on B.
// Each process is reached directly (no proxy), so which one answers is never left to chance.
// Every "at once" check first makes A cache what B then changes, so a per-process cache fails it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../helpers/databases.ts';
import { httpCall, httpLogin, type HttpSession } from '../helpers/http-session.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';

const onServer = databaseKinds().includes('postgres');

// PGlite is an embedded database: it belongs to one process, so there is no second one to test.
describe.skipIf(!onServer)('two processes on one PostgreSQL database (skipped without DATABASE_URL: the embedded PGlite belongs to one process)', () => {
  let server: ServerProcess;
  let A: string;
  let B: string;
  beforeAll(async () => {
    server = await startServerProcess('postgres', { processes: 2 });
    [A, B] = server.urls;
  });
  afterAll(() => server?.stop());

  const on = (s: HttpSession, base: string): HttpSession => ({ ...s, base });
  const sessionStatus = async (s: HttpSession, base: string) => (await fetch(`${base}/api/v1/session`, { headers: { cookie: s.cookie } })).status;

  it('a session opened on A works on B; a logout on B ends it on A at once', async () => {
    const s = await httpLogin(A, 'yueqing');
    expect(await sessionStatus(s, B)).toBe(200);
    expect(await sessionStatus(s, A)).toBe(200); // A keeps this read for a second
    await httpCall(on(s, B), 'DELETE', '/api/v1/session', undefined, 204);
    expect(await sessionStatus(s, A)).toBe(401);
    expect(await sessionStatus(s, B)).toBe(401);
  });

  it('a user disabled on B loses the session A holds', async () => {
    const nation = await httpLogin(B, 'nation');
    const s = await httpLogin(A, 'yq-reviewer');
    expect(await sessionStatus(s, A)).toBe(200);
    const users = await httpCall<{ items: Array<{ id: number; username: string; version: number }> }>(nation, 'GET', '/api/v1/users?q=yq-reviewer');
    const u = users.items.find((x) => x.username === 'yq-reviewer')!;
    await httpCall(nation, 'PATCH', `/api/v1/users/${u.id}`, { version: u.version, disabled: true });
    expect(await sessionStatus(s, A)).toBe(401);
  });

  it('the review chain changed on B is read on A at once', async () => {
    const nation = await httpLogin(A, 'nation');
    const enabled = async (base: string) =>
      (await httpCall<{ levels: Array<{ code: string; enabled: boolean }> }>(on(nation, base), 'GET', '/api/v1/review/chain')).levels.find((l) => l.code === 'city')!.enabled;
    const before = await enabled(A); // A keeps this read for five seconds
    await httpCall(on(nation, B), 'PUT', '/api/v1/review/chain', { levels: [{ code: 'city', enabled: !before }] });
    expect(await enabled(A)).toBe(!before);
    await httpCall(on(nation, B), 'PUT', '/api/v1/review/chain', { levels: [{ code: 'city', enabled: before }] });
    expect(await enabled(A)).toBe(before);
  });

  it('jobs started through A run exactly once each, whichever process takes them; B reads their progress', async () => {
    const nation = await httpLogin(A, 'nation');
    const regions = ['330382', '330300', '330000', '500000', '110000', '100000'];
    const ids: number[] = [];
    for (const regionCode of regions) ids.push((await httpCall<{ job: { id: number } }>(nation, 'POST', '/api/v1/accounting/recompute', { regionCode })).job.id);
    for (const id of ids) {
      await expect
        .poll(async () => (await httpCall<{ status: string }>(on(nation, B), 'GET', `/api/v1/jobs/${id}`)).status, { timeout: 60_000, interval: 200 })
        .toBe('succeeded');
      const job = await httpCall<{ status: string; attempts: number; progressDone: number }>(on(nation, B), 'GET', `/api/v1/jobs/${id}`);
      expect(job.attempts, `job ${id} was claimed more than once`).toBe(1);
      expect(job.progressDone).toBeGreaterThanOrEqual(0);
      expect(await httpCall<{ status: string }>(on(nation, A), 'GET', `/api/v1/jobs/${id}`)).toEqual(job);
    }
  });

  it('login attempts from one address spread over both processes are counted together', async () => {
    // A documentation address of its own, so no other test's logins share the count.
    const from = { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.23' };
    const codes: number[] = [];
    for (let i = 0; i < 32; i++) {
      const r = await fetch(`${i % 2 ? B : A}/api/v1/session`, { method: 'POST', headers: from, body: JSON.stringify({ username: `nobody-${i}`, password: 'wrong-password' }) });
      codes.push(r.status);
      await r.arrayBuffer();
    }
    // 30 per address in five minutes, all processes together: the 31st is refused wherever it lands.
    expect(codes.slice(0, 30)).toEqual(Array(30).fill(401));
    expect(codes.slice(30)).toEqual([429, 429]);
  });
});
