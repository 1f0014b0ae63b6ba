// Rows of the inventory for the access matrix: one in 乐清市城东街道 (inside every
// county account's scope; its package belongs to the team of yq-enumerator) and
// one in 重庆市北碚区 (another province).
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { TestApp } from '../helpers/app.ts';

type Pair = { own: string; other: string };

export async function inventoryFixtures(t: TestApp, sourceId: (region: string, name?: string) => Promise<number>): Promise<{ zone: Pair; package: Pair; record: Pair; photo: Pair }> {
  const db = t.ctx.db;
  const township = { own: '330382001', other: (await db.selectFrom('regions').select('code').where('parent_code', '=', '500109').orderBy('code').executeTakeFirstOrThrow()).code };
  const make = async (which: 'own' | 'other') => {
    const region = township[which];
    const zone = await db.insertInto('census_zones').values({ code: `${region}000${which === 'own' ? '9001' : '9002'}`, region_code: region, province_code: `${region.slice(0, 2)}0000`, name: `矩阵小区${which}` })
      .returning('id').executeTakeFirstOrThrow();
    const team = await db.selectFrom('teams').select('id').where('region_code', 'like', `${region.slice(0, 6)}%`).orderBy('id').executeTakeFirstOrThrow();
    const pkg = await db.insertInto('work_packages').values({ region_code: region, province_code: `${region.slice(0, 2)}0000`, name: `矩阵包${which}`, team_id: team.id, zone_id: zone.id, created_by: null })
      .returning('id').executeTakeFirstOrThrow();
    const src = await sourceId(region, `矩阵清查对象${which}`);
    await db.insertInto('inventory_records').values({ source_id: src, region_code: region, province_code: `${region.slice(0, 2)}0000`, zone_id: zone.id, package_id: pkg.id }).execute();
    const photo = randomUUID();
    const file = `${photo}.jpg`;
    fs.mkdirSync(path.join(t.ctx.config.dataDir, 'photos'), { recursive: true });
    fs.writeFileSync(path.join(t.ctx.config.dataDir, 'photos', file), Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
    await db.insertInto('inventory_photos').values({ id: photo, source_id: src, region_code: region, province_code: `${region.slice(0, 2)}0000`, mime: 'image/jpeg', bytes: 4, sha256: '0'.repeat(64), path: file }).execute();
    return { zone: String(zone.id), package: String(pkg.id), record: String(src), photo };
  };
  const own = await make('own');
  const other = await make('other');
  return {
    zone: { own: own.zone, other: other.zone },
    package: { own: own.package, other: other.package },
    record: { own: own.record, other: other.record },
    photo: { own: own.photo, other: other.photo },
  };
}
