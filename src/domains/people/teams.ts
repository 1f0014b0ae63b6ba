// 工作组 teams: enumerator teams, "1+1" paired teams (a local officer and an
// agency professional), agency teams and student teams, within an office's scope.
import type { Db } from '../../core/db/index.ts';
import { AppError } from '../../core/errors.ts';
import { scopePrefixOf, type Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { assertRegionsExist } from '../regions/index.ts';
import { narrowScope, page, visibleAgencyIds } from './common.sql.ts';
import { checkTeam, type MemberRole, type TeamCheck, type TeamDraft, type TeamKind, type UserFacts } from './team-rules.ts';
import * as q from './teams.sql.ts';

type MemberRow = Awaited<ReturnType<typeof q.membersOf>>[number];

function teamView(r: q.TeamRow, members: MemberRow[]) {
  return {
    id: Number(r.id),
    name: r.name,
    regionCode: r.region_code,
    regionName: r.region_name,
    kind: r.kind as TeamKind,
    agencyId: r.agency_id === null ? null : Number(r.agency_id),
    agencyName: r.agency_name,
    instructorId: r.instructor_id === null ? null : Number(r.instructor_id),
    instructorName: r.instructor_name,
    disabled: r.disabled,
    version: r.version,
    members: members.map((m) => ({ userId: Number(m.user_id), username: m.username, displayName: m.display_name, memberRole: m.member_role as MemberRole })),
  };
}
export type TeamView = ReturnType<typeof teamView>;

/** Teams with their members, in two queries whatever the page size. */
async function withMembers(db: Db, rows: q.TeamRow[]) {
  const members = await q.membersOf(db, rows.map((r) => Number(r.id)));
  const byTeam = new Map<number, MemberRow[]>();
  for (const m of members) {
    const id = Number(m.team_id);
    byTeam.set(id, [...(byTeam.get(id) ?? []), m]);
  }
  return (r: q.TeamRow) => teamView(r, byTeam.get(Number(r.id)) ?? []);
}

/** What the audit keeps of a team, members included. */
function snapshot(t: TeamView) {
  return {
    name: t.name,
    regionCode: t.regionCode,
    kind: t.kind,
    agencyId: t.agencyId,
    instructorId: t.instructorId,
    disabled: t.disabled,
    members: t.members.map((m) => ({ userId: m.userId, memberRole: m.memberRole })),
  };
}

export async function listTeams(db: Db, actor: Actor, f: { region?: string; kind?: string; cursor?: string; limit?: number }) {
  const prefix = narrowScope(actor.scopePrefix, f.region === undefined ? undefined : scopePrefixOf(f.region));
  if (prefix === null) return { items: [], nextCursor: null };
  const limit = f.limit ?? 50;
  const rows = await q.listTeams(db, { scopePrefix: prefix, kind: f.kind, before: f.cursor ? Number(f.cursor) : undefined, limit });
  return page(rows, limit, await withMembers(db, rows.slice(0, limit)));
}

async function readTeam(db: Db, id: number, scopePrefix: string) {
  const r = await q.getTeam(db, id, scopePrefix);
  if (!r) throw new AppError('TEAM_NOT_FOUND');
  return (await withMembers(db, [r]))(r);
}

export const getTeam = (db: Db, actor: Actor, id: number) => readTeam(db, id, actor.scopePrefix);

/** Looks up the users and agency the team names, then applies the team rules. */
async function assertValidTeam(db: Db, actor: Actor, t: TeamDraft, check?: TeamCheck) {
  const ids = [...new Set([...t.members.map((m) => m.userId), ...(t.instructorId === null ? [] : [t.instructorId])])];
  const [facts, agencies] = await Promise.all([
    q.userFacts(db, ids),
    visibleAgencyIds(db, actor.scopePrefix, t.agencyId === null ? [] : [t.agencyId]),
  ]);
  const users = new Map<number, UserFacts>(
    facts.map((u) => [Number(u.id), { id: Number(u.id), username: u.username, role: u.role, regionCode: u.region_code, agencyId: u.agency_id === null ? null : Number(u.agency_id), disabled: u.disabled }]),
  );
  const err = checkTeam(t, { actorScopePrefix: actor.scopePrefix, users, agencyVisible: (id) => agencies.has(id) }, check);
  if (err) throw new AppError(err.code, err.params);
}

export interface TeamInput {
  name: string;
  regionCode: string;
  kind: TeamKind;
  agencyId?: number | null;
  instructorId?: number | null;
  members: Array<{ userId: number; memberRole: MemberRole }>;
}

function assertName(name: string) {
  if (!name.trim()) throw new AppError('REQUEST_INVALID', { detail: 'name is empty' });
  return name.trim();
}

export async function createTeam(db: Db, actor: Actor, input: TeamInput) {
  const name = assertName(input.name);
  await assertRegionsExist(db, [input.regionCode]);
  if (!input.regionCode.startsWith(actor.scopePrefix)) throw new AppError('USER_SCOPE_OUTSIDE', { code: input.regionCode });
  const draft: TeamDraft = {
    regionCode: input.regionCode,
    kind: input.kind,
    agencyId: input.agencyId ?? null,
    instructorId: input.instructorId ?? null,
    members: input.members,
  };
  await assertValidTeam(db, actor, draft);
  return db.transaction().execute(async (trx) => {
    const id = await q.insertTeam(trx, { name, ...draft });
    await q.replaceMembers(trx, id, draft.members);
    const view = await readTeam(trx, id, '');
    await recordAudit(trx, actor, { action: 'team.create', entity: 'team', entityId: id, regionCode: view.regionCode, after: snapshot(view) });
    return view;
  });
}

export interface TeamPatch {
  version: number;
  name?: string;
  agencyId?: number | null;
  instructorId?: number | null;
  members?: Array<{ userId: number; memberRole: MemberRole }>;
  disabled?: boolean;
}

const sameMembers = (a: TeamDraft['members'], b: TeamDraft['members']) => {
  const key = (ms: TeamDraft['members']) => JSON.stringify([...ms].map((m) => [m.userId, m.memberRole]).sort());
  return key(a) === key(b);
};

export async function updateTeam(db: Db, actor: Actor, id: number, p: TeamPatch) {
  const cur = await getTeam(db, actor, id);
  if (p.version !== cur.version) throw new AppError('VERSION_CONFLICT');
  const curMembers = cur.members.map((m) => ({ userId: m.userId, memberRole: m.memberRole }));
  const next: TeamDraft = {
    regionCode: cur.regionCode,
    kind: cur.kind,
    agencyId: p.agencyId !== undefined ? p.agencyId : cur.agencyId,
    instructorId: p.instructorId !== undefined ? p.instructorId : cur.instructorId,
    members: p.members ?? curMembers,
  };
  const name = p.name !== undefined ? assertName(p.name) : cur.name;
  const change = {
    ...(name !== cur.name ? { name } : {}),
    ...(next.agencyId !== cur.agencyId ? { agencyId: next.agencyId } : {}),
    ...(next.instructorId !== cur.instructorId ? { instructorId: next.instructorId } : {}),
    ...(p.disabled !== undefined && p.disabled !== cur.disabled ? { disabled: p.disabled } : {}),
  };
  const membersChanged = !sameMembers(next.members, curMembers);
  if (Object.keys(change).length === 0 && !membersChanged) return cur;
  // Only what changes is checked: renaming a team must not fail on a member disabled since.
  await assertValidTeam(db, actor, next, { agency: 'agencyId' in change, instructor: 'instructorId' in change, members: membersChanged });
  return db.transaction().execute(async (trx) => {
    const ok = await q.updateTeam(trx, id, p.version, change);
    if (ok === undefined) throw new AppError('VERSION_CONFLICT');
    if (membersChanged) await q.replaceMembers(trx, id, next.members);
    const view = await readTeam(trx, id, '');
    const keys = [...Object.keys(change), ...(membersChanged ? ['members'] : [])];
    const before = snapshot(cur) as Record<string, unknown>;
    const after = snapshot(view) as Record<string, unknown>;
    await recordAudit(trx, actor, {
      action: 'team.update',
      entity: 'team',
      entityId: id,
      regionCode: view.regionCode,
      before: Object.fromEntries(keys.map((k) => [k, before[k]])),
      after: Object.fromEntries(keys.map((k) => [k, after[k]])),
    });
    return view;
  });
}
