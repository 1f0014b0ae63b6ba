// Benchmark: matching synthetic department registers with a known truth.
// Usage: npm run bench:match [-- --rows 1000000] [-- --seed 7]
// Generates registers of four departments over every county of Zhejiang, then
// prepares, blocks, scores and clusters them in one process (what the matching
// job does between reading rows and writing sources) and scores the result
// against the truth: pairwise precision and recall.
import os from 'node:os';
import { buildRegionRows } from '../src/domains/regions/tree.ts';
import { generateRegisters } from '../src/domains/directory/rules/synthetic.ts';
import { prepareRecord, type PreparedRecord } from '../src/domains/directory/rules/match-score.ts';
import { clusterRecords } from '../src/domains/directory/matching/cluster.ts';
import { emitResult } from './lib/result.ts';

const arg = (name: string, dflt: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : dflt);
const rowsWanted = arg('--rows', 1_000_000);
const seed = arg('--seed', 7);
const departments = ['samr', 'tax', 'stats', 'mee'] as const;
const counties = buildRegionRows().filter((r) => r.level === 'county' && r.code.startsWith('33')).map((r) => r.code);
const entities = Math.ceil(rowsWanted / 2.95); // the four departments list ~2.95 rows per entity

const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;
console.log(`${new Date().toISOString()} ${os.cpus().length} cores (${os.cpus()[0].model}), Node ${process.version}`);
console.log(`target ${rowsWanted.toLocaleString()} rows: ${entities.toLocaleString()} entities over ${counties.length} counties, departments ${departments.join(', ')}`);

let t0 = performance.now();
const prepared: PreparedRecord[] = [];
const truth: number[] = [];
for (const r of generateRegisters({ seed, entities, regions: counties, departments: [...departments] })) {
  truth.push(r.entityId);
  prepared.push(
    prepareRecord({
      key: `${r.department}:${r.rowNumber}`, creditCode: r.row.credit_code || null, name: r.row.name, address: r.row.address || null,
      legalRep: r.row.legal_rep || null, phone: r.row.phone || null, regionCode: r.row.region_code, industryCode: r.row.industry_code || null,
    }),
  );
}
const tGen = performance.now() - t0;
const n = prepared.length;

t0 = performance.now();
const out = clusterRecords(prepared, { thresholds: { merge: 0.8, review: 0.2 } });
const tCluster = performance.now() - t0;

// Pairwise precision and recall of the merges against the truth.
const c2 = (k: number) => (k * (k - 1)) / 2;
const predicted = new Map<number, Map<number, number>>();
const trueSizes = new Map<number, number>();
for (let i = 0; i < n; i++) {
  const root = out.sets.find(i);
  let m = predicted.get(root);
  if (!m) predicted.set(root, (m = new Map()));
  m.set(truth[i], (m.get(truth[i]) ?? 0) + 1);
  trueSizes.set(truth[i], (trueSizes.get(truth[i]) ?? 0) + 1);
}
let predPairs = 0;
let hitPairs = 0;
for (const m of predicted.values()) {
  let size = 0;
  for (const k of m.values()) {
    size += k;
    hitPairs += c2(k);
  }
  predPairs += c2(size);
}
let truePairs = 0;
for (const k of trueSizes.values()) truePairs += c2(k);
const precision = predPairs ? hitPairs / predPairs : 1;
const recall = truePairs ? hitPairs / truePairs : 1;
const f1 = (2 * precision * recall) / (precision + recall);

const matchMs = tGen + tCluster; // preparation is part of matching; generation shares the loop and is small
console.log(`rows ${n.toLocaleString()}; generate+prepare ${(tGen / 1000).toFixed(1)} s; block+score+cluster ${(tCluster / 1000).toFixed(1)} s (${out.blocks.toLocaleString()} blocks, ${out.largeBlocks} large, ${out.pairsScored.toLocaleString()} pairs scored)`);
console.log(`throughput ${Math.round(n / (matchMs / 60_000)).toLocaleString()} rows/minute (generation included)`);
console.log(`pairwise precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}, F1 ${f1.toFixed(4)}; review queue ${out.review.length.toLocaleString()} pairs`);
console.log(`peak memory (max RSS) ${mb(process.resourceUsage().maxRSS * 1024)}`);
emitResult('match', { subject: `${n.toLocaleString()} rows, F1 ${f1.toFixed(4)}`, rate: Math.round(n / (matchMs / 60_000)), rateUnit: 'rows/min', precision, recall, f1, maxRssBytes: process.resourceUsage().maxRSS * 1024 });
