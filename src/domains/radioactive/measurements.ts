// 初测 records: what the monitoring body measured, screened by the server (the same rule the
// console previews), and the original records (scans, reports) kept beside them.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../core/db/index.ts';
import { inChina } from '../../core/geo.ts';
import { AppError } from '../../core/errors.ts';
import { imageType, receiveFile } from '../../server/file-upload.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { enterpriseView, measurementView } from './enterprises.ts';
import * as q from './radioactive.sql.ts';
import { measurementProblem, screen, type MeasurementPoint } from './rules/screening.ts';
import { inScopeOf } from '../../core/db/distribution.ts';

export interface MeasurementBody { body: string; measuredOn: string; backgroundNGyH: number; points: MeasurementPoint[]; note?: string }

/** Today in China (UTC+8): a measurement cannot be dated after it. */
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

export async function recordMeasurement(db: Db, actor: Actor, enterpriseId: number, b: MeasurementBody) {
  const e = await q.getEnterprise(db, enterpriseId, actor.scopePrefix);
  if (!e) throw new AppError('RADIO_NOT_FOUND');
  const d = new Date(`${b.measuredOn}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(b.measuredOn) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== b.measuredOn) throw new AppError('RADIO_MEASUREMENT_INVALID', { field: 'measuredOn', detail: 'a date YYYY-MM-DD' });
  if (b.measuredOn > chinaToday()) throw new AppError('RADIO_MEASUREMENT_INVALID', { field: 'measuredOn', detail: 'not after today' });
  if (!b.body.trim()) throw new AppError('RADIO_MEASUREMENT_INVALID', { field: 'body', detail: 'the monitoring body' });
  const points = b.points.map((p) => ({ ...p, label: p.label.trim() }));
  const problem = measurementProblem(b.backgroundNGyH, points, inChina);
  if (problem) throw new AppError('RADIO_MEASUREMENT_INVALID', problem, problem);
  const s = screen(b.backgroundNGyH, points);
  return db.transaction().execute(async (trx) => {
    const m = await trx.insertInto('radio_measurements').values({
      enterprise_id: e.id, region_code: e.region_code, province_code: e.province_code, body: b.body.trim(), agency_id: actor.role === 'agency-staff' ? actor.agencyId : null,
      measured_on: b.measuredOn, background_ngyh: b.backgroundNGyH, points: JSON.stringify(points), above: s.above, reasons: JSON.stringify(s.reasons), note: b.note?.trim() || null, created_by: actor.id,
    }).returningAll().executeTakeFirstOrThrow();
    // The enterprise's stage follows its latest measurement (an older record entered late does not overturn it).
    const latest = !e.last_measured_on || b.measuredOn >= e.last_measured_on;
    const after = latest
      ? await trx.updateTable('radio_enterprises').set({ screening_above: s.above, last_measured_on: b.measuredOn, version: e.version + 1, updated_at: new Date() }).where('id', '=', e.id).returningAll().executeTakeFirstOrThrow()
      : e;
    await recordAudit(trx, actor, { action: 'radioactive.measure', entity: 'radio-enterprise', entityId: e.id, regionCode: e.region_code, after: { measurement: m.id, measuredOn: b.measuredOn, above: s.above, reasons: s.reasons.length } });
    return { measurement: measurementView(m), enterprise: enterpriseView(after) };
  });
}

export const FILE_LIMIT = 20 * 1024 * 1024;
type FileMime = 'application/pdf' | 'image/jpeg' | 'image/png';
const sniff = (h: Buffer): FileMime | null => {
  if (h.length >= 5 && h.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  const t = imageType(h);
  return t === 'image/jpeg' || t === 'image/png' ? t : null;
};
const EXT: Record<FileMime, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };
const filesDir = (dataDir: string) => path.join(dataDir, 'radio-files');

export async function uploadFile(db: Db, actor: Actor, measurementId: number, req: FastifyRequest, dataDir: string) {
  const m = await q.getMeasurement(db, measurementId, actor.scopePrefix);
  if (!m) throw new AppError('RADIO_MEASUREMENT_NOT_FOUND');
  const dir = filesDir(dataDir);
  const f = await receiveFile(req, dir, { limit: FILE_LIMIT, headBytes: 12, sniff, badType: () => new AppError('RADIO_FILE_TYPE'), tooLarge: () => new AppError('RADIO_FILE_TOO_LARGE', { limit: '20 MB' }) });
  try {
    const name = `${f.sha256}.${EXT[f.mime]}`;
    if (!fs.existsSync(path.join(dir, name))) fs.renameSync(f.tmp, path.join(dir, name));
    const fileName = (f.fileName ?? '').replace(/[\u0000-\u001f\u007f/\\]/g, '').slice(0, 200);
    return await db.transaction().execute(async (trx) => {
      const r = await trx.insertInto('radio_files').values({ measurement_id: m.id, region_code: m.region_code, province_code: m.province_code, file_name: fileName, mime: f.mime, bytes: f.bytes, sha256: f.sha256, path: name, uploaded_by: actor.id })
        .returningAll().executeTakeFirstOrThrow();
      await recordAudit(trx, actor, { action: 'radioactive.file', entity: 'radio-enterprise', entityId: m.enterprise_id, regionCode: m.region_code, after: { measurement: m.id, file: r.id, fileName, bytes: f.bytes } });
      return { id: r.id, measurementId: m.id, fileName, mime: f.mime, bytes: f.bytes, url: `/api/v1/radioactive/files/${r.id}` };
    });
  } finally {
    fs.rmSync(f.tmp, { force: true });
  }
}

export async function fileOf(db: Db, actor: Actor, id: number, dataDir: string) {
  const r = await db.selectFrom('radio_files').select(['path', 'mime', 'file_name']).where('id', '=', id).where(inScopeOf('radio_files', actor.scopePrefix)).executeTakeFirst();
  if (!r || !fs.existsSync(path.join(filesDir(dataDir), r.path))) throw new AppError('RADIO_FILE_NOT_FOUND');
  return { file: path.join(filesDir(dataDir), r.path), mime: r.mime, fileName: r.file_name };
}
