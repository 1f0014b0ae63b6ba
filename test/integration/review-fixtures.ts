// Rows of quality control for the access matrix: a re-check sample of 乐清市 (inside every county
// account's scope) and one of 重庆市北碚区 (another province).
import type { TestApp } from '../helpers/app.ts';

export async function reviewFixtures(t: TestApp, sourceId: (region: string, name?: string) => Promise<number>): Promise<{ sample: { own: string; other: string } }> {
  const db = t.ctx.db;
  const make = async (county: string) => {
    const src = await sourceId(county, `矩阵抽样对象${county}`);
    const s = await db.insertInto('qc_samples').values({ phase: 'inventory', region_code: county, province_code: `${county.slice(0, 2)}0000`, team_id: null, params: '{}', drawn_by: null })
      .returning('id').executeTakeFirstOrThrow();
    await db.insertInto('qc_sample_items').values({ sample_id: s.id, source_id: src, province_code: `${county.slice(0, 2)}0000`, stratum: 'added', category: 'industrial' }).execute();
    return String(s.id);
  };
  return { sample: { own: await make('330382'), other: await make('500109') } };
}
