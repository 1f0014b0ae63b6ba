// The field app's IndexedDB: one database per user (so a shared phone never shows
// one taker's work to another, and unsent work survives a logout), plus a tiny
// shared one that remembers the last session so the app opens without a network.
import { get, openIdb, result, transact } from './idb.ts';

export { get, getAll, putAll } from './idb.ts';

export const STORES = { packages: 'packages', units: 'units', outbox: 'outbox', photos: 'photos', meta: 'meta', submissions: 'submissions', attachments: 'attachments', returned: 'returned' } as const;
export type StoreName = (typeof STORES)[keyof typeof STORES];

// 2: survey submissions (入户调查) filled on the device; 3: the files their answers name;
// 4: the forms the review chain returned (GET /review/returned, replaced at every sync).
// An upgrade only adds: what earlier versions hold stays.
const VERSION = 4;
const opened = new Map<string, Promise<IDBDatabase>>();
let currentUser = '';

function upgrade(db: IDBDatabase, oldVersion: number) {
  if (oldVersion < 1) {
    db.createObjectStore(STORES.packages, { keyPath: 'id' });
    const units = db.createObjectStore(STORES.units, { keyPath: 'key' });
    units.createIndex('packageId', 'packageId');
    units.createIndex('sourceId', 'sourceId');
    const outbox = db.createObjectStore(STORES.outbox, { keyPath: 'unitKey' });
    outbox.createIndex('packageId', 'packageId');
    const photos = db.createObjectStore(STORES.photos, { keyPath: 'id' });
    photos.createIndex('unitKey', 'unitKey');
    db.createObjectStore(STORES.meta);
  }
  if (oldVersion < 2) {
    const subs = db.createObjectStore(STORES.submissions, { keyPath: 'key' });
    subs.createIndex('unitKey', 'unitKey');
  }
  if (oldVersion < 3) db.createObjectStore(STORES.attachments, { keyPath: 'id' });
  if (oldVersion < 4) db.createObjectStore(STORES.returned, { keyPath: 'id' }).createIndex('sourceId', 'sourceId');
}

const LAST_USER = 'pucha.field.user';

/** Chooses whose database the field app works in; called once the session is known. */
export function setFieldUser(username: string) {
  if (username === currentUser) return;
  currentUser = username;
  try {
    localStorage.setItem(LAST_USER, username);
  } catch {
    // only the early read (warm-start.ts) misses it
  }
}

/** Who used the field app last on this device: a guess for reading early, never an identity. */
export function lastFieldUser(): string | null {
  try {
    return localStorage.getItem(LAST_USER);
  } catch {
    return null;
  }
}

export function fieldDb(user = currentUser): Promise<IDBDatabase> {
  if (!user) return Promise.reject(new Error('field database used before the session is known'));
  const name = `pucha-field:${user}`;
  let p = opened.get(name);
  if (!p) {
    p = openIdb(name, VERSION, upgrade).then((db) => {
      db.addEventListener('close', () => opened.delete(name));
      return db;
    });
    p.catch(() => opened.delete(name));
    opened.set(name, p);
  }
  return p;
}

/** One transaction on the current user's database. */
export async function tx<T>(stores: StoreName[], mode: IDBTransactionMode, fn: (t: IDBTransaction) => Promise<T> | T, user?: string): Promise<T> {
  return transact(await fieldDb(user), stores, mode, fn);
}

// ---- change notices: hooks re-read what they show when a write touched it ----

const bus = new EventTarget();

export function notify(...stores: StoreName[]) {
  for (const s of stores) bus.dispatchEvent(new Event(s));
}

export function onChange(stores: StoreName[], fn: () => void): () => void {
  for (const s of stores) bus.addEventListener(s, fn);
  return () => {
    for (const s of stores) bus.removeEventListener(s, fn);
  };
}

// ---- small values: cursors, last sync, states, the package last opened ----

export async function getMeta<T>(key: string): Promise<T | undefined> {
  return tx([STORES.meta], 'readonly', (t) => get<T>(t, STORES.meta, key));
}

export async function setMeta(key: string, value: unknown) {
  await tx([STORES.meta], 'readwrite', (t) => void t.objectStore(STORES.meta).put(value, key));
  notify(STORES.meta);
}

// ---- the last session, in a database shared by all users of the device ----

const SHARED = 'pucha-field';

function upgradeShared(db: IDBDatabase, oldVersion: number) {
  if (oldVersion < 1) db.createObjectStore('session');
}

async function shared<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openIdb(SHARED, 1, upgradeShared);
  try {
    return await transact(db, ['session'], mode, (t) => result(fn(t.objectStore('session'))));
  } finally {
    db.close();
  }
}

export async function loadValue<T>(key: string): Promise<T | undefined> {
  return shared<T | undefined>('readonly', (s) => s.get(key) as IDBRequest<T | undefined>);
}

export async function storeValue(key: string, value: unknown): Promise<void> {
  await shared('readwrite', (s) => s.put(value, key));
}

export async function dropValue(key: string): Promise<void> {
  await shared('readwrite', (s) => s.delete(key));
}
