// 多进程: `pucha serve --workers N` runs N server processes sharing one port (node:cluster) on
// one PostgreSQL server — the national deployment's shape on one machine. Sessions live in the
// database and jobs are claimed with SKIP LOCKED, so any process answers any request and runs any
// job; their caches hear of each other's changes (src/core/db/changes.ts) and login limits are
// counted in the database. The primary migrates (and loads the demo) once before forking, so
// workers never race on it, and starts a new worker when one dies. The embedded database belongs
// to one process: refused.
import cluster from 'node:cluster';
import type { Config } from '../config.ts';
import { openDatabase } from '../core/db/index.ts';
import { demoLoaded, loadDemo, seedDemoDirectory } from '../domains/demo/index.ts';
import { prepareDatabase, startServer } from './start.ts';

export class ClusterNeedsServer extends Error {}

export async function serveCluster(config: Config, workers: number, opts: { demo: boolean; log: (l: string) => void; onReady?: (url: string) => void }) {
  const { log } = opts;
  if (!cluster.isPrimary) {
    const running = await startServer(config, { log: () => {} });
    const stop = async () => {
      await running.close();
      process.exit(0);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', () => {}); // the primary decides when to stop
    process.send?.({ ready: running.url });
    return;
  }
  if (!config.databaseUrl) throw new ClusterNeedsServer('--workers needs the PostgreSQL server (DATABASE_URL): the embedded database belongs to one process');
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await prepareDatabase(database, log);
    if (opts.demo && !(await demoLoaded(database.db))) {
      log('loading the demo census (first start)…');
      await loadDemo(database.db);
      await seedDemoDirectory(database.db);
    }
  } finally {
    await database.close();
  }
  let stopping = false;
  let ready = 0;
  const fork = () => {
    const w = cluster.fork();
    w.on('message', (m: { ready?: string }) => {
      if (m.ready && ++ready === workers) opts.onReady?.(m.ready);
    });
  };
  for (let i = 0; i < workers; i++) fork();
  cluster.on('exit', (w, code, signal) => {
    if (stopping) return;
    log(`worker ${w.process.pid} ended (${signal ?? code}); starting another`);
    fork();
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    const all = Object.values(cluster.workers ?? {});
    let left = all.length;
    if (!left) process.exit(0);
    for (const w of all) {
      w?.on('exit', () => --left === 0 && process.exit(0));
      w?.process.kill('SIGTERM');
    }
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
