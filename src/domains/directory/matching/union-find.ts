// Disjoint sets over record indices, with per-set facts that decide whether two
// sets may join: at most one existing source (anchor) and at most one valid
// credit code per set, so that transitive merges cannot join what the rules
// keep apart (A~B and B~C must not join A and C with different credit codes).

export class ClusterSets {
  readonly parent: Int32Array;
  private readonly rank: Uint8Array;
  /** Per root: the anchor's record index, or -1. */
  private readonly anchor: Int32Array;
  /** Per root: the valid credit code of the set, or null. */
  private readonly credit: (string | null)[];

  constructor(n: number, anchorOf: (i: number) => boolean, creditOf: (i: number) => string | null) {
    this.parent = new Int32Array(n);
    this.rank = new Uint8Array(n);
    this.anchor = new Int32Array(n);
    this.credit = new Array(n);
    for (let i = 0; i < n; i++) {
      this.parent[i] = i;
      this.anchor[i] = anchorOf(i) ? i : -1;
      this.credit[i] = creditOf(i);
    }
  }

  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r];
    while (this.parent[i] !== r) {
      const next = this.parent[i];
      this.parent[i] = r;
      i = next;
    }
    return r;
  }

  /** Why two sets may not join, or null when they may. */
  conflict(a: number, b: number): 'TWO_SOURCES' | 'DIFFERENT_CREDIT_CODES' | null {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return null;
    if (this.anchor[ra] >= 0 && this.anchor[rb] >= 0) return 'TWO_SOURCES';
    const ca = this.credit[ra];
    const cb = this.credit[rb];
    if (ca && cb && ca !== cb) return 'DIFFERENT_CREDIT_CODES';
    return null;
  }

  /** Joins the sets of a and b; the caller has checked `conflict` first. */
  union(a: number, b: number): number {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return ra;
    if (this.rank[ra] < this.rank[rb]) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    if (this.rank[ra] === this.rank[rb]) this.rank[ra]++;
    if (this.anchor[ra] < 0) this.anchor[ra] = this.anchor[rb];
    this.credit[ra] ??= this.credit[rb];
    return ra;
  }

  anchorOfSet(i: number): number {
    return this.anchor[this.find(i)];
  }
}
