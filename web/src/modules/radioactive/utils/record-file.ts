// What the server takes as an original record (PDF, JPEG, PNG ≤ 20 MB): checked before sending,
// so a wrong file is refused at once; the server judges the bytes again.
export const RECORD_MAX_BYTES = 20 * 1024 * 1024;
const TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);
const EXTENSIONS = /\.(pdf|jpe?g|png)$/i;

export function isRecordFile(f: { name: string; type: string; size: number }): boolean {
  if (f.size <= 0 || f.size > RECORD_MAX_BYTES) return false;
  return f.type ? TYPES.has(f.type) : EXTENSIONS.test(f.name);
}
