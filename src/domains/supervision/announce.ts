// Where supervision speaks: dispatches, briefings and cases are posted into the work channel of
// the region concerned (the national channel for the nation; a province's for anything inside it),
// with notifications to the region named (else every member) and the channel's webhooks.
import type { Tx } from '../../core/db/index.ts';
import { postToChannel } from './channels/index.ts';

export interface Announcement {
  regionCode: string; kind: 'dispatch' | 'briefing' | 'case' | 'notice'; refId: number; body: string;
  notifyRegion?: string; files?: string[]; authorId?: number | null;
}

export async function announce(trx: Tx, a: Announcement): Promise<void> {
  await postToChannel(trx, a);
}
