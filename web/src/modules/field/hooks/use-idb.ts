import { useEffect, useState } from 'react';
import { onChange, type StoreName } from '../utils/field-db.ts';

export interface IdbValue<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
}

/**
 * A value read from the field database, read again whenever a write touches one of
 * `stores`. `key` names what is read (a new key reads at once, and drops the old value).
 */
export function useIdb<T>(key: string | null, stores: StoreName[], read: () => Promise<T>): IdbValue<T> {
  const [state, setState] = useState<IdbValue<T> & { key: string | null }>({ key, data: undefined, error: null, loading: key !== null });
  const storeList = stores.join(',');

  useEffect(() => {
    if (key === null) return;
    let live = true;
    let again = false;
    let busy = false;
    // Reads never overlap: a change during a read asks for one more read after it.
    const load = () => {
      if (busy) return void (again = true);
      busy = true;
      read()
        .then((data) => live && setState({ key, data, error: null, loading: false }))
        .catch((error: unknown) => live && setState((s) => ({ ...s, key, error, loading: false })))
        .finally(() => {
          busy = false;
          if (live && again) {
            again = false;
            load();
          }
        });
    };
    load();
    const off = onChange(storeList.split(',') as StoreName[], load);
    return () => {
      live = false;
      off();
    };
    // `read` is a new function each render; the key says when it reads something else.
  }, [key, storeList]);

  if (state.key !== key) return { data: undefined, error: null, loading: key !== null };
  return state;
}
