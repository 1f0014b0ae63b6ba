// What the methods of the other source categories (livestock, domestic, centralised, mobile)
// share, pure: the library lookup they ask (by industry class and any of product, material,
// process, scale — the industrial matcher only knows the G106-1 row's fields), the defaults the
// national office sets, and small helpers building figures with their lineage.
import type { Figure, LibraryHit, Lineage } from './account.ts';

export interface LookupQuery {
  industry: string;
  pollutant: string;
  activityUnit: string;
  /** A text given must be the row's or the row's is empty (generic); undefined: any row. */
  product?: string;
  material?: string;
  process?: string;
  scale?: string;
  /** The treatment code; null: the row without end treatment. */
  treatment: string | null;
  parameter?: number | null;
}
/** The library row for a query, its formula evaluated (null: none matches). */
export type Lookup = (q: LookupQuery) => LibraryHit | null;

export interface OtherSettings {
  kDefault: number;
  captureMin: number;
  /** Manure use rate (%) assumed when N101-2 gives none (accounting_settings.manure_use_default). */
  manureUseDefault: number;
}

export const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
export const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
export const round = (x: number) => Number(x.toPrecision(12));
export const rowsOf = (values: unknown, key: string): unknown[] => (isObj(values) && Array.isArray(values[key]) ? values[key] : []);

export type Problem = { path: string; reason: string; detail: string };

/** Accumulates a figure per outlet and pollutant over several rows (herds, products, boilers' steps). */
export class FigureSet {
  private map = new Map<string, Figure>();

  add(outletCode: string, pollutant: string, method: Figure['method'], generated: number | null, emitted: number, lineage: Partial<Lineage>) {
    const key = `${outletCode}|${pollutant}`;
    const f = this.map.get(key) ?? {
      outletCode, pollutant, method, generated: null, emitted: 0, permitReported: null, permitFlag: false,
      lineage: { method, paths: [], coefficients: [], monitoring: null, k: [], rejectedMonitoring: [], notes: [] },
    };
    if (generated !== null) f.generated = round((f.generated ?? 0) + generated);
    f.emitted = round(f.emitted + emitted);
    const l = f.lineage;
    l.paths.push(...(lineage.paths ?? []));
    l.coefficients.push(...(lineage.coefficients ?? []));
    l.k.push(...(lineage.k ?? []));
    l.rejectedMonitoring.push(...(lineage.rejectedMonitoring ?? []));
    l.notes!.push(...(lineage.notes ?? []));
    if (lineage.monitoring) l.monitoring = lineage.monitoring;
    this.map.set(key, f);
  }

  /** A note on a figure already there (a row left out of it, a default used). */
  note(outletCode: string, pollutant: string, note: string): boolean {
    const f = this.map.get(`${outletCode}|${pollutant}`);
    if (f) f.lineage.notes!.push(note);
    return !!f;
  }

  /** The figures, each path, coefficient and note named once. */
  figures(): Figure[] {
    const once = <T>(xs: T[]) => [...new Map(xs.map((x) => [JSON.stringify(x), x])).values()];
    for (const f of this.map.values()) {
      const l = f.lineage;
      Object.assign(l, { paths: once(l.paths), coefficients: once(l.coefficients), notes: once(l.notes ?? []) });
    }
    return [...this.map.values()].sort((a, b) => a.outletCode.localeCompare(b.outletCode) || a.pollutant.localeCompare(b.pollutant));
  }
}

export const libraryRef = (path: string, hit: LibraryHit) => ({ path, source: 'library' as const, versionId: hit.versionId, rowNo: hit.rowNo });
