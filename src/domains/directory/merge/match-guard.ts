// Merges and splits wait for a running match job of their scope.
import type { Tx } from '../../../core/db/index.ts';
import { AppError } from '../../../core/errors.ts';
import { scopePrefixOf } from '../../access/index.ts';
import * as q from './merge.sql.ts';

/**
 * A match job reads the scope's sources when it starts and links rows to them when it ends: a merge
 * or split in between would leave rows on a source that is no longer there. The job wins; the
 * person is told which job to wait for.
 */
export async function refuseDuringMatch(trx: Tx, regionCodes: string[]) {
  for (const job of await q.activeMatchJobs(trx)) {
    const prefix = scopePrefixOf(job.region);
    if (regionCodes.some((r) => r.startsWith(prefix))) throw new AppError('DIRECTORY_MATCH_RUNNING', { job: job.id, region: job.region }, { jobId: job.id, regionCode: job.region });
  }
}
