// Rows of the outfall survey and the associated radioactive mines for the access matrix: "own"
// rows in 乐清市城东街道 (inside every county and township account's scope), "other" rows in
// 重庆市北碚区 (another province).
import { randomUUID } from 'node:crypto';
import type { TestApp } from '../helpers/app.ts';

type Kind = 'outfall' | 'outfall-reach' | 'outfall-image' | 'outfall-photo' | 'radio-enterprise' | 'radio-measurement' | 'radio-file';
type Pair = { own: string; other: string };

export async function outfallFixtures(t: TestApp): Promise<Record<Kind, Pair>> {
  const db = t.ctx.db;
  const province = (r: string) => `${r.slice(0, 2)}0000`;
  const make = async (region: string, lat: number, lng: number) => {
    const reach = await db.insertInto('outfall_reaches').values({ region_code: region, province_code: province(region), name: `矩阵河段${region}`, water_body: '矩阵河', water_type: 'river' }).returning('id').executeTakeFirstOrThrow();
    const image = await db.insertInto('outfall_images').values({ region_code: region, province_code: province(region), reach_id: reach.id, sha256: `matrix${region}`.padEnd(64, '0'), mime: 'image/jpeg', bytes: 10, width: 10, height: 10, lat, lng })
      .returning('id').executeTakeFirstOrThrow();
    const outfall = await db.insertInto('outfalls').values({ code: `${region.slice(0, 6)}-9${region.slice(-3)}`, region_code: region, province_code: province(region), reach_id: reach.id, image_id: image.id, origin: 'imagery', lat, lng })
      .returning('id').executeTakeFirstOrThrow();
    const photo = randomUUID();
    await db.insertInto('outfall_photos').values({ id: photo, outfall_id: outfall.id, region_code: region, province_code: province(region), mime: 'image/jpeg', bytes: 10, sha256: 'x'.repeat(64), path: 'matrix.jpg' }).execute();
    const ent = await db.insertInto('radio_enterprises').values({ region_code: region, province_code: province(region), name: `矩阵稀土厂${region}`, minerals: ['01'] }).returning('id').executeTakeFirstOrThrow();
    const m = await db.insertInto('radio_measurements').values({ enterprise_id: ent.id, region_code: region, province_code: province(region), body: '矩阵监测站', measured_on: '2018-03-01', background_ngyh: 80, points: JSON.stringify([{ label: 'P1', kind: 'ore', doseRateNGyH: 90 }]), above: false })
      .returning('id').executeTakeFirstOrThrow();
    const f = await db.insertInto('radio_files').values({ measurement_id: m.id, region_code: region, province_code: province(region), mime: 'application/pdf', bytes: 10, sha256: 'y'.repeat(64), path: 'matrix.pdf' }).returning('id').executeTakeFirstOrThrow();
    return { reach: String(reach.id), image: String(image.id), outfall: String(outfall.id), photo, ent: String(ent.id), m: String(m.id), f: String(f.id) };
  };
  const own = await make('330382001', 28.1127, 120.9673);
  const other = await make('500109', 29.8257, 106.4373);
  return {
    outfall: { own: own.outfall, other: other.outfall },
    'outfall-reach': { own: own.reach, other: other.reach },
    'outfall-image': { own: own.image, other: other.image },
    'outfall-photo': { own: own.photo, other: other.photo },
    'radio-enterprise': { own: own.ent, other: other.ent },
    'radio-measurement': { own: own.m, other: other.m },
    'radio-file': { own: own.f, other: other.f },
  };
}
