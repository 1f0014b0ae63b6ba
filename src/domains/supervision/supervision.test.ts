// Supervision through the API on both databases: the calendar, a region's own readiness, the
// ranking of the provinces from the data as of a day, a dispatch that regenerates to the same
// figures and is published under a number, a supervision letter answered and closed, the
// escalation of an overdue case by rule, briefings' live blocks, the map's boundaries.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestApp, type Session, type TestApp } from '../../../test/helpers/app.ts';
import { databaseKinds } from '../../../test/helpers/databases.ts';
import { escalateOverdue } from './cases/cases.ts';
import { addDays } from './rules/calendar.ts';
import { today } from './progress.ts';

describe.each(databaseKinds())('supervision on %s', (kind) => {
  let t: TestApp;
  let nation: Session;
  let zhejiang: Session;
  let chongqing: Session;
  let yueqing: Session;
  const err = (r: { statusCode: number; json(): { error?: { code: string } } }) => [r.statusCode, r.json().error?.code];

  beforeAll(async () => {
    t = await startTestApp(kind, { worker: false });
    [nation, zhejiang, chongqing, yueqing] = await Promise.all(['nation', 'zhejiang', 'chongqing', 'yueqing'].map((u) => login(t.app, u)));
    // 乐清市 has inventoried six sources, four of them confirmed; 重庆 nothing. Every other province
    // has reported full readiness today; 重庆 and 浙江 nothing yet.
    const db = t.ctx.db;
    const provinces = await db.selectFrom('regions').select('code').where('level', '=', 'province').where('code', 'not in', ['330000', '500000']).execute();
    await db.insertInto('readiness_reports').values(provinces.map((p) => ({
      region_code: p.code, reported_on: today(), leading_group_on: '2018-01-01', office_on: '2018-01-01', plan_on: '2018-02-01',
      meetings: JSON.stringify([{ level: 'province', heldOn: '2018-03-01' }]), in_assessment: true, staff_needed: 10, staff_own: 10, office_space: true,
      network_connected: true, funds_budgeted: '1000000', funds_arrived: '1000000',
    }))).execute();
    for (let i = 0; i < 6; i++) {
      const s = await db.insertInto('sources').values({ region_code: '330382001', province_code: '330000', name: `督导测试单位${i}`, origin: 'supplement' }).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('inventory_records').values({
        source_id: s.id, region_code: '330382001', province_code: '330000', state: 'normal', status: 'approved', visited_at: new Date(),
        ...(i < 4 ? { confirmation: 'confirmed', confirmed_at: new Date() } : {}),
      }).execute();
    }
  });
  afterAll(() => t.close());

  it('keeps the calendar, refuses a deadline outside its phase, and moves the survey gate\'s dates too', async () => {
    const cal = (await call(t.app, zhejiang, 'GET', '/api/v1/supervision/calendar')).json();
    expect(cal.phases).toHaveLength(10);
    expect(cal.phases.find((p: { phase: string }) => p.phase === 'survey')).toMatchObject({ startsOn: '2018-08-01', deadlines: { county: '2018-11-10', prefecture: '2018-11-20' } });
    expect(err(await call(t.app, nation, 'PUT', '/api/v1/supervision/calendar', { phases: [{ phase: 'survey', startsOn: '2018-08-01', endsOn: '2018-11-30', deadlines: { county: '2018-12-10' } }] }))).toEqual([400, 'CALENDAR_INVALID']);
    const put = await call(t.app, nation, 'PUT', '/api/v1/supervision/calendar', { phases: [{ phase: 'survey', startsOn: '2018-08-01', endsOn: '2018-12-15', deadlines: { county: '2018-11-10', prefecture: '2018-11-20', province: '2018-11-30' } }] });
    expect(put.statusCode).toBe(200);
    const gate = await t.ctx.db.selectFrom('phase_dates').select('phase').where('region_code', '=', '100000').where('phase', '=', 'survey').where('ends_on', '=', '2018-12-15' as never).executeTakeFirst();
    expect(gate).toBeDefined();
    expect((await call(t.app, zhejiang, 'PUT', '/api/v1/supervision/calendar', { phases: [] })).statusCode).toBe(403);
  });

  it('a region reports its own readiness; the level above sees its gaps change', async () => {
    expect(err(await call(t.app, nation, 'PUT', '/api/v1/supervision/readiness/330000', { officeSpace: true }))).toEqual([409, 'READINESS_NOT_OWN']);
    expect(err(await call(t.app, zhejiang, 'PUT', '/api/v1/supervision/readiness/500000', { officeSpace: true }))).toEqual([404, 'REGION_NOT_FOUND']);
    const before = (await call(t.app, nation, 'GET', '/api/v1/supervision/readiness')).json();
    expect(before.items).toHaveLength(32);
    expect(before.summary.reported).toBe(30);
    const zjBefore = before.items.find((i: { code: string }) => i.code === '330000');
    const r = await call(t.app, zhejiang, 'PUT', '/api/v1/supervision/readiness/330000', {
      leadingGroupOn: '2018-01-05', officeOn: '2018-01-05', planOn: '2018-02-10', planDocument: '浙污普〔2018〕1号',
      meetings: [{ level: 'province', heldOn: '2018-03-20' }, { level: 'prefecture', heldOn: '2018-03-28' }, { level: 'county', heldOn: '2018-04-02' }],
      inAssessment: true, staffNeeded: 40, staffOwn: 30, staffSeconded: 12, officeSpace: true, networkConnected: false, fundsBudgeted: 28_000_000, fundsArrived: 28_000_000,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().gaps).toEqual(['network']);
    const after = (await call(t.app, nation, 'GET', '/api/v1/supervision/readiness')).json();
    expect(after.items.find((i: { code: string }) => i.code === '330000').gaps).toEqual(['network']);
    expect(zjBefore.gaps.length).toBeGreaterThan(1);
    expect(after.summary.threeLevelMeetings).toBe(before.summary.threeLevelMeetings + 1);
    // A later report keeps what it does not send.
    const again = await call(t.app, zhejiang, 'PUT', '/api/v1/supervision/readiness/330000', { networkConnected: true });
    expect(again.json().gaps).toEqual([]);
    expect(again.json().report.fundsArrived).toBe(28_000_000);
    expect((await call(t.app, zhejiang, 'GET', '/api/v1/supervision/readiness/330000')).json().history).toHaveLength(2);
    expect(err(await call(t.app, zhejiang, 'PUT', '/api/v1/supervision/readiness/330000', { planOn: '2999-01-01' }))).toEqual([400, 'READINESS_INVALID']);
  });

  it('ranks the provinces from the data, and a dispatch for a day regenerates to the same figures', async () => {
    const on = today();
    const p = (await call(t.app, nation, 'GET', `/api/v1/supervision/progress?asOf=${on}`)).json();
    expect(p.rows).toHaveLength(32);
    expect(p.rows.map((r: { rank: number }) => r.rank)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    const zj = p.rows.find((r: { code: string }) => r.code === '330000');
    const cq = p.rows.find((r: { code: string }) => r.code === '500000');
    // The demo's inventory and survey of 乐清市 give 浙江 progress; 重庆 has none and reported nothing.
    expect(zj.metrics['inventory.confirmed']).toBeGreaterThan(0);
    expect(zj.rank).toBeLessThan(cq.rank);
    expect(cq.laggard).toBe(true);

    const d = await call(t.app, nation, 'POST', '/api/v1/supervision/dispatches', { kind: 'biweekly', asOf: on });
    expect(d.statusCode).toBe(201);
    const draft = d.json();
    expect(draft.figures.laggards.map((l: { code: string }) => l.code)).toContain('500000');
    expect(draft.figures.laggards.find((l: { code: string }) => l.code === '500000').reasons.join()).toContain('未成立领导小组');
    const again = (await call(t.app, nation, 'POST', `/api/v1/supervision/dispatches/${draft.id}/regenerate`, { version: draft.version })).json();
    expect(again.figures).toEqual(draft.figures);
    const second = (await call(t.app, nation, 'POST', '/api/v1/supervision/dispatches', { kind: 'biweekly', asOf: on })).json();
    expect(second.figures).toEqual(draft.figures);

    expect(err(await call(t.app, nation, 'POST', `/api/v1/supervision/dispatches/${draft.id}/publish`, { version: draft.version }))).toEqual([409, 'VERSION_CONFLICT']);
    const pub = (await call(t.app, nation, 'POST', `/api/v1/supervision/dispatches/${draft.id}/publish`, { version: again.version })).json();
    expect(pub).toMatchObject({ status: 'published', number: 1 });
    expect(err(await call(t.app, nation, 'PATCH', `/api/v1/supervision/dispatches/${draft.id}`, { remarks: 'x', version: pub.version }))).toEqual([409, 'DISPATCH_PUBLISHED']);
    expect((await call(t.app, nation, 'POST', `/api/v1/supervision/dispatches/${second.id}/publish`, { version: second.version })).json().number).toBe(2);

    const x = await call(t.app, nation, 'GET', `/api/v1/supervision/dispatches/${draft.id}/xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('ranking')!;
    expect(ws.rowCount).toBe(3 + 32);
    expect(wb.getWorksheet('laggards')!.getColumn(1).values).toContain('500000');
    // A county sees its own dispatches only.
    expect((await call(t.app, yueqing, 'GET', `/api/v1/supervision/dispatches/${draft.id}`)).statusCode).toBe(404);
  });

  it('a dispatch for a past day does not see work done after it', async () => {
    const early = (await call(t.app, nation, 'POST', '/api/v1/supervision/dispatches', { kind: 'monthly', asOf: '2018-04-20' })).json();
    expect(early.previousOn).toBe('2018-03-20');
    const zj = early.figures.rows.find((r: { code: string }) => r.code === '330000');
    expect(zj.metrics['inventory.confirmed'] ?? 0).toBe(0);
    expect(zj.gaps.length).toBe(10 - 1); // nothing reported by then (the reports above are entered today)
  });

  it('a letter to a lagging province is answered with evidence and closed; the wrong side is told who acts', async () => {
    await t.ctx.db.insertInto('supervision_files').values({ id: 'evidence-cq-1', region_code: '500000', mime: 'application/pdf', bytes: 10, sha256: 'a'.repeat(64), name: '整改报告.pdf' }).execute();
    const due = addDays(today(), 10);
    expect(err(await call(t.app, zhejiang, 'POST', '/api/v1/supervision/cases', { type: 'letter', targetRegion: '500000', reasons: 'x', dueOn: due }))).toEqual([404, 'REGION_NOT_FOUND']);
    expect(err(await call(t.app, nation, 'POST', '/api/v1/supervision/cases', { type: 'letter', targetRegion: '500000', reasons: '进度滞后' }))).toEqual([400, 'CASE_INVALID']);
    const c = (await call(t.app, nation, 'POST', '/api/v1/supervision/cases', { type: 'letter', targetRegion: '500000', reasons: '清查进度滞后，保障不到位', measures: '一周内落实经费', dueOn: due })).json();
    expect(c).toMatchObject({ type: 'letter', status: 'open', target: { code: '500000' } });
    expect(c.number).toMatch(/^督办〔\d{4}〕1号$/);
    expect((await call(t.app, chongqing, 'GET', '/api/v1/supervision/cases?direction=received')).json().items.map((x: { id: number }) => x.id)).toContain(c.id);
    expect(err(await call(t.app, nation, 'POST', `/api/v1/supervision/cases/${c.id}/answer`, { text: '自己答', version: c.version }))).toEqual([409, 'CASE_NOT_YOURS']);
    expect(err(await call(t.app, chongqing, 'POST', `/api/v1/supervision/cases/${c.id}/close`, { version: c.version }))).toEqual([409, 'CASE_NOT_YOURS']);
    expect((await call(t.app, zhejiang, 'GET', `/api/v1/supervision/cases/${c.id}`)).statusCode).toBe(404);
    const a = await call(t.app, chongqing, 'POST', `/api/v1/supervision/cases/${c.id}/answer`, { text: '已召开专题会，经费已拨付', files: ['evidence-cq-1'], version: c.version });
    expect(a.statusCode).toBe(200);
    expect(a.json().status).toBe('answered');
    expect(a.json().events.at(-1)).toMatchObject({ kind: 'answer', files: [{ id: 'evidence-cq-1', name: '整改报告.pdf' }] });
    // The letter went into the national channel; the answer, with its evidence, into 重庆's own and the national one.
    const posts = await t.ctx.db.selectFrom('channel_messages').innerJoin('channels', 'channels.id', 'channel_messages.channel_id')
      .select(['channels.region_code', 'channel_messages.files', 'channel_messages.author_id']).where('kind', '=', 'case').where('ref_id', '=', c.id).orderBy('channel_messages.id').execute();
    expect(posts.map((p) => p.region_code)).toEqual(['100000', '500000', '100000']);
    expect(posts[1]).toMatchObject({ files: ['evidence-cq-1'], author_id: expect.any(Number) });
    const cqChannel = (await call(t.app, chongqing, 'GET', '/api/v1/channels')).json().items.find((x: { regionCode: string }) => x.regionCode === '500000');
    const msgs = (await call(t.app, chongqing, 'GET', `/api/v1/channels/${cqChannel.id}/messages`)).json().items;
    expect(msgs[0]).toMatchObject({ kind: 'case', refId: c.id, files: [{ id: 'evidence-cq-1' }] });
    const closed = (await call(t.app, nation, 'POST', `/api/v1/supervision/cases/${c.id}/close`, { text: '整改到位', version: a.json().version })).json();
    expect(closed.status).toBe('closed');
    expect(err(await call(t.app, nation, 'POST', `/api/v1/supervision/cases/${c.id}/reopen`, { text: 'x', version: closed.version }))).toEqual([409, 'CASE_STATE']);
    const letter = await call(t.app, chongqing, 'GET', `/api/v1/supervision/cases/${c.id}/letter`);
    expect(letter.headers['content-type']).toContain('text/html');
    expect(letter.body).toContain('重庆市');
    expect(letter.body).toContain(c.number);
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('entity', '=', 'case').where('entity_id', '=', String(c.id)).execute();
    expect(audit.map((x) => x.action)).toEqual(['supervision.case.open', 'supervision.case.answer', 'supervision.case.close']);
  });

  it('an open case past its day climbs one rung by rule; praise is closed when issued; HTML in reasons stays text', async () => {
    const c = (await call(t.app, zhejiang, 'POST', '/api/v1/supervision/cases', { type: 'reminder', targetRegion: '330300', reasons: '<script>alert(1)</script>名录增补未完成', dueOn: today() })).json();
    await t.ctx.db.updateTable('supervision_cases').set({ due_on: addDays(today(), -1) }).where('id', '=', c.id).execute();
    expect(await escalateOverdue(t.ctx.db, true)).toBeGreaterThanOrEqual(1);
    const old = (await call(t.app, zhejiang, 'GET', `/api/v1/supervision/cases/${c.id}`)).json();
    expect(old.status).toBe('escalated');
    const next = (await call(t.app, zhejiang, 'GET', '/api/v1/supervision/cases?direction=issued&status=open')).json().items.find((x: { escalatedFrom: number }) => x.escalatedFrom === c.id);
    expect(next).toMatchObject({ type: 'letter', target: { code: '330300' }, dueOn: addDays(today(), 14) });
    const letter = await call(t.app, zhejiang, 'GET', `/api/v1/supervision/cases/${c.id}/letter`);
    expect(letter.body).not.toContain('<script>alert');
    expect(letter.body).toContain('&lt;script&gt;');
    const praise = (await call(t.app, zhejiang, 'POST', '/api/v1/supervision/cases', { type: 'praise', targetRegion: '330300', reasons: '名录增补完成率全省第一' })).json();
    expect(praise).toMatchObject({ status: 'closed', number: expect.stringMatching(/^表扬〔/) });
  });

  it('a briefing\'s blocks show the figures as of its day', async () => {
    const b = await call(t.app, zhejiang, 'POST', '/api/v1/supervision/briefings', {
      title: '浙江省普查简报', asOf: today(), blocks: [{ kind: 'text', text: '各地进展如下。' }, { kind: 'table', metrics: ['inventory.confirmed', 'lagScore'] }, { kind: 'chart', metric: 'progress', region: '330300' }],
    });
    expect(b.statusCode).toBe(201);
    const v = b.json();
    expect(v.data[0]).toBeNull();
    expect(v.data[1].rows.length).toBe(11); // 浙江's prefectures
    expect(v.data[1].rows.find((r: { code: string }) => r.code === '330300').values['inventory.confirmed']).toBeGreaterThan(0);
    expect(v.data[2].region.code).toBe('330300');
    expect(err(await call(t.app, zhejiang, 'POST', '/api/v1/supervision/briefings', { title: 'x', asOf: today(), blocks: [{ kind: 'chart', metric: 'progress', region: '500000' }] }))).toEqual([404, 'REGION_NOT_FOUND']);
    const pub = await call(t.app, zhejiang, 'POST', `/api/v1/supervision/briefings/${v.id}/publish`, { version: v.version });
    expect(pub.json()).toMatchObject({ status: 'published', number: 1 });
  });

  it('serves the boundaries of the nation and of a province with official codes; none below', async () => {
    const china = (await call(t.app, zhejiang, 'GET', '/api/v1/geo/100000'));
    expect(china.statusCode).toBe(404); // the nation is outside a province's scope
    const n = (await call(t.app, nation, 'GET', '/api/v1/geo/100000')).json();
    const codes = n.features.map((f: { properties: { code: string } }) => f.properties.code);
    expect(codes).toContain('330000');
    expect(n.features.find((f: { properties: { code: string } }) => f.properties.code === '330000').properties.name).toBe('浙江省');
    const z = (await call(t.app, zhejiang, 'GET', '/api/v1/geo/330000')).json();
    expect(z.features.map((f: { properties: { code: string } }) => f.properties.code).sort()).toEqual(['330100', '330200', '330300', '330400', '330500', '330600', '330700', '330800', '330900', '331000', '331100']);
    expect(err(await call(t.app, zhejiang, 'GET', '/api/v1/geo/330300'))).toEqual([404, 'GEO_NOT_AVAILABLE']);
  });
});
