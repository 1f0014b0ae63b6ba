// `npm run bench`: every benchmark of bench/lib/registry.ts one after another, each as its own
// child process (its output shown as it runs and kept in bench/out/all-<date>/<name>.log), its
// BENCH_RESULT line collected, then the generated summary of docs/benchmarks.md rewritten between
// its markers (the hand-written sections stay). A bench that fails, times out or is skipped shows so.
// Usage: npm run bench [-- --only a,b] [--skip c] [--quick] [--timeout-min 90] [--dry (no docs write)]
//        [--merge bench/out/all-… (a bench not run now keeps that run's outcome, marked †)]
//        [--<bench>-args "…" (to that bench only, before --quick's sizes, so they win)]
//        [any other option: passed to every bench, e.g. --db postgres]
// (DATABASE_URL set → PostgreSQL benches run; without it those are skipped)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { parseResults } from './lib/result.ts';
import { BENCHES } from './lib/registry.ts';
import { mergeOutcomes, renderSummary, replaceBetweenMarkers, type Machine, type Outcome } from './lib/summary.ts';

const args = process.argv.slice(2);
// Options of all.ts itself (each with its value), never passed on.
const OWN = new Set(['--only', '--skip', '--timeout-min', '--merge', ...args.filter((a) => /^--[a-z]+-args$/.test(a))]);
const value = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const list = (name: string) => (value(name) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const passThrough = args.filter((a, i) => !OWN.has(a) && !OWN.has(args[i - 1]) && a !== '--quick' && a !== '--dry');
const only = list('--only');
const skip = list('--skip');
const quick = args.includes('--quick');
const timeoutMs = Number(value('--timeout-min') ?? 90) * 60_000;
const unknown = [...only, ...skip].filter((n) => !BENCHES.some((b) => b.name === n));
if (unknown.length) throw new Error(`no bench named ${unknown.join(', ')}; known: ${BENCHES.map((b) => b.name).join(', ')}`);

const root = path.resolve(import.meta.dirname, '..');
const startedAt = new Date();
const outDir = path.join(import.meta.dirname, 'out', `all-${startedAt.toISOString().replace(/[:.]/g, '-')}`);
fs.mkdirSync(outDir, { recursive: true });

async function postgresVersion(): Promise<string | undefined> {
  if (!process.env.DATABASE_URL) return undefined;
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  try {
    await c.connect();
    return String((await c.query('SHOW server_version')).rows[0].server_version).split(' ')[0];
  } catch {
    return undefined;
  } finally {
    await c.end().catch(() => {});
  }
}

/** Runs one bench; answers its exit status (or a timeout) and the whole output. */
function runChild(nodeArgs: string[], file: string, benchArgs: string[], logFile: string): Promise<{ code: number | null; timedOut: boolean; output: string }> {
  return new Promise((resolve) => {
    // Its own process group, so a timeout ends the bench's server processes with it.
    const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join('bench', file), ...benchArgs], { cwd: root, env: process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const log = fs.createWriteStream(logFile);
    let output = '';
    let timedOut = false;
    const take = (to: NodeJS.WriteStream) => (b: Buffer) => {
      output += b.toString();
      log.write(b);
      to.write(b);
    };
    child.stdout.on('data', take(process.stdout));
    child.stderr.on('data', take(process.stderr));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      log.end();
      resolve({ code, timedOut, output });
    });
  });
}

const lastLine = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('at ')).slice(-1)[0]?.slice(0, 200) ?? '';

const loadBefore = os.loadavg();
const outcomes: Outcome[] = [];
for (const spec of BENCHES) {
  // A bench reads the first occurrence of an option: its own arguments first, then --quick's.
  const own = (value(`--${spec.name}-args`) ?? '').split(/\s+/).filter(Boolean);
  const benchArgs = [...own, ...(quick ? spec.quick ?? [] : []), ...passThrough];
  const command = `npm run bench:${spec.name}${benchArgs.length ? ` -- ${benchArgs.join(' ')}` : ''}`;
  const o: Outcome = { name: spec.name, command, status: 'skipped' };
  outcomes.push(o);
  if (only.length && !only.includes(spec.name)) o.reason = 'not in --only';
  else if (skip.includes(spec.name)) o.reason = '--skip';
  else if (!fs.existsSync(path.join(import.meta.dirname, spec.file))) o.status = 'not present';
  else if (spec.postgres && !process.env.DATABASE_URL) o.reason = 'needs DATABASE_URL (a PostgreSQL server)';
  else {
    console.log(`\n=== ${command}   (load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')})`);
    const t = Date.now();
    const r = await runChild(spec.nodeArgs ?? [], spec.file, benchArgs, path.join(outDir, `${spec.name}.log`));
    o.seconds = (Date.now() - t) / 1000;
    o.result = parseResults(r.output).filter((x) => x.name === spec.name).pop();
    if (r.timedOut) Object.assign(o, { status: 'failed', reason: `timed out after ${timeoutMs / 60_000} min` });
    else if (r.code !== 0) Object.assign(o, { status: 'failed', reason: `exit ${r.code}: ${lastLine(r.output)}` });
    else if (!o.result) Object.assign(o, { status: 'failed', reason: 'no BENCH_RESULT line' });
    else o.status = 'ok';
  }
  if (o.status !== 'ok') console.log(`--- ${spec.name}: ${o.status}${o.reason ? ` (${o.reason})` : ''}`);
}

const machine: Machine = {
  cpu: os.cpus()[0].model, cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version.slice(1),
  postgres: await postgresVersion(), loadBefore, loadAfter: os.loadavg(),
};
const merge = value('--merge');
const shown = merge ? mergeOutcomes(outcomes, JSON.parse(fs.readFileSync(path.join(merge, 'results.json'), 'utf8'))) : outcomes;
const invocation = ['npm run bench', ...(args.length ? ['--', ...args.map((a) => (/\s/.test(a) ? `"${a}"` : a))] : [])].join(' ');
const summary = renderSummary(machine, startedAt, shown, BENCHES, invocation);
fs.writeFileSync(path.join(outDir, 'summary.md'), summary + '\n');
fs.writeFileSync(path.join(outDir, 'results.json'), JSON.stringify({ startedAt, machine, outcomes: shown, invocation }, null, 1));
console.log(`\n${summary}\n`);
if (!args.includes('--dry')) {
  const docs = path.join(root, 'docs', 'benchmarks.md');
  fs.writeFileSync(docs, replaceBetweenMarkers(fs.readFileSync(docs, 'utf8'), summary));
  console.log(`summary written to docs/benchmarks.md; logs in ${path.relative(root, outDir)}`);
}
if (outcomes.some((o) => o.status === 'failed')) process.exitCode = 1;
