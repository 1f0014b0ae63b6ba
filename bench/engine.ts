// Benchmark: the survey's rule engine in Node, without a server — the example enterprise's
// 10-form, 250-field set (median and p90 of --runs evaluations after a warm-up) and the same set
// with ten times the rows. Figures go to docs/benchmarks.md; tests never assert speed.
// Usage: npm run bench:engine [-- --runs 500]
import { countAnswers, exampleEnterprise } from '../src/domains/survey/forms/example-set.ts';
import { censusEngine } from '../src/domains/survey/forms/index.ts';
import { timeExample } from '../test/helpers/survey-cases.ts';
import { emitResult } from './lib/result.ts';

const runs = process.argv.includes('--runs') ? Number(process.argv[process.argv.indexOf('--runs') + 1]) : 500;
const engine = censusEngine();
const set = exampleEnterprise();
const t = timeExample(engine, runs);
console.log(`example enterprise: ${countAnswers(set.forms.map((f) => f.answers))} answers, ${set.forms.length} forms — median ${t.median.toFixed(3)} ms, p90 ${t.p90.toFixed(3)} ms (${runs} runs)`);

const big = exampleEnterprise(10);
for (let i = 0; i < 5; i++) engine.evaluateSet(big);
const times: number[] = [];
for (let i = 0; i < 50; i++) {
  const s = performance.now();
  engine.evaluateSet(big);
  times.push(performance.now() - s);
}
times.sort((a, b) => a - b);
console.log(`ten times the rows: ${countAnswers(big.forms.map((f) => f.answers))} answers — median ${times[25].toFixed(2)} ms, p90 ${times[45].toFixed(2)} ms`);
emitResult('engine', { subject: `example enterprise, ${set.forms.length} forms, one evaluation`, median: t.median, p90: t.p90, tenTimesMedian: times[25] });
