// Start-up: open the database, migrate, load the region tree (and the demo on
// first start), run the job worker, listen.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import { openDatabase, type Database } from '../core/db/index.ts';
import { migrate } from '../core/db/migrate.ts';
import { listenForChanges } from '../core/db/changes.ts';
import { writeLock } from '../core/db/pglite.ts';
import { JobRunner } from '../domains/jobs/index.ts';
import { ensureRegionTree } from '../domains/regions/index.ts';
import { demoLoaded, loadDemo, seedDemoDirectory } from '../domains/demo/index.ts';
import { buildApp } from './app.ts';
import type { AppContext } from './context.ts';

export interface Running {
  app: FastifyInstance;
  ctx: AppContext;
  url: string;
  /** True when this start loaded the demo census. */
  demoLoaded: boolean;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Load the demo census when the database has none yet (`npm start`). */
  demoOnFirstStart?: boolean;
  /** An already opened database (tests). */
  database?: Database;
  log?: (line: string) => void;
}

export async function prepareDatabase(database: Database, log: (l: string) => void = () => {}) {
  const applied = await migrate(database.db);
  if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
  const loaded = await ensureRegionTree(database.db);
  if (loaded) log(`region tree loaded: ${loaded} regions`);
}

export async function startServer(config: Config, opts: StartOptions = {}): Promise<Running> {
  const log = opts.log ?? (() => {});
  const database =
    opts.database ??
    (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, onIdleError: (e) => log(`database connection lost (the pool reconnects): ${e.message}`) }));
  let changes: { close(): Promise<void> } | undefined;
  try {
    await prepareDatabase(database, log);
    let loadedDemo = false;
    if (opts.demoOnFirstStart && !(await demoLoaded(database.db))) {
      log('loading the demo census (first start)…');
      await loadDemo(database.db);
      await seedDemoDirectory(database.db); // its matching job runs once the worker starts
      loadedDemo = true;
    }
    const jobs = new JobRunner(database.db, {
      dataDir: config.dataDir,
      // One process owns an embedded folder, so whatever is still "running" there is ours to resume.
      staleSeconds: database.kind === 'pglite' ? 0 : 60,
    });
    // On the server other processes may share the database: their changes to what this one
    // caches (sessions, the portal, the review chain) reach it as notifications.
    changes = database.kind === 'postgres' && config.databaseUrl && !opts.database ? await listenForChanges(config.databaseUrl, log) : undefined;
    const ctx: AppContext = { config, database, db: database.db, jobs, localToken: randomBytes(24).toString('base64url') };
    const app = await buildApp(ctx);
    jobs.setLog((msg, extra) => app.log.error(extra ?? {}, msg));
    await app.listen({ port: config.port, host: config.host });
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.port;
    if (database.kind === 'pglite') {
      writeLock(config.dataDir, { pid: process.pid, port, token: ctx.localToken, startedAt: new Date().toISOString() });
    }
    await jobs.start();
    return {
      app,
      ctx,
      url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host === '127.0.0.1' ? 'localhost' : config.host}:${port}`,
      demoLoaded: loadedDemo,
      async close() {
        await jobs.stop();
        await app.close();
        await changes?.close();
        if (!opts.database) await database.close();
      },
    };
  } catch (e) {
    await changes?.close();
    if (!opts.database) await database.close();
    throw e;
  }
}
