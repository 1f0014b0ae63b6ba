// Work channels against both databases: seeded members, posting with mentions, unread counts,
// files, and webhooks delivered to a real local HTTP server with the signature checked.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestApp, type Session, type TestApp } from '../../../../test/helpers/app.ts';
import { databaseKinds } from '../../../../test/helpers/databases.ts';
import { upload } from '../../../../test/helpers/multipart.ts';
import { zipBombs } from '../../../../test/integration/bad-upload-corpus.ts';
import ExcelJS from 'exceljs';
import { sql } from '../../../core/db/index.ts';
import { deliverWebhooks, postToChannel } from './index.ts';
import { addWebhook, isPrivateHost } from './channels.ts';
import { actorOf as demoActor } from '../../demo/demo-survey.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe.each(databaseKinds())('work channels on %s', (kind) => {
  let t: TestApp;
  let nation: Session, zhejiang: Session, wenzhou: Session, chongqing: Session, yueqing: Session;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await startTestApp(kind, { worker: false });
    [nation, zhejiang, wenzhou, chongqing, yueqing] = await Promise.all(['nation', 'zhejiang', 'wenzhou', 'chongqing', 'yueqing'].map((u) => login(t.app, u)));
    for (const u of await t.ctx.db.selectFrom('users').select(['id', 'username']).execute()) ids[u.username] = Number(u.id);
  });
  afterAll(() => t.close());

  const channelOf = async (s: Session, region: string) => {
    const res = await call(t.app, s, 'GET', '/api/v1/channels');
    expect(res.statusCode).toBe(200);
    return (res.json().items as Array<{ id: number; regionCode: string; name: string; unread: number; lastMessage: { body: string } | null }>).find((c) => c.regionCode === region);
  };

  it('creates the channels on first use with the offices as members', async () => {
    const zj = await channelOf(zhejiang, '330000');
    expect(zj?.name).toBe('浙江省污染源普查工作群');
    const national = await channelOf(nation, '100000');
    expect(national?.name).toBe('全国污染源普查工作群');
    const page = (await call(t.app, zhejiang, 'GET', `/api/v1/channels/${zj!.id}/messages`)).json();
    const byId = new Map((page.members as Array<{ userId: number; name: string; duty: string }>).map((m) => [m.userId, m]));
    expect(byId.get(ids.zhejiang)?.duty).toBe('省普查办');
    expect(byId.get(ids.wenzhou)?.duty).toBe('市普查办');
    expect(byId.get(ids.nation)?.name).toBe('国家普查办 管理员');
    expect(byId.has(ids.yueqing)).toBe(false); // counties are not seeded
    expect(byId.has(ids.chongqing)).toBe(false);
    // The national channel: the nation and the provinces, no prefecture.
    const nm = new Set(((await call(t.app, nation, 'GET', `/api/v1/channels/${national!.id}/messages`)).json().members as Array<{ userId: number }>).map((m) => m.userId));
    expect(nm.has(ids.zhejiang) && nm.has(ids.chongqing) && nm.has(ids.nation)).toBe(true);
    expect(nm.has(ids.wenzhou)).toBe(false);
  });

  it('posts with mentions, notifies the mentioned, counts unread and marks read', async () => {
    const zj = (await channelOf(zhejiang, '330000'))!;
    const before = (await call(t.app, nation, 'GET', '/api/v1/notifications?unread=true')).json().unread as number;
    const res = await call(t.app, zhejiang, 'POST', `/api/v1/channels/${zj.id}/messages`, { body: '请国家普查办审阅进度', mentions: [ids.nation] });
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    expect(m.mentions).toEqual([{ id: ids.nation, name: '国家普查办 管理员' }]);
    expect(m.author).toMatchObject({ id: ids.zhejiang, name: '浙江省普查办 李明', region: '浙江省' });

    const notes = (await call(t.app, nation, 'GET', '/api/v1/notifications?unread=true')).json();
    expect(notes.unread).toBe(before + 1);
    expect(notes.items[0]).toMatchObject({ kind: 'mention', refId: m.id, channelId: zj.id });
    // wenzhou was not mentioned
    expect((await call(t.app, wenzhou, 'GET', '/api/v1/notifications?unread=true')).json().items.some((n: { refId: number }) => n.refId === m.id)).toBe(false);

    expect((await channelOf(wenzhou, '330000'))!.unread).toBeGreaterThanOrEqual(1);
    expect((await channelOf(zhejiang, '330000'))!.unread).toBe(0); // one's own message is read
    const page = (await call(t.app, wenzhou, 'GET', `/api/v1/channels/${zj.id}/messages?limit=10`)).json();
    expect(page.items[0].id).toBe(m.id);
    expect((await channelOf(wenzhou, '330000'))!.unread).toBe(0);
    expect((await channelOf(wenzhou, '330000'))!.lastMessage?.body).toBe('请国家普查办审阅进度');

    const read = await call(t.app, nation, 'POST', '/api/v1/notifications/read', { ids: [notes.items[0].id] });
    expect(read.json()).toMatchObject({ read: 1, unread: before });
    expect((await call(t.app, nation, 'POST', '/api/v1/notifications/read', { all: true })).json().unread).toBe(0);
  });

  it('refuses a mention of a non-member, and hides a channel from non-members', async () => {
    const zj = (await channelOf(zhejiang, '330000'))!;
    const bad = await call(t.app, zhejiang, 'POST', `/api/v1/channels/${zj.id}/messages`, { body: 'x', mentions: [ids.chongqing] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('CHANNEL_MENTION_INVALID');
    for (const [s, m] of [[chongqing, 'GET'], [yueqing, 'GET'], [chongqing, 'POST']] as const) {
      const res = await call(t.app, s, m, `/api/v1/channels/${zj.id}/messages`, m === 'POST' ? { body: 'x' } : undefined);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('CHANNEL_NOT_FOUND');
    }
    // Admin routes: another province's channel is not found either, never forbidden.
    expect((await call(t.app, chongqing, 'GET', `/api/v1/channels/${zj.id}/members`)).statusCode).toBe(404);
  });

  it('lets an admin add and remove members', async () => {
    const zj = (await channelOf(zhejiang, '330000'))!;
    const add = await call(t.app, zhejiang, 'POST', `/api/v1/channels/${zj.id}/members`, { userId: ids.yueqing, duty: '联络员' });
    expect(add.statusCode, add.body).toBe(201);
    expect((await call(t.app, yueqing, 'GET', `/api/v1/channels/${zj.id}/messages`)).statusCode).toBe(200);
    expect((await call(t.app, zhejiang, 'POST', `/api/v1/channels/${zj.id}/members`, { userId: ids.chongqing })).statusCode).toBe(404);
    expect((await call(t.app, zhejiang, 'POST', `/api/v1/channels/${zj.id}/members`, { userId: ids['yq-enumerator'] })).json().error.code).toBe('CHANNEL_MEMBER_INVALID');
    expect((await call(t.app, zhejiang, 'DELETE', `/api/v1/channels/${zj.id}/members/${ids.yueqing}`)).statusCode).toBe(200);
    expect((await call(t.app, yueqing, 'GET', `/api/v1/channels/${zj.id}/messages`)).statusCode).toBe(404);
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('action', 'like', 'channels.member.%').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['channels.member.add', 'channels.member.remove']);
  });

  it('uploads files by content, attaches them, and serves them to the channel\'s members', async () => {
    const ok = await upload(t.app, zhejiang, '/api/v1/supervision/files', [{ name: 'id', content: 'zj-report-1' }, { name: 'file', filename: '报告.pdf', content: PDF }]);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ id: 'zj-report-1', name: '报告.pdf', mime: 'application/pdf', bytes: PDF.length });
    const again = await upload(t.app, zhejiang, '/api/v1/supervision/files', [{ name: 'id', content: 'zj-report-1' }, { name: 'file', filename: '报告.pdf', content: PDF }]);
    expect(again.statusCode).toBe(200);
    const text = await upload(t.app, zhejiang, '/api/v1/supervision/files', [{ name: 'id', content: 'zj-text' }, { name: 'file', filename: 'a.txt', content: 'just some words here' }]);
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('SUPERVISION_FILE_TYPE');
    const zipNotOffice = await upload(t.app, zhejiang, '/api/v1/supervision/files', [{ name: 'id', content: 'zj-zip' }, { name: 'file', filename: 'a.zip', content: Buffer.from('PK\x03\x04rest-of-zip', 'latin1') }]);
    expect(zipNotOffice.json().error.code).toBe('SUPERVISION_FILE_TYPE');
    const brokenZip = await upload(t.app, zhejiang, '/api/v1/supervision/files', [{ name: 'id', content: 'zj-bx' }, { name: 'file', filename: '表.xlsx', content: Buffer.from('PK\x03\x04rest-of-zip', 'latin1') }]);
    expect(brokenZip.json().error.code).toBe('SUPERVISION_FILE_TYPE');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('进度').addRow(['乐清市', 0.92]);
    const xlsx = await upload(t.app, zhejiang, '/api/v1/supervision/files', [{ name: 'id', content: 'zj-x' }, { name: 'file', filename: '表.xlsx', content: Buffer.from(await book.xlsx.writeBuffer()) }]);
    expect(xlsx.json().mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    // Whoever downloads an office file unpacks it: a ZIP bomb is refused, whether it declares its size or hides it.
    for (const [i, bomb] of [zipBombs().honest, zipBombs().lying].entries()) {
      const r = await upload(t.app, zhejiang, '/api/v1/supervision/files', [{ name: 'id', content: `zj-bomb-${i}` }, { name: 'file', filename: '报告.docx', content: bomb }]);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().error.code).toBe('SUPERVISION_FILE_UNSAFE');
    }
    expect(await t.ctx.db.selectFrom('supervision_files').select('id').where('id', 'like', 'zj-bomb-%').execute()).toEqual([]);
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]);
    const tooBig = await upload(t.app, zhejiang, '/api/v1/supervision/files', [{ name: 'id', content: 'zj-big' }, { name: 'file', filename: 'big.pdf', content: big }]);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('SUPERVISION_FILE_TOO_LARGE');

    // chongqing cannot attach zhejiang's file, nor read it
    const cq = (await channelOf(chongqing, '500000'))!;
    expect((await call(t.app, chongqing, 'POST', `/api/v1/channels/${cq.id}/messages`, { body: 'x', files: ['zj-report-1'] })).json().error.code).toBe('CHANNEL_FILE_INVALID');
    expect((await call(t.app, chongqing, 'GET', '/api/v1/supervision/files/zj-report-1')).statusCode).toBe(404);

    const zj = (await channelOf(zhejiang, '330000'))!;
    const nationBefore = await call(t.app, nation, 'GET', '/api/v1/supervision/files/zj-report-1');
    expect(nationBefore.statusCode).toBe(200); // the nation's scope holds every region
    const posted = await call(t.app, zhejiang, 'POST', `/api/v1/channels/${zj.id}/messages`, { body: '附报告', files: ['zj-report-1'] });
    expect(posted.json().files).toEqual([expect.objectContaining({ id: 'zj-report-1', mime: 'application/pdf' })]);
    // wenzhou (scope 3303) reaches it only through the channel
    const got = await call(t.app, wenzhou, 'GET', '/api/v1/supervision/files/zj-report-1');
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(PDF)).toBe(true);
  });

  it('posts for other parts and notifies the addressed region\'s offices', async () => {
    const id = await t.ctx.db.transaction().execute((trx) => postToChannel(trx, { regionCode: '330382', kind: 'case', refId: 42, body: '督办〔2018〕1号：乐清市进度滞后', notifyRegion: '330300' }));
    const m = await t.ctx.db.selectFrom('channel_messages').innerJoin('channels', 'channels.id', 'channel_messages.channel_id').select(['channels.region_code', 'channel_messages.author_id']).where('channel_messages.id', '=', id).executeTakeFirstOrThrow();
    expect(m).toEqual({ region_code: '330000', author_id: null });
    const n = (await call(t.app, wenzhou, 'GET', '/api/v1/notifications?unread=true')).json();
    expect(n.items[0]).toMatchObject({ kind: 'case', refId: 42 });
    expect((await call(t.app, zhejiang, 'GET', '/api/v1/notifications?unread=true')).json().items.some((x: { refId: number }) => x.refId === 42)).toBe(false);
  });

  it('refuses webhooks to loopback and private addresses unless the server allows them', async () => {
    for (const h of ['localhost', '127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '[::1]', '0.0.0.0']) expect(isPrivateHost(h), h).toBe(true);
    for (const h of ['hooks.example.cn', '8.8.8.8', '172.32.0.1', '11.0.0.1']) expect(isPrivateHost(h), h).toBe(false);
    const zj = (await call(t.app, zhejiang, 'GET', '/api/v1/channels')).json().items.find((c: { regionCode: string }) => c.regionCode === '330000');
    const actor = await demoActor(t.ctx.db, 'zhejiang');
    await expect(addWebhook(t.ctx.db, actor, zj.id, { url: 'http://169.254.169.254/latest/meta-data' })).rejects.toMatchObject({ code: 'WEBHOOK_INVALID' });
    expect(await t.ctx.db.selectFrom('channel_webhooks').select('id').where('url', 'like', '%169.254%').execute()).toEqual([]);
  });

  it('delivers webhooks signed, retries a failing endpoint and gives up', async () => {
    const got: Array<{ body: string; sig: string | undefined }> = [];
    let answer = 200;
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => { got.push({ body, sig: req.headers['x-pucha-signature'] as string | undefined }); res.statusCode = answer; res.end('ok'); });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    try {
      const zj = (await channelOf(zhejiang, '330000'))!;
      const made = await call(t.app, zhejiang, 'POST', `/api/v1/channels/${zj.id}/webhooks`, { url });
      expect(made.statusCode, made.body).toBe(201);
      const { id: hookId, secret } = made.json();
      expect(secret).toMatch(/^[0-9a-f]{48}$/);
      expect((await call(t.app, zhejiang, 'GET', `/api/v1/channels/${zj.id}/webhooks`)).body).not.toContain(secret);
      expect((await call(t.app, wenzhou, 'GET', `/api/v1/channels/${zj.id}/webhooks`)).statusCode).toBe(404); // 3303 does not hold 330000

      const msg = (await call(t.app, zhejiang, 'POST', `/api/v1/channels/${zj.id}/messages`, { body: '推送测试' })).json();
      expect(await deliverWebhooks(t.ctx.db)).toBe(1);
      expect(got).toHaveLength(1);
      const sent = JSON.parse(got[0].body);
      expect(sent).toMatchObject({ channel: { id: zj.id, name: '浙江省污染源普查工作群' }, message: { id: msg.id, body: '推送测试' } });
      expect(got[0].sig).toBe(`sha256=${createHmac('sha256', secret).update(got[0].body).digest('hex')}`);
      expect(got[0].sig).not.toBe(`sha256=${createHmac('sha256', 'wrong').update(got[0].body).digest('hex')}`);
      expect(await deliverWebhooks(t.ctx.db)).toBe(0);

      answer = 500;
      const failing = (await call(t.app, zhejiang, 'POST', `/api/v1/channels/${zj.id}/messages`, { body: '失败测试' })).json();
      const row = () => t.ctx.db.selectFrom('webhook_deliveries').select(['status', 'attempts', 'last_status', 'last_error']).where('message_id', '=', failing.id).executeTakeFirstOrThrow();
      for (let attempt = 1; attempt <= 6; attempt++) {
        expect(await deliverWebhooks(t.ctx.db)).toBe(1);
        expect(await deliverWebhooks(t.ctx.db)).toBe(0); // not due again until its back-off passes
        expect(await row()).toMatchObject({ attempts: attempt, last_status: 500, last_error: 'HTTP 500', status: attempt < 6 ? 'pending' : 'failed' });
        await t.ctx.db.updateTable('webhook_deliveries').set({ next_at: sql`now() - interval '1 second'` }).where('message_id', '=', failing.id).execute();
      }
      expect(await deliverWebhooks(t.ctx.db)).toBe(0);

      expect((await call(t.app, zhejiang, 'DELETE', `/api/v1/channels/${zj.id}/webhooks/${hookId}`)).statusCode).toBe(200);
      expect((await call(t.app, zhejiang, 'DELETE', `/api/v1/channels/${zj.id}/webhooks/${hookId}`)).json().error.code).toBe('WEBHOOK_NOT_FOUND');
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('never throws when the endpoint is unreachable', async () => {
    const zj = (await channelOf(zhejiang, '330000'))!;
    await call(t.app, zhejiang, 'POST', `/api/v1/channels/${zj.id}/webhooks`, { url: 'http://127.0.0.1:9/closed' });
    const msg = (await call(t.app, zhejiang, 'POST', `/api/v1/channels/${zj.id}/messages`, { body: '无人接收' })).json();
    expect(await deliverWebhooks(t.ctx.db)).toBe(1);
    const d = await t.ctx.db.selectFrom('webhook_deliveries').select(['status', 'attempts', 'last_status', 'last_error']).where('message_id', '=', msg.id).executeTakeFirstOrThrow();
    expect(d).toMatchObject({ status: 'pending', attempts: 1, last_status: null });
    expect(d.last_error).toBeTruthy();
  });
});
