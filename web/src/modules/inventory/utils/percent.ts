/** A 0–1 ratio (or a 0–100 figure some servers send) as a whole percentage, 0–100. */
export function percent(ratio: number | null | undefined): number {
  if (ratio == null || !Number.isFinite(ratio)) return 0;
  const p = ratio <= 1 ? ratio * 100 : ratio;
  return Math.max(0, Math.min(100, Math.round(p * 10) / 10));
}
