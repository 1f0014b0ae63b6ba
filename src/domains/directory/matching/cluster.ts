// Matching as one pass over prepared records: block, score the pairs inside each
// block, join the sure matches, keep the unsure ones for the merge queue. Pure.
import { blockingKeys, scorePair, type PreparedRecord, type Thresholds } from '../rules/match-score.ts';
import { ClusterSets } from './union-find.ts';

export interface ReviewPair {
  a: number; // record indices
  b: number;
  score: number;
  reasons: string[];
}

export interface ClusterOutcome {
  sets: ClusterSets;
  review: ReviewPair[];
  pairsScored: number;
  blocks: number;
  /** Blocks too large to compare all pairs, compared by sorted neighbourhood instead. */
  largeBlocks: number;
}

export interface ClusterOptions {
  thresholds: Thresholds;
  /** Records that are existing sources: two of them are never joined automatically. */
  isAnchor?: (i: number) => boolean;
  /** A block larger than this is compared within a sliding window only. */
  maxBlock?: number;
  window?: number;
  onProgress?: (blocksDone: number, blocks: number) => void;
}

export function clusterRecords(recs: PreparedRecord[], opts: ClusterOptions): ClusterOutcome {
  const maxBlock = opts.maxBlock ?? 60;
  const window = opts.window ?? 12;
  const sets = new ClusterSets(recs.length, opts.isAnchor ?? (() => false), (i) => (recs[i].creditValid ? recs[i].creditNorm : null));

  const blocks = new Map<string, number[]>();
  for (let i = 0; i < recs.length; i++) {
    for (const k of blockingKeys(recs[i])) {
      const list = blocks.get(k);
      if (list) list.push(i);
      else blocks.set(k, [i]);
    }
  }

  const review = new Map<string, ReviewPair>();
  let pairsScored = 0;
  let largeBlocks = 0;
  let done = 0;

  const isAnchor = opts.isAnchor ?? (() => false);
  const compare = (a: number, b: number) => {
    // Two existing sources were compared when they were made; only new rows need scoring.
    if (isAnchor(a) && isAnchor(b)) return;
    if (sets.find(a) === sets.find(b)) return; // already one source
    const d = scorePair(recs[a], recs[b], opts.thresholds);
    pairsScored++;
    if (d.decision === 'apart') return;
    const blocked = d.decision === 'merge' ? sets.conflict(a, b) : null;
    if (d.decision === 'merge' && !blocked) {
      sets.union(a, b);
      return;
    }
    // Unsure, or sure but joining would put two sources or two credit codes together.
    if (blocked === 'DIFFERENT_CREDIT_CODES') return;
    const key = a < b ? `${a}:${b}` : `${b}:${a}`;
    const prev = review.get(key);
    if (!prev || prev.score < d.score) {
      review.set(key, { a: Math.min(a, b), b: Math.max(a, b), score: d.score, reasons: blocked ? [...d.reasons, blocked] : d.reasons });
    }
  };

  for (const members of blocks.values()) {
    done++;
    if (members.length < 2) continue;
    if (members.length <= maxBlock) {
      for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) compare(members[x], members[y]);
    } else {
      // Sorted neighbourhood: a huge block (a common name word, a shared switchboard
      // number) is compared only among records whose name keys sort close together.
      largeBlocks++;
      const sorted = [...members].sort((p, q) => (recs[p].nameKey < recs[q].nameKey ? -1 : recs[p].nameKey > recs[q].nameKey ? 1 : 0));
      for (let x = 0; x < sorted.length; x++) {
        for (let y = x + 1; y < Math.min(sorted.length, x + window); y++) compare(sorted[x], sorted[y]);
      }
    }
    if (opts.onProgress && done % 10_000 === 0) opts.onProgress(done, blocks.size);
  }

  // A pair whose records ended in one set needs no review any more.
  const open = [...review.values()].filter((p) => sets.find(p.a) !== sets.find(p.b));
  return { sets, review: open, pairsScored, blocks: blocks.size, largeBlocks };
}

/** The members of every set, keyed by root. */
export function groups(sets: ClusterSets, n: number): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = sets.find(i);
    const g = out.get(r);
    if (g) g.push(i);
    else out.set(r, [i]);
  }
  return out;
}
