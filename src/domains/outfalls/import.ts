// 疑似排污口 in bulk: a CSV or XLSX of points (from an imagery contractor's interpretation) read
// by the directory's readers, every row checked first; one bad row and nothing is imported.
import { sql } from 'kysely';
import type { Db, Tx } from '../../core/db/index.ts';
import { AppError } from '../../core/errors.ts';
import { inScope, type Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { openTable, type Upload } from '../directory/index.ts';
import * as q from './outfalls.sql.ts';
import { inChina } from './rules/geo.ts';
import { outfallCode } from './rules/outfall.ts';

export const IMPORT_ROWS = 20_000;
export const IMPORT_BYTES = 20 * 1024 * 1024;
const MAX_ERRORS = 500;

const HEADERS: Record<'lat' | 'lng' | 'region' | 'reach' | 'note', string[]> = {
  lat: ['纬度', 'lat', 'latitude'],
  lng: ['经度', 'lng', 'lon', 'longitude'],
  region: ['区划代码', '行政区划代码', 'region', 'regioncode'],
  reach: ['河段', 'reach'],
  note: ['备注', 'note', 'remarks'],
};

export interface RowProblem { row: number; column: string; code: string; message: string }
interface Point { row: number; lat: number; lng: number; region: string; reachId: number | null; note: string | null }

const key = (h: string) => h.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s_（）()]/g, '');

export async function importSuspects(db: Db, actor: Actor, upload: Upload, reachIdField?: string) {
  const reachId = reachIdField ? Number(reachIdField) : null;
  const defaultReach = reachId ? await q.getReach(db, reachId, actor.scopePrefix) : undefined;
  if (reachId && !defaultReach) throw new AppError('OUTFALL_REACH_NOT_FOUND');
  const reaches = new Map((await q.listReaches(db, actor.scopePrefix)).map((r) => [r.name, r]));
  const regions = new Map<string, { level: string } | null>();
  const regionOk = async (code: string) => {
    if (!regions.has(code)) regions.set(code, (await q.regionRow(db, code)) ?? null);
    const r = regions.get(code);
    return !!r && (r.level === 'county' || r.level === 'township') && inScope(actor.scopePrefix, code);
  };

  const table = openTable(upload.file.path, upload.file.format);
  const points: Point[] = [];
  const problems: RowProblem[] = [];
  const bad = (row: number, column: string, code: string, message: string) => { if (problems.length < MAX_ERRORS) problems.push({ row, column, code, message }); };
  try {
    let cols: Partial<Record<keyof typeof HEADERS, number>> | null = null;
    let row = 0;
    for await (const cells of table.rows) {
      row++;
      if (!cols) {
        const keys = cells.map(key);
        const found: Partial<Record<keyof typeof HEADERS, number>> = Object.fromEntries(Object.entries(HEADERS).map(([f, names]) => [f, keys.findIndex((k) => names.includes(k))]).filter(([, i]) => (i as number) >= 0));
        cols = found;
        if (found.lat === undefined || found.lng === undefined) throw new AppError('OUTFALL_IMPORT_INVALID', { count: 1 }, { rows: [{ row, column: 'lat/lng', code: 'HEADER', message: '表头须有“纬度”和“经度”列 / the header needs lat and lng columns' }] });
        continue;
      }
      if (cells.every((c) => !c.trim())) continue;
      if (points.length >= IMPORT_ROWS) throw new AppError('OUTFALL_IMPORT_INVALID', { count: 1 }, { rows: [{ row, column: '', code: 'TOO_MANY', message: `至多 ${IMPORT_ROWS} 行 / at most ${IMPORT_ROWS} rows` }] });
      const cell = (f: keyof typeof HEADERS) => (cols![f] === undefined ? '' : (cells[cols![f]!] ?? '').trim());
      const lat = Number(cell('lat'));
      const lng = Number(cell('lng'));
      if (!cell('lat') || !cell('lng') || !Number.isFinite(lat) || !Number.isFinite(lng)) { bad(row, 'lat/lng', 'NUMBER', '经纬度须为十进制度数 / decimal degrees expected'); continue; }
      if (!inChina(lat, lng)) { bad(row, 'lat/lng', 'OUTSIDE', `(${lat}, ${lng}) 不在中国境内 / outside China`); continue; }
      const reachName = cell('reach');
      const reach = reachName ? reaches.get(reachName) : defaultReach;
      if (reachName && !reach) { bad(row, 'reach', 'REACH', `河段“${reachName}”不存在 / no such reach`); continue; }
      // No region column and no reach: the caller's own county or township.
      const region = cell('region') || reach?.region_code || actor.regionCode;
      if (!region || !(await regionOk(region))) { bad(row, 'region', 'REGION', `区划“${region}”不是您辖区内的县或乡镇 / not a county or township of your scope`); continue; }
      const note = cell('note').slice(0, 500) || null;
      points.push({ row, lat, lng, region, reachId: reach?.id ?? null, note });
    }
  } finally {
    table.close();
  }
  if (problems.length) throw new AppError('OUTFALL_IMPORT_INVALID', { count: problems.length }, { rows: problems });
  if (!points.length) throw new AppError('OUTFALL_IMPORT_INVALID', { count: 1 }, { rows: [{ row: 0, column: '', code: 'EMPTY', message: '文件中没有点位 / the file holds no points' }] });

  const codes = await db.transaction().execute(async (trx) => {
    const codes = await insertPoints(trx, actor, points);
    await recordAudit(trx, actor, { action: 'outfalls.import', entity: 'outfall', entityId: codes[0], regionCode: points[0].region, after: { fileName: upload.file.fileName, sha256: upload.file.sha256, created: codes.length, first: codes[0], last: codes[codes.length - 1] } });
    return codes;
  });
  return { created: codes.length, codes: codes.slice(0, 1000) };
}

/** Numbers reserved per county in one statement each, then rows inserted 500 at a time. */
async function insertPoints(trx: Tx, actor: Actor, points: Point[]) {
  const byCounty = new Map<string, Point[]>();
  for (const p of points) byCounty.set(p.region.slice(0, 6), [...(byCounty.get(p.region.slice(0, 6)) ?? []), p]);
  const codeOf = new Map<Point, string>();
  for (const [county, ps] of byCounty) {
    const r = await sql<{ last: number }>`
      INSERT INTO outfall_counters (province_code, county_code, last) VALUES (${q.provinceOf(county)}, ${county}, ${ps.length})
      ON CONFLICT (province_code, county_code) DO UPDATE SET last = outfall_counters.last + ${ps.length} RETURNING last`.execute(trx);
    const first = r.rows[0].last - ps.length + 1;
    ps.forEach((p, i) => codeOf.set(p, outfallCode(county, first + i)));
  }
  const codes: string[] = [];
  for (let i = 0; i < points.length; i += 500) {
    const chunk = points.slice(i, i + 500);
    const rows = await trx.insertInto('outfalls').values(chunk.map((p) => ({
      code: codeOf.get(p)!, region_code: p.region, province_code: q.provinceOf(p.region), reach_id: p.reachId, origin: 'import', lat: p.lat, lng: p.lng, note: p.note, created_by: actor.id,
    }))).returning(['id', 'code', 'note', 'province_code']).execute();
    await trx.insertInto('outfall_steps').values(rows.map((r) => ({ outfall_id: r.id, province_code: r.province_code, from_state: null, to_state: 'suspect', level: 1, note: r.note, by_user: actor.id }))).execute();
    codes.push(...rows.map((r) => r.code));
  }
  return codes;
}
