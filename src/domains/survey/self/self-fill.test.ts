// Enterprise self-filling end to end on both databases: an office issues a one-time code, the
// enterprise redeems it with its credit code for a respondent account that reaches its own source
// only; reuse, expiry, revocation, a wrong credit code and guessing are refused with clear codes;
// the legal representative confirms only a complete, ready set, and a later edit voids it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertInvitation } from './invitations.sql.ts';
import { call, login, startTestApp, type Session, type TestApp } from '../../../../test/helpers/app.ts';
import { validCreditCode } from '../../../../test/helpers/credit-codes.ts';
import { databaseKinds } from '../../../../test/helpers/databases.ts';
import { uploadReferenced } from '../../../../test/helpers/survey-attachments.ts';
import { exampleEnterprise } from '../forms/example-set.ts';

const SET = exampleEnterprise();
const CREDIT = validCreditCode('330382', 'MA2H7Q3K');

describe.each(databaseKinds())('enterprise self-filling on %s', (kind) => {
  let t: TestApp;
  let office: Session;
  let ent = 0;
  let other = 0;
  let resp: Session;
  let ip = 1;
  let far: Session; // an office of 北碚区, another province

  const issue = async (s: Session = office, id = ent) => call(t.app, s, 'POST', `/api/v1/sources/${id}/invitations`);
  // Each test redeems from its own address unless it means to share one (the limiter counts per address).
  const redeem = (body: object, from = `10.0.0.${ip}`) =>
    t.app.inject({ method: 'POST', url: '/api/v1/invitations/redeem', payload: body as object, remoteAddress: from });
  const account = (code: string, extra: object = {}) => ({ code, creditCode: CREDIT, username: `ent-${randomUUID().slice(0, 8)}`, password: 'Qiye2024ok', displayName: '企业填报员', ...extra });
  const auditOf = (entity: string, id: string | number) =>
    t.ctx.db.selectFrom('audit_log').select(['action', 'actor_username', 'after']).where('entity', '=', entity).where('entity_id', '=', String(id)).orderBy('id').execute();
  const errorOf = (r: { statusCode: number; json(): { error: { code: string } } }) => [r.statusCode, r.json().error.code];

  beforeAll(async () => {
    t = await startTestApp(kind, { worker: false });
    office = await login(t.app, 'yueqing');
    const source = async (name: string, creditCode?: string) => {
      const r = await call(t.app, office, 'POST', '/api/v1/sources', { regionCode: '330382', name, category: 'industrial', industryCode: SET.source.industryCode, ...(creditCode && { creditCode }) });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as number;
    };
    ent = await source('乐清市自填印染有限公司', CREDIT);
    other = await source('乐清市另一印染厂');
    await uploadReferenced(t.app, office, ent, SET.forms);
    const u = await call(t.app, await login(t.app, 'nation'), 'POST', '/api/v1/users', { username: 'bb-office', displayName: '北碚区普查办', password: 'Beibei2024', role: 'regional-office', regionCode: '500109' });
    expect(u.statusCode, u.body).toBe(201);
    far = await login(t.app, 'bb-office', 'Beibei2024');
  });
  afterAll(() => t?.close());

  it('an office issues a code shown once, stored hashed, audited without the code; others may not', async () => {
    const r = await issue();
    expect(r.statusCode, r.body).toBe(201);
    const { id, code, expiresAt } = r.json();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    const days = (new Date(expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    const row = await t.ctx.db.selectFrom('survey_invitations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.code_hash).not.toContain(code.replace('-', ''));
    const audit = await auditOf('invitation', id);
    expect(audit.map((a) => a.action)).toEqual(['invitation.issue']);
    expect(JSON.stringify(audit)).not.toContain(code.replace('-', ''));
    const list = (await call(t.app, office, 'GET', `/api/v1/sources/${ent}/invitations`)).json();
    expect(list.items[0]).toMatchObject({ id, status: 'open', createdBy: 'yueqing' });
    expect(JSON.stringify(list)).not.toContain(code.slice(0, 5));
    expect(errorOf(await issue(await login(t.app, 'yq-respondent')))).toEqual([403, 'AUTH_FORBIDDEN']);
    expect(errorOf(await issue(await login(t.app, 'yq-enumerator')))).toEqual([403, 'AUTH_FORBIDDEN']);
    expect(errorOf(await issue(office, other))).toEqual([409, 'INVITATION_NO_CREDIT_CODE']);
    expect(errorOf(await issue(far))).toEqual([404, 'SURVEY_SOURCE_NOT_FOUND']);
  });

  it('never issues a code whose hash another province holds, and keeps a code in its source\'s province', async () => {
    const first = (await issue()).json();
    const { code_hash: hash } = await t.ctx.db.selectFrom('survey_invitations').select('code_hash').where('id', '=', first.id).executeTakeFirstOrThrow();
    const cq = await call(t.app, far, 'POST', '/api/v1/sources', { regionCode: '500109', name: '北碚区自填测试厂', category: 'industrial', industryCode: SET.source.industryCode });
    expect(cq.statusCode, cq.body).toBe(201);
    const expiresAt = new Date(Date.now() + 86_400_000);
    await t.ctx.db.transaction().execute(async (trx) => {
      // the same hash in 重庆市 is refused by the write check (the key alone would take it)
      expect(await insertInvitation(trx, { sourceId: cq.json().id, regionCode: '500109', hash, expiresAt, by: null })).toBeUndefined();
      expect(await insertInvitation(trx, { sourceId: cq.json().id, regionCode: '500109', hash: 'f'.repeat(43), expiresAt, by: null })).toBeTypeOf('number');
      await trx.deleteFrom('survey_invitations').where('code_hash', '=', 'f'.repeat(43)).execute();
    });
    // a code for 乐清市's source filed under 重庆市 breaks the (province_code, source_id) key
    await expect(t.ctx.db.insertInto('survey_invitations').values({ source_id: ent, region_code: '500109', province_code: '500000', code_hash: 'e'.repeat(43), expires_at: expiresAt })
      .execute()).rejects.toThrow(/survey_invitations_source_fkey/);
    expect((await call(t.app, office, 'POST', `/api/v1/invitations/${first.id}/revoke`)).statusCode).toBeLessThan(300);
  });

  it('redeems once: the new respondent is logged in and reaches its own source only', async () => {
    ip = 2;
    const { id, code } = (await issue()).json();
    // A wrong credit code or a made-up code: the same answer, nothing created.
    expect(errorOf(await redeem(account(code, { creditCode: validCreditCode('330382', 'MA2H7Q3L') })))).toEqual([400, 'INVITATION_INVALID']);
    expect(errorOf(await redeem(account('ABCDE-FGH23')))).toEqual([400, 'INVITATION_INVALID']);
    expect(errorOf(await redeem(account('nonsense')))).toEqual([400, 'INVITATION_INVALID']);
    // A weak password or a taken username: the code stays open.
    expect(errorOf(await redeem(account(code, { password: 'short' })))).toEqual([400, 'AUTH_PASSWORD_WEAK']);
    expect(errorOf(await redeem(account(code, { username: 'yueqing' })))).toEqual([409, 'USER_USERNAME_TAKEN']);
    // Typed loosely: lower case, no hyphen, a credit code with spaces.
    const body = account(code.toLowerCase().replace('-', ' '), { creditCode: ` ${CREDIT.toLowerCase()} ` });
    const r = await redeem(body);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ username: body.username, role: 'respondent', sourceId: ent, regionCode: '330382', permissions: expect.arrayContaining(['survey.fill', 'survey.confirm']) });
    const cookie = r.cookies.find((c) => c.name === 'pucha_sid')!;
    expect(cookie.httpOnly).toBe(true);
    resp = { cookie: `pucha_sid=${cookie.value}`, csrf: r.json().csrfToken, username: body.username };
    expect((await call(t.app, resp, 'GET', '/api/v1/session')).json()).toMatchObject({ username: body.username, sourceId: ent });
    expect((await call(t.app, resp, 'GET', `/api/v1/sources/${ent}/survey`)).statusCode).toBe(200);
    expect(errorOf(await call(t.app, resp, 'GET', `/api/v1/sources/${other}/survey`))).toEqual([404, 'SURVEY_SOURCE_NOT_FOUND']);
    expect(errorOf(await call(t.app, resp, 'GET', '/api/v1/sources'))).toEqual([403, 'AUTH_FORBIDDEN']);
    const user = await t.ctx.db.selectFrom('users').select(['id', 'role', 'source_id', 'password_hash']).where('username', '=', body.username).executeTakeFirstOrThrow();
    expect([user.role, Number(user.source_id)]).toEqual(['respondent', ent]);
    expect(user.password_hash).toMatch(/^scrypt\$/);
    expect((await auditOf('invitation', id)).map((a) => [a.action, a.actor_username])).toEqual([['invitation.issue', 'yueqing'], ['invitation.redeem', body.username]]);
    expect((await auditOf('user', user.id)).map((a) => [a.action, a.actor_username])).toEqual([['user.create', body.username]]);
    // Used: said plainly to whoever has both secrets, and nothing more to anyone else.
    expect(errorOf(await redeem(account(code)))).toEqual([409, 'INVITATION_USED']);
    expect(errorOf(await redeem(account(code, { creditCode: validCreditCode('330382', 'MA2H7Q3L') })))).toEqual([400, 'INVITATION_INVALID']);
    expect((await call(t.app, office, 'GET', `/api/v1/sources/${ent}/invitations`)).json().items.find((i: { id: number }) => i.id === id)).toMatchObject({ status: 'used', usedBy: body.username });
  });

  it('an expired or revoked code is refused; too many wrong credit codes burn a code', async () => {
    ip = 3;
    const expired = (await issue()).json();
    await t.ctx.db.updateTable('survey_invitations').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', expired.id).execute();
    expect(errorOf(await redeem(account(expired.code)))).toEqual([410, 'INVITATION_EXPIRED']);

    const revoked = (await issue()).json();
    const rv = await call(t.app, office, 'POST', `/api/v1/invitations/${revoked.id}/revoke`);
    expect(rv.statusCode, rv.body).toBe(200);
    expect(rv.json()).toMatchObject({ id: revoked.id, status: 'revoked' });
    expect((await call(t.app, office, 'POST', `/api/v1/invitations/${revoked.id}/revoke`)).statusCode).toBe(200); // again: no change
    expect((await auditOf('invitation', revoked.id)).map((a) => a.action)).toEqual(['invitation.issue', 'invitation.revoke']);
    expect(errorOf(await redeem(account(revoked.code)))).toEqual([410, 'INVITATION_REVOKED']);
    expect(errorOf(await call(t.app, far, 'POST', `/api/v1/invitations/${revoked.id}/revoke`))).toEqual([404, 'INVITATION_NOT_FOUND']);

    ip = 4;
    const burnt = (await issue()).json();
    for (let i = 0; i < 5; i++) expect(errorOf(await redeem(account(burnt.code, { creditCode: validCreditCode('330382', `MA2H7Q${i}X`) })))[1]).toBe('INVITATION_INVALID');
    expect(errorOf(await redeem(account(burnt.code), '10.0.1.1'))).toEqual([410, 'INVITATION_REVOKED']);
  });

  it('an address that keeps guessing is locked out, even with a right code', async () => {
    const good = (await issue()).json();
    const from = '10.9.9.9';
    const codes: string[] = [];
    for (let i = 0; i < 10; i++) codes.push((await redeem(account(`ZZZZZ-ZZZ${'23456789AB'[i]}2`), from)).json().error.code);
    expect(codes.every((c) => c === 'INVITATION_INVALID')).toBe(true);
    const locked = await redeem(account(good.code), from);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toMatchObject({ code: 'INVITATION_LOCKED', message: { zh: expect.stringContaining('分钟'), en: expect.stringContaining('minutes') } });
    expect((await redeem(account(good.code), '10.9.9.10')).statusCode).toBe(201); // another address is not held back
  });

  it('the legal representative confirms only a complete, ready set; a later edit voids it', async () => {
    const confirm = (s: Session, body: object = {}) => call(t.app, s, 'POST', `/api/v1/sources/${ent}/survey/confirm`, { legalRep: '王建国', confirmed: true, statement: '本单位填报内容真实、准确、完整', ...body });
    // Nothing sent yet.
    const none = await confirm(resp);
    expect(errorOf(none)).toEqual([409, 'SURVEY_CONFIRM_NOT_READY']);
    expect(none.json().error.details.missing).toContainEqual({ form: 'G101-1', reason: 'missing' });
    expect((await call(t.app, resp, 'POST', `/api/v1/sources/${ent}/survey/confirm`, { legalRep: '王建国', confirmed: false })).statusCode).toBe(400);

    const ids: Record<string, string> = {};
    const items = SET.forms.map((f) => {
      ids[f.form] = randomUUID();
      return { id: ids[f.form], sourceId: ent, form: f.form, version: f.version, answers: f.answers, explanations: f.explanations ?? {}, status: 'submitted', baseRev: null };
    });
    const draftForm = items[items.length - 1];
    draftForm.status = 'draft';
    const bulk = (await call(t.app, resp, 'POST', '/api/v1/submissions/bulk', { items })).json();
    expect(bulk.results.filter((x: { ok: boolean }) => !x.ok), JSON.stringify(bulk).slice(0, 400)).toEqual([]);
    const draft = await confirm(resp);
    expect(errorOf(draft)).toEqual([409, 'SURVEY_CONFIRM_NOT_READY']);
    expect(draft.json().error.details.missing).toEqual([{ form: draftForm.form, reason: 'draft' }]);

    const put = (status: string, baseRev: number) => call(t.app, resp, 'PUT', `/api/v1/submissions/${draftForm.id}`, { ...draftForm, id: undefined, status, baseRev });
    expect((await put('submitted', 1)).statusCode).toBe(200);
    const survey = (await call(t.app, resp, 'GET', `/api/v1/sources/${ent}/survey`)).json();
    expect(survey.confirmation).toBeNull();
    const revisions = Object.fromEntries(survey.forms.filter((f: { submission: unknown }) => f.submission).map((f: { code: string; submission: { rev: number } }) => [f.code, f.submission.rev]));
    expect(errorOf(await confirm(resp, { revisions: { ...revisions, [draftForm.form]: 1 } }))).toEqual([409, 'SURVEY_CONFIRM_CHANGED']);
    const ok = await confirm(resp, { revisions });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ by: resp.username, byRole: 'respondent', legalRep: '王建国', revisions });
    expect((await confirm(resp, { revisions })).statusCode).toBe(200); // a retry records nothing new
    const shown = (await call(t.app, office, 'GET', `/api/v1/sources/${ent}/survey`)).json().confirmation;
    expect(shown).toMatchObject({ by: resp.username, legalRep: '王建国', revisions, at: expect.any(String) });
    const audit = await auditOf('source', ent);
    expect(audit.filter((a) => a.action === 'survey.confirm')).toHaveLength(1);
    expect(audit.find((a) => a.action === 'survey.confirm')!.after).toMatchObject({ legalRep: '王建国', revisions, onPaper: false });

    // The confirmation is the first step of the review chain: the forms are locked, gone up to the census taker.
    const after = (await call(t.app, office, 'GET', `/api/v1/submissions/${draftForm.id}`)).json();
    expect(after).toMatchObject({ status: 'approved', reviewLevel: 'enumerator' });
    expect(after.steps.map((x: { action: string }) => x.action)).toEqual(['submit', 'confirm']);
    expect(errorOf(await put('draft', 2))).toEqual([409, 'SURVEY_LOCKED']);
    // Unlocked by the county office, a later save (back to draft, then submitted again) voids the confirmation.
    const unlocked = await call(t.app, office, 'POST', `/api/v1/submissions/${draftForm.id}/unlock`, { reviewVersion: after.reviewVersion, reason: '请核对产值' });
    expect(unlocked.statusCode, unlocked.body).toBe(200);
    expect((await put('draft', 2)).statusCode).toBe(200);
    expect((await call(t.app, resp, 'GET', `/api/v1/sources/${ent}/survey`)).json().confirmation).toBeNull();
    expect((await put('submitted', 3)).statusCode).toBe(200);
    expect((await call(t.app, resp, 'GET', `/api/v1/sources/${ent}/survey`)).json().confirmation).toBeNull();
    // An office confirms on paper's behalf.
    const paper = await confirm(office);
    expect(paper.statusCode, paper.body).toBe(201);
    expect(paper.json()).toMatchObject({ by: 'yueqing', byRole: 'regional-office', revisions: { ...revisions, [draftForm.form]: 4 } });
    expect((await auditOf('source', ent)).filter((a) => a.action === 'survey.confirm')).toHaveLength(2);
    // The demo respondent may not confirm another unit's forms.
    expect(errorOf(await confirm(await login(t.app, 'yq-respondent')))).toEqual([404, 'SURVEY_SOURCE_NOT_FOUND']);
  });
});
