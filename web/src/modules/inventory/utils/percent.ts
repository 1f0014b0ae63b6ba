/** A 0–1 ratio (completion = visited / sources) as a percentage with one decimal, 0–100. */
export function percent(ratio: number | null | undefined): number {
  if (ratio == null || !Number.isFinite(ratio)) return 0;
  return Math.max(0, Math.min(100, Math.round(ratio * 1000) / 10));
}
