// 普查成果 datasets: the approved emission totals of a region frozen for a results page — by
// pollutant, by source category and by child region (the provinces for the nation). Frozen so
// that a published bulletin reads the same whatever later approvals move the live totals.
import { sql } from 'kysely';
import type { Db } from '../../core/db/index.ts';
import { AppError } from '../../core/errors.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { CODE_TABLES } from '../survey/index.ts';
import { englishName } from '../regions/index.ts';
import { bumpPortal } from './cache.ts';

const CATEGORIES = [
  { code: 'industrial', name: '工业源', nameEn: 'Industrial sources' },
  { code: 'livestock', name: '畜禽规模养殖场', nameEn: 'Livestock farms' },
  { code: 'domestic', name: '生活源', nameEn: 'Domestic sources' },
  { code: 'centralised', name: '集中式污染治理设施', nameEn: 'Centralised treatment facilities' },
  { code: 'mobile', name: '移动源', nameEn: 'Mobile sources' },
];
const POLLUTANTS = CODE_TABLES.find((t) => t.id === 'pollutants')!.entries;

export interface Figures {
  asOf: string;
  /** True when figures still in review were included (a provisional page, marked as such). */
  provisional: boolean;
  region: { code: string; name: string; nameEn: string };
  pollutants: { code: string; name: string; nameEn: string; unit: string }[];
  categories: { code: string; name: string; nameEn: string }[];
  total: Record<string, number>;
  byCategory: Record<string, Record<string, number>>;
  byProvince: { code: string; name: string; nameEn: string; values: Record<string, number> }[];
}

/** Emitted tonnes, rounded to the kilogram: what a bulletin prints. */
const t = (v: unknown) => Math.round(Number(v) * 1000) / 1000;

export async function makeFigures(db: Db, regionCode: string, provisional = false): Promise<Figures | null> {
  const region = await db.selectFrom('regions').select(['code', 'name', 'pinyin']).where('code', '=', regionCode).executeTakeFirst();
  if (!region) return null;
  // Approved figures only, unless the office asks for a provisional page (then in review too).
  const which = provisional ? sql`` : sql`AND approved`;
  const own = (await sql<{ category: string; pollutant: string; emitted: string }>`SELECT category, pollutant, sum(emitted) AS emitted FROM emission_rollups
    WHERE region_code = ${regionCode} AND industry_div = '*' ${which} GROUP BY category, pollutant`.execute(db)).rows;
  if (!own.some((r) => r.category === '*' && Number(r.emitted) > 0)) return null;
  const children = (await sql<{ code: string; name: string; pinyin: string | null; pollutant: string; emitted: string }>`SELECT g.code, g.name, g.pinyin, r.pollutant, sum(r.emitted) AS emitted
    FROM regions g JOIN emission_rollups r ON r.region_code = g.code AND r.category = '*' AND r.industry_div = '*' ${provisional ? sql`` : sql`AND r.approved`}
    WHERE g.parent_code = ${regionCode} GROUP BY g.code, g.name, g.pinyin, r.pollutant ORDER BY g.code`.execute(db)).rows;
  const used = new Set(own.map((r) => r.pollutant));
  const pollutants = POLLUTANTS.filter((p) => used.has(p.code)).map((p) => ({ code: p.code, name: p.zh, nameEn: p.en, unit: 't' }));
  const total: Record<string, number> = {};
  const byCategory: Record<string, Record<string, number>> = {};
  for (const r of own) {
    if (r.category === '*') total[r.pollutant] = t(r.emitted);
    else (byCategory[r.category] ??= {})[r.pollutant] = t(r.emitted);
  }
  const byProvince = new Map<string, Figures['byProvince'][number]>();
  for (const r of children) {
    const p = byProvince.get(r.code) ?? { code: r.code, name: r.name, nameEn: englishName(r.code, r.name, r.pinyin), values: {} };
    p.values[r.pollutant] = t(r.emitted);
    byProvince.set(r.code, p);
  }
  return {
    asOf: new Date().toISOString(), provisional, region: { code: region.code, name: region.name, nameEn: englishName(region.code, region.name, region.pinyin) }, pollutants,
    categories: CATEGORIES.filter((c) => byCategory[c.code]), total, byCategory, byProvince: [...byProvince.values()],
  };
}

const view = (d: { id: number; title_zh: string; title_en: string; region_code: string; figures: unknown; created_at: Date }) => ({ id: d.id, titleZh: d.title_zh, titleEn: d.title_en, regionCode: d.region_code, figures: d.figures as Figures, createdAt: d.created_at });

export async function createDataset(db: Db, actor: Actor, b: { titleZh: string; titleEn: string; region?: string; provisional?: boolean }) {
  const code = b.region ?? actor.regionCode;
  const r = await db.selectFrom('regions').select(['code', 'name', 'scope_prefix']).where('code', '=', code).executeTakeFirst();
  if (!r || !r.scope_prefix.startsWith(actor.scopePrefix)) throw new AppError('REGION_NOT_FOUND', { code });
  const figures = await makeFigures(db, code, b.provisional ?? false);
  if (!figures) throw new AppError('PORTAL_DATASET_EMPTY', { region: r.name });
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('portal_datasets').values({ title_zh: b.titleZh.trim(), title_en: b.titleEn.trim(), region_code: code, figures: JSON.stringify(figures), created_by: actor.id }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'portal.dataset', entity: 'portal-dataset', entityId: row.id, regionCode: code, after: { titleZh: b.titleZh, provisional: figures.provisional, pollutants: figures.pollutants.length, children: figures.byProvince.length } });
    return row.id;
  });
  await bumpPortal();
  return getDataset(db, actor, id);
}

export async function getDataset(db: Db, actor: Actor, id: number) {
  const d = await db.selectFrom('portal_datasets').selectAll().where('id', '=', id).where('region_code', 'like', `${actor.scopePrefix}%`).executeTakeFirst();
  if (!d) throw new AppError('PORTAL_DATASET_NOT_FOUND');
  return view(d);
}

export async function listDatasets(db: Db, actor: Actor) {
  const rows = await db.selectFrom('portal_datasets').select(['id', 'title_zh', 'title_en', 'region_code', 'created_at']).where('region_code', 'like', `${actor.scopePrefix}%`).orderBy('id', 'desc').limit(200).execute();
  return { items: rows.map((d) => ({ id: d.id, titleZh: d.title_zh, titleEn: d.title_en, regionCode: d.region_code, createdAt: d.created_at })) };
}
