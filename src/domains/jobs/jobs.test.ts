import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestApp, type Session, type TestApp } from '../../../test/helpers/app.ts';
import { databaseKinds } from '../../../test/helpers/databases.ts';
import { SYSTEM } from '../access/actor.ts';
import { JobRunner, type JobContext } from './runner.ts';

// A job that counts to `to` in steps, saving a checkpoint each step; it can be
// told to fail once at a given step, and records every step it really ran.
const ran: number[] = [];
let failAt: number | null = null;
let gate: Promise<void> = Promise.resolve();

async function count(ctx: JobContext<{ to: number }>) {
  const from = Number((ctx.checkpoint as { at?: number } | null)?.at ?? 0);
  for (let i = from + 1; i <= ctx.params.to; i++) {
    await gate;
    if (i === failAt) {
      failAt = null;
      throw new Error('disk full');
    }
    ran.push(i);
    await ctx.progress(i, { total: ctx.params.to, checkpoint: { at: i }, message: `step ${i}` });
  }
  return { counted: ctx.params.to };
}

describe.each(databaseKinds())('jobs on %s', (kind) => {
  let t: TestApp;
  let yueqing: Session;
  beforeAll(async () => {
    t = await startTestApp(kind, { worker: false });
    t.ctx.jobs.register({ kind: 'test.count', run: count });
    yueqing = await login(t.app, 'yueqing');
  });
  afterAll(() => t.close());

  const get = async (id: number) => (await call(t.app, yueqing, 'GET', `/api/v1/jobs/${id}`)).json();
  const enqueue = (to: number) => t.ctx.jobs.enqueue({ ...SYSTEM, id: null, regionCode: '330382', scopePrefix: '330382', scopeLevel: 'county' }, 'test.count', { to }, '330382');

  it('runs a job outside the request, with progress and a result', async () => {
    ran.length = 0;
    const job = await enqueue(5);
    expect(job.status).toBe('queued');
    await t.ctx.jobs.start();
    await t.ctx.jobs.drain();
    expect(await get(job.id)).toMatchObject({ status: 'succeeded', progressDone: 5, progressTotal: 5, message: 'step 5', result: { counted: 5 } });
    expect(ran).toEqual([1, 2, 3, 4, 5]);
    await t.ctx.jobs.stop();
  });

  it('resumes a failed job from its checkpoint, not from the start', async () => {
    ran.length = 0;
    failAt = 4;
    const job = await enqueue(6);
    await t.ctx.jobs.start();
    await t.ctx.jobs.drain();
    const failed = await get(job.id);
    expect(failed).toMatchObject({ status: 'failed', progressDone: 3, error: { code: 'INTERNAL' } });
    expect((await call(t.app, yueqing, 'POST', `/api/v1/jobs/${job.id}/resume`)).statusCode).toBe(200);
    await t.ctx.jobs.drain();
    expect(await get(job.id)).toMatchObject({ status: 'succeeded', attempts: 2, result: { counted: 6 } });
    expect(ran).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await call(t.app, yueqing, 'POST', `/api/v1/jobs/${job.id}/resume`)).json().error.code).toBe('JOB_NOT_RESUMABLE');
    await t.ctx.jobs.stop();
  });

  it('cancels a running job at its next progress report', async () => {
    let open!: () => void;
    gate = new Promise((r) => (open = r));
    const job = await enqueue(1000);
    await t.ctx.jobs.start();
    await expect.poll(async () => (await get(job.id)).status).toBe('running');
    expect((await call(t.app, yueqing, 'POST', `/api/v1/jobs/${job.id}/cancel`)).json().cancelRequested).toBe(true);
    open();
    await t.ctx.jobs.drain();
    const j = await get(job.id);
    expect(j.status).toBe('cancelled');
    expect(j.progressDone).toBeLessThan(1000);
    expect((await call(t.app, yueqing, 'POST', `/api/v1/jobs/${job.id}/cancel`)).json().error.code).toBe('JOB_NOT_CANCELLABLE');
    gate = Promise.resolve();
    await t.ctx.jobs.stop();
  });

  it('picks up, after a restart, a job the last process left running', async () => {
    ran.length = 0;
    const job = await enqueue(4);
    // As if a process died at step 2: running, checkpoint at 2.
    await t.ctx.db.updateTable('jobs').set({ status: 'running', progress_done: 2, checkpoint: JSON.stringify({ at: 2 }) }).where('id', '=', job.id).execute();
    const next = new JobRunner(t.ctx.db, { pollMs: 50, staleSeconds: 0 });
    next.register({ kind: 'test.count', run: count });
    await next.start();
    await next.drain();
    await next.stop();
    expect(await get(job.id)).toMatchObject({ status: 'succeeded', result: { counted: 4 } });
    expect(ran).toEqual([3, 4]);
  });

  it('stops while it waits after a pass that was nudged (the short wait has no wake of its own)', async () => {
    const runner = new JobRunner(t.ctx.db, { pollMs: 60_000, staleSeconds: 0 });
    let passes = 0;
    let nudged: () => void = () => {};
    const nudgedOnce = new Promise<void>((r) => { nudged = r; });
    // The chore nudges the worker in its first pass, so the wait that follows is the short one.
    runner.addChore(async () => {
      passes++;
      if (passes === 1) { runner.nudge(); nudged(); }
      return 0;
    });
    await runner.start();
    await nudgedOnce;
    await new Promise((r) => setTimeout(r, 5)); // into the short wait
    const stopped = await Promise.race([runner.stop().then(() => 'stopped'), new Promise((r) => setTimeout(() => r('hung'), 5_000))]);
    expect(stopped).toBe('stopped');
  });

  it('shows a county only its own jobs', async () => {
    const other = await t.ctx.jobs.enqueue(SYSTEM, 'test.count', { to: 1 }, '500109');
    const list = (await call(t.app, yueqing, 'GET', '/api/v1/jobs?kind=test.count')).json().items;
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((j: { regionCode: string }) => j.regionCode.startsWith('330382'))).toBe(true);
    expect((await call(t.app, yueqing, 'GET', `/api/v1/jobs/${other.id}`)).statusCode).toBe(404);
  });
});
