// Benchmark: matching synthetic department registers with a known truth.
// Usage: npm run bench:match [-- --rows 1000000] [-- --seed 7] [-- --by-province]
// Generates registers of four departments, then prepares, blocks, scores and clusters them
// (what the matching job does between reading rows and writing sources) and scores the result
// against the truth: pairwise precision and recall. By default over every county of Zhejiang in
// one partition. With --by-province the rows are spread over every province by the national
// census's provincial shares and matched province by province — as the job is run at national
// scale (a job's scope is a region), which bounds memory by the largest province, not the nation.
import os from 'node:os';
import { buildRegionRows } from '../src/domains/regions/tree.ts';
import { generateRegisters } from '../src/domains/directory/rules/synthetic.ts';
import { prepareRecord, type PreparedRecord } from '../src/domains/directory/rules/match-score.ts';
import { clusterRecords } from '../src/domains/directory/matching/cluster.ts';
import { apportion, provinceShares } from '../src/domains/demo/national-plan.ts';
import { emitResult } from './lib/result.ts';

const arg = (name: string, dflt: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : dflt);
const rowsWanted = arg('--rows', 1_000_000);
const seed = arg('--seed', 7);
const byProvince = process.argv.includes('--by-province');
const departments = ['samr', 'tax', 'stats', 'mee'] as const;
const ROWS_PER_ENTITY = 2.95; // the four departments list ~2.95 rows per entity
const countyCodes = buildRegionRows().filter((r) => r.level === 'county').map((r) => r.code);
const countiesOf = (province: string) => countyCodes.filter((c) => c.startsWith(province.slice(0, 2)));

interface Tally { rows: number; predPairs: number; hitPairs: number; truePairs: number; review: number; blocks: number; pairsScored: number; genMs: number; clusterMs: number }
const c2 = (k: number) => (k * (k - 1)) / 2;

/** Generates, prepares and clusters one partition; counts its pairs against the truth. */
function matchPartition(counties: string[], entities: number, partSeed: number): Tally {
  let t0 = performance.now();
  const prepared: PreparedRecord[] = [];
  const truth: number[] = [];
  for (const r of generateRegisters({ seed: partSeed, entities, regions: counties, departments: [...departments] })) {
    truth.push(r.entityId);
    prepared.push(
      prepareRecord({
        key: `${r.department}:${r.rowNumber}`, creditCode: r.row.credit_code || null, name: r.row.name, address: r.row.address || null,
        legalRep: r.row.legal_rep || null, phone: r.row.phone || null, regionCode: r.row.region_code, industryCode: r.row.industry_code || null,
      }),
    );
  }
  const genMs = performance.now() - t0;
  t0 = performance.now();
  const out = clusterRecords(prepared, { thresholds: { merge: 0.8, review: 0.2 } });
  const clusterMs = performance.now() - t0;
  const predicted = new Map<number, Map<number, number>>();
  const trueSizes = new Map<number, number>();
  for (let i = 0; i < prepared.length; i++) {
    const root = out.sets.find(i);
    let m = predicted.get(root);
    if (!m) predicted.set(root, (m = new Map()));
    m.set(truth[i], (m.get(truth[i]) ?? 0) + 1);
    trueSizes.set(truth[i], (trueSizes.get(truth[i]) ?? 0) + 1);
  }
  const t: Tally = { rows: prepared.length, predPairs: 0, hitPairs: 0, truePairs: 0, review: out.review.length, blocks: out.blocks, pairsScored: out.pairsScored, genMs, clusterMs };
  for (const m of predicted.values()) {
    let size = 0;
    for (const k of m.values()) {
      size += k;
      t.hitPairs += c2(k);
    }
    t.predPairs += c2(size);
  }
  for (const k of trueSizes.values()) t.truePairs += c2(k);
  return t;
}

const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;
console.log(`${new Date().toISOString()} ${os.cpus().length} cores (${os.cpus()[0].model}), Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const entities = Math.ceil(rowsWanted / ROWS_PER_ENTITY);
const parts: { name: string; counties: string[]; entities: number }[] = [];
if (byProvince) {
  const shares = Object.fromEntries(Object.entries(provinceShares()).filter(([p]) => countiesOf(p).length > 0));
  const total = Object.values(shares).reduce((a, b) => a + b, 0);
  const split = apportion(entities, Object.fromEntries(Object.entries(shares).map(([p, s]) => [p, s / total])));
  for (const [p, e] of Object.entries(split).sort((a, b) => b[1] - a[1])) parts.push({ name: p, counties: countiesOf(p), entities: e });
} else parts.push({ name: '330000', counties: countiesOf('330000'), entities });
console.log(`target ${rowsWanted.toLocaleString()} rows: ${entities.toLocaleString()} entities in ${parts.length} partition(s), departments ${departments.join(', ')}`);

const sum: Tally = { rows: 0, predPairs: 0, hitPairs: 0, truePairs: 0, review: 0, blocks: 0, pairsScored: 0, genMs: 0, clusterMs: 0 };
let largest = 0;
for (const [i, p] of parts.entries()) {
  const t = matchPartition(p.counties, p.entities, seed + i);
  for (const k of Object.keys(sum) as (keyof Tally)[]) sum[k] += t[k];
  largest = Math.max(largest, t.rows);
  if (byProvince) console.log(`  ${p.name}: ${t.rows.toLocaleString()} rows over ${p.counties.length} counties in ${((t.genMs + t.clusterMs) / 1000).toFixed(1)} s, RSS now ${mb(process.memoryUsage().rss)}`);
}
const precision = sum.predPairs ? sum.hitPairs / sum.predPairs : 1;
const recall = sum.truePairs ? sum.hitPairs / sum.truePairs : 1;
const f1 = (2 * precision * recall) / (precision + recall);
const matchMs = sum.genMs + sum.clusterMs; // preparation is part of matching; generation shares the loop and is small
console.log(`rows ${sum.rows.toLocaleString()}; generate+prepare ${(sum.genMs / 1000).toFixed(1)} s; block+score+cluster ${(sum.clusterMs / 1000).toFixed(1)} s (${sum.blocks.toLocaleString()} blocks, ${sum.pairsScored.toLocaleString()} pairs scored); largest partition ${largest.toLocaleString()} rows`);
console.log(`throughput ${Math.round(sum.rows / (matchMs / 60_000)).toLocaleString()} rows/minute (generation included)`);
console.log(`pairwise precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}, F1 ${f1.toFixed(4)}; review queue ${sum.review.toLocaleString()} pairs`);
console.log(`peak memory (max RSS) ${mb(process.resourceUsage().maxRSS * 1024)}`);
emitResult('match', { subject: `${sum.rows.toLocaleString()} rows${byProvince ? ' by province' : ''}, F1 ${f1.toFixed(4)}`, rate: Math.round(sum.rows / (matchMs / 60_000)), rateUnit: 'rows/min', precision, recall, f1, maxRssBytes: process.resourceUsage().maxRSS * 1024 });
