// The backup file: gzip of lines. A line that begins with `@` is a header (JSON after the `@`);
// the lines after a table header are its rows, each PostgreSQL's own row_to_json text (never
// parsed in Node, so numerics, timestamps and bytea keep every digit); the lines after a file
// header are its bytes in base64. The last line sums what came before, so a truncated backup
// is known as such before anything is restored.
export const FORMAT = 'pucha-backup';
export const FORMAT_VERSION = 1;
/** Bytes of a file per base64 line. */
export const FILE_CHUNK = 48 * 1024;

export interface BackupMeta {
  kind: 'meta';
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  database: 'pglite' | 'postgres';
  migrations: number[];
  /** Rows in all tables, for a restore's progress. */
  rowsTotal: number;
  sequences: { name: string; value: string; called: boolean }[];
}
export interface TableHeader { kind: 'table'; name: string; columns: string[] }
export interface FileHeader { kind: 'file'; path: string; bytes: number; sha256: string }
export interface BackupEnd { kind: 'end'; rows: Record<string, number>; files: number; fileBytes: number }
export type Header = BackupMeta | TableHeader | FileHeader | BackupEnd;

export const headerLine = (h: Header) => `@${JSON.stringify(h)}\n`;

/** Files of a data folder that belong in a backup: not the embedded database itself, its lock, or temporary files. */
export function backedUp(relPath: string): boolean {
  const parts = relPath.split('/');
  if (parts[0] === 'pgdata' || relPath === 'pucha.lock') return false;
  return !parts.some((p) => p.startsWith('.'));
}
