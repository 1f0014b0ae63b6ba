// Prepares the template databases once per test run (migrations, region tree,
// demo), so each test file copies a ready database instead of building one.
import fs from 'node:fs';
import pg from 'pg';
import { openDatabase } from '../../src/core/db/index.ts';
import { prepareDatabase } from '../../src/server/start.ts';
import { loadDemo } from '../../src/domains/demo/index.ts';
import { PG_TEMPLATE_DB, TEMPLATE_DIR, serverUrl } from './databases.ts';

export default async function setup() {
  if (process.env.PUCHA_REQUIRE_ALL === '1' && !process.env.DATABASE_URL) {
    throw new Error('PUCHA_REQUIRE_ALL=1 but DATABASE_URL is not set: the PostgreSQL half of the suite would be skipped');
  }
  fs.rmSync(TEMPLATE_DIR, { recursive: true, force: true });
  const lite = await openDatabase({ dataDir: TEMPLATE_DIR, skipLock: true });
  await prepareDatabase(lite);
  await loadDemo(lite.db);
  await lite.close();

  if (process.env.DATABASE_URL) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    // Earlier runs may have left copies behind when killed.
    const stale = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'pucha_t_%'`);
    for (const r of stale.rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS ${PG_TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${PG_TEMPLATE_DB}`);
    await admin.end();
    const server = await openDatabase({ databaseUrl: serverUrl(PG_TEMPLATE_DB), dataDir: '' });
    await prepareDatabase(server);
    await loadDemo(server.db);
    await server.close();
  }
}
