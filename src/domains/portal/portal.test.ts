// The portal's editing API on both databases (docs/portal-api.md): two language versions of a
// story, the review with four eyes, scheduling and the chore that publishes, bad input that
// leaves nothing behind, history, audit, links and the results datasets.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestApp, type Session, type TestApp } from '../../../test/helpers/app.ts';
import { databaseKinds } from '../../../test/helpers/databases.ts';
import { upload } from '../../../test/helpers/multipart.ts';
import { SYSTEM, hashPassword } from '../access/index.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';
import { publishDue } from './articles.ts';
import { loadDemoPortal } from '../demo/demo-portal.ts';
import { ARTICLES } from '../demo/demo-portal-content.ts';
import { portalGeneration } from './cache.ts';

const errorOf = (r: { statusCode: number; json(): { error: { code: string } } }) => [r.statusCode, r.json().error?.code];

describe.each(databaseKinds())('portal editing on %s', (kind) => {
  let t: TestApp;
  let editor: Session, editor2: Session, nation: Session, yueqing: Session, chongqing: Session;
  const api = (s: Session, method: string, url: string, body?: unknown) => call(t.app, s, method, `/api/v1/portal${url}`, body);
  const count = async (table: 'portal_articles' | 'portal_stories' | 'portal_images' | 'portal_article_revisions') => Number((await t.ctx.db.selectFrom(table).select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const news = (slug: string, extra: Record<string, unknown> = {}) => ({ section: 'news', slug, lang: 'zh', title: '普查进展', format: 'markdown', body: '正文', publisher: '普查办', source: '中国环境报', ...extra });

  beforeAll(async () => {
    t = await startTestApp(kind, { worker: false });
    await t.ctx.db.insertInto('users').values({ username: 'editor-two', display_name: '编辑二', password_hash: await hashPassword(DEMO_PASSWORD), role: 'editor', region_code: '100000' }).execute();
    [editor, editor2, nation, yueqing, chongqing] = await Promise.all(['editor', 'editor-two', 'nation', 'yueqing', 'chongqing'].map((u) => login(t.app, u)));
    // The demo's articles (its results page needs the review demo's approvals, so it is skipped
    // here; demo.test.ts checks the whole chain). Approved figures of 乐清市 for the dataset test:
    await loadDemoPortal(t.ctx.db);
    const row = (region: string, category: string, pollutant: string, emitted: number) => ({ region_code: region, category, industry_div: '*', pollutant, approved: true, generated: emitted * 2, emitted, figures: 1 });
    await t.ctx.db.insertInto('emission_rollups').values([
      row('330382', '*', 'COD', 12.5), row('330382', '*', 'SO2', 3.25), row('330382', 'industrial', 'COD', 12.5), row('330382', 'industrial', 'SO2', 3.25),
      row('330382001', '*', 'COD', 10), row('330382002', '*', 'COD', 2.5), row('330382001', '*', 'SO2', 3.25),
    ].map((r) => ({ ...r, generated: String(r.generated), emitted: String(r.emitted) }))).execute();
  });
  afterAll(() => t.close());

  it('writes a story in two languages and publishes each after another person approves', async () => {
    const zh = await api(editor, 'POST', '/articles', news('launch', { body: '# 全面启动\n\n会议在**温州**召开。<script>alert(1)</script>' }));
    expect(zh.statusCode, zh.body).toBe(201);
    const a = zh.json();
    expect(a).toMatchObject({ section: 'news', slug: 'launch', lang: 'zh', status: 'draft', version: 1, url: '/news/launch', actions: ['edit', 'submit'], translation: null });
    expect(a.html).toBe('<h2>全面启动</h2>\n<p>会议在<strong>温州</strong>召开。</p>\n');

    const en = await api(editor, 'POST', '/articles', { lang: 'en', title: 'Census fully launched', format: 'markdown', body: 'Held in **Wenzhou**.', translationOf: a.id });
    expect(en.statusCode, en.body).toBe(201);
    expect(en.json()).toMatchObject({ slug: 'launch', section: 'news', lang: 'en', url: '/en/news/launch', translation: { id: a.id, lang: 'zh' } });
    expect(errorOf(await api(editor, 'POST', '/articles', { lang: 'en', title: 'Again', format: 'markdown', body: 'x', translationOf: a.id }))).toEqual([409, 'PORTAL_TRANSLATION_EXISTS']);

    const sub = await api(editor, 'POST', `/articles/${a.id}/submit`, { version: 1 });
    expect(sub.json()).toMatchObject({ status: 'review', version: 2, actions: ['approve', 'reject'] });
    // four eyes: not the submitter, but another editor or an office
    expect(errorOf(await api(editor, 'POST', `/articles/${a.id}/approve`, { version: 2 }))).toEqual([409, 'PORTAL_OWN_ARTICLE']);
    const before = portalGeneration();
    const ok = await api(editor2, 'POST', `/articles/${a.id}/approve`, { version: 2 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'published', version: 3 });
    expect(new Date(ok.json().publishedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(portalGeneration()).toBeGreaterThan(before); // the site drops its pages

    const enSub = await api(editor, 'POST', `/articles/${en.json().id}/submit`, { version: 1 });
    expect((await api(nation, 'POST', `/articles/${en.json().id}/approve`, { version: enSub.json().version })).json().status).toBe('published');

    // a published page does not change under its readers
    expect(errorOf(await api(editor, 'PATCH', `/articles/${a.id}`, { version: 3, title: '改' }))).toEqual([409, 'PORTAL_NOT_EDITABLE']);
    const off = await api(nation, 'POST', `/articles/${a.id}/unpublish`, { version: 3, reason: '更正' });
    expect(off.json()).toMatchObject({ status: 'unpublished', version: 4 });
    const edited = await api(editor, 'PATCH', `/articles/${a.id}`, { version: 4, title: '第二次全国污染源普查全面启动' });
    expect(edited.json()).toMatchObject({ status: 'draft', version: 5, title: '第二次全国污染源普查全面启动' });
    // the address of a story once published stays
    expect(errorOf(await api(editor, 'PATCH', `/articles/${a.id}`, { version: 5, slug: 'renamed' }))).toEqual([422, 'PORTAL_INVALID']);

    const history = (await api(editor, 'GET', `/articles/${a.id}/history`)).json().items;
    expect(history.map((h: { rev: number; status: string }) => [h.rev, h.status])).toEqual([[5, 'draft'], [4, 'unpublished'], [3, 'published'], [2, 'review'], [1, 'draft']]);
    expect(history[1]).toMatchObject({ note: '更正', by: 'nation' });
    expect((await api(editor, 'GET', `/articles/${a.id}/history/1`)).json()).toMatchObject({ rev: 1, title: '普查进展', body: expect.stringContaining('全面启动') });

    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'actor_username']).where('entity', '=', 'portal-article').where('entity_id', '=', String(a.id)).orderBy('id').execute();
    expect(audit.map((x) => `${x.action}:${x.actor_username}`)).toEqual(['portal.create:editor', 'portal.submit:editor', 'portal.approve:editor-two', 'portal.unpublish:nation', 'portal.edit:editor']);
  });

  it('schedules an approval in the future and the chore publishes it when due; a time past is refused', async () => {
    const a = (await api(editor, 'POST', '/articles', news('scheduled-notice', { section: 'notices' }))).json();
    const s = (await api(editor, 'POST', `/articles/${a.id}/submit`, { version: 1 })).json();
    expect(errorOf(await api(nation, 'POST', `/articles/${a.id}/approve`, { version: s.version, publishAt: '2018-04-27T09:00:00+08:00' }))).toEqual([422, 'PORTAL_PUBLISH_IN_PAST']);
    const soon = new Date(Date.now() + 1500).toISOString();
    const sch = (await api(nation, 'POST', `/articles/${a.id}/approve`, { version: s.version, publishAt: soon })).json();
    expect(sch).toMatchObject({ status: 'scheduled', publishedAt: null, actions: ['unpublish'] });
    expect(await publishDue(t.ctx.db, SYSTEM)).toBe(0); // not yet
    await new Promise((r) => setTimeout(r, 1700));
    expect(await publishDue(t.ctx.db, SYSTEM)).toBe(1);
    const now = (await api(editor, 'GET', `/articles/${a.id}`)).json();
    expect(now).toMatchObject({ status: 'published', publishAt: null });
    expect(await t.ctx.db.selectFrom('audit_log').select('actor_username').where('action', '=', 'portal.publish').where('entity_id', '=', String(a.id)).execute()).toEqual([{ actor_username: 'system' }]);
  });

  it('refuses bad input with a code and stores nothing', async () => {
    const [arts, stories, revs] = [await count('portal_articles'), await count('portal_stories'), await count('portal_article_revisions')];
    expect(errorOf(await api(editor, 'POST', '/articles', news('no-title', { title: '   ' })))).toEqual([422, 'PORTAL_TITLE_REQUIRED']);
    expect(errorOf(await api(editor, 'POST', '/articles', news('Bad Slug')))).toEqual([422, 'PORTAL_SLUG_INVALID']);
    expect(errorOf(await api(editor, 'POST', '/articles', news('../etc')))).toEqual([422, 'PORTAL_SLUG_INVALID']);
    expect(errorOf(await api(editor, 'POST', '/articles', news('census-work-fully-launched')))).toEqual([409, 'PORTAL_SLUG_TAKEN']); // the demo's
    expect(errorOf(await api(editor, 'POST', '/articles', news('big', { body: 'x'.repeat(200_001) })))).toEqual([413, 'PORTAL_BODY_TOO_LARGE']);
    expect(errorOf(await api(editor, 'POST', '/articles', news('img', { body: '![a](/media/0123456789abcdef01234567.jpg)' })))).toEqual([404, 'PORTAL_IMAGE_NOT_FOUND']);
    expect(errorOf(await api(editor, 'POST', '/articles', news('cover', { coverImage: 'abcdefabcdefabcdefabcdef' })))).toEqual([404, 'PORTAL_IMAGE_NOT_FOUND']);
    expect(errorOf(await api(editor, 'POST', '/articles', news('results-without-data', { section: 'results' })))).toEqual([422, 'PORTAL_INVALID']);
    expect(errorOf(await api(editor, 'POST', '/articles', { ...news('x'), format: 'rtf' }))).toEqual([400, 'REQUEST_INVALID']);
    expect(errorOf(await api(editor, 'POST', '/articles/1/approve', { version: 1, publishAt: 'tomorrow' }))).toEqual([400, 'REQUEST_INVALID']);
    expect([await count('portal_articles'), await count('portal_stories'), await count('portal_article_revisions')]).toEqual([arts, stories, revs]);
  });

  it('answers a stale version with 409 and the current one, and a wrong step with its code', async () => {
    const a = (await api(editor, 'POST', '/articles', news('versions'))).json();
    await api(editor, 'PATCH', `/articles/${a.id}`, { version: 1, summary: '一' });
    const stale = await api(editor, 'PATCH', `/articles/${a.id}`, { version: 1, summary: '二' });
    expect(errorOf(stale)).toEqual([409, 'VERSION_CONFLICT']);
    expect(stale.json().error.details).toEqual({ version: 2 });
    expect(errorOf(await api(nation, 'POST', `/articles/${a.id}/approve`, { version: 2 }))).toEqual([409, 'PORTAL_BAD_TRANSITION']);
    expect(errorOf(await api(nation, 'POST', `/articles/${a.id}/unpublish`, { version: 2 }))).toEqual([409, 'PORTAL_BAD_TRANSITION']);
    const sub = (await api(editor, 'POST', `/articles/${a.id}/submit`, { version: 2 })).json();
    const back = (await api(editor2, 'POST', `/articles/${a.id}/reject`, { version: sub.version, reason: '请补充来源' })).json();
    expect(back).toMatchObject({ status: 'draft', reviewNote: '请补充来源' });
  });

  it('keeps editors of a region to their own stories', async () => {
    const own = (await api(yueqing, 'POST', '/articles', news('yueqing-news'))).json();
    expect(own.regionCode).toBe('330382');
    expect((await api(chongqing, 'GET', `/articles/${own.id}`)).statusCode).toBe(404);
    expect((await api(nation, 'GET', `/articles/${own.id}`)).statusCode).toBe(200);
    const list = (await api(chongqing, 'GET', '/articles?limit=100')).json().items;
    expect(list.map((x: { id: number }) => x.id)).not.toContain(own.id);
    const mine = (await api(yueqing, 'GET', '/articles?q=yueqing')).json().items;
    expect(mine.map((x: { slug: string }) => x.slug)).toEqual(['yueqing-news']);
  });

  it('lists newest first with a cursor and filters', async () => {
    const p1 = (await api(nation, 'GET', '/articles?limit=3&lang=zh')).json();
    expect(p1.items).toHaveLength(3);
    expect(p1.items.every((x: { lang: string }) => x.lang === 'zh')).toBe(true);
    const p2 = (await api(nation, 'GET', `/articles?limit=3&lang=zh&cursor=${p1.nextCursor}`)).json();
    expect(p2.items.map((x: { id: number }) => x.id)).not.toContain(p1.items[0].id);
    const pub = (await api(nation, 'GET', '/articles?status=published&section=notices')).json().items;
    expect(pub.length).toBeGreaterThanOrEqual(6); // the demo's three notices in two languages
    expect(pub.every((x: { status: string; section: string }) => x.status === 'published' && x.section === 'notices')).toBe(true);
  });

  it('uploads an image once, upright, without its metadata, and refuses what is not one', async () => {
    const jpeg = await sharp({ create: { width: 2400, height: 1200, channels: 3, background: '#2a6' } }).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const up = await upload(t.app, editor, '/api/v1/portal/images', [{ name: 'file', filename: '现场.jpg', contentType: 'image/jpeg', content: jpeg }]);
    expect(up.statusCode, up.body).toBe(201);
    const img = up.json();
    // orientation 6 turns it a quarter: stored upright, longest side 1600
    expect(img).toMatchObject({ name: '现场.jpg', mime: 'image/jpeg', width: 800, height: 1600, url: `/media/${img.id}.jpg`, thumbUrl: `/media/${img.id}-s.jpg` });
    const again = await upload(t.app, editor, '/api/v1/portal/images', [{ name: 'file', filename: 'again.jpg', content: jpeg }]);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(img.id);
    const images = await count('portal_images');
    expect(errorOf(await upload(t.app, editor, '/api/v1/portal/images', [{ name: 'file', filename: 'x.jpg', content: Buffer.from('<svg onload=alert(1)></svg>') }]))).toEqual([415, 'PORTAL_IMAGE_TYPE']);
    const huge = Buffer.concat([jpeg.subarray(0, 3), Buffer.alloc(11 * 1024 * 1024)]);
    expect(errorOf(await upload(t.app, editor, '/api/v1/portal/images', [{ name: 'file', filename: 'big.jpg', content: huge }]))).toEqual([413, 'PORTAL_IMAGE_TOO_LARGE']);
    expect(errorOf(await upload(t.app, editor, '/api/v1/portal/images', [{ name: 'file', filename: 'broken.jpg', content: Buffer.concat([jpeg.subarray(0, 200), Buffer.alloc(500)]) }]))).toEqual([400, 'UPLOAD_UNREADABLE']);
    expect(await count('portal_images')).toBe(images);
    // now the body and the cover may name it
    const a = await api(editor, 'POST', '/articles', news('with-photo', { body: `![现场](${img.url})`, coverImage: img.id }));
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json().html).toContain(`<img src="${img.url}" alt="现场" />`);
  });

  it('keeps the related links and freezes a results dataset from the approved totals', async () => {
    const l = await api(editor, 'POST', '/links', { nameZh: '生态环境部', nameEn: 'MEE', url: 'https://www.mee.gov.cn/' });
    expect(l.statusCode).toBe(201);
    expect(errorOf(await api(editor, 'POST', '/links', { nameZh: '坏', nameEn: 'bad', url: 'javascript:alert(1)//' }))).toEqual([422, 'PORTAL_LINK_INVALID']);
    const e = await api(editor, 'PATCH', `/links/${l.json().id}`, { version: 1, nameEn: 'Ministry of Ecology and Environment' });
    expect(e.json()).toMatchObject({ version: 2, nameEn: 'Ministry of Ecology and Environment' });
    expect((await api(editor, 'DELETE', `/links/${l.json().id}`)).statusCode).toBe(204);
    expect(errorOf(await api(editor, 'DELETE', `/links/${l.json().id}`))).toEqual([404, 'PORTAL_LINK_NOT_FOUND']);

    const d = await api(nation, 'POST', '/datasets', { titleZh: '乐清市成果', titleEn: 'Yueqing', region: '330382' });
    expect(d.statusCode, d.body).toBe(201);
    const f = d.json().figures;
    expect(f.region).toEqual({ code: '330382', name: '乐清市', nameEn: 'Yueqing City' });
    expect(f.provisional).toBe(false);
    expect(f.pollutants.length).toBeGreaterThan(0);
    // the frozen totals are the approved rollups of the county
    const live = await t.ctx.db.selectFrom('emission_rollups').select(['pollutant', 'emitted']).where('region_code', '=', '330382').where('category', '=', '*').where('industry_div', '=', '*').where('approved', '=', true).execute();
    for (const r of live) expect(f.total[r.pollutant]).toBeCloseTo(Number(r.emitted), 3);
    expect(f.total).toEqual({ COD: 12.5, SO2: 3.25 });
    expect(f.byCategory).toEqual({ industrial: { COD: 12.5, SO2: 3.25 } });
    expect(f.byProvince.map((c: { code: string; nameEn: string; values: Record<string, number> }) => [c.code, c.nameEn, c.values])).toEqual([['330382001', 'Chengdong Subdistrict', { COD: 10, SO2: 3.25 }], ['330382002', expect.stringMatching(/ Subdistrict$/), { COD: 2.5 }]]);
    expect(errorOf(await api(chongqing, 'GET', `/datasets/${d.json().id}`))).toEqual([404, 'PORTAL_DATASET_NOT_FOUND']);
    expect(errorOf(await api(chongqing, 'POST', '/datasets', { titleZh: '重庆', titleEn: 'Chongqing' }))).toEqual([409, 'PORTAL_DATASET_EMPTY']);
  });

  it('loaded the demo portal: the source article in both languages, approved by the national office', async () => {
    const rows = await t.ctx.db.selectFrom('portal_articles as a').innerJoin('portal_stories as s', 's.id', 'a.story_id')
      .select(['a.lang', 'a.status', 'a.title', 'a.published_at', 's.section']).where('s.slug', '=', 'census-work-fully-launched').orderBy('a.lang', 'desc').execute();
    expect(rows.map((r) => [r.lang, r.status, r.section])).toEqual([['zh', 'published', 'news'], ['en', 'published', 'news']]);
    expect(rows[0].title).toBe('第二次全国污染源普查工作全面启动');
    expect(new Date(rows[0].published_at!).toISOString().slice(0, 10)).toBe('2018-04-27');
    const demo = ARTICLES.filter((a) => a.section !== 'results').map((a) => a.slug);
    const stories = await t.ctx.db.selectFrom('portal_stories').select(['slug', 'section']).where('slug', 'in', demo).execute();
    expect(stories.map((x) => x.section).sort()).toEqual(['briefings', 'briefings', 'news', 'notices', 'notices', 'notices']);
  });
});
