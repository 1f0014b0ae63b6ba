// The demo inventory of 乐清市, as the 2018 Wenzhou meeting found it: 25
// townships and streets inventorying, 12 finished (census-facts §2). Every
// township gets census zones, a team ("1+1" pairs in the streets: a local
// officer and the agency's professional) and one package per zone; the sources
// of the 12 finished townships are visited, put in one of the six states (with
// a few units found in the field), and judged by the departments, some with a
// disagreement; the other townships are part-way. Runs as a job after matching.
import { sql } from 'kysely';
import type { Db, Tx } from '../../core/db/index.ts';
import { SYSTEM } from '../access/actor.ts';
import { hashPassword } from '../access/password.ts';
import { recordAudit } from '../audit/audit.sql.ts';
import type { JobHandler } from '../jobs/index.ts';
import { DEMO_PASSWORD } from './demo-data.ts';
import * as q from './demo.sql.ts';
import { provinceOf } from '../../core/db/distribution.ts';

export const DEMO_INVENTORY_JOB = 'demo.inventory';
const COUNTY = '330382';
/** The 12 finished: the eight streets and four towns. 城东街道 (the demo enumerator's) is part-way. */
const FINISHED = ['330382002', '330382003', '330382004', '330382005', '330382006', '330382007', '330382008', '330382101', '330382102', '330382104', '330382105', '330382106'];
/** Part-way townships and how far they are. */
const PARTLY: Record<string, number> = { '330382001': 0.3, '330382108': 0.6, '330382114': 0.45, '330382115': 0.2, '330382121': 0.5 };
const TWO_ZONES = new Set(['330382108', '330382114', '330382115']);
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐';
const GIVEN = ['建国', '海燕', '晓东', '丽娟', '志强', '春梅', '伟杰', '秀英', '国平', '雪芳', '立新', '红霞', '振华', '玉兰', '永强', '佳怡', '文斌', '美玲', '德胜', '小燕', '新民', '桂芳', '建华', '雅婷', '少华'];
const DISAGREE = ['该单位已于2017年迁出本县', '与名录中另一单位为同一厂址，疑似重复', '经营范围为商贸，不属于工业源', '实际处于停产状态，非正常生产'];

/** A stable pseudo-random number in [0, 1) for a source and a purpose, so the demo is the same each time. */
const roll = (id: number, salt: number) => (((id * 2654435761 + salt * 40503) >>> 0) % 10000) / 10000;

function stateOf(id: number): { state: string; reason: string | null } {
  const r = roll(id, 1);
  if (r < 0.7) return { state: 'normal', reason: null };
  if (r < 0.8) return { state: 'suspended', reason: null };
  if (r < 0.87) return { state: 'closed', reason: null };
  if (r < 0.97) return { state: 'deleted', reason: ['duplicate', 'out-of-scope', 'not-found'][Math.floor(roll(id, 2) * 3)] };
  return { state: 'to-verify', reason: null };
}

async function teamFor(trx: Tx, t: { code: string; name: string }, i: number, hash: string, agencyId: number, instructorId: number, existing: number | undefined) {
  if (existing) return existing;
  const street = t.name.endsWith('街道');
  const local = await q.upsertUser(trx, {
    username: `yq-e${t.code.slice(6)}`, displayName: `普查员 ${SURNAMES[i % SURNAMES.length]}${GIVEN[i % GIVEN.length]}`, passwordHash: hash,
    role: 'enumerator', regionCode: t.code, department: null, agencyId: null, phone: `1380577${String(1000 + i).slice(-4)}`,
  });
  const agencyStaff = await trx.selectFrom('users').select('id').where('username', '=', 'yq-agency').executeTakeFirstOrThrow();
  return q.replaceTeam(trx, {
    name: street ? `${t.name}"1+1"普查组` : `${t.name}普查小组`, regionCode: t.code, kind: street ? 'paired' : 'enumerator',
    agencyId: street ? agencyId : null, instructorId,
    members: street ? [{ userId: local, memberRole: 'local' }, { userId: agencyStaff.id, memberRole: 'professional' }] : [{ userId: local, memberRole: 'member' }],
  });
}

export async function loadDemoInventory(db: Db) {
  const already = await db.selectFrom('census_zones').select('id').where('region_code', 'like', `${COUNTY}%`).limit(1).executeTakeFirst();
  if (already) return { skipped: true };
  const hash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    const towns = await trx.selectFrom('regions').select(['code', 'name']).where('parent_code', '=', COUNTY).where('level', '=', 'township').orderBy('code').execute();
    const agency = await trx.selectFrom('agencies').select('id').where('region_code', '=', COUNTY).orderBy('id').executeTakeFirstOrThrow();
    const instructor = await trx.selectFrom('users').select('id').where('username', '=', 'yq-instructor').executeTakeFirstOrThrow();
    const reviewers = await trx.selectFrom('users').select(['id', 'department']).where('role', '=', 'department-reviewer').where('region_code', '=', COUNTY).execute();
    const cityEast = await trx.selectFrom('teams').select('id').where('name', '=', '城东街道普查小组').executeTakeFirst();
    const sources = await trx.selectFrom('sources').select(['id', 'address', 'name']).where('state', '=', 'active').where('region_code', 'like', `${COUNTY}%`).orderBy('id').execute();
    if (sources.length === 0) throw new Error('the demo directory of 乐清市 is empty: run matching first');

    const taken = new Set<number>();
    let records = 0;
    let zonesMade = 0;
    for (const [i, t] of towns.entries()) {
      const team = await teamFor(trx, t, i, hash, agency.id, instructor.id, t.code === '330382001' ? cityEast?.id : undefined);
      const short = t.name.replace(/(街道|镇|乡)$/, '');
      const mine = sources.filter((s) => !taken.has(s.id) && s.address?.includes(short));
      for (const s of mine) taken.add(s.id);
      const zones: number[] = [];
      for (let z = 1; z <= (TWO_ZONES.has(t.code) ? 2 : 1); z++) {
        const zone = await trx.insertInto('census_zones').values({
          code: `${t.code}000${String(z).padStart(4, '0')}`, region_code: t.code, province_code: '330000', name: `${t.name}第${'一二'[z - 1]}普查小区`, keywords: [],
        }).returning('id').executeTakeFirstOrThrow();
        const pkg = await trx.insertInto('work_packages').values({ region_code: t.code, province_code: '330000', name: `${t.name}第${'一二'[z - 1]}小区工作包`, team_id: team, zone_id: zone.id, created_by: null })
          .returning('id').executeTakeFirstOrThrow();
        await trx.insertInto('work_package_assignments').values({ package_id: pkg.id, province_code: '330000', team_id: team, reason: null, actor_id: null }).execute();
        zones.push(zone.id);
        zonesMade++;
      }
      const member = (await trx.selectFrom('team_members').select('user_id').where('team_id', '=', team).orderBy('user_id').executeTakeFirstOrThrow()).user_id;
      const done = FINISHED.includes(t.code) ? 1 : PARTLY[t.code] ?? 0;
      for (const [k, s] of mine.entries()) {
        const zoneId = zones[k % zones.length];
        const pkg = (await trx.selectFrom('work_packages').select('id').where('zone_id', '=', zoneId).executeTakeFirstOrThrow()).id;
        const visited = roll(s.id, 3) < done;
        const st = stateOf(s.id);
        await sql`INSERT INTO inventory_records (source_id, region_code, province_code, zone_id, package_id, status, state, state_reason, data, enumerator_id, visited_at, submitted_at, seq)
          VALUES (${s.id}, ${t.code}, '330000', ${zoneId}, ${pkg}, ${visited ? 'submitted' : 'assigned'}, ${visited ? st.state : null}, ${visited ? st.reason : null},
            ${JSON.stringify(visited ? { name: s.name, address: s.address } : {})}, ${visited ? member : null},
            ${visited ? new Date(Date.UTC(2018, 3, 2 + Math.floor(roll(s.id, 4) * 80), 1 + Math.floor(roll(s.id, 5) * 8))) : null},
            ${visited ? new Date(Date.UTC(2018, 5, 25)) : null}, nextval('inventory_seq'))`.execute(trx);
        records++;
        if (visited && FINISHED.includes(t.code)) await judge(trx, s.id, reviewers);
      }
      // Finished townships found units the registers missed (增补).
      if (FINISHED.includes(t.code)) {
        for (let n = 1; n <= 1 + (i % 2); n++) {
          const name = `乐清市${short}${['永兴', '恒达', '宏盛'][n - 1]}${['五金加工点', '电镀作坊', '塑料制品厂'][(i + n) % 3]}`;
          const src = await trx.insertInto('sources').values({ region_code: t.code, province_code: provinceOf(t.code), name, address: `乐清市${t.name}工业区${10 + n}号`, origin: 'field', category: 'industrial' }).returning('id').executeTakeFirstOrThrow();
          await sql`INSERT INTO inventory_records (source_id, region_code, province_code, zone_id, package_id, status, state, data, enumerator_id, visited_at, submitted_at, seq)
            SELECT ${src.id}, ${t.code}, '330000', ${zones[0]}, p.id, 'submitted', 'added', ${JSON.stringify({ name, address: `乐清市${t.name}工业区${10 + n}号` })}, ${member},
              ${new Date(Date.UTC(2018, 4, 10 + n))}, ${new Date(Date.UTC(2018, 5, 25))}, nextval('inventory_seq') FROM work_packages p WHERE p.zone_id = ${zones[0]}`.execute(trx);
          await judge(trx, src.id, reviewers);
          records++;
        }
      }
    }
    await recordAudit(trx, SYSTEM, { action: 'demo.inventory', entity: 'census', entityId: 'demo', regionCode: COUNTY, after: { zones: zonesMade, records } });
    return { zones: zonesMade, records };
  });
}

/** Department verdicts on a visited record: most agree; about one in twelve draws a disagreement. */
async function judge(trx: Tx, id: number, reviewers: Array<{ id: number; department: string | null }>) {
  const dissent = roll(id, 6) < 0.08 ? reviewers[Math.floor(roll(id, 7) * reviewers.length)] : undefined;
  for (const r of reviewers) {
    const disagree = r === dissent;
    const reason = disagree ? DISAGREE[Math.floor(roll(id, 8) * DISAGREE.length)] : null;
    await trx.insertInto('inventory_verdicts').values({ source_id: id, province_code: '330000', department: r.department!, verdict: disagree ? 'disagree' : 'agree', reason, user_id: r.id }).execute();
    if (disagree) await trx.insertInto('inventory_remarks').values({ source_id: id, province_code: '330000', kind: 'disagree', department: r.department, text: reason!, author_id: r.id }).execute();
  }
  const allRequired = reviewers.length >= 3;
  const confirmation = dissent ? 'disputed' : allRequired ? 'confirmed' : 'pending';
  await trx.updateTable('inventory_records').set({
    confirmation, confirmed_at: confirmation === 'confirmed' ? new Date(Date.UTC(2018, 5, 28)) : null, status: confirmation === 'confirmed' ? 'done' : 'submitted',
  }).where('source_id', '=', id).execute();
}

export const demoInventoryJob: JobHandler = { kind: DEMO_INVENTORY_JOB, run: (ctx) => loadDemoInventory(ctx.db) };
