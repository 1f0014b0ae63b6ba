// Bad input at the edge: coded errors in both languages, never a 500, nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { upload } from '../helpers/multipart.ts';

describe.each(databaseKinds())('bad input on %s', (kind) => {
  let t: TestApp;
  let s: Session;
  beforeAll(async () => {
    t = await startTestApp(kind, { worker: false });
    s = await login(t.app, 'yueqing');
  });
  afterAll(() => t.close());

  const auditCount = async () => Number((await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('malformed JSON → 400 REQUEST_MALFORMED_JSON with zh and en messages', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/session', headers: { 'content-type': 'application/json' }, payload: '{"username": "a", ' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'REQUEST_MALFORMED_JSON', status: 400 });
    expect(r.json().error.message.zh).toContain('JSON');
    expect(r.json().error.message.en).toContain('JSON');
  });

  it('a body of the wrong shape → 400 REQUEST_INVALID, nothing changed', async () => {
    const n = await auditCount();
    const r = await call(t.app, s, 'PATCH', '/api/v1/regions/330382', { pilot: 'yes please' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('REQUEST_INVALID');
    expect(await auditCount()).toBe(n);
  });

  it('a 50 MB upload → 413 REQUEST_TOO_LARGE, not read into memory', async () => {
    const boundary = '----pucha50mb';
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`);
    const body = Buffer.concat([head, Buffer.alloc(50 * 1024 * 1024, 0x41), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const n = await auditCount();
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users/import',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    expect(r.statusCode).toBe(413);
    expect(r.json().error.code).toBe('REQUEST_TOO_LARGE');
    expect(await auditCount()).toBe(n);
  });

  it('a JSON body over 1 MB → 413', async () => {
    const r = await call(t.app, s, 'PATCH', '/api/v1/regions/330382', { pilot: true, pad: 'x'.repeat(1_100_000) });
    expect(r.statusCode).toBe(413);
  });

  it('a JSON body is taken as typed: null or "5" for a number is refused, not read as 0 or 5; a query string is still read as text', async () => {
    const nation = await login(t.app, 'nation');
    const before = (await call(t.app, nation, 'GET', '/api/v1/review/qc/settings')).json();
    const settings = { errorRateMax: 0.05, omissionRateMax: 0.01, inventoryAdded: 3, inventoryDeleted: 3, surveyShare: 0.05 };
    for (const bad of [null, '0.02', '']) {
      const r = await call(t.app, nation, 'PUT', '/api/v1/review/qc/settings', { ...settings, errorRateMax: bad });
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().error.code).toBe('REQUEST_INVALID');
    }
    expect((await call(t.app, nation, 'GET', '/api/v1/review/qc/settings')).json()).toEqual(before);
    const page = await call(t.app, nation, 'GET', '/api/v1/users?limit=2');
    expect(page.statusCode).toBe(200);
    expect(page.json().items).toHaveLength(2);
  });

  it('a NUL character anywhere in a request → 400 REQUEST_NUL_CHARACTER naming where, nothing stored', async () => {
    const n = await auditCount();
    const body = await call(t.app, s, 'POST', '/api/v1/sources', { regionCode: '330382001', name: '空字符\u0000厂' });
    expect(body.statusCode).toBe(400);
    expect(body.json().error).toMatchObject({ code: 'REQUEST_NUL_CHARACTER', details: { part: 'body', path: 'name' } });
    expect(body.json().error.message.zh).toContain('U+0000');
    const query = await call(t.app, s, 'GET', '/api/v1/sources?q=%00');
    expect(query.json().error).toMatchObject({ code: 'REQUEST_NUL_CHARACTER', details: { part: 'query', path: 'q' } });
    expect(await auditCount()).toBe(n);
  });

  it('a NUL in a multipart text field → 400 REQUEST_NUL_CHARACTER, nothing stored', async () => {
    const n = await auditCount();
    const r = await upload(t.app, s, '/api/v1/attachments', [{ name: 'id', content: 'a\u0000b' }, { name: 'sourceId', content: '1' }, { name: 'file', filename: 'a.pdf', content: Buffer.from('%PDF-1.4\n') }]);
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'REQUEST_NUL_CHARACTER', details: { part: 'field', path: 'id' } });
    expect(await auditCount()).toBe(n);
  });

  it('an unknown address → 404 ROUTE_NOT_FOUND', async () => {
    const r = await call(t.app, s, 'GET', '/api/v1/nothing-here');
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('sends security headers and a content security policy', async () => {
    const r = await call(t.app, s, 'GET', '/api/v1/session');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(String(r.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('reports health and the database it runs on', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(r.json()).toEqual({ status: 'ok', database: kind });
  });

  it('publishes the OpenAPI contract of every API route', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/regions/{code}', '/api/v1/session', '/api/v1/jobs/{id}']));
  });

  it('serves Prometheus metrics', async () => {
    await call(t.app, s, 'GET', '/api/v1/regions/330382');
    const r = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(r.body).toContain('pucha_http_request_duration_seconds_bucket');
    expect(r.body).toContain('route="/api/v1/regions/:code"');
  });
});
