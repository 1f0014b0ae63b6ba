// The demo portal: the source article as the first news item, in Chinese and in English (our own
// account of China Environment News's report of 2018-04-27; the facts are the article's, listed
// in ../shared/docs/mission-source.md), three notices, two briefings, six related links and a
// results page built from the demo's approved emission totals. The demo editor writes and
// submits; the national office approves, as the workflow requires.
import type { Db } from '../../core/db/index.ts';
import { queueJob, type JobHandler } from '../jobs/index.ts';
import { settleDirty } from '../accounting/emissions/index.ts';
import { approveArticle, createArticle, createDataset, createLink, submitArticle } from '../portal/index.ts';
import { actorOf } from './demo-survey.ts';
import { ARTICLES, LINKS, type DemoArticle } from './demo-portal-content.ts';

export const DEMO_PORTAL_JOB = 'demo.portal';

async function demoPortalLoaded(db: Db) {
  return !!(await db.selectFrom('portal_stories').select('id').where('slug', '=', 'census-work-fully-launched').executeTakeFirst());
}

export async function loadDemoPortal(db: Db) {
  if (await demoPortalLoaded(db)) return { articles: 0, links: 0 };
  // The review demo's approvals must be in the totals before they are frozen into the results page.
  while ((await settleDirty(db)) > 0);
  const editor = await actorOf(db, 'editor');
  const nation = await actorOf(db, 'nation');
  const publish = async (id: number, version: number) => {
    const s = await submitArticle(db, editor, id, version);
    return approveArticle(db, nation, id, s.version);
  };
  let articles = 0;
  for (const a of ARTICLES) {
    let datasetId: number | undefined;
    if (a.section === 'results') {
      // The demo's review leaves no figure of 乐清市 approved past the county yet: its results page
      // is provisional (figures in review included), and says so.
      const d = await createDataset(db, nation, { titleZh: a.zh.title, titleEn: a.en.title, region: '330382', provisional: true }).catch(() => null);
      if (!d) continue;
      datasetId = d.id;
    }
    const zh = await createArticle(db, editor, { section: a.section, slug: a.slug, lang: 'zh', format: 'markdown', ...a.zh, ...(datasetId ? { datasetId } : {}) });
    await publish(zh.id, zh.version);
    const en = await createArticle(db, editor, { lang: 'en', format: 'markdown', translationOf: zh.id, ...a.en });
    await publish(en.id, en.version);
    // The demo's stories carry their own days (2018–2019), not the day the demo was loaded.
    await db.updateTable('portal_articles').set({ published_at: new Date(a.date) }).where('id', 'in', [zh.id, en.id]).execute();
    articles += 2;
  }
  for (const [i, l] of LINKS.entries()) await createLink(db, editor, { ...l, position: i });
  return { articles, links: LINKS.length };
}

export async function queueDemoPortal(db: Db) {
  if (await demoPortalLoaded(db)) return null;
  return queueJob(db, { kind: DEMO_PORTAL_JOB, regionCode: '100000', createdBy: null, params: {} });
}

export const demoPortalJob: JobHandler = { kind: DEMO_PORTAL_JOB, run: (ctx) => loadDemoPortal(ctx.db) };
export type { DemoArticle };
