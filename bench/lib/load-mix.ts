// The national load test's traffic: what the offices of every level ask of the national server
// in a working day, 16 reads to 2 survey saves in each connection's cycle. The accounts and the
// sources the saves fill are made by load-setup.ts; searches use names found in the data.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { SET, ownIds } from './soak-setup.ts';
import type { WritePool } from './soak-mix.ts';

export const LOAD_PASSWORD = 'Bench2018x';
/** The accounts of the mix: username → role and region (浙江省 → 温州市 → 乐清市, the national office). */
export const LOAD_USERS = [
  { username: 'load-nation', role: 'national-office', region: '100000' },
  { username: 'load-province', role: 'regional-office', region: '330000' },
  { username: 'load-city', role: 'regional-office', region: '330300' },
  { username: 'load-county', role: 'regional-office', region: '330382' },
  { username: 'load-reviewer', role: 'reviewer', region: '330382' },
] as const;
export const COUNTY = '330382';

interface Session { cookie: string; csrf: string }

async function login(base: string, username: string): Promise<Session> {
  const res = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: LOAD_PASSWORD }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return { cookie: res.headers.get('set-cookie')!.split(';')[0], csrf: (await res.json()).csrfToken };
}

export interface StepResult {
  seconds: number;
  times: number[];
  byKind: Record<string, number[]>;
  non2xx: Record<string, number>;
  errors: number;
  timeouts: number;
}

export interface LoadMix {
  kinds: string[];
  run(seconds: number, connections: number): Promise<StepResult>;
  samples: Map<string, string>;
}

/** `nationTerms` / `countyTerms`: parts of real names in the nation and in the county, searched in turn. */
export async function createLoadMix(base: string, pool: WritePool, nationTerms: string[], countyTerms: string[]): Promise<LoadMix> {
  const [nation, province, city, county, reviewer] = await Promise.all(LOAD_USERS.map((u) => login(base, u.username)));
  const samples = new Map<string, string>();
  let counter = 0;
  const rotate = (xs: string[]) => xs[counter++ % xs.length];
  const q = encodeURIComponent;
  const save = {
    method: 'PUT' as const,
    headers: { cookie: county.cookie, 'x-csrf-token': county.csrf, 'content-type': 'application/json' },
    setupRequest: (req: autocannon.Request) => {
      // An empty pool resends a form already saved (refused, counted as non-2xx).
      const { sourceId, form } = pool.take() ?? { sourceId: 0, form: SET.forms[0] };
      const body = { sourceId, form: form.form, version: form.version, answers: form.answers, status: 'draft', baseRev: null };
      return { ...req, path: `/api/v1/submissions/${randomUUID()}`, body: ownIds(JSON.stringify(body), sourceId) };
    },
  };
  const get = (s: Session, p: string | (() => string)) => ({
    method: 'GET' as const,
    headers: { cookie: s.cookie },
    ...(typeof p === 'string' ? { path: p } : { setupRequest: (req: autocannon.Request) => ({ ...req, path: p() }) }),
  });
  const plan: Array<[string, object]> = [
    ['county: session', get(county, '/api/v1/session')],
    ['province: region children', get(province, () => `/api/v1/regions/${rotate(['330000', '330300', '330382', '100000'])}/children`)],
    ['county: sources page', get(county, '/api/v1/sources?limit=50')],
    ['county: sources search', get(county, () => `/api/v1/sources?limit=50&q=${q(rotate(countyTerms))}`)],
    ['county: save draft', save],
    ['nation: sources search', get(nation, () => `/api/v1/sources?limit=50&q=${q(rotate(nationTerms))}`)],
    ['nation: inventory progress', get(nation, '/api/v1/inventory/progress')],
    ['province: inventory progress', get(province, '/api/v1/inventory/progress')],
    ['nation: accounting totals', get(nation, '/api/v1/accounting/totals')],
    ['province: accounting totals', get(province, '/api/v1/accounting/totals')],
    ['nation: supervision ranking', get(nation, '/api/v1/supervision/progress')],
    ['province: supervision ranking', get(province, '/api/v1/supervision/progress')],
    ['county: review queue', get(reviewer, '/api/v1/review/queue?limit=50')],
    ['county: review summary', get(reviewer, '/api/v1/review/queue/summary')],
    ['county: save draft', save],
    ['city: sources page', get(city, '/api/v1/sources?limit=50')],
    ['county: inventory progress', get(county, '/api/v1/inventory/progress')],
    ['city: accounting totals', get(city, '/api/v1/accounting/totals')],
  ];

  // One probe of each first: a refused request would otherwise only show as a count.
  for (const [kind, r] of plan) {
    const req = r as { method: string; path?: string; headers: Record<string, string>; setupRequest?: (x: autocannon.Request) => autocannon.Request };
    const built = req.setupRequest ? req.setupRequest({ method: req.method, path: '/', headers: req.headers } as autocannon.Request) : req;
    const res = await fetch(base + built.path, { method: req.method, headers: req.headers, body: (built as { body?: string }).body });
    if (!res.ok) throw new Error(`${kind} ${built.path}: ${res.status} ${(await res.text()).slice(0, 300)}`);
  }

  async function run(seconds: number, connections: number): Promise<StepResult> {
    const out: StepResult = { seconds, times: [], byKind: {}, non2xx: {}, errors: 0, timeouts: 0 };
    // onResponse runs just before the client's 'response' event of the same answer (autocannon's
    // httpClient), so the kind it notes is the one that event's time belongs to.
    let lastKind = '';
    const requests = plan.map(([kind, r]) => ({
      ...r,
      onResponse: (status: number, body: string) => {
        lastKind = kind;
        if (status < 200 || status > 299) {
          const key = `${kind} ${status}`;
          out.non2xx[key] = (out.non2xx[key] ?? 0) + 1;
          if (!samples.has(key)) samples.set(key, body.slice(0, 300));
        }
      },
    })) as autocannon.Request[];
    const r = await autocannon({
      url: base, connections, duration: seconds, timeout: 10, requests,
      setupClient: (client) => client.on('response', (_status: number, _bytes: number, ms: number) => {
        out.times.push(ms);
        (out.byKind[lastKind] ??= []).push(ms);
      }),
    });
    out.errors = r.errors;
    out.timeouts = r.timeouts;
    return out;
  }
  return { kinds: [...new Set(plan.map(([k]) => k))], run, samples };
}
