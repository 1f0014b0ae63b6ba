// Survey attachments through the API on both databases: uploads typed by their first bytes and
// limited while streaming, idempotent by the client's id, stored once by content; downloads with
// safe headers, within reach only; a submission may reference only files uploaded for its source.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestApp, type Session, type TestApp } from '../../../test/helpers/app.ts';
import { databaseKinds } from '../../../test/helpers/databases.ts';
import { upload } from '../../../test/helpers/multipart.ts';
import { filePath } from './submissions/file-store.ts';

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]), Buffer.alloc(200, 7), Buffer.from([0xff, 0xd9])]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.each(databaseKinds())('survey attachments on %s', (kind) => {
  let t: TestApp;
  let office: Session;
  let beibei: Session;
  let ent = 0;
  let other = 0;
  let far = 0;

  const parts = (sourceId: number, content: Buffer, id: string, filename = 'photo.jpg', name?: string) => [
    { name: 'id', content: id }, { name: 'sourceId', content: String(sourceId) }, ...(name ? [{ name: 'name', content: name }] : []),
    { name: 'file', filename, contentType: 'application/octet-stream', content },
  ];
  const send = (s: Session, sourceId: number, content: Buffer, id: string, filename?: string, name?: string) => upload(t.app, s, '/api/v1/attachments', parts(sourceId, content, id, filename, name));
  const rows = async () => Number((await t.ctx.db.selectFrom('submission_attachments').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const leftovers = () => fs.readdirSync(path.join(t.ctx.config.dataDir, 'survey-files')).filter((f) => f.startsWith('.upload-'));

  beforeAll(async () => {
    t = await startTestApp(kind, { worker: false });
    office = await login(t.app, 'yueqing');
    beibei = await login(t.app, 'beibei');
    const source = async (name: string) => {
      const r = await call(t.app, office, 'POST', '/api/v1/sources', { regionCode: '330382', name, category: 'industrial', industryCode: '3360' });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as number;
    };
    ent = await source('乐清市附件测试电镀厂');
    other = await source('乐清市附件测试另一厂');
    far = Number((await t.ctx.db.insertInto('sources').values({ region_code: '500109', province_code: '500000', name: '重庆市北碚区附件测试厂', origin: 'supplement' }).returning('id').executeTakeFirstOrThrow()).id);
  });
  afterAll(() => t?.close());

  it('stores a JPEG and a PDF (201), answers a resend with 200, and audits each once', async () => {
    const id = randomUUID();
    const first = await send(office, ent, JPEG, id, 'IMG_0001.jpg', '厂区全景.jpg');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({ id, sourceId: ent, mime: 'image/jpeg', bytes: JPEG.length, sha256: sha(JPEG), name: '厂区全景.jpg' });
    const again = await send(office, ent, JPEG, id, 'IMG_0001.jpg', '厂区全景.jpg');
    expect([again.statusCode, again.json()]).toEqual([200, first.json()]);

    const pdf = await send(office, ent, PDF, 'report_2017-v1', '监测报告.pdf');
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.json()).toMatchObject({ id: 'report_2017-v1', mime: 'application/pdf', bytes: PDF.length, name: '监测报告.pdf' });
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'entity_id', 'region_code']).where('entity', '=', 'attachment').execute();
    expect(audit.filter((a) => a.entity_id === id)).toEqual([{ action: 'survey.attach', entity_id: id, region_code: '330382' }]);
    expect(fs.readFileSync(filePath(t.ctx.config.dataDir, sha(PDF)))).toEqual(PDF);
  });

  it('refuses the same id for other bytes or another source (409), text named .jpg (415), an oversize file (413); nothing stored', async () => {
    const id = randomUUID();
    expect((await send(office, ent, JPEG, id)).statusCode).toBe(201);
    const before = await rows();
    for (const [sourceId, content] of [[ent, PDF], [other, JPEG]] as const) {
      const r = await send(office, sourceId, content, id);
      expect([r.statusCode, r.json().error.code]).toEqual([409, 'SURVEY_ATTACHMENT_ID_TAKEN']);
    }
    const fake = await send(office, ent, Buffer.from('this is plain text, not a picture'), randomUUID(), 'fake.jpg');
    expect([fake.statusCode, fake.json().error.code]).toEqual([415, 'SURVEY_ATTACHMENT_TYPE']);
    const huge = Buffer.alloc(20 * 1024 * 1024 + 1, 1);
    JPEG.copy(huge, 0, 0, 12);
    const big = await send(office, ent, huge, randomUUID(), 'big.jpg');
    expect([big.statusCode, big.json().error.code]).toEqual([413, 'SURVEY_ATTACHMENT_TOO_LARGE']);
    expect(fs.existsSync(filePath(t.ctx.config.dataDir, sha(huge)))).toBe(false);
    const badId = await send(office, ent, JPEG, 'no spaces or dots.jpg');
    expect([badId.statusCode, badId.json().error.code]).toEqual([400, 'SURVEY_ATTACHMENT_INVALID']);
    expect(await rows()).toBe(before);
    expect(leftovers()).toEqual([]);
  });

  it('refuses a source out of reach with 404, as filling does', async () => {
    for (const [s, sourceId] of [[office, far], [beibei, ent]] as const) {
      const r = await send(s, sourceId, JPEG, randomUUID());
      expect([r.statusCode, r.json().error.code]).toEqual([404, 'SURVEY_SOURCE_NOT_FOUND']);
    }
  });

  it('serves the bytes with their type, an inline UTF-8 file name and nosniff; another county gets 404', async () => {
    const id = randomUUID();
    expect((await send(office, ent, PDF, id, 'x.pdf', '排污许可证 (副本).pdf')).statusCode).toBe(201);
    const r = await call(t.app, office, 'GET', `/api/v1/attachments/${id}`);
    expect(r.statusCode).toBe(200);
    expect(r.rawPayload).toEqual(PDF);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['cache-control']).toMatch(/^private/);
    expect(r.headers['content-disposition']).toBe(`inline; filename="_____ (__).pdf"; filename*=UTF-8''${encodeURIComponent('排污许可证 ')}%28${encodeURIComponent('副本')}%29.pdf`);
    for (const [s, url] of [[beibei, `/api/v1/attachments/${id}`], [office, '/api/v1/attachments/no-such-file']] as const) {
      const x = await call(t.app, s, 'GET', url);
      expect([x.statusCode, x.json().error.code]).toEqual([404, 'SURVEY_ATTACHMENT_NOT_FOUND']);
    }
  });

  it('stores the same bytes once on disk, whatever number of ids name them', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(randomUUID())]);
    for (const id of [randomUUID(), randomUUID()]) expect((await send(office, ent, png, id, 'a.png')).statusCode).toBe(201);
    const dir = path.dirname(filePath(t.ctx.config.dataDir, sha(png)));
    expect(fs.readdirSync(dir).filter((f) => f === sha(png))).toHaveLength(1);
    expect(await t.ctx.db.selectFrom('submission_attachments').select('id').where('sha256', '=', sha(png)).execute()).toHaveLength(2);
  });

  it('saves a submission only when every file it references is uploaded for its source (422 otherwise, nothing stored)', async () => {
    const mine = randomUUID();
    const elsewhere = randomUUID();
    expect((await send(office, ent, JPEG, mine)).statusCode).toBe(201);
    expect((await send(office, other, JPEG, elsewhere)).statusCode).toBe(201);
    const count = async () => Number((await t.ctx.db.selectFrom('submissions').select((e) => e.fn.countAll().as('n')).where('source_id', '=', ent).executeTakeFirstOrThrow()).n);
    const id = randomUUID();
    const save = (photos: unknown, baseRev: number | null = null) => call(t.app, office, 'PUT', `/api/v1/submissions/${id}`, {
      sourceId: ent, form: 'G101-1', version: 1, status: 'draft', baseRev, answers: { unitName: '乐清市附件测试电镀厂', sitePhotos: photos },
    });
    const ghost = randomUUID();
    for (const [photos, missing] of [
      [[{ id: mine, type: 'image/jpeg' }, { id: ghost, type: 'image/jpeg' }], [ghost]], // never uploaded
      [[{ id: elsewhere, type: 'image/jpeg' }], [elsewhere]], // another source's
      [{ id: mine, type: 'image/png' }, [mine]], // stored as a JPEG
    ] as const) {
      const r = await save(photos);
      expect([r.statusCode, r.json().error.code, r.json().error.details], r.body).toEqual([422, 'SURVEY_ATTACHMENT_MISSING', { missing }]);
    }
    expect(await count()).toBe(0);
    const ok = await save([{ id: mine, type: 'image/jpeg', name: '厂区全景.jpg' }]);
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await call(t.app, office, 'GET', `/api/v1/submissions/${id}`)).json().answers.sitePhotos).toEqual([{ id: mine, type: 'image/jpeg', name: '厂区全景.jpg' }]);
    // The engine's own check stays: a PDF where the field takes pictures is stored as a draft with its issue.
    const report = randomUUID();
    expect((await send(office, ent, PDF, report, 'r.pdf')).statusCode).toBe(201);
    const pdf = await save([{ id: report, type: 'application/pdf' }], 1);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.json().verdict.issues).toContainEqual(expect.objectContaining({ path: 'sitePhotos', rule: 'field.file-type', severity: 'blocking' }));
  });
  it('keeps an id unique across provinces, even when two uploads of it race (its key holds the province)', async () => {
    const id = `race-${randomUUID()}`;
    const [a, b] = await Promise.all([send(office, ent, JPEG, id), send(beibei, far, PDF, id)]);
    expect([a.statusCode, b.statusCode].sort(), `${a.body} ${b.body}`).toEqual([201, 409]);
    expect((a.statusCode === 409 ? a : b).json().error.code).toBe('SURVEY_ATTACHMENT_ID_TAKEN');
    expect(await t.ctx.db.selectFrom('submission_attachments').select('province_code').where('id', '=', id).execute()).toHaveLength(1);
  });
});
