// Rows of the portal for the access matrix: an article and a dataset of 乐清市 (inside every county
// account's scope) and of 重庆市北碚区 (another province). Links are national: the "other" is an
// id that does not exist, read as not found.
import type { TestApp } from '../helpers/app.ts';

type Pair = { own: string; other: string };

export async function portalFixtures(t: TestApp): Promise<Record<'portal-article' | 'portal-link' | 'portal-dataset', Pair>> {
  const db = t.ctx.db;
  const article = async (region: string) => {
    const story = await db.insertInto('portal_stories').values({ section: 'news', slug: `matrix-${region}`, region_code: region }).returning('id').executeTakeFirstOrThrow();
    return String((await db.insertInto('portal_articles').values({
      story_id: story.id, lang: 'zh', title: `矩阵文章${region}`, format: 'markdown', body_source: '矩阵', body_html: '<p>矩阵</p>', body_text: '矩阵',
    }).returning('id').executeTakeFirstOrThrow()).id);
  };
  const dataset = async (region: string) => String((await db.insertInto('portal_datasets').values({ title_zh: `矩阵成果${region}`, title_en: 'Matrix', region_code: region, figures: '{}' })
    .returning('id').executeTakeFirstOrThrow()).id);
  const link = await db.insertInto('portal_links').values({ name_zh: '矩阵链接', name_en: 'Matrix link', url: 'https://www.mee.gov.cn/' }).returning('id').executeTakeFirstOrThrow();
  return {
    'portal-article': { own: await article('330382'), other: await article('500109') },
    'portal-link': { own: String(link.id), other: '999999999' },
    'portal-dataset': { own: await dataset('330382'), other: await dataset('500109') },
  };
}
