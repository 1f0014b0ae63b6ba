// The inventory end to end through the API on both databases: zones and a
// package, the device's download and sync (stored once, replay-safe, conflicts
// surfaced, bad items refused without side effects), photos, the reviewer's
// rejection reaching the device, the departments' verdicts, settlement, progress.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestApp, type Session, type TestApp } from '../../../test/helpers/app.ts';
import { databaseKinds } from '../../../test/helpers/databases.ts';
import { upload } from '../../../test/helpers/multipart.ts';
import { expectCountsKept } from '../../../test/helpers/inventory-counts.ts';
import { countByChild, countByChildLive } from './records/review.sql.ts';

// The smallest well-formed JPEG header and end: enough for a content check.
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]), Buffer.alloc(200, 7), Buffer.from([0xff, 0xd9])]);
const AT = { lat: 28.1365, lng: 120.9870 }; // 乐清市城东街道

interface Item { opId: string; sourceId: number | null; clientUuid?: string; baseVersion: number | null; state: string; stateReason?: string; submit: boolean; data: Record<string, unknown>; visit?: object }
const item = (sourceId: number | null, state: string, extra: Partial<Item> = {}): Item => ({
  opId: randomUUID(), sourceId, baseVersion: sourceId === null ? null : 1, state, submit: true,
  data: { name: `单位${sourceId ?? '新'}`, lat: AT.lat, lng: AT.lng }, visit: { at: new Date().toISOString(), ...AT, accuracy: 12 }, ...extra,
});

describe.each(databaseKinds())('the inventory on %s', (kind) => {
  let t: TestApp;
  let office: Session;
  let taker: Session;
  let stats: Session;
  let src: number[] = [];
  let packageId = 0;
  let zoneId = 0;
  let added = 0;

  const get = async (s: Session, url: string) => {
    const r = await call(t.app, s, 'GET', url);
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  const post = (s: Session, url: string, body: unknown) => call(t.app, s, 'POST', url, body);
  const syncAs = async (s: Session, items: Item[], cursor?: string) => {
    const r = await post(s, '/api/v1/inventory/sync', { packageId, items, ...(cursor && { cursor }) });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { results: Array<{ opId: string; ok: boolean; code?: string; sourceId?: number; version?: number; server?: { version: number; remarks: Array<{ text: string }> } }>; updates: Array<{ sourceId: number; record: { status: string; rejectReason: string | null } }>; cursor: string };
  };
  const record = async (id: number) => (await t.ctx.db.selectFrom('inventory_records').selectAll().where('source_id', '=', id).executeTakeFirstOrThrow());

  beforeAll(async () => {
    t = await startTestApp(kind);
    office = await login(t.app, 'yueqing');
    taker = await login(t.app, 'yq-enumerator');
    stats = await login(t.app, 'yq-stats');
    for (const [name, address] of [['乐清市甲电器厂', '乐清市城东街道宁康村1号'], ['乐清市乙模具厂', '乐清市城东街道宁康村2号'], ['乐清市丙五金厂', '乐清市城东宁康村3号'], ['乐清市丁塑料厂', '乐清市某处']]) {
      const r = await post(office, '/api/v1/sources', { regionCode: '330382', name, address });
      expect(r.statusCode, r.body).toBe(201);
      src.push(r.json().id);
    }
    // a source elsewhere, in no package of the taker
    const other = await post(office, '/api/v1/sources', { regionCode: '330382', name: '乐清市戊机械厂', address: '乐清市柳市镇' });
    src.push(other.json().id);
  });
  afterAll(() => t?.close());

  it('draws a zone, places sources by address (a job) and by hand, and gives the zone to a team', async () => {
    const z = await post(office, '/api/v1/inventory/zones', { regionCode: '330382001', name: '宁康小区', keywords: ['宁康村'] });
    expect(z.statusCode, z.body).toBe(201);
    expect(z.json().code).toBe('3303820010000001');
    zoneId = z.json().id;
    expect((await post(office, '/api/v1/inventory/zones', { regionCode: '330382', name: '县不是乡镇' })).json().error.code).toBe('INVENTORY_ZONE_NOT_TOWNSHIP');

    const job = await post(office, '/api/v1/inventory/zones/assign', { regionCode: '330382' });
    expect(job.statusCode, job.body).toBe(202);
    let done: { status: string; result: { placed: number; unplaced: number } } | undefined;
    for (let i = 0; i < 200 && done?.status !== 'succeeded'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      done = await get(office, `/api/v1/jobs/${job.json().job.id}`);
    }
    expect(done?.status).toBe('succeeded');
    expect(done?.result.placed).toBe(3); // 城东街道 / 城东 + 宁康村; the two others have no township match
    const byHand = await post(office, `/api/v1/inventory/zones/${zoneId}/sources`, { sourceIds: [src[3]] });
    expect(byHand.json()).toEqual({ assigned: 1 });
    expect((await post(office, `/api/v1/inventory/zones/${zoneId}/sources`, { sourceIds: [999999999] })).json().error.code).toBe('INVENTORY_SOURCES_NOT_FOUND');

    const teams = await get(office, '/api/v1/teams?limit=100');
    const team = teams.items.find((x: { name: string }) => x.name === '城东街道普查小组');
    const p = await post(office, '/api/v1/inventory/packages', { name: '宁康小区工作包', teamId: team.id, zoneId });
    expect(p.statusCode, p.body).toBe(201);
    expect(p.json()).toMatchObject({ sources: 4, visited: 0, zoneCode: '3303820010000001' });
    packageId = p.json().id;
  });

  it('the taker finds the package and downloads its units with the states', async () => {
    const mine = await get(taker, '/api/v1/inventory/packages/mine');
    expect(mine.items.map((x: { id: number }) => x.id)).toEqual([packageId]);
    const d = await get(taker, `/api/v1/inventory/packages/${packageId}/download`);
    expect(d.units.map((u: { sourceId: number }) => u.sourceId).sort()).toEqual(src.slice(0, 4).sort());
    expect(d.states).toHaveLength(6);
    expect(d.units[0].record).toMatchObject({ status: 'assigned', version: 1 });
    expect((await call(t.app, stats, 'GET', `/api/v1/inventory/packages/${packageId}/download`)).statusCode).toBe(403);
  });

  it('sync stores good items once, refuses bad ones without touching anything, and a replay changes nothing', async () => {
    const clientUuid = randomUUID();
    const items = [
      item(src[0], 'normal'),
      item(src[1], 'deleted'), // no reason
      item(null, 'added', { clientUuid, data: { name: '乐清市新发现加工点', address: '乐清市城东街道宁康村9号', lat: AT.lat, lng: AT.lng } }),
      item(src[2], 'normal', { data: { name: 'x', lat: 48.85, lng: 2.35 } }), // Paris
      item(src[4], 'normal'), // not in the package
      item(src[3], 'exploded'),
    ];
    const first = await syncAs(taker, items);
    expect(first.results.map((r) => r.ok ? 'ok' : r.code)).toEqual(['ok', 'INVENTORY_STATE_REASON', 'ok', 'INVENTORY_COORDINATES', 'INVENTORY_NOT_IN_PACKAGE', 'INVENTORY_STATE_UNKNOWN']);
    added = first.results[2].sourceId!;
    expect((await record(src[0])).status).toBe('submitted');
    for (const id of [src[1], src[2], src[3]]) expect(await record(id)).toMatchObject({ status: 'assigned', version: 1, state: null });
    const newSource = await t.ctx.db.selectFrom('sources').select(['origin', 'name']).where('id', '=', added).executeTakeFirstOrThrow();
    expect(newSource).toEqual({ origin: 'field', name: '乐清市新发现加工点' });
    expect(await record(added)).toMatchObject({ state: 'added', client_uuid: clientUuid, package_id: packageId });

    const count = async () => Number((await t.ctx.db.selectFrom('sources').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const again = await syncAs(taker, items);
    expect(again.results).toEqual(first.results.map((r) => (r.ok ? r : expect.objectContaining({ code: r.code }))));
    expect(await count()).toBe(before);
    expect((await record(src[0])).version).toBe(2);
    // The same unit sent again under a new op id (the device saved twice) is the same source.
    const resave = await syncAs(taker, [item(null, 'added', { clientUuid, data: { name: '乐清市新发现加工点（改）' } })]);
    expect(resave.results[0]).toMatchObject({ ok: true, sourceId: added, version: 3 });
    expect(await count()).toBe(before);
  });

  it('a rejection reaches the device; an edit from the older version is a conflict, not an overwrite', async () => {
    const rec = await get(office, `/api/v1/inventory/records/${src[0]}`);
    const rej = await post(office, `/api/v1/inventory/records/${src[0]}/reject`, { version: rec.version, reason: '坐标与厂址不符，请复核' });
    expect(rej.statusCode, rej.body).toBe(200);
    const stale = await syncAs(taker, [item(src[0], 'suspended', { baseVersion: 2, data: { name: '改过的名字' } })]);
    expect(stale.results[0]).toMatchObject({ ok: false, code: 'INVENTORY_CONFLICT' });
    expect(stale.results[0].server?.version).toBe(3);
    expect(stale.results[0].server?.remarks.map((m) => m.text)).toContain('坐标与厂址不符，请复核');
    expect((await record(src[0])).state).toBe('normal');
    const upd = stale.updates.find((u) => u.sourceId === src[0]);
    expect(upd?.record).toMatchObject({ status: 'rejected', rejectReason: '坐标与厂址不符，请复核' });
    const fixed = await syncAs(taker, [item(src[0], 'suspended', { baseVersion: 3 })], stale.cursor);
    expect(fixed.results[0]).toMatchObject({ ok: true, version: 4, status: 'submitted' });
    expect(await record(src[0])).toMatchObject({ state: 'suspended', reject_reason: null });
  });

  it('a malformed item is refused alone; a visit without a GPS fix keeps its time', async () => {
    const bad = item(src[3], 'normal', { submit: false, data: { name: '联系人太多', contacts: Array.from({ length: 11 }, () => ({ name: '某' })) } });
    const noFix = item(src[3], 'normal', { submit: false, visit: { at: '2018-05-02T09:30:00+08:00' } });
    const r = await syncAs(taker, [bad, noFix]);
    expect(r.results.map((x) => (x.ok ? 'ok' : x.code))).toEqual(['REQUEST_INVALID', 'ok']);
    const rec = await record(src[3]);
    expect(rec.visited_at?.toISOString()).toBe('2018-05-02T01:30:00.000Z');
    expect([rec.visit_lat, rec.visit_far]).toEqual([null, false]);
  });

  it('flags a visit far from the known position', async () => {
    await t.ctx.db.updateTable('sources').set({ lat: AT.lat, lng: AT.lng }).where('id', '=', src[1]).execute();
    const r = await syncAs(taker, [item(src[1], 'deleted', { stateReason: 'duplicate', visit: { at: new Date().toISOString(), lat: AT.lat + 0.05, lng: AT.lng } })]);
    expect(r.results[0].ok).toBe(true);
    const rec = await record(src[1]);
    expect(rec.visit_far).toBe(true);
    expect(rec.visit_distance).toBeGreaterThan(5000);
  });

  it('photos: stored once by id, typed by content, limited in size, only for the taker\'s units', async () => {
    const id = randomUUID();
    const parts = (sourceId: number, content: Buffer, name = 'a.jpg', pid = id) => [{ name: 'id', content: pid }, { name: 'sourceId', content: String(sourceId) }, { name: 'lat', content: String(AT.lat) }, { name: 'lng', content: String(AT.lng) }, { name: 'file', filename: name, contentType: 'image/jpeg', content }];
    const first = await upload(t.app, taker, '/api/v1/inventory/photos', parts(src[2], JPEG));
    expect(first.statusCode, first.body).toBe(201);
    expect((await upload(t.app, taker, '/api/v1/inventory/photos', parts(src[2], JPEG))).statusCode).toBe(200);
    const fake = await upload(t.app, taker, '/api/v1/inventory/photos', parts(src[2], Buffer.from('not a picture at all, just text'), 'b.jpg', randomUUID()));
    expect([fake.statusCode, fake.json().error.code]).toEqual([415, 'INVENTORY_PHOTO_TYPE']);
    const huge = Buffer.alloc(100 * 1024 * 1024, 1);
    JPEG.copy(huge, 0, 0, 12);
    const big = await upload(t.app, taker, '/api/v1/inventory/photos', parts(src[2], huge, 'c.jpg', randomUUID()));
    expect([big.statusCode, big.json().error.code]).toEqual([413, 'INVENTORY_PHOTO_TOO_LARGE']);
    const outside = await upload(t.app, taker, '/api/v1/inventory/photos', parts(src[4], JPEG, 'd.jpg', randomUUID()));
    expect([outside.statusCode, outside.json().error.code]).toEqual([404, 'INVENTORY_NOT_IN_PACKAGE']);
    const photos = await get(office, `/api/v1/inventory/records/${src[2]}/photos`);
    expect(photos).toHaveLength(1);
    const img = await call(t.app, office, 'GET', `/api/v1/inventory/photos/${id}`);
    expect([img.statusCode, img.headers['content-type'], img.rawPayload.length]).toEqual([200, 'image/jpeg', JPEG.length]);
    const beibei = await login(t.app, 'beibei');
    expect((await call(t.app, beibei, 'GET', `/api/v1/inventory/photos/${id}`)).statusCode).toBe(404);
  });

  it("ids a device makes are unique in the whole nation: a photo id or a found unit's client id held in another province is refused", async () => {
    const db = t.ctx.db;
    const far = Number((await db.insertInto('sources').values({ region_code: '500109', province_code: '500000', name: '重庆市北碚区设备编号厂', origin: 'field' }).returning('id').executeTakeFirstOrThrow()).id);
    const clientUuid = randomUUID();
    const photo = randomUUID();
    await db.insertInto('inventory_records').values({ source_id: far, region_code: '500109', province_code: '500000', client_uuid: clientUuid }).execute();
    await db.insertInto('inventory_photos').values({ id: photo, source_id: far, region_code: '500109', province_code: '500000', mime: 'image/jpeg', bytes: 4, sha256: '0'.repeat(64), path: 'x.jpg' }).execute();

    const parts = [{ name: 'id', content: photo }, { name: 'sourceId', content: String(src[2]) }, { name: 'file', filename: 'a.jpg', contentType: 'image/jpeg', content: JPEG }];
    const taken = await upload(t.app, taker, '/api/v1/inventory/photos', parts);
    expect([taken.statusCode, taken.json().error.code]).toEqual([409, 'INVENTORY_PHOTO_ID_TAKEN']);
    expect(await db.selectFrom('inventory_photos').select('province_code').where('id', '=', photo).execute()).toEqual([{ province_code: '500000' }]);

    const before = Number((await db.selectFrom('sources').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const r = await syncAs(taker, [item(null, 'added', { clientUuid, data: { name: '乐清市同号新发现点', lat: AT.lat, lng: AT.lng } })]);
    expect(r.results[0]).toMatchObject({ ok: false, code: 'INVENTORY_NOT_IN_PACKAGE' });
    expect(Number((await db.selectFrom('sources').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(before);
    // the ops kept for replay (the earlier syncs') sit in their package's province
    expect(await db.selectFrom('inventory_ops').select('province_code').distinct().execute()).toEqual([{ province_code: '330000' }]);
  });

  it('work sent after the package moved to another team still arrives from its former team (versions checked)', async () => {
    const teams = await get(office, '/api/v1/teams?limit=100');
    const other = teams.items.find((x: { name: string; regionCode: string }) => x.name !== '城东街道普查小组' && x.regionCode.startsWith('330382'));
    const pkg = await get(office, `/api/v1/inventory/packages/${packageId}`);
    expect((await post(office, `/api/v1/inventory/packages/${packageId}/reassign`, { version: pkg.version, teamId: other.id, reason: '人员调整' })).statusCode).toBe(200);
    expect((await call(t.app, taker, 'GET', `/api/v1/inventory/packages/${packageId}/download`)).statusCode).toBe(404);
    const late = await syncAs(taker, [item(src[3], 'normal', { submit: false, baseVersion: (await record(src[3])).version })]);
    expect(late.results[0]).toMatchObject({ ok: true });
    const back = await get(office, `/api/v1/inventory/packages/${packageId}`);
    expect(back.history.map((h: { reason: string | null }) => h.reason)).toEqual([null, '人员调整']);
    const team = teams.items.find((x: { name: string }) => x.name === '城东街道普查小组');
    expect((await post(office, `/api/v1/inventory/packages/${packageId}/reassign`, { version: back.version, teamId: team.id, reason: '调回' })).statusCode).toBe(200);
  });

  it('departments judge: all required agree → confirmed; one disagrees → disputed; the office settles', async () => {
    const mee = await login(t.app, 'yq-mee');
    const miit = await login(t.app, 'yq-miit');
    const queue = await get(stats, '/api/v1/inventory/records?department=stats&pending=true');
    expect(queue.items.map((x: { sourceId: number }) => x.sourceId).sort()).toEqual([src[0], src[1], added].sort());
    expect((await post(stats, '/api/v1/inventory/verdicts', { sourceIds: [src[2]], verdict: 'agree' })).json().error.code).toBe('INVENTORY_WRONG_STATUS');
    expect((await post(stats, '/api/v1/inventory/verdicts', { sourceIds: [src[0]], verdict: 'disagree' })).json().error.code).toBe('INVENTORY_FIELD_INVALID');

    expect((await post(stats, '/api/v1/inventory/verdicts', { sourceIds: [src[0], added], verdict: 'agree' })).json()).toEqual({ updated: 2, confirmed: 0, disputed: 0 });
    expect((await post(mee, '/api/v1/inventory/verdicts', { sourceIds: [src[0], added], verdict: 'agree' })).json()).toEqual({ updated: 2, confirmed: 0, disputed: 0 });
    expect((await post(miit, '/api/v1/inventory/verdicts', { sourceIds: [src[0]], verdict: 'agree' })).json()).toEqual({ updated: 1, confirmed: 1, disputed: 0 });
    expect((await post(miit, '/api/v1/inventory/verdicts', { sourceIds: [added], verdict: 'disagree', reason: '该点为个体作坊，不属于清查范围' })).json()).toEqual({ updated: 1, confirmed: 0, disputed: 1 });
    expect((await record(src[0])).confirmation).toBe('confirmed');
    expect((await get(stats, '/api/v1/inventory/records?department=stats&pending=true')).items.map((x: { sourceId: number }) => x.sourceId)).toEqual([src[1]]);

    const disputed = await get(office, '/api/v1/inventory/records?confirmation=disputed');
    expect(disputed.items.map((x: { sourceId: number }) => x.sourceId)).toEqual([added]);
    expect(disputed.items[0].verdicts.map((v: { department: string; verdict: string }) => `${v.department}:${v.verdict}`)).toEqual(['mee:agree', 'miit:disagree', 'stats:agree']);
    const rec = await get(office, `/api/v1/inventory/records/${added}`);
    expect((await post(office, `/api/v1/inventory/records/${src[0]}/settle`, { version: (await record(src[0])).version, state: 'normal', note: 'x' })).json().error.code).toBe('INVENTORY_NOT_DISPUTED');
    const s = await post(office, `/api/v1/inventory/records/${added}/settle`, { version: rec.version, state: 'deleted', stateReason: 'out-of-scope', note: '经核实为个体作坊' });
    expect(s.statusCode, s.body).toBe(200);
    expect(await record(added)).toMatchObject({ confirmation: 'settled', state: 'deleted', state_reason: 'out-of-scope', status: 'done' });
  });

  it('a pilot county runs ahead: the national office sets its survey dates, the county sees them', async () => {
    const nation = await login(t.app, 'nation');
    const before = (await get(office, '/api/v1/inventory/pilots')).find((p: { code: string }) => p.code === '330382');
    expect(before).toMatchObject({ surveyStartsOn: '2018-08-01', surveyEndsOn: '2018-11-30' });
    const put = await call(t.app, nation, 'PUT', '/api/v1/inventory/phase-dates', { regionCode: '330382', phase: 'survey', startsOn: '2018-06-01', endsOn: '2018-11-10' });
    expect(put.statusCode, put.body).toBe(200);
    expect((await get(office, '/api/v1/inventory/pilots')).find((p: { code: string }) => p.code === '330382')).toMatchObject({ surveyStartsOn: '2018-06-01', surveyEndsOn: '2018-11-10' });
    expect((await call(t.app, nation, 'PUT', '/api/v1/inventory/phase-dates', { regionCode: '330382', phase: 'survey', startsOn: '2018-09-01', endsOn: '2018-08-01' })).json().error.code).toBe('REQUEST_INVALID');
    expect((await call(t.app, office, 'PUT', '/api/v1/inventory/phase-dates', { regionCode: '330382', phase: 'survey', startsOn: '2018-06-01', endsOn: '2018-11-10' })).statusCode).toBe(403);
  });

  it('progress per township and per zone, and every change audited', async () => {
    const county = await get(office, '/api/v1/inventory/progress?region=330382');
    const town = county.rows.find((r: { code: string }) => r.code === '330382001');
    expect(town).toMatchObject({ sources: 5, visited: 3, confirmed: 2, disputed: 0, toSurvey: 1 }); // suspended, confirmed; the settled one was deleted
    expect(town.byState).toEqual({ suspended: 1, deleted: 2 });
    expect(county.total.sources).toBe(6); // + the unzoned source of 柳市镇, still under the county
    expect(county.rows.find((r: { code: string | null }) => r.code === null)).toMatchObject({ sources: 1, level: 'unplaced' });
    const zones = await get(office, '/api/v1/inventory/progress?region=330382001');
    expect(zones.rows).toEqual([expect.objectContaining({ code: '3303820010000001', sources: 5, visited: 3, completion: 0.6 })]);
    expect((await call(t.app, office, 'GET', '/api/v1/inventory/progress?region=500109')).statusCode).toBe(404);
    // the counts kept by triggers through all of the above equal the rows counted afresh
    expect(await expectCountsKept(t.ctx.db)).toBeGreaterThan(5);
    const sorted = (rows: Awaited<ReturnType<typeof countByChild>>) => [...rows].sort((a, b) => `${a.key}|${a.state}`.localeCompare(`${b.key}|${b.state}`));
    for (const [prefix, keyLen] of [['', 2], ['33', 4], ['3303', 6], ['330382', 9], ['330382001', 'zone']] as const) {
      expect(sorted(await countByChild(t.ctx.db, prefix, keyLen)), prefix).toEqual(sorted(await countByChildLive(t.ctx.db, prefix, keyLen)));
    }
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('action', 'like', 'inventory.%').execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(new Set(['inventory.record', 'inventory.add', 'inventory.reject', 'inventory.photo', 'inventory.verdict', 'inventory.settle', 'inventory.phase-dates']));
  });
});
