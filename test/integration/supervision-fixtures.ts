// Rows of supervision for the access matrix: each kind once in 乐清市 (inside every county
// account's scope) and once in 重庆市 (another province).
import type { TestApp } from '../helpers/app.ts';

type Pair = { own: string; other: string };

export async function supervisionFixtures(t: TestApp): Promise<Record<'dispatch' | 'briefing' | 'case' | 'channel' | 'supervision-file', Pair>> {
  const db = t.ctx.db;
  const dispatch = async (region: string) => String((await db.insertInto('dispatches').values({
    kind: 'biweekly', region_code: region, as_of: '2018-04-20', previous_on: '2018-04-06', title: `矩阵调度${region}`, figures: JSON.stringify({ rows: [], laggards: [], praised: [], summary: { regions: 0, laggards: 0, meanProgress: 0 } }),
  }).returning('id').executeTakeFirstOrThrow()).id);
  const briefing = async (region: string) => String((await db.insertInto('briefings').values({ region_code: region, as_of: '2018-04-20', title: `矩阵简报${region}` })
    .returning('id').executeTakeFirstOrThrow()).id);
  const kase = async (issuer: string, target: string) => String((await db.insertInto('supervision_cases').values({
    type: 'reminder', issuer_region: issuer, target_region: target, number: `提醒〔2018〕${target}号`, title: `矩阵督办${target}`, due_on: '2018-05-04',
  }).returning('id').executeTakeFirstOrThrow()).id);
  const channel = async (region: string) => {
    const found = await db.selectFrom('channels').select('id').where('region_code', '=', region).executeTakeFirst();
    if (found) return String(found.id);
    return String((await db.insertInto('channels').values({ region_code: region, name: `矩阵工作群${region}` }).returning('id').executeTakeFirstOrThrow()).id);
  };
  const file = async (region: string) => {
    const id = `matrix-file-${region}`;
    await db.insertInto('supervision_files').values({ id, region_code: region, mime: 'application/pdf', bytes: 5, sha256: '0'.repeat(64), name: 'm.pdf' })
      .onConflict((oc) => oc.column('id').doNothing()).execute();
    return id;
  };
  return {
    dispatch: { own: await dispatch('330382'), other: await dispatch('500109') },
    briefing: { own: await briefing('330382'), other: await briefing('500109') },
    case: { own: await kase('330382', '330382001'), other: await kase('500109', '500109001') },
    channel: { own: await channel('330000'), other: await channel('500000') },
    'supervision-file': { own: await file('330382'), other: await file('500109') },
  };
}
