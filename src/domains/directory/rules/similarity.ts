// String similarity kernels for the matcher. They run millions of times per register
// import, so they work on precomputed arrays and reuse their scratch buffers.

/**
 * Sorted character bigrams, each packed into one number (two UTF-16 units). A one-character
 * string yields that character alone, so short strings still compare.
 */
export function bigrams(s: string): Float64Array {
  if (s.length === 0) return new Float64Array(0);
  if (s.length === 1) return Float64Array.of(s.charCodeAt(0));
  const out = new Float64Array(s.length - 1);
  for (let i = 0; i < s.length - 1; i++) out[i] = s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1);
  return out.sort();
}

/** Sørensen–Dice coefficient of two sorted gram multisets, in [0, 1]. */
export function dice(a: Float64Array, b: Float64Array): number {
  const total = a.length + b.length;
  if (total === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return (2 * common) / total;
}

// Scratch rows for the edit distance; names are short, 64 covers nearly all.
let rowPrev2 = new Int32Array(64);
let rowPrev = new Int32Array(64);
let rowCur = new Int32Array(64);

/**
 * Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbours each cost 1. A swapped pair (华宇 → 宇华) is one typo, not two.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  if (m + 1 > rowCur.length) {
    rowPrev2 = new Int32Array(m + 1);
    rowPrev = new Int32Array(m + 1);
    rowCur = new Int32Array(m + 1);
  }
  let p2 = rowPrev2;
  let p = rowPrev;
  let c = rowCur;
  for (let j = 0; j <= m; j++) p[j] = j;
  for (let i = 1; i <= n; i++) {
    c[0] = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min(p[j] + 1, c[j - 1] + 1, p[j - 1] + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, p2[j - 2] + 1);
      c[j] = v;
    }
    const t = p2;
    p2 = p;
    p = c;
    c = t;
  }
  return p[m];
}

/** 1 − distance / longer length, in [0, 1]. */
export function editSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - editDistance(a, b) / longer;
}
