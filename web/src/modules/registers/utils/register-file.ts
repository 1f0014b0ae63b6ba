import type { RegisterFormat } from '../../../api/types.ts';

/** The client-side ceiling; the server checks again. */
export const MAX_REGISTER_BYTES = 2 * 1024 ** 3;

export const REGISTER_ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The preview needs only the first rows: a large CSV sends this much of its head. */
export const PREVIEW_BYTES = 1024 * 1024;

export function formatOf(file: Pick<File, 'name'>): RegisterFormat | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.xlsx')) return 'xlsx';
  return null;
}

/** The i18n key (under registers.) of what is wrong with the file, or null when it may be sent. */
export function fileProblem(file: File): 'fileType' | 'fileTooLarge' | 'fileEmpty' | null {
  if (!formatOf(file)) return 'fileType';
  if (file.size > MAX_REGISTER_BYTES) return 'fileTooLarge';
  if (file.size === 0) return 'fileEmpty';
  return null;
}

/**
 * What to upload for the preview. An XLSX is a zip whose index sits at its end,
 * so it goes whole; a CSV larger than PREVIEW_BYTES sends its head, cut after the
 * last line feed so no row (nor a GBK or UTF-8 character) is split.
 */
export async function previewPart(file: File): Promise<File> {
  if (formatOf(file) !== 'csv' || file.size <= PREVIEW_BYTES) return file;
  const head = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
  const utf16le = head[0] === 0xff && head[1] === 0xfe;
  const lf = head.lastIndexOf(0x0a);
  if (lf < 0) return new File([head], file.name, { type: file.type });
  // In UTF-16LE a line feed is 0A 00: keep its second byte.
  const end = utf16le ? Math.min(head.length, lf + 2) : lf + 1;
  return new File([head.subarray(0, end)], file.name, { type: file.type });
}
