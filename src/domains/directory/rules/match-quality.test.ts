// End-to-end check of the matching rules on synthetic registers with known truth:
// prepare every row, block, score each pair inside each block once, and compare with the truth.
import { describe, expect, it } from 'vitest';
import { blockingKeys, prepareRecord, scorePair, type PreparedRecord } from './match-score.ts';
import { generateRegisters, type SyntheticRecord } from './synthetic.ts';

const ROWS = 20_000;

describe('matching quality on 20,000 synthetic register rows', () => {
  it('reaches pairwise precision and recall of at least 0.95', () => {
    const source = generateRegisters({
      seed: 20180331,
      entities: 10_000,
      // three counties of one prefecture (namesakes next door), plus three elsewhere
      regions: ['330382', '330381', '330302', '441900', '110105', '510104'],
      departments: ['samr', 'tax', 'stats', 'mee', 'miit', 'moa', 'mwr', 'mohurd', 'other'],
    });
    const raw: SyntheticRecord[] = [];
    for (const r of source) {
      raw.push(r);
      if (raw.length === ROWS) break;
    }
    // Load dictionaries and region names before timing.
    prepareRecord({ key: 'warm', creditCode: null, name: '樂清市華宇電氣有限公司', address: '乐清市', legalRep: null, phone: null, regionCode: '330382' });

    const t0 = performance.now();
    const rows: PreparedRecord[] = raw.map((x) =>
      prepareRecord({
        key: `${x.department}:${x.rowNumber}`,
        creditCode: x.row.credit_code,
        name: x.row.name,
        address: x.row.address,
        legalRep: x.row.legal_rep,
        phone: x.row.phone,
        regionCode: x.row.region_code,
        industryCode: x.row.industry_code,
      }),
    );
    const t1 = performance.now();
    const blocks = new Map<string, number[]>();
    rows.forEach((p, i) => {
      for (const k of blockingKeys(p)) {
        const b = blocks.get(k);
        if (b) b.push(i);
        else blocks.set(k, [i]);
      }
    });
    const seen = new Set<number>();
    let merged = 0;
    let mergedTrue = 0;
    let flagged = 0; // merge or review
    let flaggedTrue = 0;
    let pairsInBlocks = 0;
    const truthOf = (i: number) => raw[i].entityId;
    for (const b of blocks.values()) {
      for (let x = 0; x < b.length; x++) {
        for (let y = x + 1; y < b.length; y++) {
          const i = Math.min(b[x], b[y]);
          const j = Math.max(b[x], b[y]);
          const id = i * ROWS + j;
          if (seen.has(id)) continue;
          seen.add(id);
          pairsInBlocks++;
          const d = scorePair(rows[i], rows[j]);
          const same = truthOf(i) === truthOf(j);
          if (d.decision === 'merge') {
            merged++;
            if (same) mergedTrue++;
          }
          if (d.decision !== 'apart') {
            flagged++;
            if (same) flaggedTrue++;
          }
        }
      }
    }
    const t2 = performance.now();

    const perEntity = new Map<number, number>();
    for (const r of raw) perEntity.set(r.entityId, (perEntity.get(r.entityId) ?? 0) + 1);
    let truePairs = 0;
    for (const n of perEntity.values()) truePairs += (n * (n - 1)) / 2;

    const precision = mergedTrue / merged;
    const recall = mergedTrue / truePairs;
    const recallWithReview = flaggedTrue / truePairs;
    const precisionWithReview = flaggedTrue / flagged;
    const prepareMs = t1 - t0;
    const scoreMs = t2 - t1;
    console.info(
      [
        `matching quality: ${ROWS} rows, ${perEntity.size} entities, ${truePairs} true pairs, ${blocks.size} blocks, ${pairsInBlocks} pairs scored`,
        `  merge:          precision ${precision.toFixed(4)}  recall ${recall.toFixed(4)}`,
        `  merge + review: precision ${precisionWithReview.toFixed(4)}  recall ${recallWithReview.toFixed(4)}`,
        `  prepare ${prepareMs.toFixed(0)} ms (${((ROWS / prepareMs) * 1000).toFixed(0)} rows/s); block + score ${scoreMs.toFixed(0)} ms (${((pairsInBlocks / scoreMs) * 1000).toFixed(0)} pairs/s); overall ${((ROWS / (prepareMs + scoreMs)) * 1000).toFixed(0)} rows/s`,
      ].join('\n'),
    );

    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(recallWithReview).toBeGreaterThanOrEqual(recall);
  });
});
