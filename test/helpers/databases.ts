// Which databases the integration tests run on, and fresh copies of a prepared
// template for each test file: PGlite always, PostgreSQL when DATABASE_URL is set.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database, type DbKind } from '../../src/core/db/index.ts';

export const TEMPLATE_DIR = path.resolve('.tmp/test-template-pglite');
export const PG_TEMPLATE_DB = 'pucha_test_template';

export function databaseKinds(): DbKind[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export function serverUrl(dbName: string): string {
  const u = new URL(process.env.DATABASE_URL!);
  u.pathname = `/${dbName}`;
  return u.toString();
}

export interface TestDatabase extends Database {
  /** Where the embedded copy lives (PGlite only). */
  dataDir?: string;
}

/** A migrated database with the region tree and the demo census, private to the caller. */
export async function openTestDatabase(kind: DbKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pucha-test-'));
    fs.cpSync(TEMPLATE_DIR, dir, { recursive: true });
    const db = await openDatabase({ dataDir: dir, skipLock: true });
    return {
      ...db,
      dataDir: dir,
      async close() {
        await db.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `pucha_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${PG_TEMPLATE_DB}`);
  await admin.end();
  const db = await openDatabase({ databaseUrl: serverUrl(name), dataDir: '' });
  return {
    ...db,
    async close() {
      await db.close();
      const a = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** A database with nothing in it — not even migrations — private to the caller (restore targets). */
export async function openEmptyDatabase(kind: DbKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pucha-empty-'));
    const db = await openDatabase({ dataDir: dir, skipLock: true });
    return { ...db, dataDir: dir, async close() { await db.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
  }
  const name = `pucha_e_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const db = await openDatabase({ databaseUrl: serverUrl(name), dataDir: '' });
  return {
    ...db,
    async close() {
      await db.close();
      const a = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
