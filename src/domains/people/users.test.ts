// Users through the API, on every test database: creation rules, scope, the
// optimistic lock, disabling and passwords, with their audit rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestApp, type Session, type TestApp } from '../../../test/helpers/app.ts';
import { databaseKinds } from '../../../test/helpers/databases.ts';
import { isUniqueViolation } from './common.sql.ts';
import { linkSource, updateUser as updateUserRow } from './users.sql.ts';
import { discardUnfinishedRuns } from '../directory/matching/match.sql.ts';

describe.each(databaseKinds())('users on %s', (kind) => {
  let t: TestApp;
  let nation: Session;
  let yueqing: Session;
  let seq = 0;

  beforeAll(async () => {
    t = await startTestApp(kind);
    nation = await login(t.app, 'nation');
    yueqing = await login(t.app, 'yueqing');
  });
  afterAll(() => t.close());

  const idOf = async (username: string): Promise<number> => {
    const res = await call(t.app, nation, 'GET', `/api/v1/users?q=${encodeURIComponent(username)}`);
    return res.json().items.find((u: { username: string }) => u.username === username).id;
  };
  const newUser = (over: Record<string, unknown> = {}) => ({
    username: `yq-test-${++seq}`,
    displayName: `测试普查员 ${seq}`,
    password: 'Census2018',
    role: 'enumerator',
    regionCode: '330382001',
    ...over,
  });
  const create = async (s: Session, over: Record<string, unknown> = {}) => {
    const res = await call(t.app, s, 'POST', '/api/v1/users', newUser(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const audit = async (id: number) =>
    (await call(t.app, nation, 'GET', `/api/v1/audit?entity=user&entityId=${id}`)).json().items as Array<{ action: string; before: unknown; after: unknown; regionCode: string }>;
  const errorOf = (res: { statusCode: number; json(): { error: { code: string } } }) => [res.statusCode, res.json().error.code];

  it('creates a user that is listed, can log in, and is audited without its password', async () => {
    const res = await call(t.app, yueqing, 'POST', '/api/v1/users', newUser({ username: 'Yq-Created', phone: '13800000001', department: 'stats' }));
    expect(res.statusCode, res.body).toBe(201);
    const u = res.json();
    const region = (await call(t.app, yueqing, 'GET', '/api/v1/regions/330382001')).json();
    expect(u).toMatchObject({
      username: 'Yq-Created',
      role: 'enumerator',
      regionCode: '330382001',
      regionName: region.name,
      department: null, // kept for department reviewers only
      agencyId: null,
      phone: '13800000001',
      disabled: false,
      version: 1,
    });
    expect(u).not.toHaveProperty('passwordHash');

    const list = await call(t.app, yueqing, 'GET', '/api/v1/users?q=yq-crea');
    expect(list.json().items.map((x: { id: number }) => x.id)).toEqual([u.id]);

    const rows = await audit(u.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'user.create', before: null, regionCode: '330382001' });
    expect(rows[0].after).toEqual({
      username: 'Yq-Created', displayName: u.displayName, role: 'enumerator', regionCode: '330382001',
      department: null, agencyId: null, phone: '13800000001', disabled: false,
    });
    expect(JSON.stringify(rows[0])).not.toMatch(/scrypt|Census2018|password/i);

    await login(t.app, 'yq-created', 'Census2018');
  });

  it('refuses a taken username whatever its case', async () => {
    const res = await call(t.app, yueqing, 'POST', '/api/v1/users', newUser({ username: 'YQ-Enumerator' }));
    expect(errorOf(res)).toEqual([409, 'USER_USERNAME_TAKEN']);
  });

  it('refuses an unknown region (400) before an outside one (403)', async () => {
    expect(errorOf(await call(t.app, yueqing, 'POST', '/api/v1/users', newUser({ regionCode: '339999' })))).toEqual([400, 'REGION_UNKNOWN']);
    expect(errorOf(await call(t.app, yueqing, 'POST', '/api/v1/users', newUser({ regionCode: '500109' })))).toEqual([403, 'USER_SCOPE_OUTSIDE']);
    expect(errorOf(await call(t.app, yueqing, 'POST', '/api/v1/users', newUser({ regionCode: '330300' })))).toEqual([403, 'USER_SCOPE_OUTSIDE']);
  });

  it('refuses a role the actor may not grant', async () => {
    const res = await call(t.app, yueqing, 'POST', '/api/v1/users', newUser({ role: 'national-office', regionCode: '330382' }));
    expect(errorOf(res)).toEqual([403, 'USER_ROLE_NOT_ALLOWED']);
    const enumerator = await login(t.app, 'yq-enumerator');
    expect(errorOf(await call(t.app, enumerator, 'POST', '/api/v1/users', newUser()))).toEqual([403, 'AUTH_FORBIDDEN']);
  });

  it('needs a department, an agency in scope and a strong password', async () => {
    const post = (over: Record<string, unknown>) => call(t.app, yueqing, 'POST', '/api/v1/users', newUser(over));
    expect(errorOf(await post({ role: 'department-reviewer' }))).toEqual([400, 'USER_DEPARTMENT_REQUIRED']);
    expect(errorOf(await post({ role: 'agency-staff' }))).toEqual([400, 'USER_AGENCY_REQUIRED']);
    const bbAgency = (await call(t.app, nation, 'GET', '/api/v1/agencies?q=碚城')).json().items[0].id;
    expect(errorOf(await post({ role: 'agency-staff', agencyId: bbAgency }))).toEqual([404, 'AGENCY_NOT_FOUND']);
    expect(errorOf(await post({ password: 'abcdefgh' }))).toEqual([400, 'AUTH_PASSWORD_WEAK']);
    expect(errorOf(await post({ username: 'a b' }))).toEqual([400, 'USER_USERNAME_INVALID']);
    expect(errorOf(await post({ isAdmin: true }))).toEqual([400, 'REQUEST_INVALID']);
    const yqAgency = (await call(t.app, yueqing, 'GET', '/api/v1/agencies')).json().items[0].id;
    const staff = await create(yueqing, { role: 'agency-staff', agencyId: yqAgency, regionCode: '330382' });
    expect(staff.agencyName).toBe('乐清市绿源环境技术服务有限公司');
    const stats = await create(yueqing, { role: 'department-reviewer', department: 'stats', regionCode: '330382' });
    expect(stats.department).toBe('stats');
  });

  it('answers 404 for a user outside the scope, exactly as for a missing one', async () => {
    const beibei = await idOf('beibei');
    const read = await call(t.app, yueqing, 'GET', `/api/v1/users/${beibei}`);
    expect(errorOf(read)).toEqual([404, 'USER_NOT_FOUND']);
    expect(read.json()).toEqual((await call(t.app, yueqing, 'GET', '/api/v1/users/999999')).json());
    expect(errorOf(await call(t.app, yueqing, 'PATCH', `/api/v1/users/${beibei}`, { version: 1, displayName: 'x' }))).toEqual([404, 'USER_NOT_FOUND']);
    expect((await call(t.app, nation, 'GET', `/api/v1/users/${beibei}`)).json().username).toBe('beibei');
  });

  it('refuses a stale version and changes nothing', async () => {
    const u = await create(yueqing);
    const first = await call(t.app, yueqing, 'PATCH', `/api/v1/users/${u.id}`, { version: u.version, displayName: '改名一' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ displayName: '改名一', version: u.version + 1 });
    const stale = await call(t.app, yueqing, 'PATCH', `/api/v1/users/${u.id}`, { version: u.version, displayName: '改名二', phone: '110' });
    expect(errorOf(stale)).toEqual([409, 'VERSION_CONFLICT']);
    const now = (await call(t.app, yueqing, 'GET', `/api/v1/users/${u.id}`)).json();
    expect(now).toMatchObject({ displayName: '改名一', phone: null, version: u.version + 1 });
    const rows = await audit(u.id);
    expect(rows.map((r) => r.action)).toEqual(['user.update', 'user.create']);
    expect(rows[0]).toMatchObject({ before: { displayName: u.displayName }, after: { displayName: '改名一' } });
  });

  it('guards the update itself by version, for two writers racing past the first check', async () => {
    const u = await create(yueqing);
    const applied = await t.ctx.db.transaction().execute(async (trx) => [
      await updateUserRow(trx, u.id, u.version, { displayName: '先到' }),
      await updateUserRow(trx, u.id, u.version, { displayName: '后到' }),
    ]);
    expect(applied).toEqual([u.id, undefined]);
    expect((await call(t.app, yueqing, 'GET', `/api/v1/users/${u.id}`)).json()).toMatchObject({ displayName: '先到', version: u.version + 1 });
  });

  it('recognises the database refusing a duplicate username, for the race past the first check', async () => {
    const dup = t.ctx.db
      .insertInto('users')
      .values({ username: 'YQ-ENUMERATOR', display_name: 'x', password_hash: 'x', role: 'enumerator', region_code: '330382' })
      .execute();
    const e = await dup.then(() => undefined, (err: unknown) => err);
    expect(isUniqueViolation(e, 'users_username_uq')).toBe(true);
    expect(isUniqueViolation(e, 'agencies_name_region_uq')).toBe(false);
  });

  it('disabling a user ends its sessions and its logins until it is enabled again', async () => {
    const u = await create(yueqing);
    const own = await login(t.app, u.username, 'Census2018');
    expect((await call(t.app, own, 'GET', '/api/v1/session')).statusCode).toBe(200);

    const off = await call(t.app, yueqing, 'PATCH', `/api/v1/users/${u.id}`, { version: 1, disabled: true });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().disabled).toBe(true);
    expect(errorOf(await call(t.app, own, 'GET', '/api/v1/session'))).toEqual([401, 'AUTH_REQUIRED']);
    const sessions = await t.ctx.db.selectFrom('sessions').select('id').where('user_id', '=', u.id).execute();
    expect(sessions).toEqual([]);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: u.username, password: 'Census2018' } });
    expect(errorOf(again)).toEqual([401, 'AUTH_INVALID_CREDENTIALS']);
    expect((await call(t.app, yueqing, 'GET', '/api/v1/users?disabled=true')).json().items.map((x: { id: number }) => x.id)).toContain(u.id);

    const on = await call(t.app, yueqing, 'PATCH', `/api/v1/users/${u.id}`, { version: 2, disabled: false });
    expect(on.json().disabled).toBe(false);
    await login(t.app, u.username, 'Census2018');
    const rows = await audit(u.id);
    expect(rows.slice(0, 2).map((r) => [r.action, r.before, r.after])).toEqual([
      ['user.enable', { disabled: true }, { disabled: false }],
      ['user.disable', { disabled: false }, { disabled: true }],
    ]);
  });

  it('a new password replaces the old one, ends sessions and is audited without the password', async () => {
    const u = await create(yueqing);
    const own = await login(t.app, u.username, 'Census2018');
    expect(errorOf(await call(t.app, yueqing, 'PATCH', `/api/v1/users/${u.id}`, { version: 1, password: 'short' }))).toEqual([400, 'AUTH_PASSWORD_WEAK']);
    const res = await call(t.app, yueqing, 'PATCH', `/api/v1/users/${u.id}`, { version: 1, password: 'NewPass2019' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await call(t.app, own, 'GET', '/api/v1/session')).statusCode).toBe(401);
    await login(t.app, u.username, 'NewPass2019');
    const old = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: u.username, password: 'Census2018' } });
    expect(old.statusCode).toBe(401);
    const rows = await audit(u.id);
    expect(rows[0]).toMatchObject({ action: 'user.password', before: null, after: { passwordChanged: true } });
    expect(JSON.stringify(rows)).not.toMatch(/scrypt|NewPass2019/);
  });

  it('an actor cannot lock itself out but may rename itself', async () => {
    const me = await idOf('yueqing');
    const v = (await call(t.app, yueqing, 'GET', `/api/v1/users/${me}`)).json().version;
    const patch = (body: Record<string, unknown>) => call(t.app, yueqing, 'PATCH', `/api/v1/users/${me}`, { version: v, ...body });
    expect(errorOf(await patch({ disabled: true }))).toEqual([409, 'USER_SELF_LOCKOUT']);
    expect(errorOf(await patch({ role: 'reviewer' }))).toEqual([409, 'USER_SELF_LOCKOUT']);
    expect(errorOf(await patch({ regionCode: '330382001' }))).toEqual([409, 'USER_SELF_LOCKOUT']);
    const ok = await patch({ displayName: '乐清市普查办 张伟（主任）' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await call(t.app, yueqing, 'GET', '/api/v1/session')).statusCode).toBe(200);
  });

  it('a role change re-checks its needs and clears what no longer applies', async () => {
    const u = await create(yueqing, { role: 'department-reviewer', department: 'tax', regionCode: '330382' });
    const patch = (body: Record<string, unknown>) => call(t.app, yueqing, 'PATCH', `/api/v1/users/${u.id}`, body);
    expect(errorOf(await patch({ version: 1, role: 'agency-staff' }))).toEqual([400, 'USER_AGENCY_REQUIRED']);
    const res = await patch({ version: 1, role: 'reviewer', phone: '0577-1234567' });
    expect(res.json()).toMatchObject({ role: 'reviewer', department: null, phone: '0577-1234567', version: 2 });
    const cleared = await patch({ version: 2, phone: null });
    expect(cleared.json().phone).toBeNull();
    const rows = await audit(u.id);
    expect(rows[1]).toMatchObject({ action: 'user.update', before: { role: 'department-reviewer', department: 'tax' }, after: { role: 'reviewer', department: null } });
  });

  it('moves a user only inside the scope', async () => {
    const wenzhou = await login(t.app, 'wenzhou');
    const u = await create(yueqing);
    expect(errorOf(await call(t.app, wenzhou, 'PATCH', `/api/v1/users/${u.id}`, { version: 1, regionCode: '500109' }))).toEqual([403, 'USER_SCOPE_OUTSIDE']);
    const moved = await call(t.app, wenzhou, 'PATCH', `/api/v1/users/${u.id}`, { version: 1, regionCode: '330381' });
    expect(moved.json()).toMatchObject({ regionCode: '330381', version: 2 });
    expect(errorOf(await call(t.app, yueqing, 'GET', `/api/v1/users/${u.id}`))).toEqual([404, 'USER_NOT_FOUND']);
  });

  it('lists within the scope, filtered and paged by id', async () => {
    const all = (await call(t.app, yueqing, 'GET', '/api/v1/users?limit=500')).json().items as Array<{ id: number; regionCode: string; role: string }>;
    expect(all.length).toBeGreaterThan(5);
    expect(all.every((u) => u.regionCode.startsWith('330382'))).toBe(true);
    expect(all.map((u) => u.id)).toEqual([...all.map((u) => u.id)].sort((a, b) => b - a));

    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const pageRes = await call(t.app, yueqing, 'GET', `/api/v1/users?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      const body = pageRes.json();
      expect(body.items.length).toBeLessThanOrEqual(3);
      seen.push(...body.items.map((u: { id: number }) => u.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((u) => u.id));

    const reviewers = (await call(t.app, yueqing, 'GET', '/api/v1/users?role=reviewer')).json().items;
    expect(reviewers.length).toBeGreaterThan(0);
    expect(reviewers.every((u: { role: string }) => u.role === 'reviewer')).toBe(true);

    const township = (await call(t.app, nation, 'GET', '/api/v1/users?region=330382001&limit=500')).json().items;
    expect(township.length).toBeGreaterThan(0);
    expect(township.every((u: { regionCode: string }) => u.regionCode.startsWith('330382001'))).toBe(true);
    // A region above the actor narrows to the actor's own scope; a disjoint one finds nothing.
    expect((await call(t.app, yueqing, 'GET', '/api/v1/users?region=330000&limit=500')).json().items).toHaveLength(all.length);
    expect((await call(t.app, yueqing, 'GET', '/api/v1/users?region=500109')).json()).toEqual({ items: [], nextCursor: null });

    const byName = (await call(t.app, nation, 'GET', `/api/v1/users?q=${encodeURIComponent('北碚区普查办')}`)).json().items;
    expect(byName.map((u: { username: string }) => u.username)).toEqual(['beibei']);
    expect((await call(t.app, nation, 'GET', '/api/v1/users?q=%25')).json().items).toEqual([]);
    expect((await call(t.app, nation, 'GET', '/api/v1/users?q=_')).json().items).toEqual([]);
  });
  it("links an enterprise's account only to a source that exists (no foreign key holds it: users is a reference table)", async () => {
    const db = t.ctx.db;
    const user = await db.selectFrom('users').select(['id', 'source_id']).where('username', '=', 'yueqing').executeTakeFirstOrThrow();
    const missing = Number((await db.selectFrom('sources').select((e) => e.fn.max('id').as('m')).executeTakeFirstOrThrow()).m) + 1000;
    expect(await db.transaction().execute((trx) => linkSource(trx, user.id, missing))).toBe(false);
    expect((await db.selectFrom('users').select('source_id').where('id', '=', user.id).executeTakeFirstOrThrow()).source_id).toBe(user.source_id);
  });
  it('undoing an unfinished match run keeps a source an account names, and drops the others it made', async () => {
    const db = t.ctx.db;
    const run = Number((await db.insertInto('match_runs').values({ region_code: '330382', job_id: 987_654_321, thresholds: '{}' }).returning('id').executeTakeFirstOrThrow()).id);
    const made = async (name: string) => Number((await db.insertInto('sources').values({ region_code: '330382', province_code: '330000', name, origin: 'register', match_run: run }).returning('id').executeTakeFirstOrThrow()).id);
    const named = await made('乐清市撤销运行保留厂');
    const other = await made('乐清市撤销运行删除厂');
    const user = await db.selectFrom('users').select('id').where('username', '=', 'yq-enumerator').executeTakeFirstOrThrow();
    await db.updateTable('users').set({ source_id: named }).where('id', '=', user.id).execute();
    await discardUnfinishedRuns(db, 987_654_321);
    const left = (await db.selectFrom('sources').select('id').where('id', 'in', [named, other]).execute()).map((r) => Number(r.id));
    expect(left).toEqual([named]);
    await db.updateTable('users').set({ source_id: null }).where('id', '=', user.id).execute();
  });
});
