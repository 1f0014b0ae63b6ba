// The pure parts of `npm run bench`: reading BENCH_RESULT lines from a child's output, the
// summary table, and its place in docs/benchmarks.md between the markers.
import { describe, expect, it } from 'vitest';
import { emitResult, parseResults } from '../../bench/lib/result.ts';
import { END, START, mergeOutcomes, renderSummary, replaceBetweenMarkers, type Machine, type Outcome } from '../../bench/lib/summary.ts';
import { BENCHES } from '../../bench/lib/registry.ts';

const machine: Machine = { cpu: 'Test CPU', cores: 2, memoryGiB: 24, node: '20.20.2', postgres: '15.18', loadBefore: [1, 2, 3], loadAfter: [4.5, 5, 6] };
const at = new Date('2026-11-29T12:00:00.123Z');

describe('BENCH_RESULT lines', () => {
  it('reads every well-formed line among other output, in order, and skips broken ones', () => {
    const out = [
      'c=10  535 submissions/s',
      'BENCH_RESULT {"name":"ingest","rate":535,"rateUnit":"submissions/s","p95":33.1}',
      'BENCH_RESULT {"name":"ingest","rate":9', // cut off by a crash
      'BENCH_RESULT ["not", "an object"]',
      'BENCH_RESULT {"rate":1}', // no name
      '\u001b[32mBENCH_RESULT {"name":"load","rate":120}\r',
    ].join('\n');
    expect(parseResults(out)).toEqual([
      { name: 'ingest', rate: 535, rateUnit: 'submissions/s', p95: 33.1 },
      { name: 'load', rate: 120 },
    ]);
    expect(parseResults('nothing here')).toEqual([]);
  });

  it('emitResult prints a line parseResults reads back', () => {
    const lines: string[] = [];
    const log = console.log;
    console.log = (s: string) => lines.push(s);
    try {
      emitResult('portal', { median: 2.5, p95: 4.4, rate: 17000, rateUnit: 'req/s', subject: 'a | b' });
    } finally {
      console.log = log;
    }
    expect(parseResults(lines.join('\n'))).toEqual([{ name: 'portal', median: 2.5, p95: 4.4, rate: 17000, rateUnit: 'req/s', subject: 'a | b' }]);
  });
});

describe('the summary table', () => {
  const outcomes: Outcome[] = [
    { name: 'ingest', command: 'npm run bench:ingest', status: 'ok', seconds: 61, result: { name: 'ingest', rate: 851, rateUnit: 'submissions/s', median: 11, p95: 45 } },
    { name: 'portal', command: 'npm run bench:portal', status: 'ok', seconds: 30, result: { name: 'portal', rate: 1500, rateUnit: 'req/s', median: 3, p95: 25, subject: 'x | y' } },
    { name: 'engine', command: 'npm run bench:engine', status: 'ok', seconds: 3, result: { name: 'engine', median: 1.234 } },
    { name: 'directory', command: 'npm run bench:directory', status: 'skipped', reason: 'needs DATABASE_URL (a PostgreSQL server)' },
    { name: 'export', command: 'npm run bench:export', status: 'not present' },
    { name: 'field', command: 'npm run bench:field', status: 'failed', reason: 'exit 1: no Chromium' },
  ];
  const text = renderSummary(machine, at, outcomes, BENCHES, 'npm run bench -- --quick');
  const row = (name: string) => text.split('\n').find((l) => l.startsWith(`| ${name} |`))!;

  it('keeps from an earlier run only the benches this run did not run, marked † with that run\'s date and load', () => {
    const earlier = { startedAt: '2026-11-28T08:00:00.000Z', machine: { ...machine, loadBefore: [0.5, 0.5, 0.5], loadAfter: [1, 1, 1] }, outcomes: [
      { name: 'directory', command: 'npm run bench:directory', status: 'ok', seconds: 500, result: { name: 'directory', median: 1, p95: 6.5 } },
      { name: 'ingest', command: 'npm run bench:ingest', status: 'ok', seconds: 60, result: { name: 'ingest', rate: 10, rateUnit: 'submissions/s' } },
    ] as Outcome[] };
    const merged = mergeOutcomes(outcomes, earlier);
    expect(merged.find((o) => o.name === 'ingest')!.result!.rate).toBe(851); // run now: this run's
    expect(merged.find((o) => o.name === 'directory')).toMatchObject({ status: 'ok', from: { startedAt: '2026-11-28T08:00:00.000Z' } });
    const t = renderSummary(machine, at, merged, BENCHES, 'npm run bench -- --only ingest --merge x');
    expect(t).toContain('| directory † |');
    expect(t).toContain('kept from an earlier run of the same command, on the same machine: 2026-11-28T08:00:00Z (load average 0.50 0.50 0.50 before, 1.00 1.00 1.00 after)');
    expect(t).not.toContain('| ingest † |');
  });

  it('names the machine, the date, the load before and after, and the invocation', () => {
    expect(text).toContain('2026-11-29T12:00:00Z');
    expect(text).toContain('2 cores (Test CPU), 24 GiB, Node 20.20.2, PostgreSQL 15.18');
    expect(text).toContain('load average 1.00 2.00 3.00 before, 4.50 5.00 6.00 after');
    expect(text).toContain('`npm run bench -- --quick`');
  });

  it('judges each result against its goal and puts the peer beside it', () => {
    expect(row('ingest')).toContain('851 submissions/s');
    expect(row('ingest')).toContain('ODK Central: ~75 submissions/s');
    expect(row('ingest')).toContain('**met**');
    expect(row('portal')).toContain('**not met**'); // under 2,000 req/s and p95 over 20 ms
    expect(row('portal')).toContain('x \\| y'); // a pipe in a cell cannot split the row
    expect(row('portal').split(' | ')).toHaveLength(9);
    expect(row('engine')).toMatch(/\| 1\.2 \| — \|/); // median, no p95
    expect(row('engine')).not.toContain('met');
  });

  it('shows skipped, absent and failed benches with the reason', () => {
    expect(row('directory')).toContain('skipped: needs DATABASE_URL');
    expect(row('export')).toContain('not present');
    expect(row('export')).toContain('KoboToolbox'); // the peer stays listed
    expect(row('field')).toContain('failed: exit 1: no Chromium');
  });
});

describe('the summary in docs/benchmarks.md', () => {
  const doc = '# Benchmarks\n\nEvery figure names the machine.\n\nMachine: 2 cores.\n\n## API reads\n\nhand-written\n';

  it('goes after the title and its first paragraph the first time, then replaces only what is between the markers', () => {
    const once = replaceBetweenMarkers(doc, 'FIRST');
    expect(once).toBe(`# Benchmarks\n\nEvery figure names the machine.\n\n${START}\nFIRST\n${END}\n\nMachine: 2 cores.\n\n## API reads\n\nhand-written\n`);
    const twice = replaceBetweenMarkers(once, 'SECOND\n');
    expect(twice).toBe(once.replace('FIRST', 'SECOND'));
    expect(twice.match(new RegExp(START, 'g'))).toHaveLength(1);
    expect(twice.endsWith('## API reads\n\nhand-written\n')).toBe(true);
  });

  it('refuses a document with one marker only', () => {
    expect(() => replaceBetweenMarkers(`${doc}${START}\n`, 'X')).toThrow(/one summary marker/);
    expect(() => replaceBetweenMarkers(`${END}\n${doc}${START}\n`, 'X')).toThrow(/one summary marker/);
  });
});
