// Portal content written straight into a test database (the site reads the tables; the editing
// API is tested on its own), and a strict XML check for feeds and the sitemap.
import { SaxesParser } from 'saxes';
import { sql } from 'kysely';
import type { Db } from '../../src/core/db/index.ts';
import type { PortalLang, PortalSection, PortalStatus } from '../../src/core/db/schema-portal.ts';
import { bumpPortal } from '../../src/domains/portal/index.ts';

export interface SeedArticle {
  section: PortalSection; slug: string; lang: PortalLang; title: string;
  body?: string; summary?: string; status?: PortalStatus;
  /** Seconds from now (negative: in the past); default an hour ago. */
  publishedIn?: number;
  /** Or a fixed publish time (ISO). */
  at?: string;
  datasetId?: number; cover?: string | null; publisher?: string; source?: string;
}

export async function seedArticle(db: Db, a: SeedArticle): Promise<number> {
  const story = await sql<{ id: number }>`INSERT INTO portal_stories (section, slug, region_code, dataset_id) VALUES (${a.section}, ${a.slug}, '100000', ${a.datasetId ?? null})
    ON CONFLICT (section, slug) DO UPDATE SET dataset_id = COALESCE(EXCLUDED.dataset_id, portal_stories.dataset_id) RETURNING id`.execute(db);
  const body = a.body ?? `<p>${a.title}</p>`;
  const status = a.status ?? 'published';
  const when = a.at ? sql`${a.at}::timestamptz` : sql`now() + make_interval(secs => ${a.publishedIn ?? -3600})`;
  const at = status === 'published' || status === 'scheduled' ? when : sql`NULL`;
  const r = await sql<{ id: number }>`INSERT INTO portal_articles (story_id, lang, title, summary, format, body_source, body_html, body_text, publisher, source, cover_image, status, published_at, publish_at)
    VALUES (${story.rows[0].id}, ${a.lang}, ${a.title}, ${a.summary ?? ''}, 'html', ${body}, ${body}, ${body.replace(/<[^>]+>/g, '')}, ${a.publisher ?? '普查办'}, ${a.source ?? '测试'}, ${a.cover ?? null}, ${status}, ${at}, ${at})
    ON CONFLICT (story_id, lang) DO UPDATE SET title = EXCLUDED.title, summary = EXCLUDED.summary, body_source = EXCLUDED.body_source, body_html = EXCLUDED.body_html,
      body_text = EXCLUDED.body_text, publisher = EXCLUDED.publisher, source = EXCLUDED.source, cover_image = EXCLUDED.cover_image, status = EXCLUDED.status,
      published_at = EXCLUDED.published_at, publish_at = EXCLUDED.publish_at
    RETURNING id`.execute(db);
  bumpPortal();
  return Number(r.rows[0].id);
}

const OFFICE = { zh: '国务院第二次全国污染源普查领导小组办公室', en: 'Office of the State Council Leading Group for the Second National Pollution Source Census' };

/** A small published portal like the demo's (same addresses and dates), whatever the template holds. */
export async function seedPortal(db: Db): Promise<void> {
  const pairs: [PortalSection, string, string, [string, string], [string, string]][] = [
    ['news', 'census-work-fully-launched', '2018-04-27T09:00:00+08:00', ['第二次全国污染源普查工作全面启动', '<p>4月25日，现场会在浙江省温州市召开。</p><h2>清查建库全面推开</h2><p>乐清市八个部门联合审核，称为“八部六色法”。</p><p>各省级普查机构要向省级政府专题报告。</p>'],
      ['The Second National Pollution Source Census is fully under way', '<p>On 25 April an on-site meeting was held in Wenzhou, Zhejiang.</p>']],
    ['notices', 'third-party-agency-rules', '2018-05-10T10:00:00+08:00', ['关于规范第三方机构参与普查工作的通知', '<p>第三方机构通过招标选定。</p>'], ['Notice on third-party agencies in the census', '<p>Agencies are chosen by tender.</p>']],
    ['notices', 'inventory-acceptance-2018', '2018-06-20T10:00:00+08:00', ['关于开展清查工作检查验收的通知', '<p>7月检查验收。</p>'], ['Notice on the acceptance of the inventory', '<p>Acceptance in July.</p>']],
    ['notices', 'household-survey-begins', '2018-07-30T10:00:00+08:00', ['关于全面开展入户调查的通知', '<p>8月1日起入户调查。</p>'], ['Notice: the household survey begins', '<p>From 1 August.</p>']],
    ['briefings', 'briefing-2018-no-5', '2018-05-04T16:00:00+08:00', ['普查工作简报（2018年第5期）', '<p>双周调度。</p>'], ['Census briefing (2018, no. 5)', '<p>Biweekly dispatch.</p>']],
    ['briefings', 'yueqing-eight-departments', '2018-05-18T16:00:00+08:00', ['乐清市“八部六色法”经验介绍', '<p>多部门联合审核。</p>'], ['Yueqing\'s "eight departments, six colours"', '<p>A joint review.</p>']],
  ];
  for (const [section, slug, at, zh, en] of pairs) {
    await seedArticle(db, { section, slug, lang: 'zh', at, title: zh[0], body: zh[1], publisher: OFFICE.zh, source: slug === 'census-work-fully-launched' ? '中国环境报' : '普查办' });
    await seedArticle(db, { section, slug, lang: 'en', at, title: en[0], body: en[1], publisher: OFFICE.en, source: 'Census office' });
  }
  for (const [i, [zh, en, url]] of [['中华人民共和国生态环境部', 'Ministry of Ecology and Environment', 'https://www.mee.gov.cn/'], ['国家统计局', 'National Bureau of Statistics', 'https://www.stats.gov.cn/']].entries()) {
    await sql`INSERT INTO portal_links (name_zh, name_en, url, position) SELECT ${zh}, ${en}, ${url}, ${i} WHERE NOT EXISTS (SELECT 1 FROM portal_links WHERE url = ${url})`.execute(db);
  }
  bumpPortal();
}

/** Throws unless the text is well-formed, namespace-correct XML. */
export function parseXml(text: string): { names: string[]; texts: string[] } {
  const p = new SaxesParser({ xmlns: true });
  const names: string[] = [];
  const texts: string[] = [];
  p.on('error', (e) => {
    throw e;
  });
  p.on('opentag', (t) => names.push(t.name));
  p.on('text', (t) => texts.push(t));
  p.write(text).close();
  return { names, texts };
}
