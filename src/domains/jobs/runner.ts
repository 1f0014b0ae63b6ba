// The in-process worker: takes queued jobs one at a time, outside any request,
// reports progress, honours cancellation and resumes from checkpoints.
import type { Db } from '../../core/db/index.ts';
import { AppError, isAppError } from '../../core/errors.ts';
import type { Actor } from '../access/actor.ts';
import * as q from './jobs.sql.ts';

export class JobCancelled extends Error {
  constructor() {
    super('job cancelled');
  }
}

export interface JobContext<P = Record<string, unknown>> {
  id: number;
  params: P;
  /** What the job saved last time, when it is resuming after a stop. */
  checkpoint: unknown;
  regionCode: string;
  createdBy: number | null;
  db: Db;
  /** The server's data folder (uploaded and generated files), when the runner was given it. */
  dataDir?: string;
  /** Saves progress (and a checkpoint to resume from); throws JobCancelled when cancel was asked. */
  progress(done: number, opts?: { total?: number | null; message?: string; checkpoint?: unknown }): Promise<void>;
}

export interface JobHandler<P = Record<string, unknown>> {
  kind: string;
  run(ctx: JobContext<P>): Promise<unknown>;
  /**
   * What of the params may stay once the job has ended (succeeded, failed or
   * cancelled, even before it started): a job that carries secrets to its worker
   * drops them here. A job stopped by a shutdown keeps them, to resume.
   */
  redact?(params: P, result?: unknown): unknown;
}

/** Background upkeep between jobs (e.g. settling marked emissions); answers how much it did (0: nothing left). */
export type Chore = (db: Db, env: { dataDir?: string }) => Promise<number>;

export class JobRunner {
  private handlers = new Map<string, JobHandler<any>>();
  private chores: Chore[] = [];
  // Nudges counted, and the last nudge after which a whole pass found no job and no chore work:
  // drain waits until a pass that began after its own nudge came up empty.
  private nudges = 0;
  private idleAt = -1;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private wake: (() => void) | undefined;
  // Ends the current wait whatever it is waiting for: stop() must not depend on the timer it clears.
  private release: (() => void) | undefined;

  constructor(
    private readonly db: Db,
    private opts: { pollMs?: number; staleSeconds?: number; dataDir?: string; log?: (msg: string, extra?: object) => void } = {},
  ) {}

  setLog(log: (msg: string, extra?: object) => void) {
    this.opts.log = log;
  }

  register<P>(h: JobHandler<P>) {
    this.handlers.set(h.kind, h as JobHandler<any>);
  }

  kinds() {
    return [...this.handlers.keys()];
  }

  addChore(c: Chore) {
    this.chores.push(c);
  }

  /** Wakes the worker now (a change a chore must settle soon was just made). */
  nudge(): number {
    this.nudges++;
    this.wake?.();
    return this.nudges;
  }

  private async runChores(): Promise<number> {
    let done = 0;
    for (const c of this.chores) {
      try {
        done += await c(this.db, { dataDir: this.opts.dataDir });
      } catch (e) {
        this.opts.log?.('chore failed', { err: e });
      }
    }
    return done;
  }

  /** The params a job of this kind keeps after it ends. */
  redacted(kind: string, params: unknown, result?: unknown): unknown | undefined {
    const h = this.handlers.get(kind);
    return h?.redact ? h.redact(params, result) : undefined;
  }

  async enqueue(actor: Actor, kind: string, params: unknown, regionCode = actor.regionCode, total?: number) {
    const row = await q.insertJob(this.db, { kind, regionCode, createdBy: actor.id, params, total });
    this.wake?.();
    return q.jobView(row);
  }

  async start() {
    this.stopped = false;
    await q.requeueStale(this.db, this.opts.staleSeconds ?? 60);
    this.running = this.loop();
  }

  /** Lets the current job reach its next progress report, then stops. */
  async stop() {
    this.stopped = true;
    this.release?.();
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Resolves when no queued job is left and the chores are settled (tests and the CLI use it). */
  async drain(timeoutMs = 120_000) {
    const until = Date.now() + timeoutMs;
    if (this.stopped) while ((await this.runChores()) > 0);
    const asked = this.nudge();
    for (;;) {
      const busy = await this.db.selectFrom('jobs').select('id').where('status', 'in', ['queued', 'running']).limit(1).execute();
      if (busy.length === 0 && (this.stopped || this.idleAt >= asked)) return;
      if (Date.now() > until) throw new Error('jobs did not drain in time');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  private async loop() {
    while (!this.stopped) {
      const pass = this.nudges;
      let job: q.JobRow | undefined;
      try {
        job = await q.claimJob(this.db, this.kinds());
      } catch (e) {
        this.opts.log?.('job claim failed', { err: e });
      }
      if (job) {
        await this.runOne(job);
        continue;
      }
      if ((await this.runChores()) > 0) continue;
      this.idleAt = pass;
      // Nudged during this pass: look again soon, but not at once — under a stream of writes the
      // nudges must coalesce, or the worker would spin on the database the writes need.
      const soon = this.nudges !== pass;
      await new Promise<void>((resolve) => {
        this.wake = soon ? undefined : resolve;
        this.release = resolve;
        this.timer = setTimeout(resolve, soon ? 50 : this.opts.pollMs ?? 1000);
      });
      this.wake = undefined;
      this.release = undefined;
    }
  }

  private async runOne(job: q.JobRow) {
    const handler = this.handlers.get(job.kind)!;
    const ctx: JobContext = {
      id: job.id,
      params: (job.params ?? {}) as Record<string, unknown>,
      checkpoint: job.checkpoint,
      regionCode: job.region_code,
      createdBy: job.created_by,
      db: this.db,
      dataDir: this.opts.dataDir,
      progress: async (done, o = {}) => {
        const cancel = await q.saveProgress(this.db, job.id, { done, total: o.total, message: o.message, checkpoint: o.checkpoint });
        if (cancel || this.stopped) throw new JobCancelled();
      },
    };
    try {
      const result = await handler.run(ctx);
      await q.finishJob(this.db, job.id, 'succeeded', { result: result ?? null, params: this.redacted(job.kind, job.params, result) });
    } catch (e) {
      if (e instanceof JobCancelled) {
        // Stopped by a server shutdown: leave it running, so the next start resumes it.
        if (!this.stopped) await q.finishJob(this.db, job.id, 'cancelled', { params: this.redacted(job.kind, job.params) });
        return;
      }
      const err = isAppError(e) ? e.toJSON().error : new AppError('INTERNAL').toJSON().error;
      if (!isAppError(e)) this.opts.log?.('job failed', { err: e, job: job.id });
      await q.finishJob(this.db, job.id, 'failed', { error: err, params: this.redacted(job.kind, job.params) });
    }
  }
}
