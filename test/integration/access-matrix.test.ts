// Every registered route × every role × in scope / out of scope. The routes are
// read from the router itself, so a new route cannot escape the check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { can } from '../../src/domains/access/policy.ts';
import { ROLES, type Role } from '../../src/domains/access/roles.ts';
import type { RouteInfo } from '../../src/server/context.ts';
import { NO_BODY, SAMPLE_BODIES } from './route-samples.ts';
import { ACCOUNT, buildFixtures, requestRoute, routeKey, type Fixtures } from './route-fixtures.ts';

describe.each(databaseKinds())('route × role × scope on %s', (kind) => {
  let t: TestApp;
  const sessions = {} as Record<Role, Session>;
  let fx: Fixtures;
  let routes: RouteInfo[];

  beforeAll(async () => {
    t = await startTestApp(kind, { worker: false });
    for (const r of ROLES) sessions[r] = await login(t.app, ACCOUNT[r]);
    fx = await buildFixtures(t);
    routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/'));
  });
  afterAll(() => t.close());

  const key = routeKey;
  const request = (r: RouteInfo, s: Session | null, which: 'own' | 'other') => requestRoute(t, fx, r, s, which);

  it('every route declares an action or is public, and every body route has a sample', () => {
    expect(routes.length).toBeGreaterThan(15);
    for (const r of routes) {
      expect(r.public || !!r.action, key(r)).toBe(true);
      if (['POST', 'PATCH', 'PUT'].includes(r.method) && !r.public && !NO_BODY.has(key(r))) {
        expect(SAMPLE_BODIES[key(r)], `add a sample body for ${key(r)} in route-samples.ts`).toBeDefined();
      }
    }
  });

  it('without a session every non-public route answers 401', async () => {
    for (const r of routes.filter((x) => !x.public)) {
      const res = await request(r, null, 'own');
      expect(res.statusCode, key(r)).toBe(401);
    }
  });

  it('each role is refused exactly the actions its policy does not grant, and no answer is a 500', async () => {
    let tried = 0;
    for (const r of routes.filter((x) => !x.public)) {
      for (const role of ROLES) {
        tried++;
        const s = sessions[role];
        const res = await request(r, s, 'own');
        const level = role === 'national-office' || role === 'editor' ? 'nation' : 'county';
        const allowed = can(role, level, r.action!);
        const label = `${key(r)} as ${role}: ${res.statusCode} ${res.body.slice(0, 120)}`;
        expect(res.statusCode, label).toBeLessThan(500);
        if (allowed) {
          expect(res.statusCode, label).not.toBe(401);
          expect(res.statusCode, label).not.toBe(403); // a role may be refused a row (404), never the action
        } else {
          expect(res.statusCode, label).toBe(403);
          expect(res.json().error.code, label).toBe('AUTH_FORBIDDEN');
        }
      }
    }
    console.log(`access matrix: ${routes.length} routes, ${tried} route × role requests in scope`);
  });

  it('a row of another province reads as not found for every role below the nation (0 leaks)', async () => {
    let checked = 0;
    for (const r of routes.filter((x) => x.resource && !x.public)) {
      for (const role of ROLES.filter((x) => x !== 'national-office' && x !== 'editor')) {
        if (!can(role, 'county', r.action!)) continue;
        const res = await request(r, sessions[role], 'other');
        expect(res.statusCode, `${key(r)} as ${role} on another province's row: ${res.body.slice(0, 120)}`).toBe(404);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
    console.log(`access matrix: ${checked} route × role requests on another province's row, 0 leaks`);
  });

  it('a county user reading another county\'s user gets 404', async () => {
    const res = await call(t.app, sessions['regional-office'], 'GET', `/api/v1/users/${fx.user.other}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('USER_NOT_FOUND');
  });
});
