// A small promise layer over IndexedDB: just what the field app needs (open with
// an upgrade step, one transaction over several stores, requests as promises).
// Inside `transact`, await only IndexedDB requests: awaiting anything else (a fetch,
// a timer) lets the browser commit the transaction under our feet.

export type Upgrade = (db: IDBDatabase, oldVersion: number) => void;

export function openIdb(name: string, version: number, upgrade: Upgrade): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, version);
    req.onupgradeneeded = (e) => upgrade(req.result, e.oldVersion);
    req.onsuccess = () => {
      const db = req.result;
      // Another tab upgrading the schema: step aside so it can, the next call reopens.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error(`IndexedDB ${name} is held open by another tab`));
  });
}

export function result<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function finished(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** Runs `fn` in one transaction and resolves once it has committed (a throw aborts all of it). */
export async function transact<T>(
  db: IDBDatabase,
  stores: string[],
  mode: IDBTransactionMode,
  fn: (tx: IDBTransaction) => Promise<T> | T,
): Promise<T> {
  const tx = db.transaction(stores, mode, { durability: mode === 'readwrite' ? 'strict' : 'default' });
  const committed = finished(tx);
  let value: T;
  try {
    value = await fn(tx);
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // already finished
    }
    await committed.catch(() => undefined);
    throw e;
  }
  await committed;
  return value;
}

/** Every row of an index for one key (or of the store when `index` is omitted). */
export function getAll<T>(tx: IDBTransaction, store: string, query?: IDBValidKey | IDBKeyRange, index?: string): Promise<T[]> {
  const s = tx.objectStore(store);
  return result((index ? s.index(index) : s).getAll(query) as IDBRequest<T[]>);
}

export function get<T>(tx: IDBTransaction, store: string, key: IDBValidKey): Promise<T | undefined> {
  return result(tx.objectStore(store).get(key) as IDBRequest<T | undefined>);
}

/** Puts without waiting for each answer: the transaction's commit confirms them all. */
export function putAll(tx: IDBTransaction, store: string, rows: unknown[]) {
  const s = tx.objectStore(store);
  for (const r of rows) s.put(r);
}
