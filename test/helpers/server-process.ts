// A real Pucha server (the `pucha serve` command), on a private copy of the test database, for
// end-to-end tests over real HTTP. On PostgreSQL it is two processes on one database and one data
// folder behind a round-robin proxy (test/helpers/round-robin-proxy.ts), as behind nginx, so every
// suite also proves that any process may answer any request; PUCHA_E2E_PROCESSES overrides the
// count (1: one process, reached directly). The embedded database belongs to one process.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DbKind } from '../../src/core/db/index.ts';
import { PG_TEMPLATE_DB, TEMPLATE_DIR, serverUrl } from './databases.ts';
import { startRoundRobinProxy, type RoundRobinProxy } from './round-robin-proxy.ts';

export interface ServerProcess {
  /** Where to send requests: the proxy's address with several processes, else the process's own. */
  url: string;
  /** Each process's own address, in the proxy's order (tests that must reach one of them). */
  readonly urls: string[];
  /** The first process. */
  readonly proc: ChildProcess;
  readonly procs: ChildProcess[];
  /** Every process's output, each line prefixed with its number when there are several. */
  output(): string;
  /** SIGKILL to every process: no shutdown code runs, as when the machine loses power or the OOM killer strikes. */
  kill(): Promise<void>;
  /** Starts every process again on the same database and ports. */
  restart(): Promise<void>;
  /** Stops the processes (and the proxy) and removes the database and data folder. */
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  /** How many `pucha serve` processes; PostgreSQL only above 1. Default: PUCHA_E2E_PROCESSES or 2 on PostgreSQL, 1 on PGlite. */
  processes?: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export function processCount(kind: DbKind, asked?: number): number {
  if (kind === 'pglite') {
    if (asked !== undefined && asked > 1) throw new Error('the embedded database belongs to one process');
    return 1;
  }
  const n = asked ?? Number(process.env.PUCHA_E2E_PROCESSES ?? 2);
  if (!Number.isInteger(n) || n < 1) throw new Error(`PUCHA_E2E_PROCESSES must be a whole number ≥ 1, not ${process.env.PUCHA_E2E_PROCESSES}`);
  return n;
}

interface Member {
  port: number;
  url: string;
  proc: ChildProcess | undefined;
}

export async function startServerProcess(kind: DbKind, opts: ServerProcessOptions = {}): Promise<ServerProcess> {
  const count = processCount(kind, opts.processes);
  // One data folder for all: stored files written by one process are read by the other, as on one machine.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pucha-e2e-'));
  // One cookie secret for all, as docs/deploy.md asks of every shared deployment.
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', NODE_ENV: 'production', PUCHA_DATA_DIR: dir, PUCHA_SECRET: 'e2e-shared-secret-of-every-process' };
  let dropDatabase = async () => {};
  if (kind === 'pglite') {
    fs.cpSync(TEMPLATE_DIR, dir, { recursive: true });
    delete env.DATABASE_URL;
  } else {
    const name = `pucha_t_e2e_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${PG_TEMPLATE_DB}`);
    await admin.end();
    env.DATABASE_URL = serverUrl(name);
    dropDatabase = async () => {
      const a = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
  }
  const members: Member[] = [];
  for (let i = 0; i < count; i++) {
    const port = await freePort();
    members.push({ port, url: `http://127.0.0.1:${port}`, proc: undefined });
  }
  let out = '';
  const record = (prefix: string) => {
    let partial = '';
    return (d: Buffer | string) => {
      if (!prefix) return void (out += d);
      const lines = (partial + d).split('\n');
      partial = lines.pop()!;
      for (const l of lines) out += `${prefix}${l}\n`;
    };
  };
  // Starts `pucha serve` as member i and waits until it answers.
  const launch = async (i: number) => {
    const m = members[i];
    const child = spawn(process.execPath, ['bin/pucha.js', 'serve', '--port', String(m.port)], { env: { ...env, PORT: String(m.port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    m.proc = child;
    const write = record(count > 1 ? `[${i + 1}] ` : '');
    child.stdout!.on('data', write);
    child.stderr!.on('data', write);
    const until = Date.now() + 100_000; // a loaded CI machine starting two at once (hookTimeout is 120 s)
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server ${i + 1} exited early:\n${out}`);
      try {
        const r = await fetch(`${m.url}/healthz`);
        if (r.ok) return;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > until) throw new Error(`server ${i + 1} did not start:\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  // In parallel: two processes must not make a suite wait for two start-ups in a row.
  const launchAll = () => Promise.all(members.map((_, i) => launch(i)));
  const ended = (p: ChildProcess | undefined) => !p || p.exitCode !== null || p.signalCode !== null;
  const signal = async (sig: NodeJS.Signals) => {
    await Promise.all(members.map(async ({ proc }) => {
      if (!proc || ended(proc)) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill(sig);
      await exited;
    }));
  };
  const cleanup = async () => {
    await dropDatabase();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  let proxy: RoundRobinProxy | undefined;
  try {
    await launchAll();
    if (count > 1) proxy = await startRoundRobinProxy(members.map((m) => m.url));
  } catch (e) {
    await signal('SIGKILL');
    await cleanup();
    throw e;
  }
  return {
    url: proxy?.url ?? members[0].url,
    urls: members.map((m) => m.url),
    get proc() {
      return members[0].proc!;
    },
    get procs() {
      return members.map((m) => m.proc!);
    },
    output: () => out,
    kill: () => signal('SIGKILL'),
    async restart() {
      await Promise.all(members.map((m, i) => (ended(m.proc) ? launch(i) : undefined)));
    },
    async stop() {
      await proxy?.close();
      await signal('SIGTERM');
      await cleanup();
    },
  };
}
