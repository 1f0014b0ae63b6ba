// Agencies and teams through the API, on every test database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestApp, type Session, type TestApp } from '../../../test/helpers/app.ts';
import { databaseKinds } from '../../../test/helpers/databases.ts';
import { creditCodeCheck } from '../../core/identifiers/credit-code.ts';

/** A valid credit code built from a 17-character stem. */
const creditCode = (stem: string) => stem + creditCodeCheck(stem);

describe.each(databaseKinds())('agencies and teams on %s', (kind) => {
  let t: TestApp;
  let nation: Session;
  let yueqing: Session;
  let beibei: Session;

  beforeAll(async () => {
    t = await startTestApp(kind);
    [nation, yueqing, beibei] = await Promise.all(['nation', 'yueqing', 'beibei'].map((u) => login(t.app, u)));
  });
  afterAll(() => t.close());

  const errorOf = (res: { statusCode: number; json(): { error: { code: string } } }) => [res.statusCode, res.json().error.code];
  const userId = async (username: string): Promise<number> =>
    (await call(t.app, nation, 'GET', `/api/v1/users?q=${username}`)).json().items.find((u: { username: string }) => u.username === username).id;
  const agencyId = async (q: string): Promise<number> => (await call(t.app, nation, 'GET', `/api/v1/agencies?q=${encodeURIComponent(q)}`)).json().items[0].id;

  describe('agencies', () => {
    it('creates, reads, lists and changes an agency, audited', async () => {
      const code = creditCode('91330382MA2XY1234');
      const res = await call(t.app, yueqing, 'POST', '/api/v1/agencies', {
        name: ' 乐清市清源检测有限公司 ',
        regionCode: '330382',
        creditCode: code.toLowerCase().replace('9', '９'), // full-width and lower case are normalised
        contact: '林涛',
        phone: '0577-61880009',
      });
      expect(res.statusCode, res.body).toBe(201);
      const a = res.json();
      expect(a).toMatchObject({ name: '乐清市清源检测有限公司', regionCode: '330382', regionName: '乐清市', creditCode: code, contact: '林涛', contractRef: null, version: 1 });

      expect((await call(t.app, yueqing, 'GET', `/api/v1/agencies/${a.id}`)).json()).toEqual(a);
      const list = (await call(t.app, yueqing, 'GET', '/api/v1/agencies')).json();
      expect(list.items.map((x: { id: number }) => x.id)).toContain(a.id);
      expect(list.items.every((x: { regionCode: string }) => x.regionCode.startsWith('330382'))).toBe(true);
      expect((await call(t.app, yueqing, 'GET', `/api/v1/agencies?q=${code.slice(10)}`)).json().items.map((x: { id: number }) => x.id)).toEqual([a.id]);

      const patched = await call(t.app, yueqing, 'PATCH', `/api/v1/agencies/${a.id}`, { version: 1, contractRef: '乐污普采〔2018〕7号', contact: null });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json()).toMatchObject({ contractRef: '乐污普采〔2018〕7号', contact: null, version: 2 });
      expect(errorOf(await call(t.app, yueqing, 'PATCH', `/api/v1/agencies/${a.id}`, { version: 1, contact: '林' }))).toEqual([409, 'VERSION_CONFLICT']);

      const audit = (await call(t.app, yueqing, 'GET', `/api/v1/audit?entity=agency&entityId=${a.id}`)).json().items;
      expect(audit.map((r: { action: string }) => r.action)).toEqual(['agency.update', 'agency.create']);
      expect(audit[0].before).toEqual({ contact: '林涛', contractRef: null });
      expect(audit[0].after).toEqual({ contact: null, contractRef: '乐污普采〔2018〕7号' });
      expect(audit[1].before).toBeNull();
    });

    it('refuses an invalid credit code, a taken name and a region outside the scope', async () => {
      const post = (body: Record<string, unknown>) => call(t.app, yueqing, 'POST', '/api/v1/agencies', { name: '某机构', regionCode: '330382', ...body });
      const bad = await post({ creditCode: '91330382MA2AB3C4D2' });
      expect(errorOf(bad)).toEqual([400, 'AGENCY_CREDIT_CODE_INVALID']);
      expect(bad.json().error.message.zh).toContain('91330382MA2AB3C4D2');
      expect(errorOf(await post({ name: '乐清市绿源环境技术服务有限公司' }))).toEqual([409, 'AGENCY_NAME_TAKEN']);
      expect(errorOf(await post({ regionCode: '500109' }))).toEqual([403, 'USER_SCOPE_OUTSIDE']);
      expect(errorOf(await post({ regionCode: '339999' }))).toEqual([400, 'REGION_UNKNOWN']);
      // The same name in another region is another agency.
      expect((await post({ name: '乐清市绿源环境技术服务有限公司', regionCode: '330382001' })).statusCode).toBe(201);
    });

    it('hides an agency outside the scope', async () => {
      const bb = await agencyId('碚城');
      expect(errorOf(await call(t.app, yueqing, 'GET', `/api/v1/agencies/${bb}`))).toEqual([404, 'AGENCY_NOT_FOUND']);
      expect(errorOf(await call(t.app, yueqing, 'PATCH', `/api/v1/agencies/${bb}`, { version: 1, phone: '1' }))).toEqual([404, 'AGENCY_NOT_FOUND']);
      expect((await call(t.app, beibei, 'GET', `/api/v1/agencies/${bb}`)).statusCode).toBe(200);
    });
  });

  describe('teams', () => {
    it('lists the demo teams in scope with their members', async () => {
      const body = (await call(t.app, beibei, 'GET', '/api/v1/teams')).json();
      expect(body.items).toHaveLength(1);
      expect(body.items[0]).toMatchObject({
        name: '北碚区"1+1"第一组',
        kind: 'paired',
        regionCode: '500109',
        agencyName: '重庆碚城环保科技有限公司',
        members: [
          { username: 'bb-officer', memberRole: 'local' },
          { username: 'bb-agency', memberRole: 'professional' },
        ],
      });
      const yq = (await call(t.app, nation, 'GET', '/api/v1/teams?region=330382&kind=enumerator')).json().items;
      expect(yq.map((x: { name: string; instructorName: string }) => [x.name, x.instructorName])).toEqual([['城东街道普查小组', '普查指导员 黄磊']]);
      const instructor = await login(t.app, 'yq-instructor');
      expect((await call(t.app, instructor, 'GET', '/api/v1/teams')).statusCode).toBe(200);
      expect(errorOf(await call(t.app, instructor, 'POST', '/api/v1/teams', {}))).toEqual([403, 'AUTH_FORBIDDEN']);
    });

    it('creates a "1+1" team only from one local officer and one agency professional', async () => {
      const [officer, agencyStaff, bb] = [await userId('bb-officer'), await userId('bb-agency'), await agencyId('碚城')];
      const post = (members: unknown[], over: Record<string, unknown> = {}) =>
        call(t.app, beibei, 'POST', '/api/v1/teams', { name: '北碚区"1+1"第二组', regionCode: '500109', kind: 'paired', agencyId: bb, members, ...over });

      expect(errorOf(await post([{ userId: officer, memberRole: 'local' }]))).toEqual([400, 'TEAM_PAIR_INVALID']);
      expect(errorOf(await post([{ userId: officer, memberRole: 'professional' }, { userId: agencyStaff, memberRole: 'local' }]))).toEqual([400, 'TEAM_PAIR_INVALID']);
      const yqEnumerator = await userId('yq-enumerator');
      const outside = await post([{ userId: yqEnumerator, memberRole: 'local' }, { userId: agencyStaff, memberRole: 'professional' }]);
      expect(errorOf(outside)).toEqual([400, 'TEAM_MEMBER_INVALID']);
      expect(outside.json().error.message.en).toContain('yq-enumerator');

      const res = await post([{ userId: agencyStaff, memberRole: 'professional' }, { userId: officer, memberRole: 'local' }]);
      expect(res.statusCode, res.body).toBe(201);
      const team = res.json();
      expect(team).toMatchObject({ kind: 'paired', agencyId: bb, version: 1, disabled: false });
      expect(team.members.map((m: { username: string; memberRole: string }) => `${m.username}:${m.memberRole}`)).toEqual(['bb-officer:local', 'bb-agency:professional']);

      const audit = (await call(t.app, beibei, 'GET', `/api/v1/audit?entity=team&entityId=${team.id}`)).json().items;
      expect(audit[0]).toMatchObject({ action: 'team.create', before: null, regionCode: '500109' });
      expect(audit[0].after.members).toEqual([{ userId: officer, memberRole: 'local' }, { userId: agencyStaff, memberRole: 'professional' }]);
    });

    it('checks agency, instructor, region and scope of a new team', async () => {
      const post = (body: Record<string, unknown>) => call(t.app, yueqing, 'POST', '/api/v1/teams', { name: '测试组', regionCode: '330382001', kind: 'enumerator', members: [], ...body });
      expect(errorOf(await post({ kind: 'agency' }))).toEqual([400, 'TEAM_AGENCY_REQUIRED']);
      expect(errorOf(await post({ kind: 'agency', agencyId: await agencyId('碚城') }))).toEqual([404, 'AGENCY_NOT_FOUND']);
      expect(errorOf(await post({ instructorId: await userId('yq-enumerator') }))).toEqual([400, 'TEAM_INSTRUCTOR_INVALID']);
      expect(errorOf(await post({ regionCode: '500109' }))).toEqual([403, 'USER_SCOPE_OUTSIDE']);
      expect(errorOf(await post({ regionCode: '339999' }))).toEqual([400, 'REGION_UNKNOWN']);
      expect(errorOf(await post({ kind: 'squad' }))).toEqual([400, 'REQUEST_INVALID']);
      // A member above the team's region is outside it.
      expect(errorOf(await post({ members: [{ userId: await userId('yq-reviewer'), memberRole: 'member' }] }))).toEqual([400, 'TEAM_MEMBER_INVALID']);
    });

    it('changes a team under the optimistic lock, re-checking the pair and auditing members', async () => {
      const [bb, officer, agencyStaff] = [await agencyId('碚城'), await userId('bb-officer'), await userId('bb-agency')];
      const team = (await call(t.app, beibei, 'GET', '/api/v1/teams?kind=paired')).json().items.find((x: { name: string }) => x.name === '北碚区"1+1"第一组');
      const url = `/api/v1/teams/${team.id}`;

      // Another agency's staff member cannot stand as this team's professional.
      const other = await call(t.app, beibei, 'POST', '/api/v1/agencies', { name: '重庆另一家环保公司', regionCode: '500109' });
      const otherStaff = await call(t.app, beibei, 'POST', '/api/v1/users', {
        username: 'bb-agency-2', displayName: '第三方 另一人', password: 'Census2018', role: 'agency-staff', regionCode: '500109', agencyId: other.json().id,
      });
      expect(otherStaff.statusCode, otherStaff.body).toBe(201);
      const swap = [{ userId: officer, memberRole: 'local' }, { userId: otherStaff.json().id, memberRole: 'professional' }];
      expect(errorOf(await call(t.app, beibei, 'PATCH', url, { version: team.version, members: swap }))).toEqual([400, 'TEAM_PAIR_INVALID']);
      const res = await call(t.app, beibei, 'PATCH', url, { version: team.version, members: swap, agencyId: other.json().id, name: '北碚区"1+1"第一组（调整）' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ version: team.version + 1, agencyName: '重庆另一家环保公司' });
      expect(res.json().members.map((m: { username: string }) => m.username)).toEqual(['bb-officer', 'bb-agency-2']);

      expect(errorOf(await call(t.app, beibei, 'PATCH', url, { version: team.version, disabled: true }))).toEqual([409, 'VERSION_CONFLICT']);
      expect((await call(t.app, beibei, 'GET', url)).json().disabled).toBe(false);
      const off = await call(t.app, beibei, 'PATCH', url, { version: team.version + 1, disabled: true });
      expect(off.json()).toMatchObject({ disabled: true, version: team.version + 2 });

      const audit = (await call(t.app, beibei, 'GET', `/api/v1/audit?entity=team&entityId=${team.id}`)).json().items;
      expect(audit.map((r: { action: string }) => r.action)).toEqual(['team.update', 'team.update']);
      expect(audit[1].before).toEqual({
        name: '北碚区"1+1"第一组',
        agencyId: bb,
        members: [{ userId: officer, memberRole: 'local' }, { userId: agencyStaff, memberRole: 'professional' }],
      });
      expect(audit[1].after.members).toEqual(swap);
      expect(audit[0]).toMatchObject({ before: { disabled: false }, after: { disabled: true } });
    });

    it('hides a team outside the scope', async () => {
      const team = (await call(t.app, beibei, 'GET', '/api/v1/teams')).json().items[0];
      expect(errorOf(await call(t.app, yueqing, 'GET', `/api/v1/teams/${team.id}`))).toEqual([404, 'TEAM_NOT_FOUND']);
      expect(errorOf(await call(t.app, yueqing, 'PATCH', `/api/v1/teams/${team.id}`, { version: team.version, name: 'x' }))).toEqual([404, 'TEAM_NOT_FOUND']);
      expect((await call(t.app, yueqing, 'GET', '/api/v1/teams?region=500109')).json()).toEqual({ items: [], nextCursor: null });
    });
  });
});
