// The CLI talks to Pucha through its HTTP API: to the running server when one
// holds the embedded data folder, otherwise to an app it starts in-process (no
// socket), so both paths share the server's validation, authorisation and audit.
import type { Config } from '../config.ts';
import { openDatabase } from '../core/db/index.ts';
import { readLiveLock } from '../core/db/pglite.ts';
import { buildApp } from '../server/app.ts';
import { prepareDatabase } from '../server/start.ts';
import { JobRunner } from '../domains/jobs/index.ts';
import { randomBytes } from 'node:crypto';

export interface ApiAnswer {
  status: number;
  body: any;
}

export interface Api {
  mode: 'server' | 'local';
  request(method: string, url: string, body?: unknown): Promise<ApiAnswer>;
  close(): Promise<void>;
}

export async function connectApi(config: Config, onLog: (l: string) => void = () => {}): Promise<Api> {
  const lock = config.databaseUrl ? undefined : readLiveLock(config.dataDir);
  if (lock?.port && lock.token) {
    const base = `http://127.0.0.1:${lock.port}`;
    onLog(`using the running server (pid ${lock.pid}) at ${base}`);
    return {
      mode: 'server',
      async request(method, url, body) {
        const res = await fetch(base + url, {
          method,
          headers: { authorization: `Bearer ${lock.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await res.text();
        return { status: res.status, body: text ? JSON.parse(text) : null };
      },
      close: async () => {},
    };
  }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await prepareDatabase(database, onLog);
  const jobs = new JobRunner(database.db, { pollMs: 100, staleSeconds: database.kind === 'pglite' ? 0 : 60 });
  const token = randomBytes(24).toString('base64url');
  const app = await buildApp({ config: { ...config, logLevel: 'silent' }, database, db: database.db, jobs, localToken: token });
  await app.ready();
  await jobs.start();
  return {
    mode: 'local',
    async request(method, url, body) {
      const res = await app.inject({
        method: method as 'GET',
        url,
        headers: { authorization: `Bearer ${token}` },
        payload: body as object | undefined,
      });
      return { status: res.statusCode, body: res.body ? res.json() : null };
    },
    async close() {
      await jobs.stop();
      await app.close();
      await database.close();
    },
  };
}
