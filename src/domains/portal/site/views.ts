// Readers of an article, counted once each (docs/portal-api.md, "Views"). The check "already
// counted" is in memory; new (article, visitor) pairs are queued and written every second in one
// statement whose ON CONFLICT catches what memory forgot (another process, a restart). The counts
// shown are kept here: loaded with a page, raised at once for a new reader, corrected after a
// flush when the database already knew the pair.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../../core/db/index.ts';

export const CRAWLER = /bot|spider|crawl|slurp|Baiduspider|YandexBot|bingpreview|facebookexternalhit|curl|wget|python-requests/i;
export const VISITOR_COOKIE = 'pv';
const VISITOR_ID = /^[A-Za-z0-9_-]{16,64}$/;
// Past this many remembered pairs memory starts again: the database still refuses a second count.
const SEEN_LIMIT = 500_000;

/** A visitor without the cookie: address and browser, salted with the day (and the server's
 *  secret, so the id says nothing about the address). The same id becomes their cookie, so the
 *  reload that brings the cookie back is the same reader. */
export function visitorOf(cookie: string | undefined, ip: string, ua: string, secret: string, now = new Date()): { id: string; fresh: boolean } {
  if (cookie && VISITOR_ID.test(cookie)) return { id: cookie, fresh: false };
  const dayKey = now.toISOString().slice(0, 10);
  return { id: createHash('sha256').update(`${secret}\n${dayKey}\n${ip}\n${ua}`).digest('base64url').slice(0, 32), fresh: true };
}

export class ViewCounter {
  private seen = new Set<string>();
  private queue: { article: number; visitor: string }[] = [];
  private counts = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | null = null;

  constructor(private db: Db, private intervalMs = 1000) {}

  start(): void {
    this.timer = setInterval(() => void this.flush().catch(() => {}), this.intervalMs);
    this.timer.unref();
  }

  /** The count a page shows: what the database said when the page was read, or more. */
  loaded(article: number, dbViews: number): void {
    if ((this.counts.get(article) ?? -1) < dbViews) this.counts.set(article, dbViews);
  }

  count(article: number): number {
    return this.counts.get(article) ?? 0;
  }

  hit(article: number, visitor: string): void {
    const key = `${article}|${visitor}`;
    if (this.seen.has(key)) return;
    if (this.seen.size >= SEEN_LIMIT) this.seen.clear();
    this.seen.add(key);
    this.queue.push({ article, visitor });
    this.counts.set(article, this.count(article) + 1);
  }

  /** Writes the queue: one statement, new pairs in, each article raised by the rows inserted. */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing.catch(() => {}).then(() => this.flush());
    if (!this.queue.length) return Promise.resolve();
    const batch = this.queue;
    this.queue = [];
    this.flushing = this.write(batch).finally(() => (this.flushing = null));
    return this.flushing;
  }

  private async write(batch: { article: number; visitor: string }[]) {
    let rows: { id: number; views: number }[];
    try {
      // The last SELECT reads the snapshot before the UPDATE, hence the coalesce: every article of
      // the batch comes back with what the database now holds, counted here or by another process.
      rows = (await sql<{ id: number; views: number }>`WITH v AS (
          SELECT DISTINCT article_id, visitor FROM unnest(${batch.map((b) => b.article)}::bigint[], ${batch.map((b) => b.visitor)}::text[]) AS t(article_id, visitor)),
        ins AS (INSERT INTO portal_views (article_id, visitor) SELECT article_id, visitor FROM v ON CONFLICT DO NOTHING RETURNING article_id),
        n AS (SELECT article_id, count(*)::int AS c FROM ins GROUP BY article_id),
        upd AS (UPDATE portal_articles a SET views = a.views + n.c FROM n WHERE a.id = n.article_id RETURNING a.id, a.views)
        SELECT a.id, coalesce(upd.views, a.views)::int AS views FROM portal_articles a LEFT JOIN upd ON upd.id = a.id
        WHERE a.id IN (SELECT article_id FROM v)`.execute(this.db)).rows;
    } catch (e) {
      // Not lost: back in front of the queue for the next tick.
      this.queue = batch.concat(this.queue);
      throw e;
    }
    // The shown count becomes the stored one plus the readers queued since this batch left, so a
    // reader this process took for new but another process had counted is taken back out.
    const pending = new Map<number, number>();
    for (const q of this.queue) pending.set(q.article, (pending.get(q.article) ?? 0) + 1);
    for (const r of rows) this.counts.set(Number(r.id), r.views + (pending.get(Number(r.id)) ?? 0));
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
