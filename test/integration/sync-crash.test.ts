// The field app's sync under SIGKILL: enumerators' devices send what they
// recorded (units found in the field, each with its client id) while the server
// is killed at random moments; then every device resends everything it ever
// sent, acknowledged or not, as a device does after a lost answer. Each unit
// must exist exactly once, each acknowledged answer must be the one a resend
// gets, and the inventory progress must count exactly what is stored.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { DEMO_PASSWORD } from '../../src/domains/demo/index.ts';

const ROUNDS = 3;
/** Per round: more than a second of load on either database, bounded so the replay stays short on a busy machine. */
const MAX_PER_ROUND = 400;
type Session = { cookie: string; csrf: string };
interface Item { opId: string; sourceId: null; clientUuid: string; baseVersion: null; state: 'added'; submit: true; data: { name: string; lat: number; lng: number } }

describe.each(databaseKinds())('sync under SIGKILL on %s', (kind) => {
  let server: ServerProcess;
  let packageId = 0;
  beforeAll(async () => {
    server = await startServerProcess(kind, { processes: 1 }); // one process: a kill here means the server is gone
  });
  afterAll(() => server?.stop());

  async function session(username: string): Promise<Session> {
    const r = await fetch(`${server.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
    return { cookie: r.headers.get('set-cookie')!.split(';')[0], csrf: (await r.json()).csrfToken as string };
  }
  const send = (s: Session, method: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, { method, headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf }, body: body === undefined ? undefined : JSON.stringify(body) });

  it(`stores every unit once and answers a resend as the first send, across ${ROUNDS} kills`, async () => {
    const office = await session('yueqing');
    const zone = await (await send(office, 'POST', '/api/v1/inventory/zones', { regionCode: '330382001', name: '崩溃测试小区' })).json();
    const teams = await (await send(office, 'GET', '/api/v1/teams?limit=100')).json();
    const team = teams.items.find((x: { name: string }) => x.name === '城东街道普查小组');
    const pkg = await send(office, 'POST', '/api/v1/inventory/packages', { name: '崩溃测试包', teamId: team.id, zoneId: zone.id });
    expect(pkg.status).toBe(201);
    packageId = (await pkg.json()).id;

    const sent: Item[] = [];
    const acknowledged = new Map<string, number>(); // opId → sourceId
    for (let round = 0; round < ROUNDS; round++) {
      const taker = await session('yq-enumerator');
      // A fresh process compiles its queries on the first requests (PGlite most of all):
      // one sync first, so the kill falls among the load, not before it.
      const warm: Item = { opId: randomUUID(), sourceId: null, clientUuid: randomUUID(), baseVersion: null, state: 'added', submit: true, data: { name: `崩溃测试预热-${round}`, lat: 28.13, lng: 120.98 } };
      sent.push(warm);
      const first = await (await send(taker, 'POST', '/api/v1/inventory/sync', { packageId, items: [warm] })).json();
      acknowledged.set(warm.opId, first.results[0].sourceId);
      let stop = false;
      const devices = Array.from({ length: 4 }, async (_, d) => {
        let cursor: string | undefined;
        while (!stop && sent.length < MAX_PER_ROUND * (round + 1)) {
          const items: Item[] = Array.from({ length: 3 }, (_, k) => ({
            opId: randomUUID(), sourceId: null, clientUuid: randomUUID(), baseVersion: null, state: 'added', submit: true,
            data: { name: `崩溃测试新增单位-${round}-${d}-${sent.length}-${k}`, lat: 28.13, lng: 120.98 },
          }));
          sent.push(...items);
          try {
            const r = await send(taker, 'POST', '/api/v1/inventory/sync', { packageId, items, cursor });
            if (r.status !== 200) {
              await r.arrayBuffer();
              continue;
            }
            const body = await r.json();
            cursor = body.cursor;
            for (const res of body.results) if (res.ok) acknowledged.set(res.opId, res.sourceId);
          } catch {
            return; // the server is gone
          }
        }
      });
      await new Promise((r) => setTimeout(r, 1000 + Math.random() * 1000));
      await server.kill();
      stop = true;
      await Promise.all(devices);
      await server.restart();
    }
    expect(acknowledged.size).toBeGreaterThan(ROUNDS * 4);

    // Every device resends everything, twice.
    const taker = await session('yq-enumerator');
    const answers = new Map<string, number>();
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < sent.length; i += 200) {
        const r = await send(taker, 'POST', '/api/v1/inventory/sync', { packageId, items: sent.slice(i, i + 200) });
        expect(r.status).toBe(200);
        for (const res of (await r.json()).results) {
          expect(res.ok, JSON.stringify(res)).toBe(true);
          if (pass === 1) expect(res.sourceId).toBe(answers.get(res.opId));
          answers.set(res.opId, res.sourceId);
        }
      }
    }
    for (const [opId, sourceId] of acknowledged) expect(answers.get(opId), `op ${opId} answered differently after the crash`).toBe(sourceId);

    // One source per unit, all in the package, and the progress counts exactly them.
    const download = await (await send(taker, 'GET', `/api/v1/inventory/packages/${packageId}/download`)).json();
    const names = download.units.map((u: { name: string }) => u.name);
    expect(names.length).toBe(sent.length);
    expect(new Set(names).size).toBe(sent.length);
    expect(new Set(download.units.map((u: { sourceId: number }) => u.sourceId))).toEqual(new Set(answers.values()));
    const progress = await (await send(office, 'GET', '/api/v1/inventory/progress?region=330382001')).json();
    const row = progress.rows.find((r: { name: string }) => r.name === '崩溃测试小区');
    expect(row).toMatchObject({ sources: sent.length, visited: sent.length, byState: { added: sent.length } });
  }, 240_000);
});
