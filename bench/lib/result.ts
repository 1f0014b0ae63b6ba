// The one line every benchmark prints last, `BENCH_RESULT {"name":…}`, which `npm run bench`
// (bench/all.ts) reads from the child's output to write the summary of docs/benchmarks.md.
// Times in ms; a rate names its unit. Anything else a bench wants kept goes in as extra keys.

export interface BenchFigures {
  /** What the median and p95 are of, e.g. "GET /sources, county page, 1 connection". */
  subject?: string;
  median?: number;
  p95?: number;
  rate?: number;
  rateUnit?: string;
  [key: string]: unknown;
}

export interface BenchResult extends BenchFigures {
  name: string;
}

export const RESULT_PREFIX = 'BENCH_RESULT ';

export function emitResult(name: string, figures: BenchFigures): void {
  console.log(RESULT_PREFIX + JSON.stringify({ name, ...figures }));
}

/** Every well-formed BENCH_RESULT line of a child's output, in order; other lines and broken JSON are skipped. */
export function parseResults(output: string): BenchResult[] {
  const out: BenchResult[] = [];
  for (const line of output.split(/\r?\n/)) {
    const at = line.indexOf(RESULT_PREFIX);
    if (at < 0) continue;
    try {
      const v = JSON.parse(line.slice(at + RESULT_PREFIX.length)) as unknown;
      if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as BenchResult).name === 'string') out.push(v as BenchResult);
    } catch {
      /* a line cut by a crash: not a result */
    }
  }
  return out;
}
