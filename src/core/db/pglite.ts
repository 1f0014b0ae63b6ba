// The embedded database: PGlite in a folder, opened by one process at a time.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { AppError } from '../errors.ts';

/**
 * PGlite starts postgres with `-F` (fsync off). We drop it and ask for fsync and
 * synchronous commit, so that a write acknowledged to a client has reached the
 * disk before the answer leaves (issue 12's crash suite relies on this).
 */
export const DURABLE_START_PARAMS = [
  ...PGlite.defaultStartParams.filter((p) => p !== '-F'),
  '-c', 'fsync=on',
  '-c', 'synchronous_commit=on',
  '-c', 'full_page_writes=on',
];

const LOCK_FILE = 'pucha.lock';

export interface LockInfo {
  pid: number;
  port?: number;
  token?: string;
  startedAt: string;
}

export function lockPath(dataDir: string): string {
  return path.join(dataDir, LOCK_FILE);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads the lock of a live holder, or undefined when no live process holds the folder. */
export function readLiveLock(dataDir: string): LockInfo | undefined {
  try {
    const info = JSON.parse(fs.readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
    return info.pid !== process.pid && alive(info.pid) ? info : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the folder for this process; a stale lock (dead pid) is replaced. */
export function acquireLock(dataDir: string): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const holder = readLiveLock(dataDir);
  if (holder) throw new AppError('DATA_DIR_LOCKED', { dir: dataDir, pid: holder.pid });
  writeLock(dataDir, { pid: process.pid, startedAt: new Date().toISOString() });
}

/** Rewrites the lock with what a CLI needs to reach this server (port, local token). */
export function writeLock(dataDir: string, info: LockInfo): void {
  fs.writeFileSync(lockPath(dataDir), JSON.stringify(info), { mode: 0o600 });
}

export function releaseLock(dataDir: string): void {
  try {
    const info = JSON.parse(fs.readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
    if (info.pid === process.pid) fs.unlinkSync(lockPath(dataDir));
  } catch {
    /* already gone */
  }
}

export async function openPglite(dataDir: string): Promise<PGlite> {
  const pgdata = path.join(dataDir, 'pgdata');
  fs.mkdirSync(pgdata, { recursive: true });
  const db = new PGlite(pgdata, { startParams: DURABLE_START_PARAMS });
  await db.waitReady;
  return db;
}
