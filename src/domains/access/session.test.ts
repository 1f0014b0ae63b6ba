import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { databaseKinds } from '../../../test/helpers/databases.ts';
import { forgetSessions } from './session-cache.ts';

describe.each(databaseKinds())('sessions on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { worker: false });
  });
  afterAll(() => t.close());

  it('logs in with an HttpOnly SameSite cookie and answers who is logged in', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'Yueqing', password: 'Pucha2018' } });
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === 'pucha_sid')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Lax');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: `pucha_sid=${c.value}` } });
    expect(me.json()).toMatchObject({ username: 'yueqing', role: 'regional-office', regionCode: '330382', regionName: '乐清市' });
    expect(me.json().permissions).toContain('users.write');
    expect(me.json().sourceId).toBeNull();
  });

  it("tells a respondent its own source (the console opens that source's survey)", async () => {
    const office = await login(t.app, 'yueqing');
    const src = await call(t.app, office, 'POST', '/api/v1/sources', { regionCode: '330382', name: '乐清市会话测试厂', category: 'industrial' });
    expect(src.statusCode, src.body).toBe(201);
    const u = await call(t.app, office, 'POST', '/api/v1/users', { username: 'session-resp', displayName: '会话填报人', password: 'Session2018', role: 'respondent', regionCode: '330382', sourceId: src.json().id });
    expect(u.statusCode, u.body).toBe(201);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'session-resp', password: 'Session2018' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'respondent', sourceId: src.json().id });
    const c = res.cookies.find((x) => x.name === 'pucha_sid')!;
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: `pucha_sid=${c.value}` } });
    expect(me.json().sourceId).toBe(src.json().id);
  });

  it('stores only a hash of the session token', async () => {
    const s = await login(t.app, 'wenzhou');
    const token = s.cookie.split('=')[1];
    const rows = await t.ctx.db.selectFrom('sessions').select('id').execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.id === token)).toBe(false);
  });

  it('refuses a state change without the CSRF token', async () => {
    const s = await login(t.app, 'yueqing');
    const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/regions/330382', headers: { cookie: s.cookie }, payload: { pilot: true } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('AUTH_CSRF');
    // One character changed (a token that happens to start with 'x' must still come out wrong).
    const other = (s.csrf[0] === 'x' ? 'y' : 'x') + s.csrf.slice(1);
    const wrong = await t.app.inject({ method: 'PATCH', url: '/api/v1/regions/330382', headers: { cookie: s.cookie, 'x-csrf-token': other }, payload: { pilot: true } });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('AUTH_CSRF');
  });

  it('logs out: the cookie stops working', async () => {
    const s = await login(t.app, 'zhejiang');
    expect((await call(t.app, s, 'DELETE', '/api/v1/session')).statusCode).toBe(204);
    const me = await call(t.app, s, 'GET', '/api/v1/session');
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('AUTH_REQUIRED');
  });

  it('ends a session that has been idle too long, also when its read is cached', async () => {
    const s = await login(t.app, 'beibei');
    const user = (await t.ctx.db.selectFrom('users').select('id').where('username', '=', 'beibei').executeTakeFirstOrThrow()).id;
    await t.ctx.db.updateTable('sessions').set({ expires_at: new Date(Date.now() + 300) }).where('user_id', '=', user).execute();
    forgetSessions(); // read afresh, as after the cache's second
    expect((await call(t.app, s, 'GET', '/api/v1/session')).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 400));
    expect((await call(t.app, s, 'GET', '/api/v1/session')).statusCode).toBe(401);
    expect(await t.ctx.db.selectFrom('sessions').select('id').where('user_id', '=', user).execute()).toEqual([]);
  });

  it('keeps a session read for at most a second when the change comes from outside this process', async () => {
    const s = await login(t.app, 'beibei');
    expect((await call(t.app, s, 'GET', '/api/v1/session')).statusCode).toBe(200);
    // As another process (or an operator in SQL) would: this process is not told.
    await t.ctx.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000) }).where('user_id', '=', (await t.ctx.db.selectFrom('users').select('id').where('username', '=', 'beibei').executeTakeFirstOrThrow()).id).execute();
    await new Promise((r) => setTimeout(r, 1100));
    expect((await call(t.app, s, 'GET', '/api/v1/session')).statusCode).toBe(401);
  });

  it('locks an account after five wrong passwords, even against the right one, and changes nothing else', async () => {
    const before = await t.ctx.db.selectFrom('users').select(['password_hash', 'role', 'region_code', 'version']).where('username', '=', 'yq-reviewer').executeTakeFirstOrThrow();
    const codes: string[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'yq-reviewer', password: `wrong${i}xx` } });
      codes.push(`${r.statusCode} ${r.json().error.code}`);
    }
    expect(codes.slice(0, 4)).toEqual(Array(4).fill('401 AUTH_INVALID_CREDENTIALS'));
    expect(codes.slice(4)).toEqual(Array(6).fill('429 AUTH_LOCKED'));
    const right = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'yq-reviewer', password: 'Pucha2018' } });
    expect(right.statusCode).toBe(429);
    expect(right.json().error.message.en).toMatch(/try again in \d+ minutes/);
    const after = await t.ctx.db.selectFrom('users').select(['password_hash', 'role', 'region_code', 'version']).where('username', '=', 'yq-reviewer').executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });

  it('answers an unknown user like a wrong password', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'nobody-here', password: 'Pucha2018' } });
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
  });
});
