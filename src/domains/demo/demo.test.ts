import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { databaseKinds } from '../../../test/helpers/databases.ts';
import { DEMO_USERS } from './demo-data.ts';
import { DEMO_SURVEY_SETS, DEMO_SURVEY_SOURCES } from './demo-survey-sets.ts';

describe.each(databaseKinds())('demo census on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('reloads through the API as a job: every account logs in again, the directory is matched with pairs left to review', async () => {
    const nation = await login(t.app, 'nation');
    const res = await call(t.app, nation, 'POST', '/api/v1/demo');
    expect(res.statusCode).toBe(202);
    await t.ctx.jobs.drain();
    const job = (await call(t.app, nation, 'GET', `/api/v1/jobs/${res.json().job.id}`)).json();
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ users: DEMO_USERS.length, directoryMatchJob: expect.any(Number) });
    for (const u of DEMO_USERS) await login(t.app, u.username);

    const yueqing = await login(t.app, 'yueqing');
    const registers = (await call(t.app, yueqing, 'GET', '/api/v1/registers')).json().items;
    expect(registers.map((r: { department: string }) => r.department).sort()).toEqual(['mee', 'samr', 'stats', 'tax']);
    const match = (await call(t.app, nation, 'GET', `/api/v1/jobs/${job.result.directoryMatchJob}`)).json();
    expect(match.status).toBe('succeeded');
    // Four departments' rows (about three per firm) fold into far fewer sources.
    expect(match.result.sourcesCreated).toBeGreaterThan(100);
    expect(match.result.sourcesCreated).toBeLessThan(match.result.rowsRead / 2);
    const queue = (await call(t.app, yueqing, 'GET', '/api/v1/directory/candidates?limit=100')).json().items;
    expect(queue.length).toBeGreaterThan(0);

    // The inventory of 乐清市 (a job after matching): 25 townships with zones, 12 finished, disputes to settle.
    const progress = (await call(t.app, yueqing, 'GET', '/api/v1/inventory/progress?region=330382')).json();
    const towns = progress.rows.filter((r: { level: string }) => r.level === 'township');
    expect(towns).toHaveLength(25);
    const finished = towns.filter((r: { sources: number; completion: number }) => r.sources > 0 && r.completion === 1);
    expect(finished).toHaveLength(12);
    expect(progress.total.disputed).toBeGreaterThan(0);
    expect(progress.total.confirmed).toBeGreaterThan(progress.total.disputed);
    expect(Object.keys(progress.total.byState).sort()).toEqual(['added', 'closed', 'deleted', 'normal', 'suspended', 'to-verify']);
    const teams = (await call(t.app, yueqing, 'GET', '/api/v1/teams?limit=100')).json().items;
    expect(teams.filter((x: { kind: string }) => x.kind === 'paired').length).toBeGreaterThanOrEqual(7);
    const taker = await login(t.app, 'yq-enumerator');
    const mine = (await call(t.app, taker, 'GET', '/api/v1/inventory/packages/mine')).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0].visited).toBeLessThan(mine[0].sources);

    // Reloading again keeps the registers (no second copy).
    const again = await call(t.app, nation, 'POST', '/api/v1/demo');
    await t.ctx.jobs.drain();
    expect((await call(t.app, nation, 'GET', `/api/v1/jobs/${again.json().job.id}`)).json().result).toMatchObject({ directoryMatchJob: null, followUpJobs: [] });
    expect((await call(t.app, yueqing, 'GET', '/api/v1/registers')).json().items).toHaveLength(4);
  });

  it('holds the survey demo: three units with their submission sets, warnings explained, one blocking draft; yq-respondent reaches its own unit only', async () => {
    // Loaded by the test above; loading again queues nothing more, so this test also stands alone.
    const nation = await login(t.app, 'nation');
    expect((await call(t.app, nation, 'POST', '/api/v1/demo')).statusCode).toBe(202);
    await t.ctx.jobs.drain();
    const jobs = await t.ctx.db.selectFrom('jobs').select(['status', 'result']).where('kind', '=', 'demo.survey').execute();
    expect(jobs.map((j) => j.status)).toEqual(['succeeded']);

    const yueqing = await login(t.app, 'yueqing');
    const ids: Record<string, number> = {};
    let submitted = 0;
    let drafts = 0;
    let explained = 0;
    const blockingDrafts: Array<{ id: string; form: string; sourceId: number }> = [];
    for (const s of DEMO_SURVEY_SOURCES) {
      const src = await t.ctx.db.selectFrom('sources').select(['id', 'region_code', 'category', 'industry_code']).where('credit_code', '=', s.creditCode).where('state', '=', 'active').executeTakeFirstOrThrow();
      expect(src).toMatchObject({ region_code: s.regionCode, category: s.category, industry_code: s.industryCode });
      const id = Number(src.id);
      ids[s.key] = id;
      // Inventoried normal and confirmed in its township's zone, so it goes on to the survey.
      const survey = (await call(t.app, yueqing, 'GET', `/api/v1/sources/${id}/survey`)).json();
      expect(survey.source).toMatchObject({ regionCode: s.regionCode, inventoryState: 'normal', surveyed: true });
      const record = await t.ctx.db.selectFrom('inventory_records').select(['confirmation', 'zone_id']).where('source_id', '=', id).executeTakeFirstOrThrow();
      expect(record.confirmation).toBe('confirmed');
      expect(record.zone_id).not.toBeNull();
      // Every defined form the unit must fill has its submission: the set is complete.
      const required = survey.forms.filter((f: { status: string; defined: boolean }) => f.status === 'required' && f.defined);
      expect(required.map((f: { code: string }) => f.code).sort()).toEqual(DEMO_SURVEY_SETS[s.key]().map((f) => f.form).sort());
      for (const f of required) expect(f.submission, f.code).not.toBeNull();

      const items = (await call(t.app, yueqing, 'GET', `/api/v1/submissions?sourceId=${id}&limit=100`)).json().items;
      expect(items).toHaveLength(required.length);
      for (const it of items) {
        // Sent: submitted, then reviewed up the chain by the review demo (approved, or returned to its census taker).
        if (it.status !== 'draft' && it.blocking === 0) {
          submitted++;
          expect(it).toMatchObject({ ready: true, unexplained: 0 });
        } else {
          drafts++;
          if (it.blocking > 0) blockingDrafts.push({ id: it.id, form: it.form, sourceId: id });
        }
        if (it.warnings > 0 && it.unexplained === 0) explained++;
      }
    }
    expect({ submitted, drafts }).toEqual({ submitted: 18, drafts: 1 });
    expect(explained).toBeGreaterThanOrEqual(4); // the boiler's hours, powder paint's VOCs, the plating shop's treatment, the farm's manure use
    expect(blockingDrafts).toEqual([{ id: expect.any(String), form: 'G104-2', sourceId: ids.plating }]);
    const draft = (await call(t.app, yueqing, 'GET', `/api/v1/submissions/${blockingDrafts[0].id}`)).json();
    expect(draft.verdict.issues).toContainEqual(expect.objectContaining({ rule: 'G104-2.balance', path: 'wastes[0].stockEnd', severity: 'blocking' }));
    // Saved through the survey's path: a revision and an audit row each.
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('entity', '=', 'submission')
      .where('entity_id', 'in', (await t.ctx.db.selectFrom('submissions').select('id').where('source_id', 'in', Object.values(ids)).execute()).map((r) => r.id)).execute();
    expect(audit.filter((a) => a.action === 'survey.submit')).toHaveLength(18);
    expect(audit.filter((a) => a.action === 'survey.save')).toHaveLength(1);

    // The demo respondent is the electrical maker's, in 城东街道, and sees its forms — and nobody else's.
    const resp = await login(t.app, 'yq-respondent');
    const own = await call(t.app, resp, 'GET', `/api/v1/sources/${ids.electrical}/survey`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().source.regionCode).toBe('330382001');
    expect(own.json().forms.filter((f: { submission: { status: string } | null }) => f.submission && f.submission.status !== 'draft')).toHaveLength(DEMO_SURVEY_SETS.electrical().length);
    expect(own.json().confirmation).toMatchObject({ by: 'yq-respondent', legalRep: '郑立新' });
    for (const other of [ids.plating, ids.farm]) expect((await call(t.app, resp, 'GET', `/api/v1/sources/${other}/survey`)).statusCode).toBe(404);
    const mine = (await call(t.app, resp, 'GET', '/api/v1/submissions?limit=100')).json().items;
    expect(new Set(mine.map((x: { sourceId: number }) => x.sourceId))).toEqual(new Set([ids.electrical]));
  });

  it('holds the review demo: forms at every level of the chain, one sent back to the agency\'s census taker, 乐清市 re-checked by 温州市', async () => {
    await t.ctx.jobs.drain();
    const jobs = await t.ctx.db.selectFrom('jobs').select(['status']).where('kind', '=', 'demo.review').execute();
    expect(jobs.map((j) => j.status)).toEqual(['succeeded']);
    const levels = await t.ctx.db.selectFrom('submissions').select(['review_level', 'status']).where('region_code', 'like', '330382%').execute();
    const at = new Set(levels.map((l) => l.review_level));
    for (const l of ['enumerator', 'instructor', 'county', 'city', 'province', 'nation']) expect(at, l).toContain(l);
    const agency = await login(t.app, 'yq-agency');
    const back = (await call(t.app, agency, 'GET', '/api/v1/review/returned')).json().items;
    expect(back).toHaveLength(1);
    expect(back[0]).toMatchObject({ form: 'G101-2', review: { returnedFrom: 'county', reason: expect.any(String), comments: [{ path: expect.any(String) }], by: 'yq-reviewer' } });
    const wenzhou = await login(t.app, 'wenzhou');
    const samples = (await call(t.app, wenzhou, 'GET', '/api/v1/review/samples?region=330382')).json().items;
    expect(samples).toMatchObject([{ phase: 'inventory', regionCode: '330382', size: 6, checked: 6 }]);
    const phase = (await call(t.app, await login(t.app, 'yueqing'), 'GET', '/api/v1/review/phases/inventory')).json();
    expect(phase.blockers.map((b: { code: string }) => b.code)).toContain('error-rate');
  });
  it('holds the demo portal: the source article in both languages, notices, briefings, links and a provisional results page of 乐清市', async () => {
    const nation = await login(t.app, 'nation');
    if (!(await t.ctx.db.selectFrom('portal_stories').select('id').limit(1).executeTakeFirst())) {
      await call(t.app, nation, 'POST', '/api/v1/demo');
    }
    await t.ctx.jobs.drain();
    const jobs = await t.ctx.db.selectFrom('jobs').select(['status']).where('kind', '=', 'demo.portal').execute();
    expect(jobs.map((j) => j.status)).toEqual(['succeeded']);
    const rows = await t.ctx.db.selectFrom('portal_articles as a').innerJoin('portal_stories as s', 's.id', 'a.story_id')
      .select(['s.slug', 's.section', 's.dataset_id', 'a.lang', 'a.status', 'a.title', 'a.published_at', 'a.submitted_by']).orderBy('s.id').orderBy('a.lang', 'desc').execute();
    expect(rows.every((r) => r.status === 'published')).toBe(true);
    const counts: Record<string, number> = {};
    for (const r of rows) counts[r.section] = (counts[r.section] ?? 0) + 1;
    expect(counts).toEqual({ news: 2, notices: 6, briefings: 4, results: 2 });
    const first = rows.filter((r) => r.slug === 'census-work-fully-launched');
    expect(first.map((r) => [r.lang, r.title])).toEqual([['zh', '第二次全国污染源普查工作全面启动'], ['en', 'The Second National Pollution Source Census is fully under way']]);
    expect(new Date(first[0].published_at!).toISOString().slice(0, 10)).toBe('2018-04-27');
    // the results page froze 乐清市's figures (provisional: the demo's review has none past the county yet)
    const results = rows.find((r) => r.section === 'results')!;
    const ds = await t.ctx.db.selectFrom('portal_datasets').select(['region_code', 'figures']).where('id', '=', results.dataset_id!).executeTakeFirstOrThrow();
    expect(ds.region_code).toBe('330382');
    expect(ds.figures).toMatchObject({ provisional: true, region: { code: '330382' } });
    expect(Object.keys((ds.figures as { total: Record<string, number> }).total).length).toBeGreaterThan(0);
    expect(await t.ctx.db.selectFrom('portal_links').select('id').execute()).toHaveLength(6);
    // written by the editor, approved by the national office: four eyes in the history too
    const approvals = await t.ctx.db.selectFrom('audit_log').select('actor_username').where('action', '=', 'portal.approve').execute();
    expect(new Set(approvals.map((a) => a.actor_username))).toEqual(new Set(['nation']));
  });
  it('holds the national layer of supervision: readiness as of 2018-04-20, a dispatch history, open cases and praise', async () => {
    const nation = await login(t.app, 'nation');
    if (!(await t.ctx.db.selectFrom('readiness_reports').select('id').limit(1).executeTakeFirst())) {
      await call(t.app, nation, 'POST', '/api/v1/demo');
      await t.ctx.jobs.drain();
    }
    const r = (await call(t.app, nation, 'GET', '/api/v1/supervision/readiness?asOf=2018-04-20')).json();
    expect(r.summary).toMatchObject({ regions: 32, reported: 32, leadingGroup: 32, office: 32, plan: 32, threeLevelMeetings: 10 });
    expect(r.summary.gaps.network).toBeGreaterThan(0);
    expect(r.summary.gaps.funds).toBeGreaterThan(0);
    const march = (await call(t.app, nation, 'GET', '/api/v1/supervision/readiness?asOf=2018-03-23')).json();
    expect(march.summary.plan).toBeLessThan(32);
    const jincheng = (await call(t.app, nation, 'GET', '/api/v1/supervision/readiness/140500')).json();
    expect(jincheng.current.fundsBudgeted).toBe(28_000_000);
    const list = (await call(t.app, nation, 'GET', '/api/v1/supervision/dispatches?status=published')).json().items;
    expect(list.map((d: { asOf: string }) => d.asOf)).toEqual(['2018-04-30', '2018-04-20', '2018-04-06', '2018-03-23']);
    const last = (await call(t.app, nation, 'GET', `/api/v1/supervision/dispatches/${list[1].id}`)).json();
    expect(last.figures.laggards.map((l: { code: string }) => l.code)).toContain('500000');
    const cases = (await call(t.app, nation, 'GET', '/api/v1/supervision/cases')).json().items;
    expect(cases.map((c: { type: string; target: { code: string }; status: string }) => `${c.type}:${c.target.code}:${c.status}`).sort())
      .toEqual(['letter:411600:open', 'letter:500000:open', 'praise:330000:closed', 'summons:431200:open']);
  });
  it('holds the special surveys: a drone flight over the Ou reach with suspects at every level, and three measured radioactive-mineral units, one above screening', async () => {
    const nation = await login(t.app, 'nation');
    if (!(await t.ctx.db.selectFrom('outfall_reaches').select('id').limit(1).executeTakeFirst())) await call(t.app, nation, 'POST', '/api/v1/demo');
    await t.ctx.jobs.drain();
    expect((await t.ctx.db.selectFrom('jobs').select('status').where('kind', '=', 'demo.outfalls').execute()).map((j) => j.status)).toEqual(['succeeded']);
    const yueqing = await login(t.app, 'yueqing');
    const progress = (await call(t.app, yueqing, 'GET', '/api/v1/outfalls/progress')).json();
    expect(progress.totals).toMatchObject({ total: 8, suspect: 4, confirmed: 1, verified: 1, rejected: 1, hard: 1 });
    const images = (await call(t.app, yueqing, 'GET', '/api/v1/outfalls/images')).json().items;
    expect(images).toHaveLength(3);
    expect(images.every((i: { position: { lat: number } | null; takenAt: string | null }) => i.position && i.takenAt)).toBe(true);
    const thumb = await call(t.app, yueqing, 'GET', images[0].thumbUrl);
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    // from 城东街道 the bay's two suspects come first, then the Ou's open points
    const near = (await call(t.app, yueqing, 'GET', '/api/v1/outfalls/near?lat=28.1127&lng=120.9673')).json().items;
    expect(near.map((o: { state: string }) => o.state).sort()).toEqual(['hard', 'suspect', 'suspect', 'suspect', 'suspect']);
    expect(near.slice(0, 2).map((o: { regionCode: string }) => o.regionCode)).toEqual(['330382001', '330382001']);

    const list = (await call(t.app, nation, 'GET', '/api/v1/radioactive/enterprises?region=330300')).json().items;
    expect(list.map((e: { name: string; stage: string }) => `${e.name}:${e.stage}`).sort()).toEqual([
      '永嘉县岩坦钼矿有限公司:measured', '泰顺县瓯锆新材料有限公司:detailed-required', '泰顺县罗阳磷化工有限公司:measured',
    ]);
    const rec = (await call(t.app, nation, 'GET', '/api/v1/radioactive/reconcile?region=330300')).json();
    expect(rec.missingFromList.map((s: { name: string }) => s.name)).toEqual(['永嘉县桥头稀土抛光粉厂']);
    expect(rec.notInInventory).toEqual([]);
  });
});
