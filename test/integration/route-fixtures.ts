// The rows and requests shared by the suites that walk the router (the access matrix, audit
// completeness): one demo account per role, an "own" and an "other" row of every resource kind,
// and a request to any route with its sample body.
import type { LightMyRequestResponse } from 'fastify';
import { call, login, type Session, type TestApp } from '../helpers/app.ts';
import type { Role } from '../../src/domains/access/roles.ts';
import type { ResourceKind, RouteInfo } from '../../src/server/context.ts';
import { NO_BODY, SAMPLE_BODIES } from './route-samples.ts';
import { inventoryFixtures } from './inventory-fixtures.ts';
import { surveyFixtures } from './survey-fixtures.ts';
import { reviewFixtures } from './review-fixtures.ts';
import { portalFixtures } from './portal-fixtures.ts';
import { supervisionFixtures } from './supervision-fixtures.ts';
import { outfallFixtures } from './outfalls-fixtures.ts';
import { provinceOf } from '../../src/core/db/distribution.ts';

// One demo account per role; all but the national ones sit in 乐清市 (330382).
export const ACCOUNT: Record<Role, string> = {
  'national-office': 'nation',
  'regional-office': 'yueqing',
  reviewer: 'yq-reviewer',
  'department-reviewer': 'yq-stats',
  instructor: 'yq-instructor',
  enumerator: 'yq-enumerator',
  'agency-staff': 'yq-agency',
  respondent: 'yq-respondent',
  editor: 'editor',
};

export type Fixtures = Record<ResourceKind, { own: string; other: string }>;

export const routeKey = (r: RouteInfo) => `${r.method} ${r.url}`;

export async function buildFixtures(t: TestApp): Promise<Fixtures> {
  const db = t.ctx.db;
  const userId = async (u: string) => String((await db.selectFrom('users').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id);
  const teamId = async (region: string) => String((await db.selectFrom('teams').select('id').where('region_code', '=', region).orderBy('id').executeTakeFirstOrThrow()).id);
  const agencyId = async (region: string) => String((await db.selectFrom('agencies').select('id').where('region_code', '=', region).executeTakeFirstOrThrow()).id);
  const jobId = async (region: string) =>
    String((await db.insertInto('jobs').values({ kind: 'matrix.noop', status: 'succeeded', region_code: region, created_by: null, params: '{}' }).returning('id').executeTakeFirstOrThrow()).id);
  const registerId = async (region: string) =>
    String((await db.insertInto('registers').values({
      department: 'stats', region_code: region, file_name: `matrix-${region}.csv`, file_sha256: region.padEnd(64, '0'), file_size: 10,
      format: 'csv', encoding: 'utf-8', mapping: '{"name":"单位名称"}', status: 'imported', imported_at: new Date(), created_by: null,
    }).returning('id').executeTakeFirstOrThrow()).id);
  const sourceId = async (region: string, name = `矩阵对象-${region}`) =>
    Number((await db.insertInto('sources').values({ region_code: region, province_code: provinceOf(region), name, origin: 'supplement' }).returning('id').executeTakeFirstOrThrow()).id);
  const candidateId = async (region: string) => {
    const [a, b] = [await sourceId(region, '矩阵甲'), await sourceId(region, '矩阵乙')];
    return String((await db.insertInto('merge_candidates').values({ province_code: provinceOf(region), region_code: region, source_a: a, source_b: b, score: 0.5 }).returning('id').executeTakeFirstOrThrow()).id);
  };
  const mergeId = async (region: string) => {
    const [a, b] = [await sourceId(region, '矩阵丙'), await sourceId(region, '矩阵丁')];
    return String((await db.insertInto('merge_events').values({ kind: 'merge', province_code: provinceOf(region), region_code: region, survivor_id: a, other_id: b, moved_rows: '[]', survivor_before: '{}' }).returning('id').executeTakeFirstOrThrow()).id);
  };
  // "own" rows lie in 乐清市 city-east township (inside every county account's scope);
  // "other" rows lie in 重庆市北碚区, another province.
  return {
    region: { own: '330382001', other: '500109' },
    user: { own: await userId('yq-respondent'), other: await userId('bb-officer') },
    team: { own: await teamId('330382001'), other: await teamId('500109') },
    agency: { own: await agencyId('330382'), other: await agencyId('500109') },
    job: { own: await jobId('330382001'), other: await jobId('500109') },
    register: { own: await registerId('330382'), other: await registerId('500109') },
    source: { own: String(await sourceId('330382001')), other: String(await sourceId('500109')) },
    candidate: { own: await candidateId('330382001'), other: await candidateId('500109') },
    merge: { own: await mergeId('330382001'), other: await mergeId('500109') },
    ...(await inventoryFixtures(t, sourceId)),
    ...(await surveyFixtures(t, sourceId)),
    ...(await reviewFixtures(t, sourceId)),
    ...(await supervisionFixtures(t)),
    ...(await portalFixtures(t)),
    ...(await outfallFixtures(t)),
    // Coefficient versions are national: the "other" is an id that does not exist, read as not found.
    'coefficient-version': {
      own: String((await db.selectFrom('coefficient_versions').select('id').where('sample', '=', true).executeTakeFirstOrThrow()).id),
      other: '999999999',
    },
  };
}

/** The address and sample body of a route on the own or other row (`{v}` read from the row). */
export async function sampleRequest(t: TestApp, fx: Fixtures, r: RouteInfo, which: 'own' | 'other'): Promise<{ url: string; body: unknown }> {
  let url = r.url;
  if (r.resource) url = url.replace(/:(id|code)\b/, fx[r.resource][which]);
  let body: unknown;
  if (['POST', 'PATCH', 'PUT'].includes(r.method) && !NO_BODY.has(routeKey(r))) {
    body = structuredClone(SAMPLE_BODIES[routeKey(r)]);
    if (body && typeof body === 'object' && (body as { version?: unknown }).version === '{v}') {
      const id = Number(fx[r.resource!][which]);
      const row = r.resource === 'record'
        ? await t.ctx.db.selectFrom('inventory_records').select('version').where('source_id', '=', id).executeTakeFirst()
        : await t.ctx.db.selectFrom(({ user: 'users', team: 'teams', agency: 'agencies', source: 'sources', zone: 'census_zones', package: 'work_packages', 'portal-article': 'portal_articles', 'portal-link': 'portal_links', outfall: 'outfalls', 'outfall-reach': 'outfall_reaches', 'radio-enterprise': 'radio_enterprises' } as const)[r.resource as 'user'])
          .select('version').where('id', '=', id).executeTakeFirst();
      (body as { version: number }).version = row?.version ?? 1;
    }
  }
  return { url, body };
}

/** The route called on the own or other row, with its sample body. */
export async function requestRoute(t: TestApp, fx: Fixtures, r: RouteInfo, s: Session | null, which: 'own' | 'other'): Promise<LightMyRequestResponse> {
  const { url, body } = await sampleRequest(t, fx, r, which);
  // Logging out ends the session: give it a fresh one so the caller's stays usable.
  const session = s && routeKey(r) === 'DELETE /api/v1/session' ? await login(t.app, s.username) : s;
  return call(t.app, session, r.method, url, body);
}
