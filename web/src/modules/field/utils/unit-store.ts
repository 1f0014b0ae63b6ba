// Packages, units and the outbox in IndexedDB: download, read for the list (one
// transaction), save an edit (outbox + photos in one transaction).
import type { LocalPackage, LocalPhoto, LocalUnit, OutboxEntry, PackageDownload, RecordView, ReturnedItem, Unit } from '../types.ts';
import { STORES, get, getAll, notify, putAll, tx } from './field-db.ts';
import { nextEntry, unitKey } from './outbox-rules.ts';

export const cursorKey = (packageId: number) => `cursor:${packageId}`;

export function localUnit(packageId: number, u: Unit): LocalUnit {
  const { record, sourceId, ...source } = u;
  return { key: unitKey(sourceId, record?.clientUuid), packageId, sourceId, clientUuid: record?.clientUuid ?? null, source, record };
}

export async function listPackages(): Promise<LocalPackage[]> {
  return tx([STORES.packages], 'readonly', (t) => getAll<LocalPackage>(t, STORES.packages));
}

/**
 * Stores a downloaded package in one transaction. Units the device still has an
 * unsent edit for, and units added here and not yet known to the server, stay;
 * other units no longer in the package go.
 */
export async function storeDownload(dl: PackageDownload): Promise<void> {
  const pkgId = dl.package.id;
  await tx([STORES.packages, STORES.units, STORES.outbox, STORES.meta], 'readwrite', async (t) => {
    const [old, outbox] = await Promise.all([
      getAll<LocalUnit>(t, STORES.units, pkgId, 'packageId'),
      getAll<OutboxEntry>(t, STORES.outbox, pkgId, 'packageId'),
    ]);
    const waiting = new Set(outbox.map((e) => e.unitKey));
    const fresh = dl.units.map((u) => localUnit(pkgId, u));
    const keep = new Set(fresh.map((u) => u.key));
    const units = t.objectStore(STORES.units);
    for (const u of old) if (!keep.has(u.key) && !waiting.has(u.key) && u.sourceId !== null) units.delete(u.key);
    putAll(t, STORES.units, fresh);
    // The download's package may omit the counts (the server's does): count them here.
    const visited = fresh.filter((u) => u.record && u.record.status !== 'assigned').length;
    const pkg: LocalPackage = { ...dl.package, sources: dl.package.sources ?? fresh.length, visited: dl.package.visited ?? visited, downloadedAt: dl.downloadedAt, units: fresh.length };
    t.objectStore(STORES.packages).put(pkg);
    t.objectStore(STORES.meta).put(dl.cursor, cursorKey(pkgId));
  });
  notify(STORES.packages, STORES.units, STORES.outbox);
}

export interface PackageContent {
  units: LocalUnit[];
  outbox: Map<string, OutboxEntry>;
  /** Forms the review chain returned, per source id (the store `returned`, as of the last sync). */
  returned: Map<number, number>;
}

/** Everything the unit list needs, read in one transaction. */
export async function packageContent(packageId: number, user?: string): Promise<PackageContent> {
  return tx([STORES.units, STORES.outbox, STORES.returned], 'readonly', async (t) => {
    const [units, outbox, back] = await Promise.all([
      getAll<LocalUnit>(t, STORES.units, packageId, 'packageId'),
      getAll<OutboxEntry>(t, STORES.outbox, packageId, 'packageId'),
      getAll<ReturnedItem>(t, STORES.returned),
    ]);
    const returned = new Map<number, number>();
    for (const r of back) returned.set(r.sourceId, (returned.get(r.sourceId) ?? 0) + 1);
    return { units, outbox: new Map(outbox.map((e) => [e.unitKey, e])), returned };
  }, user);
}

export interface UnitDetail {
  unit: LocalUnit;
  entry?: OutboxEntry;
  photos: LocalPhoto[];
}

export async function unitDetail(key: string): Promise<UnitDetail | null> {
  return tx([STORES.units, STORES.outbox, STORES.photos], 'readonly', async (t) => {
    const [unit, entry, photos] = await Promise.all([
      get<LocalUnit>(t, STORES.units, key),
      get<OutboxEntry>(t, STORES.outbox, key),
      getAll<LocalPhoto>(t, STORES.photos, key, 'unitKey'),
    ]);
    return unit ? { unit, entry, photos } : null;
  });
}

export interface Save {
  entry: OutboxEntry;
  /** A unit added in the field, stored with its first save. */
  newUnit?: LocalUnit;
  addPhotos: LocalPhoto[];
  removePhotos: string[];
}

/** One save: the outbox entry (replacing an unsent one), new photos, removed photos — all or nothing. */
export async function saveEdit(s: Save): Promise<OutboxEntry> {
  const stored = await tx([STORES.units, STORES.outbox, STORES.photos], 'readwrite', async (t) => {
    const prev = await get<OutboxEntry>(t, STORES.outbox, s.entry.unitKey);
    const next = nextEntry(prev, s.entry);
    t.objectStore(STORES.outbox).put(next);
    if (s.newUnit) t.objectStore(STORES.units).put(s.newUnit);
    putAll(t, STORES.photos, s.addPhotos);
    for (const id of s.removePhotos) t.objectStore(STORES.photos).delete(id);
    return next;
  });
  notify(STORES.units, STORES.outbox, STORES.photos);
  return stored;
}

/**
 * Puts what the server sent (the answer of a sync, or a conflict settled) on the units
 * it belongs to. The contract says records; the server sends whole units (record
 * nested, with the directory's fields): both are taken, units refresh the source too.
 */
export async function applyRecords(t: IDBTransaction, packageId: number, updates: Array<RecordView | Unit>): Promise<number> {
  let applied = 0;
  for (const u of updates) {
    const isUnit = 'record' in u && !!u.record;
    const r: RecordView = isUnit ? (u as Unit).record : (u as RecordView);
    const key = unitKey(r.sourceId, r.clientUuid);
    const unit = await get<LocalUnit>(t, STORES.units, key);
    if (!unit || unit.packageId !== packageId) continue; // not on this device: a new download brings it
    const source = isUnit ? localUnit(packageId, u as Unit).source : unit.source;
    t.objectStore(STORES.units).put({ ...unit, sourceId: r.sourceId, source, record: r });
    applied++;
  }
  return applied;
}
