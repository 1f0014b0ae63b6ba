// 双周调度 / 月通报: a table of the children of the issuing office's region on a day, generated
// from the data as of that day (progress.ts, uncached), compared with the period before, the
// laggards named with their reasons; reviewed by the office, then published (numbered, posted
// into the channel). The figures are stored as generated, so a published dispatch never moves.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Db } from '../../core/db/index.ts';
import { AppError } from '../../core/errors.ts';
import { addSafeRow } from '../../core/spreadsheet-safe.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { announce } from './announce.ts';
import { addDays, monthBefore, PHASE_NAMES } from './rules/calendar.ts';
import type { Gap } from './rules/readiness.ts';
import { checkDay, progress, scopedRegion, type ProgressRow } from './progress.ts';

export type DispatchKind = 'biweekly' | 'monthly';
const KIND_ZH: Record<DispatchKind, string> = { biweekly: '双周调度', monthly: '月通报' };
const GAP_ZH: Record<Gap, string> = {
  leadingGroup: '未成立领导小组', office: '未设立普查办', plan: '未印发实施方案', meeting: '未召开动员部署会', staff: '人员不足',
  officeSpace: '无办公场所', network: '专网未联通', funds: '经费未到位', agency: '未落实第三方机构', assessment: '未纳入绩效考核',
};
const GAP_EN: Record<Gap, string> = {
  leadingGroup: 'no leading group', office: 'no census office', plan: 'no implementation plan', meeting: 'no mobilisation meeting', staff: 'too few staff',
  officeSpace: 'no office space', network: 'dedicated network not connected', funds: 'funds not arrived', agency: 'no third-party agency', assessment: 'not in the performance assessment',
};
const pct = (x: number) => `${Math.round(x * 100)}%`;

export function reasonsOf(r: ProgressRow) {
  const zh = r.behind.map((b) => `${PHASE_NAMES[b.phase].zh}进度 ${pct(b.actual)}（应达 ${pct(b.expected)}）`).concat(r.gaps.map((g) => GAP_ZH[g]));
  const en = r.behind.map((b) => `${PHASE_NAMES[b.phase].en} ${pct(b.actual)} (expected ${pct(b.expected)})`).concat(r.gaps.map((g) => GAP_EN[g]));
  return { zh, en };
}

/** The figures of a dispatch: deterministic for (region, day, previous day) and the data as of those days. */
export async function figuresOf(db: Db, r: { code: string; name: string; level: string; scope_prefix: string }, asOf: string, previousOn: string) {
  const p = await progress(db, r, asOf, previousOn, true);
  if (!p.rows.length) throw new AppError('DISPATCH_NO_CHILDREN', { region: r.name });
  const laggards = p.rows.filter((x) => x.laggard).map((x) => {
    const why = reasonsOf(x);
    return { code: x.code, name: x.name, lagScore: x.lagScore, rank: x.rank, reasons: why.zh, reasonsEn: why.en };
  });
  const praised = p.rows.filter((x) => x.rank <= 3 && x.lagScore < 10 && !x.laggard).map((x) => ({ code: x.code, name: x.name, lagScore: x.lagScore, rank: x.rank }));
  const mean = p.rows.reduce((n, x) => n + x.progress, 0) / p.rows.length;
  return {
    rows: p.rows, self: p.self, laggards, praised,
    summary: { regions: p.rows.length, laggards: laggards.length, meanProgress: Math.round(mean * 1000) / 1000, meanLagScore: Math.round((p.rows.reduce((n, x) => n + x.lagScore, 0) / p.rows.length) * 10) / 10 },
  };
}

const COLUMNS = `id, kind, region_code, to_char(as_of, 'YYYY-MM-DD') AS as_of, to_char(previous_on, 'YYYY-MM-DD') AS previous_on, number, title, remarks, status,
  created_by, created_at, published_by, published_at, version`;
interface DispatchRow { id: number; kind: DispatchKind; region_code: string; as_of: string; previous_on: string; number: number | null; title: string; remarks: string; status: 'draft' | 'published'; created_by: number | null; created_at: Date; published_by: number | null; published_at: Date | null; version: number; figures?: unknown; region_name?: string }

const view = (d: DispatchRow) => ({
  id: d.id, kind: d.kind, regionCode: d.region_code, regionName: d.region_name, asOf: d.as_of, previousOn: d.previous_on, number: d.number, title: d.title,
  remarks: d.remarks, status: d.status, createdAt: d.created_at, publishedAt: d.published_at, version: d.version, ...(d.figures !== undefined ? { figures: d.figures } : {}),
});

async function load(db: Db, actor: Actor, id: number, withFigures = true) {
  const d = (await sql<DispatchRow>`SELECT ${sql.raw(COLUMNS)}${sql.raw(withFigures ? ', figures' : '')}, (SELECT name FROM regions WHERE code = d.region_code) AS region_name
    FROM dispatches d WHERE id = ${id}`.execute(db)).rows[0];
  if (!d || !(await inScope(db, actor, d.region_code))) throw new AppError('DISPATCH_NOT_FOUND');
  return d;
}

export async function inScope(db: Db, actor: Actor, code: string) {
  const r = await db.selectFrom('regions').select('scope_prefix').where('code', '=', code).executeTakeFirst();
  return !!r && r.scope_prefix.startsWith(actor.scopePrefix);
}

export async function generateDispatch(db: Db, actor: Actor, b: { kind: DispatchKind; asOf: string; region?: string }) {
  const r = await scopedRegion(db, actor, b.region);
  const asOf = checkDay(b.asOf);
  const previousOn = b.kind === 'monthly' ? monthBefore(asOf) : addDays(asOf, -14);
  const figures = await figuresOf(db, r, asOf, previousOn);
  const title = `${r.code === '100000' ? '全国' : r.name}污染源普查${KIND_ZH[b.kind]}（${asOf}）`;
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('dispatches').values({ kind: b.kind, region_code: r.code, as_of: asOf, previous_on: previousOn, title, figures: JSON.stringify(figures), created_by: actor.id })
      .returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'supervision.dispatch.generate', entity: 'dispatch', entityId: row.id, regionCode: r.code, after: { kind: b.kind, asOf, previousOn, summary: figures.summary } });
    return row.id;
  });
  return view(await load(db, actor, id));
}

export async function listDispatches(db: Db, actor: Actor, q: { kind?: DispatchKind; region?: string; status?: string; limit?: number }) {
  const r = await scopedRegion(db, actor, q.region ?? (actor.scopePrefix === '' ? '100000' : undefined));
  const rows = (await sql<DispatchRow>`SELECT ${sql.raw(COLUMNS)}, (SELECT name FROM regions WHERE code = d.region_code) AS region_name, figures->'summary' AS summary
      FROM dispatches d
     WHERE d.region_code IN (SELECT code FROM regions WHERE scope_prefix LIKE ${`${r.scope_prefix}%`} AND length(scope_prefix) <= ${r.scope_prefix.length + 2})
       ${q.kind ? sql`AND d.kind = ${q.kind}` : sql``} ${q.status ? sql`AND d.status = ${q.status}` : sql``}
     ORDER BY d.as_of DESC, d.id DESC LIMIT ${Math.min(q.limit ?? 100, 500)}`.execute(db)).rows;
  return { items: rows.map((d) => ({ ...view(d), summary: (d as unknown as { summary: unknown }).summary })) };
}

export async function getDispatch(db: Db, actor: Actor, id: number) {
  return view(await load(db, actor, id));
}

async function mutable(db: Db, actor: Actor, id: number, version: number) {
  const d = await load(db, actor, id, false);
  if (d.status === 'published') throw new AppError('DISPATCH_PUBLISHED');
  if (d.version !== version) throw new AppError('VERSION_CONFLICT');
  return d;
}

export async function editDispatch(db: Db, actor: Actor, id: number, b: { title?: string; remarks?: string; version: number }) {
  const d = await mutable(db, actor, id, b.version);
  await db.transaction().execute(async (trx) => {
    const n = await trx.updateTable('dispatches').set({ ...(b.title !== undefined ? { title: b.title } : {}), ...(b.remarks !== undefined ? { remarks: b.remarks } : {}), version: d.version + 1 })
      .where('id', '=', id).where('version', '=', b.version).where('status', '=', 'draft').executeTakeFirst();
    if (!Number(n.numUpdatedRows)) throw new AppError('VERSION_CONFLICT');
    await recordAudit(trx, actor, { action: 'supervision.dispatch.edit', entity: 'dispatch', entityId: id, regionCode: d.region_code, before: { title: d.title, remarks: d.remarks }, after: { title: b.title, remarks: b.remarks } });
  });
  return getDispatch(db, actor, id);
}

export async function regenerateDispatch(db: Db, actor: Actor, id: number, b: { version: number }) {
  const d = await mutable(db, actor, id, b.version);
  const r = (await scopedRegion(db, actor, d.region_code));
  const figures = await figuresOf(db, r, d.as_of, d.previous_on);
  await db.transaction().execute(async (trx) => {
    const n = await trx.updateTable('dispatches').set({ figures: JSON.stringify(figures), version: d.version + 1 }).where('id', '=', id).where('version', '=', b.version).where('status', '=', 'draft').executeTakeFirst();
    if (!Number(n.numUpdatedRows)) throw new AppError('VERSION_CONFLICT');
    await recordAudit(trx, actor, { action: 'supervision.dispatch.regenerate', entity: 'dispatch', entityId: id, regionCode: d.region_code, after: { summary: figures.summary } });
  });
  return getDispatch(db, actor, id);
}

export async function publishDispatch(db: Db, actor: Actor, id: number, b: { version: number }) {
  const d = await mutable(db, actor, id, b.version);
  const full = await load(db, actor, id);
  const summary = (full.figures as { summary: { regions: number; laggards: number; meanProgress: number } }).summary;
  const laggards = (full.figures as { laggards: Array<{ name: string }> }).laggards;
  await db.transaction().execute(async (trx) => {
    const next = await sql<{ n: number }>`SELECT coalesce(max(number), 0) + 1 AS n FROM dispatches WHERE region_code = ${d.region_code} AND kind = ${d.kind}`.execute(trx);
    const number = Number(next.rows[0]!.n);
    const n = await trx.updateTable('dispatches').set({ status: 'published', number, published_by: actor.id, published_at: new Date(), version: d.version + 1 })
      .where('id', '=', id).where('version', '=', b.version).where('status', '=', 'draft').executeTakeFirst();
    if (!Number(n.numUpdatedRows)) throw new AppError('VERSION_CONFLICT');
    await recordAudit(trx, actor, { action: 'supervision.dispatch.publish', entity: 'dispatch', entityId: id, regionCode: d.region_code, after: { number } });
    const named = laggards.length ? `点名：${laggards.map((l) => l.name).join('、')}。` : '本期无点名地区。';
    await announce(trx, {
      regionCode: d.region_code, kind: 'dispatch', refId: id,
      body: `【${KIND_ZH[d.kind]} 第${number}期】${d.title}：${summary.regions} 个地区，平均进度 ${pct(summary.meanProgress)}。${named}${d.remarks ? `\n${d.remarks}` : ''}`,
    });
  });
  return getDispatch(db, actor, id);
}

/** The dispatch's table as a workbook: one sheet of the ranked regions, one of the laggards. */
export async function dispatchWorkbook(db: Db, actor: Actor, id: number): Promise<{ name: string; bytes: Buffer }> {
  const d = await load(db, actor, id);
  const f = d.figures as { rows: ProgressRow[]; laggards: Array<{ code: string; name: string; lagScore: number; reasons: string[] }> };
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pucha';
  wb.title = d.title;
  const ws = wb.addWorksheet('ranking');
  addSafeRow(ws, [d.title]).font = { bold: true, size: 13 };
  ws.addRow([`截至 as of ${d.as_of}；比较 compared with ${d.previous_on}${d.number ? `；第 ${d.number} 期` : '（草稿 draft）'}`]);
  const head = ['排名 rank', '变化 change', '区划代码 code', '名称 name', '综合进度 progress', '应达进度 expected', '滞后指数 lag score', '清查核实 inventory confirmed',
    '入户填报 survey submitted', '审核通过 survey approved', '审核通过率 pass rate', '名录增补 directory signed off', '保障缺口 gaps', '点名 laggard'];
  ws.addRow(head).eachCell((c) => { c.font = { bold: true }; c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } }; });
  const p = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 1000) / 10);
  for (const r of f.rows) {
    addSafeRow(ws, [r.rank, r.rankChange, r.code, r.name, p(r.progress), p(r.expected), r.lagScore, p(r.metrics['inventory.confirmed']), p(r.metrics['survey.submitted']),
      p(r.metrics['survey.approved']), p(r.metrics['review.passRate']), p(r.metrics['directory.signedOff']), r.gaps.map((g) => GAP_ZH[g]).join('、'), r.laggard ? '是' : '']);
  }
  ws.columns.forEach((c, i) => { c.width = i === 3 || i === 12 ? 28 : 14; });
  const lw = wb.addWorksheet('laggards');
  lw.addRow(['区划代码 code', '名称 name', '滞后指数 lag score', '原因 reasons']).font = { bold: true };
  for (const l of f.laggards) addSafeRow(lw, [l.code, l.name, l.lagScore, l.reasons.join('；')]);
  lw.columns.forEach((c, i) => { c.width = i === 3 ? 80 : 16; });
  return { name: `dispatch-${d.region_code}-${d.as_of}.xlsx`, bytes: Buffer.from(await wb.xlsx.writeBuffer()) };
}
