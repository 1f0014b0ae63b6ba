// Readers counted once: the pv cookie, the day hash without it, crawlers left out, the queue
// flushed in one statement, and the counts surviving a restart of the app on the same database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { databaseKinds } from '../../../../test/helpers/databases.ts';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { seedArticle } from '../../../../test/helpers/portal-seed.ts';
import { buildApp } from '../../../server/app.ts';
import { SITES } from './index.ts';
import { ViewCounter, visitorOf } from './views.ts';

const URL_ = '/news/counted-story';
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36';

describe.each(databaseKinds())('view counter on %s', (kind) => {
  let t: TestApp;
  let id: number;
  const get = (headers: Record<string, string>, url = URL_) => t.app.inject({ method: 'GET', url, headers: { 'user-agent': BROWSER, ...headers } });
  const stored = async () => Number((await sql<{ views: string }>`SELECT views FROM portal_articles WHERE id = ${id}`.execute(t.ctx.db)).rows[0].views);
  const shown = (body: string) => Number(body.match(/<span class="views">(\d+)<\/span>/)![1]);
  const flush = () => SITES.get(t.ctx)!.views.flush();

  beforeAll(async () => {
    t = await startTestApp(kind, { worker: false });
    id = await seedArticle(t.ctx.db, { section: 'news', slug: 'counted-story', lang: 'zh', title: '计数的新闻' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('one reader is one view however often they reload; a second reader is another', async () => {
    const a = { cookie: 'pv=readerAAAAAAAAAAAAAAAA' };
    const first = await get(a);
    expect(first.statusCode).toBe(200);
    expect(shown(first.body)).toBe(1);
    expect(shown((await get(a)).body)).toBe(1);
    await get(a, `${URL_}?print=1`);
    await flush();
    expect(await stored()).toBe(1);
    const b = await get({ cookie: 'pv=readerBBBBBBBBBBBBBBBB' });
    expect(shown(b.body)).toBe(2);
    await flush();
    expect(await stored()).toBe(2);
    expect(await sql`SELECT 1 FROM portal_views WHERE article_id = ${id}`.execute(t.ctx.db).then((r) => r.rows.length)).toBe(2);
  });

  it('a first visit gets the pv cookie, and the reload that brings it back is the same reader', async () => {
    const r = await get({ 'x-forwarded-for': '203.0.113.7' });
    const c = r.cookies.find((x) => x.name === 'pv')!;
    expect(c.httpOnly).toBe(true);
    expect(c.maxAge).toBe(365 * 24 * 3600);
    expect(String(c.sameSite).toLowerCase()).toBe('lax');
    const again = await get({ 'x-forwarded-for': '203.0.113.7', cookie: `pv=${c.value}` });
    expect(again.cookies.find((x) => x.name === 'pv')).toBeUndefined();
    // Without the cookie (a client that keeps none), the address and browser of the day are the reader.
    await get({ 'x-forwarded-for': '203.0.113.7' });
    await flush();
    expect(await stored()).toBe(3);
    await get({ 'x-forwarded-for': '203.0.113.8' });
    await flush();
    expect(await stored()).toBe(4);
  });

  it('crawlers are not counted and get no cookie', async () => {
    for (const ua of ['Mozilla/5.0 (compatible; Googlebot/2.1)', 'Mozilla/5.0 (compatible; Baiduspider/2.0)', 'curl/8.5.0', 'python-requests/2.31', 'facebookexternalhit/1.1']) {
      const r = await get({ 'user-agent': ua, 'x-forwarded-for': '198.51.100.9' });
      expect(r.statusCode).toBe(200);
      expect(r.cookies.find((x) => x.name === 'pv'), ua).toBeUndefined();
    }
    await flush();
    expect(await stored()).toBe(4);
  });

  it('the day salts the hash: the same address and browser tomorrow is a new id', () => {
    const d1 = visitorOf(undefined, '1.2.3.4', 'ua', 's', new Date('2018-04-27T10:00:00Z'));
    expect(visitorOf(undefined, '1.2.3.4', 'ua', 's', new Date('2018-04-27T20:00:00Z')).id).toBe(d1.id);
    expect(visitorOf(undefined, '1.2.3.4', 'ua', 's', new Date('2018-04-28T10:00:00Z')).id).not.toBe(d1.id);
    expect(visitorOf('<bad cookie>', '1.2.3.4', 'ua', 's', new Date('2018-04-27T10:00:00Z')).fresh).toBe(true);
  });

  it('queued views are written when the app closes, and the count stands after a restart', async () => {
    const c = await get({ cookie: 'pv=readerCCCCCCCCCCCCCCCC' });
    expect(shown(c.body)).toBe(5);
    await t.app.close(); // no flush by hand: the onClose hook writes the queue
    expect(await stored()).toBe(5);
    t.app = await buildApp(t.ctx);
    await t.app.ready();
    const again = await get({ cookie: 'pv=readerCCCCCCCCCCCCCCCC' });
    expect(shown(again.body)).toBeGreaterThanOrEqual(5);
    await flush(); // the new process did not remember this reader: the database did
    expect(await stored()).toBe(5);
    expect(shown((await get({ cookie: 'pv=readerCCCCCCCCCCCCCCCC' })).body)).toBe(5);
    expect(shown((await get({ cookie: 'pv=readerDDDDDDDDDDDDDDDD' })).body)).toBe(6);
    await flush();
    expect(await stored()).toBe(6);
  });

  it('two processes: a reader the second one took for new is taken back to what the database holds', async () => {
    const a = new ViewCounter(t.ctx.db);
    const b = new ViewCounter(t.ctx.db);
    const before = await stored();
    // Process B read the page before anyone else counted: its count is stale.
    b.loaded(id, before);
    a.hit(id, 'readerEEEEEEEEEEEEEEEE');
    await a.flush();
    expect(await stored()).toBe(before + 1);
    b.hit(id, 'readerEEEEEEEEEEEEEEEE');
    b.hit(id, 'readerFFFFFFFFFFFFFFFF');
    expect(b.count(id)).toBe(before + 2);
    await b.flush();
    expect(await stored()).toBe(before + 2);
    expect(b.count(id)).toBe(before + 2);
    // Only the duplicate in the batch: B shows the stored count, never below it.
    b.hit(id, 'readerEEEEEEEEEEEEEEEE'); // remembered by B now: no second hit
    const c = new ViewCounter(t.ctx.db);
    c.loaded(id, before);
    c.hit(id, 'readerFFFFFFFFFFFFFFFF');
    await c.flush();
    expect(c.count(id)).toBe(before + 2);
  });
});
