// A real Pucha server in its own process (the `pucha serve` command), on a
// private copy of the test database, for end-to-end tests over real HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DbKind } from '../../src/core/db/index.ts';
import { PG_TEMPLATE_DB, TEMPLATE_DIR, serverUrl } from './databases.ts';

export interface ServerProcess {
  url: string;
  readonly proc: ChildProcess;
  output(): string;
  /** SIGKILL: no shutdown code runs, as when the machine loses power or the OOM killer strikes. */
  kill(): Promise<void>;
  /** Starts the server again on the same database and port. */
  restart(): Promise<void>;
  /** Stops the server and removes its database. */
  stop(): Promise<void>;
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

export async function startServerProcess(kind: DbKind): Promise<ServerProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'production' };
  let cleanup = async () => {};
  if (kind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pucha-e2e-'));
    fs.cpSync(TEMPLATE_DIR, dir, { recursive: true });
    env.PUCHA_DATA_DIR = dir;
    delete env.DATABASE_URL;
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `pucha_t_e2e_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${PG_TEMPLATE_DB}`);
    await admin.end();
    env.DATABASE_URL = serverUrl(name);
    cleanup = async () => {
      const a = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
  }
  const url = `http://127.0.0.1:${port}`;
  let out = '';
  // Starts `pucha serve` on this database and waits until it answers.
  const launch = async () => {
    const child = spawn(process.execPath, ['bin/pucha.js', 'serve', '--port', String(port)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    const until = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
      try {
        const r = await fetch(`${url}/healthz`);
        if (r.ok) return child;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > until) throw new Error(`server did not start:\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  let proc = await launch();
  return {
    url,
    get proc() {
      return proc;
    },
    output: () => out,
    async kill() {
      if (proc.exitCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGKILL');
      await exited;
    },
    async restart() {
      proc = await launch();
    },
    async stop() {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        await exited;
      }
      await cleanup();
    },
  };
}
