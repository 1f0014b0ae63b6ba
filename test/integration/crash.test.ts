// Crash consistency: a real server process takes writes at load and is killed
// with SIGKILL at a random moment, several times; after each restart every write
// it acknowledged is there exactly once, with its audit row, and nothing is half
// written. What this proves is the order commit → answer and that a change and
// its audit row commit together; a killed process leaves the kernel's page cache
// behind, so losing power (what fsync=on in src/core/db/pglite.ts is for) is
// beyond what a test on one machine can stage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { DEMO_PASSWORD } from '../../src/domains/demo/index.ts';

const ROUNDS = 3;

describe.each(databaseKinds())('SIGKILL under load on %s', (kind) => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess(kind, { processes: 1 }); // one process: a kill here means the server is gone
  });
  afterAll(() => server?.stop());

  async function session() {
    const r = await fetch(`${server.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'yueqing', password: DEMO_PASSWORD }) });
    return { cookie: r.headers.get('set-cookie')!.split(';')[0], csrf: (await r.json()).csrfToken as string };
  }

  it(`keeps every acknowledged write exactly once across ${ROUNDS} kills`, async () => {
    const acknowledged = new Map<string, number>(); // agency name → id the server answered
    let sent = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const s = await session();
      let stop = false;
      // Eight writers, each sending agencies one after another until the server dies.
      const writers = Array.from({ length: 8 }, async (_, w) => {
        while (!stop) {
          const name = `崩溃测试机构-${round}-${w}-${sent++}`;
          try {
            const r = await fetch(`${server.url}/api/v1/agencies`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
              body: JSON.stringify({ name, regionCode: '330382' }),
            });
            if (r.status === 201) acknowledged.set(name, (await r.json()).id);
            else await r.arrayBuffer();
          } catch {
            return; // connection refused or reset: the server is gone
          }
        }
      });
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 900));
      await server.kill();
      stop = true;
      await Promise.all(writers);
      await server.restart();
    }
    expect(acknowledged.size).toBeGreaterThan(ROUNDS * 5);

    const s = await session();
    const seen = new Map<string, number>();
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: number; name: string }>; nextCursor: string | null } = await (
        await fetch(`${server.url}/api/v1/agencies?limit=500${cursor ? `&cursor=${cursor}` : ''}`, { headers: { cookie: s.cookie } })
      ).json();
      for (const a of page.items) if (a.name.startsWith('崩溃测试机构')) seen.set(a.name, (seen.get(a.name) ?? 0) + 1);
      cursor = page.nextCursor;
    } while (cursor);

    const lost = [...acknowledged.keys()].filter((n) => !seen.has(n));
    expect(lost, `acknowledged but lost after SIGKILL: ${lost.slice(0, 5).join(', ')}`).toEqual([]);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);

    // Every stored agency has exactly one audit row: the change and its audit committed together.
    const audited: string[] = [];
    cursor = null;
    do {
      const page: { items: Array<{ entityId: string }>; nextCursor: string | null } = await (
        await fetch(`${server.url}/api/v1/audit?entity=agency&action=agency.create&limit=500${cursor ? `&cursor=${cursor}` : ''}`, { headers: { cookie: s.cookie } })
      ).json();
      audited.push(...page.items.map((a) => a.entityId));
      cursor = page.nextCursor;
    } while (cursor);
    const auditedSet = new Set(audited);
    for (const id of acknowledged.values()) expect(auditedSet.has(String(id)), `agency ${id} has no audit row`).toBe(true);
    expect(audited.length).toBe(seen.size);
    console.log(`crash on ${kind}: ${ROUNDS} SIGKILLs, ${acknowledged.size} writes acknowledged, ${seen.size} stored once each, ${audited.length} audit rows`);
  });
});
