// 清理上传: register uploads live in PUCHA_DATA_DIR/uploads (shared by every process when
// several serve one database). Two kinds of leftover are removed: a temporary `.upload-*` file
// whose upload died with its process (older than TEMP_AGE: a slow 2 GB upload is still alive
// well before that), and a stored `<sha256>.<ext>` that no register names — its request failed
// between keeping the file and writing the register (older than STORED_AGE, so a request still
// on its way to the insert is never robbed). Runs as a worker chore at most once an hour.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../../core/db/index.ts';
import { uploadsDir } from './register-upload.ts';
import { knownUploadHashes } from './registers.sql.ts';

export const TEMP_AGE_MS = 6 * 3600_000;
export const STORED_AGE_MS = 24 * 3600_000;
const EVERY_MS = 3600_000;
const STORED = /^([0-9a-f]{64})\.(csv|xlsx)$/;

export interface SweepResult { temporary: number; unreferenced: number }

/** Removes the leftovers in `dataDir`'s uploads folder as of `now`; returns how many of each. */
export async function sweepUploads(db: Db, dataDir: string, now = Date.now()): Promise<SweepResult> {
  const dir = uploadsDir(dataDir);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return { temporary: 0, unreferenced: 0 }; // no uploads yet
  }
  const age = (n: string) => {
    try {
      return now - fs.statSync(path.join(dir, n)).mtimeMs;
    } catch {
      return -1; // gone meanwhile (another process swept it)
    }
  };
  const out: SweepResult = { temporary: 0, unreferenced: 0 };
  const old = names.filter((n) => STORED.test(n) && age(n) > STORED_AGE_MS);
  const known = old.length ? await knownUploadHashes(db, old.map((n) => STORED.exec(n)![1])) : new Set<string>();
  for (const n of old) {
    if (known.has(STORED.exec(n)![1])) continue;
    fs.rmSync(path.join(dir, n), { force: true });
    out.unreferenced++;
  }
  for (const n of names) {
    if (n.startsWith('.upload-') && age(n) > TEMP_AGE_MS) {
      fs.rmSync(path.join(dir, n), { force: true });
      out.temporary++;
    }
  }
  return out;
}

/** The chore: one sweep an hour per process (each process may sweep: removal is idempotent). */
export function uploadSweepChore() {
  let last = 0;
  return async (db: Db, env: { dataDir?: string }) => {
    if (!env.dataDir || Date.now() - last < EVERY_MS) return 0;
    last = Date.now();
    const r = await sweepUploads(db, env.dataDir);
    return r.temporary + r.unreferenced;
  };
}
