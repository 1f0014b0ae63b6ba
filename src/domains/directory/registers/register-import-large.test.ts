// One larger register (50,000 rows) to check batching, progress and speed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestApp, type Session, type TestApp } from '../../../../test/helpers/app.ts';
import { databaseKinds } from '../../../../test/helpers/databases.ts';
import { CODES, countOf, csv, HEADER, sendRegister } from '../../../../test/helpers/registers.ts';

const ROWS = 50_000;

describe.each(databaseKinds())('a 50,000-row register on %s', (kind) => {
  let t: TestApp;
  let yueqing: Session;

  beforeAll(async () => {
    t = await startTestApp(kind);
    yueqing = await login(t.app, 'yueqing');
  });
  afterAll(() => t.close());

  it('imports in batches with progress, every row counted', async () => {
    const rows = Array.from({ length: ROWS }, (_, i) => [
      i % 100 === 99 ? 'X' : CODES[i % 5],
      `乐清市第${i}号电气有限公司`,
      `乐清市柳市镇工业区${i}号`,
      '张三',
      '3821',
      '0577-61880001',
      i % 2 ? '330382001' : '',
      `备注${i}`,
    ]);
    const file = csv([HEADER, ...rows]);
    const started = Date.now();
    const res = await sendRegister(t.app, yueqing, file, 'large.csv');
    expect(res.statusCode, res.body).toBe(202);
    await t.ctx.jobs.drain();
    const seconds = (Date.now() - started) / 1000;
    const job = (await call(t.app, yueqing, 'GET', `/api/v1/jobs/${res.json().job.id}`)).json();
    expect(job).toMatchObject({ status: 'succeeded', progressDone: ROWS, progressTotal: ROWS, result: { rows: ROWS, valid: ROWS - ROWS / 100, errors: ROWS / 100 } });
    const reg = (await call(t.app, yueqing, 'GET', `/api/v1/registers/${res.json().register.id}`)).json();
    expect(reg).toMatchObject({ status: 'imported', rowCount: ROWS, validCount: ROWS - ROWS / 100, errorCount: ROWS / 100 });
    expect(await countOf(t.ctx.db, 'register_rows')).toBe(ROWS);
    const last = (await call(t.app, yueqing, 'GET', `/api/v1/registers/${reg.id}/rows?cursor=${ROWS - 1}`)).json();
    expect(last).toEqual({ items: [expect.objectContaining({ rowNumber: ROWS, name: `乐清市第${ROWS - 1}号电气有限公司`, regionCode: '330382001' })], nextCursor: null });
    process.stderr.write(`register import on ${kind}: ${ROWS} rows (${(file.length / 1e6).toFixed(1)} MB) in ${seconds.toFixed(1)} s = ${Math.round(ROWS / seconds)} rows/s\n`);

    const t0 = Date.now();
    expect((await call(t.app, yueqing, 'DELETE', `/api/v1/registers/${reg.id}`)).statusCode).toBe(204);
    process.stderr.write(`register delete on ${kind}: ${ROWS} rows in ${((Date.now() - t0) / 1000).toFixed(2)} s\n`);
    expect(await countOf(t.ctx.db, 'register_rows')).toBe(0);
  });
});
