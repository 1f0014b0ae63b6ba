// The automatic named statements (prepared.ts) on a real PostgreSQL server: repeated texts are
// prepared, the number per connection stays bounded, and a statement whose result changed under
// it (a column added) still answers, outside a transaction.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PER_CONNECTION, PreparingClient } from './prepared.ts';
import { serverUrl } from '../../../test/helpers/databases.ts';

const url = process.env.DATABASE_URL;

describe.skipIf(!url)('named statements on the PostgreSQL server', () => {
  const name = `pucha_prep_${process.pid}`;
  let client: PreparingClient;
  const prepared = async () => Number((await client.query('SELECT count(*)::int AS n FROM pg_prepared_statements', [] as never) as unknown as pg.QueryResult<{ n: number }>).rows[0].n);
  const run = async (text: string, values: unknown[] = []) => (await (client.query as (t: string, v: unknown[]) => Promise<pg.QueryResult>)(text, values)).rows;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    client = new PreparingClient({ connectionString: serverUrl(name) });
    await client.connect();
    await run('CREATE TABLE t (id int PRIMARY KEY, a text)');
    await run("INSERT INTO t VALUES (1, 'x'), (2, 'y')");
  });
  afterAll(async () => {
    await client?.end();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('prepares a text from its third run and answers the same', async () => {
    const before = await prepared();
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await run('SELECT a FROM t WHERE id = $1', [1 + (i % 2)]));
    expect(answers.map((r) => r[0].a)).toEqual(['x', 'y', 'x', 'y', 'x']);
    const names = await run("SELECT statement FROM pg_prepared_statements WHERE statement LIKE 'SELECT a FROM t%'");
    expect(names).toHaveLength(1);
    expect(await prepared()).toBe(before + 1);
  });

  it('keeps at most MAX_PER_CONNECTION statements on one connection', async () => {
    for (let i = 0; i < MAX_PER_CONNECTION + 40; i++) {
      for (let k = 0; k < 3; k++) await run(`SELECT id, ${i} AS k FROM t WHERE id = $1`, [1]);
    }
    const n = await prepared();
    expect(n).toBeLessThanOrEqual(MAX_PER_CONNECTION);
    expect(n).toBeGreaterThan(MAX_PER_CONNECTION - 5);
  });

  it('answers a statement whose columns changed under it, outside a transaction', async () => {
    for (let i = 0; i < 4; i++) await run('SELECT * FROM t WHERE id = $1', [1]);
    await run('ALTER TABLE t ADD COLUMN b int DEFAULT 7');
    const rows = await run('SELECT * FROM t WHERE id = $1', [1]);
    expect(rows[0]).toEqual({ id: 1, a: 'x', b: 7 });
    // and again: the statement is prepared anew with the new columns
    for (let i = 0; i < 4; i++) expect((await run('SELECT * FROM t WHERE id = $1', [2]))[0]).toEqual({ id: 2, a: 'y', b: 7 });
  });

  it('inside a transaction the change is an error, and the connection recovers after the rollback', async () => {
    for (let i = 0; i < 4; i++) await run('SELECT * FROM t WHERE id = $1', [1]);
    await run('ALTER TABLE t ADD COLUMN c int DEFAULT 8');
    await run('begin');
    await expect(run('SELECT * FROM t WHERE id = $1', [1])).rejects.toMatchObject({ code: '0A000' });
    await run('rollback');
    expect((await run('SELECT * FROM t WHERE id = $1', [1]))[0]).toEqual({ id: 1, a: 'x', b: 7, c: 8 });
    for (let i = 0; i < 4; i++) expect((await run('SELECT * FROM t WHERE id = $1', [1]))[0].c).toBe(8);
  });
});
