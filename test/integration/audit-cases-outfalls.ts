// Audit-completeness cases of the outfall survey and the associated radioactive mines: the
// uploads (multipart), and the moves that need a row in the right state first.
import sharp from 'sharp';
import { call } from '../helpers/app.ts';
import { withExif } from '../../src/domains/outfalls/exif-write.ts';
import type { AuditCase, CaseContext } from './audit-cases.ts';

const TOWNSHIP = '330382001';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
let n = 0;

async function jpeg(seed: number) {
  const img = await sharp({ create: { width: 32, height: 24, channels: 3, background: { r: seed % 255, g: 90, b: 120 } } }).jpeg().toBuffer();
  return withExif(img, { lat: 28.1127, lng: 120.9673, takenAt: new Date('2019-04-02T02:00:00Z') });
}

async function json(c: CaseContext, method: string, url: string, body?: unknown) {
  const r = await call(c.t.app, c.as('regional-office'), method, url, body);
  if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body.slice(0, 300)}`);
  return r.json();
}

const suspect = async (c: CaseContext) => (await json(c, 'POST', '/api/v1/outfalls', { lat: 28.1127, lng: 120.9673, regionCode: TOWNSHIP, note: '审计疑似' })) as { id: number; version: number };
const enterprise = async (c: CaseContext) => (await json(c, 'POST', '/api/v1/radioactive/enterprises', { regionCode: TOWNSHIP, name: `审计稀土厂${process.pid}${++n}`, minerals: ['01'] })) as { id: number; version: number };
const measure = (c: CaseContext, id: number, dose: number) => json(c, 'POST', `/api/v1/radioactive/enterprises/${id}/measurements`, {
  body: '审计监测站', measuredOn: '2018-03-02', backgroundNGyH: 80, points: [{ label: 'W1', kind: 'waste', lat: 28.11, lng: 120.96, doseRateNGyH: dose }],
}) as Promise<{ measurement: { id: number }; enterprise: { version: number } }>;

export const OUTFALL_AUDIT_CASES: Record<string, AuditCase> = {
  'POST /api/v1/outfalls/images': async () => ({ parts: [{ name: 'regionCode', content: TOWNSHIP }, { name: 'file', filename: 'dji_0001.jpg', content: await jpeg(++n) }] }),
  'POST /api/v1/outfalls/import': async () => ({ parts: [{ name: 'file', filename: 'suspects.csv', content: `纬度,经度,区划代码,备注\n28.11,120.96,${TOWNSHIP},审计导入\n` }] }),
  'POST /api/v1/outfalls/:id/photos': async (c) => ({
    url: `/api/v1/outfalls/${(await suspect(c)).id}/photos`,
    parts: [{ name: 'id', content: crypto.randomUUID() }, { name: 'file', filename: 'p.jpg', content: await jpeg(++n) }],
  }),
  'POST /api/v1/outfalls/:id/verify': async (c) => {
    const s = await suspect(c);
    const checked = await json(c, 'POST', `/api/v1/outfalls/${s.id}/check`, { version: s.version, verdict: 'hard', note: '审计难判' });
    return { url: `/api/v1/outfalls/${s.id}/verify`, body: { version: checked.version, verdict: 'verified', note: '审计核实' } };
  },
  'POST /api/v1/radioactive/measurements/:id/files': async (c) => {
    const m = await measure(c, (await enterprise(c)).id, 90);
    return { url: `/api/v1/radioactive/measurements/${m.measurement.id}/files`, parts: [{ name: 'file', filename: 'record.pdf', content: PDF }] };
  },
  'POST /api/v1/radioactive/enterprises/:id/detailed': async (c) => {
    const e = await enterprise(c);
    const m = await measure(c, e.id, 400);
    return { url: `/api/v1/radioactive/enterprises/${e.id}/detailed`, body: { version: m.enterprise.version, note: '审计详查' } };
  },
  'DELETE /api/v1/radioactive/enterprises/:id': async (c) => {
    const e = await enterprise(c);
    return { url: `/api/v1/radioactive/enterprises/${e.id}?version=${e.version}` };
  },
};
