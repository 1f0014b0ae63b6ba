// Where supervision speaks: dispatches, briefings and cases are posted into the work channel of
// the region concerned (the national channel for the nation), with notifications.
import type { Tx } from '../../core/db/index.ts';

export interface Announcement { regionCode: string; kind: 'dispatch' | 'briefing' | 'case' | 'notice'; refId: number; body: string; notifyRegion?: string }

// Until the channels land in this branch, an announcement is only the audit row its caller wrote.
export async function announce(_trx: Tx, _a: Announcement): Promise<void> {}
