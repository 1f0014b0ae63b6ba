/** A byte count for people: 1.5 MB; null when the browser did not say. */
export function formatBytes(n: number | undefined): string | null {
  if (n === undefined || !Number.isFinite(n)) return null;
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
}
