// `pucha export submissions`: the submissions export streamed to a file, with a progress line
// (rows written and rows/s for CSV, counted as the lines arrive; bytes for XLSX, whose row count
// the server writes into the ZIP's comment at the end).
import fs from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { XLSX_ROWS_NOTE } from '../domains/survey/export/export.ts';
import type { Api } from './api.ts';
import { CliError } from './cli-error.ts';
import { ProgressBar } from './progress.ts';

export interface SubmissionsExportOptions { format: string; out?: string; form?: string; region?: string; status?: string }

/** Counts CSV records: line ends outside quoted fields (a doubled quote toggles twice). Native indexOf jumps between them. */
export class CsvRowCounter extends Transform {
  rows = 0;
  private quoted = false;
  _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    let i = 0;
    for (;;) {
      const q = chunk.indexOf(0x22, i);
      if (this.quoted) {
        if (q < 0) break;
        this.quoted = false;
        i = q + 1;
        continue;
      }
      const end = q < 0 ? chunk.length : q;
      for (let n = chunk.indexOf(0x0a, i); n >= 0 && n < end; n = chunk.indexOf(0x0a, n + 1)) this.rows++;
      if (q < 0) break;
      this.quoted = true;
      i = q + 1;
    }
    done(null, chunk);
  }
}

const rate = (n: number, ms: number) => Math.round(n / Math.max(ms / 1000, 0.001));

export async function exportSubmissions(api: Api, o: SubmissionsExportOptions, say: (l: string) => void) {
  if (o.format !== 'csv' && o.format !== 'xlsx') throw new CliError(`cannot export submissions as ${o.format} (csv or xlsx)`);
  if (!o.out) throw new CliError('give the file to write: --out FILE');
  const qs = new URLSearchParams(Object.entries({ form: o.form, region: o.region, status: o.status }).filter((e): e is [string, string] => !!e[1]));
  const url = `/api/v1/submissions/export.${o.format}${qs.size ? `?${qs}` : ''}`;
  const started = Date.now();
  const res = await api.stream(url);
  if (res.status !== 200 || !res.body) {
    const e = res.error?.error;
    throw new CliError(e ? `${e.code}: ${e.message.zh} / ${e.message.en}` : `HTTP ${res.status}`);
  }
  const bar = new ProgressBar();
  const counter = new CsvRowCounter();
  let bytes = 0;
  let tail = Buffer.alloc(0);
  const watch = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      tail = Buffer.concat([tail, chunk]).subarray(-256); // the ZIP's end record and comment
      const ms = Date.now() - started;
      bar.update(o.format === 'csv' ? Math.max(counter.rows - 1, 0) : bytes, null,
        o.format === 'csv' ? `rows, ${rate(counter.rows, ms)} rows/s` : `bytes, ${(bytes / 1048576 / Math.max(ms / 1000, 0.001)).toFixed(1)} MB/s`);
      done(null, chunk);
    },
  });
  await pipeline(res.body, counter, watch, fs.createWriteStream(o.out));
  const ms = Date.now() - started;
  const note = tail.toString('latin1').match(new RegExp(`${XLSX_ROWS_NOTE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\d+)`));
  const rows = o.format === 'csv' ? Math.max(counter.rows - 1, 0) : Number(note?.[1] ?? NaN);
  bar.end(`wrote ${rows} rows (${bytes} bytes) to ${o.out} in ${(ms / 1000).toFixed(1)} s, ${rate(rows, ms)} rows/s`);
  say(`rows ${rows}`);
}
