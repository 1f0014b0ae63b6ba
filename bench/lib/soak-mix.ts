// The soak's traffic: what the console and the field app ask of a county's server, 12 reads to
// 3 writes (80 / 20) in each connection's cycle, as four demo accounts and an anonymous reader
// of the portal. Every write is a survey form saved for a source that has none of it yet.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { DEMO_PASSWORD } from '../../src/domains/demo/index.ts';
import { SET, ownIds } from './soak-setup.ts';

interface Session { cookie: string; csrf: string }

async function login(base: string, username: string): Promise<Session> {
  const res = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return { cookie: res.headers.get('set-cookie')!.split(';')[0], csrf: (await res.json()).csrfToken };
}

/** The (source, form) pairs still to be saved, source after source, each form in catalogue order. */
export class WritePool {
  private sources: number[] = [];
  private next = 0;
  add(ids: number[]) {
    this.sources.push(...ids);
  }
  get left(): number {
    return this.sources.length * SET.forms.length - this.next;
  }
  take(): { sourceId: number; form: (typeof SET.forms)[number] } | undefined {
    if (this.left <= 0) return undefined;
    const k = this.next++;
    return { sourceId: this.sources[Math.floor(k / SET.forms.length)], form: SET.forms[k % SET.forms.length] };
  }
}

export interface WindowResult {
  seconds: number;
  requests: number;
  times: number[];
  writeTimes: number[];
  /** Answer times by kind of request. */
  byKind: Record<string, number[]>;
  non2xx: Record<string, number>;
  errors: number;
}

export interface Mix {
  /** One autocannon run; `rate` caps the requests per second over all connections. */
  run(seconds: number, connections: number, rate?: number): Promise<WindowResult>;
  /** The first answer's body of each non-2xx kind, to print. */
  samples: Map<string, string>;
  /** Saves that found the pool empty (answered as a refused second save). */
  exhausted: number;
}

const SEARCHES = ['电气', '东联', '乐清', '机械', 'yueqing', '有限公司'];
const CHILDREN = ['330000', '330300', '330382', '100000'];

export async function createMix(base: string, pool: WritePool): Promise<Mix> {
  const province = await login(base, 'zhejiang'); // 浙江省普查办
  const county = await login(base, 'yueqing'); // 乐清市普查办: browses and saves forms
  const reviewer = await login(base, 'yq-reviewer');
  const taker = await login(base, 'yq-enumerator'); // 普查员, the field app
  const samples = new Map<string, string>();
  const mix: Mix = { run, samples, exhausted: 0 };

  let counter = 0;
  const save = {
    method: 'PUT' as const,
    headers: { cookie: county.cookie, 'x-csrf-token': county.csrf, 'content-type': 'application/json' },
    setupRequest: (req: autocannon.Request) => {
      const w = pool.take();
      // An empty pool means the run outlasted its sources: resend the last form (refused, counted).
      if (!w) mix.exhausted++;
      const { sourceId, form } = w ?? { sourceId: 0, form: SET.forms[0] };
      const body = { sourceId, form: form.form, version: form.version, answers: form.answers, status: 'submitted', baseRev: null };
      return { ...req, path: `/api/v1/submissions/${randomUUID()}`, body: ownIds(JSON.stringify(body), sourceId) };
    },
  };
  const get = (s: Session | undefined, p: string | (() => string)) => ({
    method: 'GET' as const,
    headers: s ? { cookie: s.cookie } : {},
    ...(typeof p === 'string' ? { path: p } : { setupRequest: (req: autocannon.Request) => ({ ...req, path: p() }) }),
  });
  const q = (s: string) => encodeURIComponent(s);
  const plan: Array<[string, object]> = [
    ['session', get(province, '/api/v1/session')],
    ['region children', get(province, () => `/api/v1/regions/${CHILDREN[counter++ % CHILDREN.length]}/children`)],
    ['sources list', get(county, '/api/v1/sources?limit=50')],
    ['save form', save],
    ['sources search', get(county, () => `/api/v1/sources?limit=50&q=${q(SEARCHES[counter++ % SEARCHES.length])}`)],
    ['review queue', get(reviewer, '/api/v1/review/queue?limit=50')],
    ['review summary', get(reviewer, '/api/v1/review/queue/summary')],
    ['accounting totals', get(province, '/api/v1/accounting/totals')],
    ['save form', save],
    ['supervision progress', get(province, '/api/v1/supervision/progress')],
    ['portal home', get(undefined, '/')],
    ['portal article', get(undefined, '/news/census-work-fully-launched')],
    ['field packages', get(taker, '/api/v1/inventory/packages/mine')],
    ['save form', save],
    ['field records', get(taker, '/api/v1/inventory/records?limit=50')],
  ];

  // One probe of each: a refused request would otherwise only show as a count.
  for (const [kind, r] of plan) {
    const req = r as { method: string; path?: string; headers: Record<string, string>; setupRequest?: (q: autocannon.Request) => autocannon.Request };
    const built = req.setupRequest ? req.setupRequest({ method: req.method, path: '/', headers: req.headers } as autocannon.Request) : req;
    const res = await fetch(base + built.path, { method: req.method, headers: req.headers, body: (built as { body?: string }).body });
    if (!res.ok) throw new Error(`${kind} ${built.path}: ${res.status} ${(await res.text()).slice(0, 300)}`);
  }

  async function run(seconds: number, connections: number, rate?: number): Promise<WindowResult> {
    const out: WindowResult = { seconds, requests: 0, times: [], writeTimes: [], byKind: {}, non2xx: {}, errors: 0 };
    // onResponse runs just before the client's 'response' event for the same answer (autocannon's
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
      url: base, connections, duration: seconds, ...(rate ? { overallRate: rate } : {}), requests,
      setupClient: (client) => client.on('response', (_status: number, _bytes: number, ms: number) => {
        out.times.push(ms);
        (out.byKind[lastKind] ??= []).push(ms);
        if (lastKind === 'save form') out.writeTimes.push(ms);
      }),
    });
    out.requests = out.times.length;
    out.errors = r.errors;
    return out;
  }
  return mix;
}
