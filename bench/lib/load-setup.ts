// The national load test's database: a copy of the national synthetic census (CREATE DATABASE …
// TEMPLATE, so the original is never written), with the mix's accounts, the pilot county open
// for the survey and fresh supplement sources for the saves. Also what is read beside the run:
// PostgreSQL's own CPU (the postmaster and its children, from /proc) and its active queries.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { hashPassword } from '../../src/domains/access/index.ts';
import { cpuSeconds } from './serve.ts';
import { SET } from './soak-setup.ts';
import { referencedFiles } from '../../src/domains/survey/submissions/rules.ts';
import { LOAD_USERS, LOAD_PASSWORD, COUNTY } from './load-mix.ts';
import { openDatabase } from '../../src/core/db/index.ts';
import { migrate } from '../../src/core/db/migrate.ts';

const FILES = SET.forms.flatMap((f) => referencedFiles(f.form, f.version, f.answers));
const ident = (s: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(s)) throw new Error(`not a plain database name: ${s}`);
  return s;
};

export function urlFor(serverUrl: string, dbName: string): string {
  return Object.assign(new URL(serverUrl), { pathname: `/${dbName}` }).toString();
}

/** Copies `template` to `copy` (dropping an old copy); retries while others are connected to the template (a backup, a reader). */
export async function copyDatabase(serverUrl: string, template: string, copy: string, log: (s: string) => void, waitMinutes = 30): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (!exists.rowCount) throw new Error(`no database ${template} on this server (load it with npx pucha demo --national)`);
    await admin.query(`DROP DATABASE IF EXISTS ${ident(copy)} WITH (FORCE)`);
    for (let i = 0; ; i++) {
      try {
        await admin.query(`CREATE DATABASE ${ident(copy)} TEMPLATE ${ident(template)}`);
        return;
      } catch (e) {
        // 55006: the template is being accessed by other users (a reader of the original)
        if ((e as { code?: string }).code !== '55006' || i >= waitMinutes * 12) throw e;
        if (i === 0) log(`  ${template} has other connections; retrying every 5 s for up to ${waitMinutes} min`);
        await new Promise((r) => setTimeout(r, 5000));
      }
    }
  } finally {
    await admin.end();
  }
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
  await admin.end();
}

export interface Prepared {
  sourceIds: number[];
  sources: number;
  nationTerms: string[];
  countyTerms: string[];
}

/** The accounts, the pilot county and `fresh` supplement sources with their attachment rows; search terms from real names. */
export async function prepareCopy(url: string, fresh: number): Promise<Prepared> {
  // The copy is at the template's schema version: bring it up to this code's before writing to it.
  const d = await openDatabase({ databaseUrl: url, dataDir: '' });
  try {
    await migrate(d.db);
  } finally {
    await d.close();
  }
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const sources = Number((await c.query(`SELECT count(*) AS n FROM sources`)).rows[0].n);
    const hash = await hashPassword(LOAD_PASSWORD);
    for (const u of LOAD_USERS) {
      const had = await c.query(`UPDATE users SET password_hash = $2 WHERE username = $1`, [u.username, hash]);
      if (!had.rowCount) await c.query(`INSERT INTO users (username, display_name, password_hash, role, region_code) VALUES ($1, $1, $2, $3, $4)`, [u.username, hash, u.role, u.region]);
    }
    await c.query(`UPDATE regions SET pilot = true WHERE code = $1`, [COUNTY]);
    // A copy kept by --keep holds the last run's load sources: closed here, so the pilot county's
    // size (and its progress count) stays the census's own plus this run's, run after run.
    await c.query(`UPDATE sources SET state = 'deleted', delete_reason = 'closed'
      WHERE region_code = $1 AND origin = 'supplement' AND name LIKE '乐清市压测印染厂%' AND state = 'active'`, [COUNTY]);
    const names = Array.from({ length: fresh }, (_, i) => `乐清市压测印染厂${i + 1}`);
    const r = await c.query(`INSERT INTO sources (region_code, province_code, name, industry_code, category, origin)
      SELECT $1, left($1, 2) || '0000', n, '1713', 'industrial', 'supplement' FROM unnest($2::text[]) AS t(n) RETURNING id`, [COUNTY, names]);
    const sourceIds = r.rows.map((x) => Number(x.id));
    for (const f of FILES) {
      await c.query(`INSERT INTO submission_attachments (id, source_id, region_code, province_code, mime, bytes, sha256, name)
        SELECT $1 || '-' || s, s, $2, '330000', $3, 4, $4, $5 FROM unnest($6::bigint[]) AS t(s)`, [f.id, COUNTY, f.type, '0'.repeat(64), f.name ?? null, sourceIds]);
    }
    // What an office types: the distinctive tail of a real name (the synthetic names share their head).
    const tail = (n: string) => n.slice(-Math.min(8, n.length));
    const pick = async (where: string, args: unknown[]) =>
      (await c.query(`SELECT name FROM sources WHERE ${where} AND origin <> 'supplement' ORDER BY id LIMIT 400`, args)).rows.filter((_, i) => i % 50 === 7).map((x) => tail(x.name as string));
    const nationTerms = await pick(`id % 997 = 3`, []);
    const countyTerms = await pick(`region_code LIKE $1`, [`${COUNTY}%`]);
    await c.query('ANALYZE sources');
    return { sourceIds, sources, nationTerms: nationTerms.length ? nationTerms : ['电气'], countyTerms: countyTerms.length ? countyTerms : ['电气'] };
  } finally {
    await c.end();
  }
}

/** The server settings that decide how much of the copy stays in memory (docs/deploy.md gives them for a national server). */
export async function serverSettings(url: string): Promise<Record<string, string>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query(`SELECT name, current_setting(name) AS value FROM pg_settings
      WHERE name IN ('shared_buffers', 'effective_cache_size', 'work_mem', 'max_connections', 'jit', 'server_version') ORDER BY name`);
    return Object.fromEntries(r.rows.map((x: { name: string; value: string }) => [x.name, x.value]));
  } finally {
    await c.end();
  }
}

/** PostgreSQL's postmaster pid (its children are the backends), from the data directory's postmaster.pid. */
export async function postmasterPid(url: string): Promise<number | undefined> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const dir = (await c.query('SHOW data_directory')).rows[0].data_directory as string;
    return Number(fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return undefined; // another machine or another user: CPU not read
  } finally {
    await c.end();
  }
}

/** CPU seconds of the postmaster's tree, with its reaped children's (cutime, cstime): a backend that exits keeps counting. */
export function postgresCpu(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return cpuSeconds(pid) + (Number(f[13]) + Number(f[14])) / 100;
  } catch {
    return NaN;
  }
}

/** Samples the database's active statements every 250 ms while running; `stop` answers the most seen. */
export function watchActivity(url: string, dbName: string): { stop(): Promise<Array<{ what: string; seen: number }>> } {
  const c = new pg.Client({ connectionString: url });
  const seen = new Map<string, number>();
  let running = true;
  const loop = (async () => {
    await c.connect();
    while (running) {
      const r = await c.query(`SELECT regexp_replace(left(query, 90), '\\s+', ' ', 'g') AS q, coalesce(wait_event_type || ':' || wait_event, 'CPU') AS w
        FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND pid <> pg_backend_pid()`, [dbName]);
      for (const row of r.rows) {
        const k = `${row.w} ${row.q}`;
        seen.set(k, (seen.get(k) ?? 0) + 1);
      }
      await new Promise((res) => setTimeout(res, 250));
    }
    await c.end();
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return [...seen].map(([what, n]) => ({ what, seen: n })).sort((a, b) => b.seen - a.seen).slice(0, 6);
    },
  };
}
