// Outgoing webhooks: every message of a channel is relayed to the office's own messenger. A chore
// picks due deliveries, POSTs `{ channel, message }` signed with the hook's secret
// (X-Pucha-Signature: sha256=<hex HMAC-SHA256 of the exact body>) and retries with back-off.
import { createHmac } from 'node:crypto';
import type { Db } from '../../../core/db/index.ts';
import * as q from './channels.sql.ts';
import { messageViews } from './channels.ts';

/** Seconds before the 2nd, 3rd, … attempt; after the last a delivery has failed. */
export const BACKOFF = [1, 5, 30, 120, 600];
const TIMEOUT_MS = 5000;

export const signature = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** Attempts the due deliveries (at most `limit`); answers how many, so the worker looks again while there is work. */
export async function deliverWebhooks(db: Db, limit = 20): Promise<number> {
  const due = await q.dueDeliveries(db, limit);
  if (due.length === 0) return 0;
  const views = new Map((await messageViews(db, await q.messagesByIds(db, [...new Set(due.map((d) => Number(d.message_id)))]))).map((m) => [m.id, m]));
  // The posts go out together: one slow endpoint does not hold the others back.
  await Promise.all(due.map(async (d) => {
    const body = JSON.stringify({ channel: { id: Number(d.channel_id), name: d.channel_name }, message: views.get(Number(d.message_id)) ?? null });
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(d.url, {
        method: 'POST', body, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS),
        headers: { 'content-type': 'application/json', 'user-agent': 'Pucha-Webhook/1', 'x-pucha-signature': signature(d.secret, body) },
      });
      status = res.status;
      await res.body?.cancel().catch(() => undefined);
      if (status < 200 || status > 299) error = `HTTP ${status}`;
    } catch (e) {
      error = (e as Error).name === 'TimeoutError' ? 'timeout' : String((e as Error).message ?? e).slice(0, 500);
    }
    const attempts = d.attempts + 1;
    if (!error) return q.settleDelivery(db, Number(d.id), { status: 'sent', attempts, delaySeconds: 0, lastStatus: status, lastError: null });
    const delay = BACKOFF[attempts - 1];
    return q.settleDelivery(db, Number(d.id), { status: delay === undefined ? 'failed' : 'pending', attempts, delaySeconds: delay ?? 0, lastStatus: status, lastError: error });
  }));
  return due.length;
}
