// 全国唯一: ids that must be unique across provinces on a table distributed by province_code.
// Citus enforces a unique key only within a shard, so the key carries the province and the
// national uniqueness of the id is checked on write instead: the writer takes a transaction
// lock on the id (these advisory locks live on the one server, or the Citus coordinator every
// write passes through), then its statement finds no row with the id in any province. Two
// writers of one id queue on the lock; the second's statement, started after the first's
// commit, sees its row.
import { sql } from 'kysely';
import type { Tx } from './index.ts';

/** The kinds of id checked this way, each its own lock space (the first key of the lock). A submission's
 *  lock is taken by its insert's trigger (migration 0033), so the survey's hot path stays one statement;
 *  so is an active source's credit code's (migration 0034: a statement of more than 100 codes takes
 *  the space's key 0 alone, which the smaller ones hold shared). */
export const UNIQUE_ID = { submission: 7_301, attachment: 7_302, photo: 7_303, fieldUnit: 7_304, credit: 7_305 } as const;

/** Holds the id's lock until the transaction ends. */
export async function lockId(trx: Tx, kind: keyof typeof UNIQUE_ID, id: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${UNIQUE_ID[kind]}::int, hashtext(${id}))`.execute(trx);
}
