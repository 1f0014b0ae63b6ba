// The outfall survey through its API on both databases: imagery with EXIF, suspects marked and
// imported, the field check with photos and quick tests, expert verification, progress; and the
// bad input the issue names (a 200 MB image, a file that is not an image, coordinates abroad).
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { sql } from 'kysely';
import { call, login, startTestApp, type Session, type TestApp } from '../../../test/helpers/app.ts';
import { databaseKinds } from '../../../test/helpers/databases.ts';
import { upload } from '../../../test/helpers/multipart.ts';
import { withExif } from './exif-write.ts';

const TOWNSHIP = '330382001';
const jpeg = async (seed: number, exif?: Parameters<typeof withExif>[1]) => {
  const img = await sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 60 + seed, g: 110, b: 140 } } }).jpeg().toBuffer();
  return exif ? withExif(img, exif) : img;
};

describe.each(databaseKinds())('outfall survey on %s', (kind) => {
  let t: TestApp;
  let office: Session;
  let taker: Session;
  let expert: Session;
  let reachId = 0;
  const count = async () => Number((await t.ctx.db.selectFrom('outfalls').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const imageCount = async () => Number((await t.ctx.db.selectFrom('outfall_images').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await startTestApp(kind, { worker: false });
    office = await login(t.app, 'yueqing');
    taker = await login(t.app, 'yq-enumerator');
    expert = await login(t.app, 'yq-reviewer');
  });
  afterAll(() => t?.close());

  it('keeps a reach with its corridor, 2 km landward and 200 m waterward unless set', async () => {
    const r = await call(t.app, office, 'POST', '/api/v1/outfalls/reaches', { regionCode: TOWNSHIP, name: '乐清湾测试段', waterBody: '乐清湾', waterType: 'sea', path: [[120.99, 28.14], [121.0, 28.1]] });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ landwardM: 2000, waterwardM: 200, name: '乐清湾测试段' });
    reachId = r.json().id;
    const dup = await call(t.app, office, 'POST', '/api/v1/outfalls/reaches', { regionCode: TOWNSHIP, name: '乐清湾测试段', waterBody: '乐清湾', waterType: 'sea' });
    expect(dup.json().error.code).toBe('OUTFALL_REACH_EXISTS');
  });

  it('reads position and time from a geotagged image and makes a thumbnail; the same bytes again are the same image', async () => {
    const bytes = await jpeg(1, { lat: 28.1203, lng: 120.9921, takenAt: new Date('2019-04-02T02:10:03Z'), make: 'DJI', model: 'M300' });
    const r = await upload(t.app, office, '/api/v1/outfalls/images', [{ name: 'reachId', content: String(reachId) }, { name: 'file', filename: 'DJI_0001.JPG', content: bytes }]);
    expect(r.statusCode).toBe(201);
    const img = r.json();
    expect(img.position.lat).toBeCloseTo(28.1203, 6);
    expect(img.position.gcj02.lng).not.toBe(img.position.lng);
    expect(img.takenAt).toBe('2019-04-02T02:10:03.000Z');
    expect(img).toMatchObject({ width: 640, height: 400, camera: 'DJI M300', regionCode: TOWNSHIP });
    const thumb = await call(t.app, office, 'GET', img.thumbUrl);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(thumb.rawPayload).metadata()).width).toBe(480);
    const again = await upload(t.app, office, '/api/v1/outfalls/images', [{ name: 'reachId', content: String(reachId) }, { name: 'file', filename: 'copy.jpg', content: bytes }]);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(img.id);
    // an image without GPS is kept, with no position
    const bare = await upload(t.app, office, '/api/v1/outfalls/images', [{ name: 'reachId', content: String(reachId) }, { name: 'file', filename: 'sat.jpg', content: await jpeg(2) }]);
    expect(bare.statusCode).toBe(201);
    expect(bare.json().position).toBeNull();
  });

  it('refuses a 200 MB image, a file that is not an image, a corrupt image and a position abroad, storing nothing', async () => {
    const before = await imageCount();
    // 200 MB streamed: refused when the limit is passed, never held whole
    const boundary = 'pucha200mb';
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`);
    let sent = 0;
    const total = 200 * 1024 * 1024;
    const body = new Readable({
      read() {
        if (sent === 0) { this.push(Buffer.concat([head, Buffer.from([0xff, 0xd8, 0xff, 0xe0])])); sent = 4; return; }
        if (sent >= total) { this.push(Buffer.from(`\r\n--${boundary}--\r\n`)); this.push(null); return; }
        const n = Math.min(1024 * 1024, total - sent);
        sent += n;
        this.push(Buffer.alloc(n));
      },
    });
    const huge = await t.app.inject({ method: 'POST', url: '/api/v1/outfalls/images', headers: { cookie: office.cookie, 'x-csrf-token': office.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('OUTFALL_IMAGE_TOO_LARGE');

    const text = await upload(t.app, office, '/api/v1/outfalls/images', [{ name: 'file', filename: 'photo.jpg', content: Buffer.from('this is not an image at all, only text') }]);
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('OUTFALL_IMAGE_TYPE');
    const corrupt = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), Buffer.alloc(300, 0x41)]);
    const broken = await upload(t.app, office, '/api/v1/outfalls/images', [{ name: 'file', filename: 'broken.jpg', content: corrupt }]);
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('UPLOAD_UNREADABLE');
    const abroad = await upload(t.app, office, '/api/v1/outfalls/images', [{ name: 'file', filename: 'south.jpg', content: await jpeg(3, { lat: -28.12, lng: 120.99 }) }]);
    expect(abroad.statusCode).toBe(400);
    expect(abroad.json().error).toMatchObject({ code: 'OUTFALL_COORDINATES', message: { zh: expect.stringContaining('不在中国境内'), en: expect.stringContaining('outside China') } });
    expect(await imageCount()).toBe(before);
  });

  it('runs the three levels: a suspect marked on an image, checked in the field with a photo and tests, verified by the experts', async () => {
    const img = (await call(t.app, office, 'GET', `/api/v1/outfalls/images?reach=${reachId}`)).json().items.find((i: { position: unknown }) => i.position);
    const s = await call(t.app, office, 'POST', '/api/v1/outfalls', { lat: 28.1211, lng: 120.9925, reachId, imageId: img.id, imageX: 0.4, imageY: 0.55, note: '管口可见' });
    expect(s.statusCode).toBe(201);
    const suspect = s.json();
    expect(suspect).toMatchObject({ state: 'suspect', origin: 'imagery', code: expect.stringMatching(/^330382-\d{4}$/), regionCode: TOWNSHIP, waterBody: '乐清湾' });
    expect((await call(t.app, office, 'GET', `/api/v1/outfalls/images/${img.id}`)).json().marks).toEqual([expect.objectContaining({ id: suspect.id, imageX: 0.4 })]);

    // the experts cannot verify a suspect nobody has checked
    const early = await call(t.app, expert, 'POST', `/api/v1/outfalls/${suspect.id}/verify`, { version: suspect.version, verdict: 'verified', note: '先核实' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('OUTFALL_STATE');

    const near = (await call(t.app, taker, 'GET', '/api/v1/outfalls/near?lat=28.1127&lng=120.9673')).json().items;
    expect(near[0]).toMatchObject({ id: suspect.id, distanceM: expect.any(Number) });
    const photo = await upload(t.app, taker, `/api/v1/outfalls/${suspect.id}/photos`, [
      { name: 'id', content: '7d1d8a7e-1b2c-4c55-9a3e-2f1f0e6a9b01' }, { name: 'lat', content: '28.1210' }, { name: 'lng', content: '120.9926' }, { name: 'file', filename: 'p.jpg', content: await jpeg(4) },
    ]);
    expect(photo.statusCode).toBe(201);
    // a confirmed outfall needs its type
    const noType = await call(t.app, taker, 'POST', `/api/v1/outfalls/${suspect.id}/check`, { version: suspect.version, verdict: 'confirmed', waterBody: '乐清湾' });
    expect(noType.json().error).toMatchObject({ code: 'OUTFALL_FIELD_INVALID', message: { en: expect.stringContaining('type') } });
    const checked = await call(t.app, taker, 'POST', `/api/v1/outfalls/${suspect.id}/check`, {
      version: suspect.version, verdict: 'confirmed', type: 'industrial', flowM3d: 80, discharging: 'flowing', responsibleName: '城东某电镀厂',
      tests: [{ parameter: 'cod', value: 95 }, { parameter: 'ph', value: 7.1 }],
    });
    expect(checked.statusCode).toBe(200);
    expect(checked.json().tests).toEqual([{ parameter: 'cod', value: 95, unit: 'mg/L', abnormal: true }, { parameter: 'ph', value: 7.1, unit: '', abnormal: false }]);
    const stale = await call(t.app, taker, 'POST', `/api/v1/outfalls/${suspect.id}/check`, { version: suspect.version, verdict: 'hard', note: '旧版本' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');

    const verified = await call(t.app, expert, 'POST', `/api/v1/outfalls/${suspect.id}/verify`, { version: checked.json().version, verdict: 'verified', note: '专家核实为工业排污口' });
    expect(verified.json().state).toBe('verified');
    const whole = (await call(t.app, office, 'GET', `/api/v1/outfalls/${suspect.id}`)).json();
    expect(whole.history.map((h: { to: string; level: number }) => `${h.level}:${h.to}`)).toEqual(['1:suspect', '2:confirmed', '3:verified']);
    expect(whole.photos).toHaveLength(1);
    expect(whole.corridor).toMatchObject({ inside: true });
    expect(whole.image.id).toBe(img.id);
    expect((await call(t.app, taker, 'GET', whole.photos[0].url)).statusCode).toBe(200);

    // Every row of the outfall sits on its province's shard (migration 0024), and the database
    // itself refuses a link to another province's source.
    const provinces = await sql<{ p: string }>`SELECT DISTINCT province_code AS p FROM outfall_steps WHERE outfall_id = ${suspect.id}`.execute(t.ctx.db);
    expect(provinces.rows).toEqual([{ p: '330000' }]);
    const far = await sql<{ id: number }>`INSERT INTO sources (region_code, province_code, name, origin) VALUES ('500109', '500000', '北碚某厂', 'supplement') RETURNING id`.execute(t.ctx.db);
    await expect(sql`UPDATE outfalls SET source_id = ${far.rows[0].id} WHERE id = ${suspect.id}`.execute(t.ctx.db)).rejects.toThrow(/outfalls_source_fkey/);
  });

  it('imports suspects whole or not at all, with every bad row named', async () => {
    const before = await count();
    const bad = await upload(t.app, office, '/api/v1/outfalls/import', [{ name: 'file', filename: 's.csv', content: `纬度,经度,区划代码,河段,备注\n28.11,120.99,${TOWNSHIP},乐清湾测试段,好\nabc,120.99,${TOWNSHIP},,坏数字\n-28.11,120.99,${TOWNSHIP},,南半球\n28.11,120.99,500109,,外省\n28.11,120.99,${TOWNSHIP},不存在的河段,无此河段\n` }]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('OUTFALL_IMPORT_INVALID');
    expect(bad.json().error.details.rows.map((r: { row: number; code: string }) => `${r.row}:${r.code}`)).toEqual(['3:NUMBER', '4:OUTSIDE', '5:REGION', '6:REACH']);
    expect(await count()).toBe(before);
    const good = await upload(t.app, office, '/api/v1/outfalls/import', [{ name: 'file', filename: 's.csv', content: `lat,lng,region,note\n28.101,120.995,${TOWNSHIP},a\n28.102,120.996,${TOWNSHIP},b\n` }]);
    expect(good.statusCode).toBe(201);
    expect(good.json().created).toBe(2);
    expect(await count()).toBe(before + 2);
  });

  it('refuses coordinates abroad and out-of-scope regions, and counts progress per reach and child region', async () => {
    const before = await count();
    for (const body of [{ lat: -28.1, lng: 120.9, regionCode: TOWNSHIP }, { lat: 28.1, lng: -120.9, regionCode: TOWNSHIP }, { lat: 1e308, lng: 120.9, regionCode: TOWNSHIP }]) {
      const r = await call(t.app, office, 'POST', '/api/v1/outfalls', body);
      expect(r.statusCode).toBe(400);
    }
    expect((await call(t.app, office, 'POST', '/api/v1/outfalls', { lat: 29.8, lng: 106.4, regionCode: '500109' })).statusCode).toBe(403);
    expect(await count()).toBe(before);
    const p = (await call(t.app, office, 'GET', '/api/v1/outfalls/progress')).json();
    expect(p.totals).toMatchObject({ verified: 1, suspect: 2, total: 3 });
    expect(p.children.find((c: { code: string }) => c.code === TOWNSHIP)).toMatchObject({ total: 3 });
    expect(p.reaches.find((r: { id: number }) => r.id === reachId)).toMatchObject({ verified: 1 });
  });
});
