// The soak's measurements outside autocannon: memory of the server (and of PostgreSQL's
// backends), the data's size, the machine's load; and the arithmetic of the summary.
import fs from 'node:fs';
import path from 'node:path';

/** Quantile q (0..1) of sorted numbers; undefined when there are none. */
export function quantile(sorted: number[], q: number): number | undefined {
  if (!sorted.length) return undefined;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
}

export function median(xs: number[]): number {
  return quantile([...xs].sort((a, b) => a - b), 0.5) ?? NaN;
}

/** Least-squares slope of y over x. */
export function slope(xs: number[], ys: number[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den ? num / den : 0;
}

/** A field of /proc/<pid>/status in bytes (VmRSS, RssAnon…); 0 when the process is gone. */
function statusBytes(pid: number, field: string): number {
  try {
    const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Resident memory of a process and its child processes (a `--workers` server has some). */
export function rssTree(pid: number): number {
  return statusBytes(pid, 'VmRSS') + childrenOf(pid).reduce((n, c) => n + rssTree(c), 0);
}

/**
 * PostgreSQL's backends serving one database: their count and their private memory (RssAnon).
 * VmRSS would count the shared buffers once per backend; a leak in a backend shows as anon.
 */
export function postgresBackends(dbName: string): { count: number; anon: number } {
  let count = 0;
  let anon = 0;
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    let cmd: string;
    try {
      cmd = fs.readFileSync(`/proc/${d}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    // A backend's title: "postgres: <user> <database> <client>(<port>) <state>"
    if (!cmd.startsWith('postgres: ') || !cmd.split(' ').includes(dbName)) continue;
    count++;
    anon += statusBytes(Number(d), 'RssAnon');
  }
  return { count, anon };
}

/** Bytes of the files under a folder (PGlite's data, uploads). */
export function folderBytes(dir: string): number {
  let n = 0;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    try {
      if (e.isDirectory()) n += folderBytes(p);
      else if (e.isFile()) n += fs.statSync(p).size;
    } catch {
      /* removed while walking (WAL segments come and go) */
    }
  }
  return n;
}

/** The machine's CPU counters (all cores, in ticks) from /proc/stat: busy and total. */
export function machineTicks(): { busy: number; total: number } {
  const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = f.reduce((a, b) => a + b, 0);
  return { busy: total - f[3] - (f[4] ?? 0), total }; // idle, iowait
}

export function loadAverage(): number[] {
  return fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
}

/** The server's own view of its memory and job queue, from its Prometheus endpoint. */
export async function serverMetrics(base: string): Promise<{ heapUsed: number; heapTotal: number; external: number; jobsQueued: number; eventLoopP99: number }> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const get = (name: string) => Number(text.match(new RegExp(`^${name} ([0-9.e+-]+)$`, 'm'))?.[1] ?? NaN);
  return {
    heapUsed: get('pucha_nodejs_heap_size_used_bytes'),
    heapTotal: get('pucha_nodejs_heap_size_total_bytes'),
    external: get('pucha_nodejs_external_memory_bytes'),
    jobsQueued: get('pucha_jobs\\{status="queued"\\}') || 0,
    eventLoopP99: get('pucha_nodejs_eventloop_lag_p99_seconds') * 1000,
  };
}

/** One 30-second window of the soak. Bytes as bytes, times in ms. */
export interface Window {
  /** Minutes since the soak began, at the window's end. */
  minute: number;
  at: string;
  requests: number;
  rps: number;
  p50?: number;
  p95?: number;
  p99?: number;
  max?: number;
  writeP95?: number;
  /** p95 by kind of request, to tell which one grows. */
  p95ByKind: Record<string, number>;
  /** Answers that were not 2xx, by "kind status"; and autocannon's errors (timeouts, resets). */
  non2xx: Record<string, number>;
  errors: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  eventLoopP99: number;
  /** The server process's CPU over the window, in % of one core; the whole machine's busy share (all cores, %). */
  serverCpu: number;
  machineBusy: number;
  jobsQueued: number;
  /** Sources waiting for the emissions chore (PostgreSQL: read beside the server). */
  dirty?: number;
  dbBackends?: number;
  dbAnon?: number;
  dataBytes: number;
  load: number[];
}

const mb = (b: number | undefined) => (b === undefined || Number.isNaN(b) ? '—' : (b / 1048576).toFixed(0));
const ms = (x: number | undefined) => (x === undefined ? '—' : x.toFixed(x < 10 ? 1 : 0));
const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

export const LIVE_HEADER = `${'min'.padStart(5)} ${'req/s'.padStart(6)} ${'p50'.padStart(6)} ${'p95'.padStart(6)} ${'p99'.padStart(6)} ${'wr p95'.padStart(6)} ${'RSS MB'.padStart(7)} ${'heap'.padStart(5)} ${'ext'.padStart(5)} ${'DB MB'.padStart(6)} ${'data MB'.padStart(7)} ${'dirty'.padStart(6)} ${'non2xx'.padStart(6)} ${'err'.padStart(4)} ${'CPU%'.padStart(5)} ${'busy%'.padStart(5)}  load`;

export function liveLine(w: Window): string {
  return `${w.minute.toFixed(1).padStart(5)} ${w.rps.toFixed(0).padStart(6)} ${ms(w.p50).padStart(6)} ${ms(w.p95).padStart(6)} ${ms(w.p99).padStart(6)} ${ms(w.writeP95).padStart(6)} ${mb(w.rss).padStart(7)} ${mb(w.heapUsed).padStart(5)} ${mb(w.external).padStart(5)} ${mb(w.dbAnon).padStart(6)} ${mb(w.dataBytes).padStart(7)} ${String(w.dirty ?? '—').padStart(6)} ${String(sum(w.non2xx)).padStart(6)} ${String(w.errors).padStart(4)} ${w.serverCpu.toFixed(0).padStart(5)} ${w.machineBusy.toFixed(0).padStart(5)}  ${w.load.map((x) => x.toFixed(1)).join(' ')}`;
}

/** A markdown table of every `every`-th window (and the last), for docs/benchmarks.md. */
export function markdownTable(windows: Window[], every: number, postgres: boolean): string {
  const rows = windows.filter((_, i) => (i + 1) % every === 0 || i === windows.length - 1);
  const head = ['minute', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'write p95 ms', 'server RSS MB', 'heap used MB', 'external MB', ...(postgres ? ['PostgreSQL backends MB (anon)'] : []), 'data MB', 'non-2xx', 'server CPU % of a core', 'machine busy %', 'load (1 min)'];
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map((h) => (h === 'minute' ? '---:' : '---:')).join(' | ')} |`];
  for (const w of rows) {
    lines.push(`| ${[w.minute.toFixed(1), w.rps.toFixed(0), ms(w.p50), ms(w.p95), ms(w.p99), ms(w.writeP95), mb(w.rss), mb(w.heapUsed), mb(w.external), ...(postgres ? [mb(w.dbAnon)] : []), mb(w.dataBytes), String(sum(w.non2xx) + w.errors), w.serverCpu.toFixed(0), w.machineBusy.toFixed(0), w.load[0].toFixed(1)].join(' | ')} |`);
  }
  return lines.join('\n');
}

export interface Summary {
  edgeWindows: number;
  firstRss: number;
  lastRss: number;
  rssGrowth: number;
  firstP95: number;
  lastP95: number;
  firstHeap: number;
  lastHeap: number;
  /** The server's CPU per answer (ms): latency on a shared machine is mostly the others' load; this is the server's own cost. */
  firstCpuPerRequest: number;
  lastCpuPerRequest: number;
  rssSlopePer10Min: number;
  heapSlopePer10Min: number;
  p95SlopePer10Min: number;
  non2xx: Record<string, number>;
  errors: number;
  fiveXX: number;
  /** Median p95 of each kind of request over the first and the last windows. */
  p95ByKind: Record<string, { first: number; last: number }>;
}

/** First vs last 5 minutes (a third of a shorter run each), slopes per 10 minutes, errors. */
export function summarise(windows: Window[], windowSeconds: number): Summary {
  const edge = Math.max(1, Math.min(Math.round(300 / windowSeconds), Math.floor(windows.length / 3)));
  const first = windows.slice(0, edge);
  const last = windows.slice(-edge);
  const x = windows.map((w) => w.minute);
  const non2xx: Record<string, number> = {};
  for (const w of windows) for (const [k, n] of Object.entries(w.non2xx)) non2xx[k] = (non2xx[k] ?? 0) + n;
  const firstRss = median(first.map((w) => w.rss));
  const lastRss = median(last.map((w) => w.rss));
  const p95s = windows.filter((w) => w.p95 !== undefined);
  return {
    edgeWindows: edge,
    firstRss,
    lastRss,
    rssGrowth: (lastRss - firstRss) / firstRss,
    firstP95: median(first.map((w) => w.p95 ?? NaN).filter((v) => !Number.isNaN(v))),
    lastP95: median(last.map((w) => w.p95 ?? NaN).filter((v) => !Number.isNaN(v))),
    firstHeap: median(first.map((w) => w.heapUsed)),
    lastHeap: median(last.map((w) => w.heapUsed)),
    firstCpuPerRequest: median(first.map((w) => (w.serverCpu * 10) / w.rps)),
    lastCpuPerRequest: median(last.map((w) => (w.serverCpu * 10) / w.rps)),
    rssSlopePer10Min: slope(x, windows.map((w) => w.rss)) * 10,
    heapSlopePer10Min: slope(x, windows.map((w) => w.heapUsed)) * 10,
    p95SlopePer10Min: slope(p95s.map((w) => w.minute), p95s.map((w) => w.p95!)) * 10,
    non2xx,
    errors: windows.reduce((n, w) => n + w.errors, 0),
    p95ByKind: Object.fromEntries(Object.keys(windows[0]?.p95ByKind ?? {}).map((k) => [k, {
      first: median(first.map((w) => w.p95ByKind[k]).filter((v) => v !== undefined)),
      last: median(last.map((w) => w.p95ByKind[k]).filter((v) => v !== undefined)),
    }])),
    fiveXX: Object.entries(non2xx).filter(([k]) => / 5\d\d$/.test(k)).reduce((n, [, v]) => n + v, 0),
  };
}

export function summaryText(s: Summary, windowSeconds: number): string {
  const span = ((s.edgeWindows * windowSeconds) / 60).toFixed(1);
  return [
    `first ${span} min vs last ${span} min (medians): RSS ${mb(s.firstRss)} → ${mb(s.lastRss)} MB (${(s.rssGrowth * 100).toFixed(1)} %), heap used ${mb(s.firstHeap)} → ${mb(s.lastHeap)} MB, p95 ${ms(s.firstP95)} → ${ms(s.lastP95)} ms, server CPU per answer ${s.firstCpuPerRequest.toFixed(2)} → ${s.lastCpuPerRequest.toFixed(2)} ms`,
    `least-squares slope per 10 min: RSS ${(s.rssSlopePer10Min / 1048576).toFixed(1)} MB, heap used ${(s.heapSlopePer10Min / 1048576).toFixed(1)} MB, p95 ${s.p95SlopePer10Min.toFixed(1)} ms`,
    `p95 by request, first → last (ms): ${Object.entries(s.p95ByKind).map(([k, v]) => `${k} ${ms(v.first)} → ${ms(v.last)}`).join(', ')}`,
    `non-2xx: ${Object.keys(s.non2xx).length ? Object.entries(s.non2xx).map(([k, n]) => `${k} ×${n}`).join(', ') : 'none'}; errors (timeouts, resets): ${s.errors}; 5xx: ${s.fiveXX}`,
  ].join('\n');
}
