// checkedPct (per cent, 0–100, as its name says) made safe for a progress bar.
export function pct(v: number | string | null | undefined): number {
  const n = Number(v ?? 0);
  if (!Number.isFinite(n) || n <= 0) return 0;
  return Math.min(100, Math.round(n * 10) / 10);
}
