// An app on a private test database, driven through Fastify's inject (real
// routing, schemas, hooks and SQL; no socket), with helpers to log in and call.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/config.ts';
import type { DbKind } from '../../src/core/db/index.ts';
import { buildApp } from '../../src/server/app.ts';
import type { AppContext } from '../../src/server/context.ts';
import { JobRunner } from '../../src/domains/jobs/index.ts';
import { DEMO_PASSWORD } from '../../src/domains/demo/index.ts';
import { openTestDatabase, type TestDatabase } from './databases.ts';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  database: TestDatabase;
  close(): Promise<void>;
}

/** `config` overrides settings (e.g. a smaller register upload limit). */
export async function startTestApp(kind: DbKind, opts: { worker?: boolean; config?: Partial<Config> } = {}): Promise<TestApp> {
  const database = await openTestDatabase(kind);
  // Uploads go under the data folder: the PGlite copy's, or a private one beside the server database.
  const dataDir = database.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pucha-data-'));
  const jobs = new JobRunner(database.db, { dataDir, pollMs: 50, staleSeconds: 0 });
  const ctx: AppContext = {
    // Webhook tests post to a server on 127.0.0.1.
    config: { ...loadConfig({}), logLevel: 'silent', dataDir, webhookPrivate: true, ...opts.config },
    database,
    db: database.db,
    jobs,
    localToken: 'test-local-token',
  };
  const app = await buildApp(ctx);
  await app.ready();
  if (opts.worker !== false) await jobs.start();
  return {
    app,
    ctx,
    database,
    async close() {
      await jobs.stop();
      await app.close();
      await database.close();
      if (!database.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
  username: string;
}

export async function login(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const c = res.cookies.find((x) => x.name === 'pucha_sid')!;
  return { cookie: `pucha_sid=${c.value}`, csrf: res.json().csrfToken, username };
}

export function call(
  app: FastifyInstance,
  s: Session | null,
  method: string,
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (s) {
    headers.cookie = s.cookie;
    headers['x-csrf-token'] = s.csrf;
  }
  return app.inject({ method: method as 'GET', url, headers, payload: payload as object | undefined });
}
