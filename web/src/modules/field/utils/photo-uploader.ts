// Photos go up in the background, one at a time, after the records: a photo waits
// until its unit has a server source id. A network or server failure backs off
// (2 s … 5 min); a file the server refuses for good is marked and left for the taker.
import { api, isApiError } from '../../../api/client.ts';
import type { LocalPhoto, LocalUnit } from '../types.ts';
import { STORES, get, getAll, notify, tx } from './field-db.ts';
import { backoffMs } from './outbox-rules.ts';
import { setSyncStatus } from './sync-status.ts';

let active = false;
let timer: ReturnType<typeof setTimeout> | undefined;

interface Next {
  photo: LocalPhoto;
  sourceId: number;
}

/** The next photo ready to go, and when the next waiting one will be (for the timer). */
async function pick(now: number): Promise<{ next?: Next; wakeAt?: number }> {
  return tx([STORES.photos, STORES.units], 'readonly', async (t) => {
    const photos = (await getAll<LocalPhoto>(t, STORES.photos)).filter((p) => !p.failed).sort((a, b) => a.takenAt.localeCompare(b.takenAt));
    let wakeAt: number | undefined;
    for (const photo of photos) {
      if (photo.nextAt > now) {
        wakeAt = Math.min(wakeAt ?? Infinity, photo.nextAt);
        continue;
      }
      const unit = await get<LocalUnit>(t, STORES.units, photo.unitKey);
      if (unit?.sourceId != null) return { next: { photo, sourceId: unit.sourceId } };
    }
    return { wakeAt };
  });
}

function form(p: LocalPhoto, sourceId: number): FormData {
  // The server reads the fields before the file: the file goes last.
  const f = new FormData();
  f.append('id', p.id);
  f.append('sourceId', String(sourceId));
  f.append('takenAt', p.takenAt);
  if (p.lat !== undefined && p.lng !== undefined) {
    f.append('lat', String(p.lat));
    f.append('lng', String(p.lng));
  }
  f.append('file', p.blob, p.name);
  return f;
}

async function update(id: string, fn: (p: LocalPhoto) => LocalPhoto | null) {
  await tx([STORES.photos], 'readwrite', async (t) => {
    const p = await get<LocalPhoto>(t, STORES.photos, id);
    if (!p) return;
    const next = fn(p);
    if (next) t.objectStore(STORES.photos).put(next);
    else t.objectStore(STORES.photos).delete(id);
  });
  notify(STORES.photos);
}

async function loop() {
  while (navigator.onLine) {
    const { next, wakeAt } = await pick(Date.now());
    if (!next) {
      if (wakeAt !== undefined) timer = setTimeout(kickPhotos, Math.max(0, wakeAt - Date.now()));
      return;
    }
    setSyncStatus({ uploading: true });
    try {
      await api.upload('/api/v1/inventory/photos', form(next.photo, next.sourceId));
      await update(next.photo.id, () => null); // stored on the server (a resend of the same id is a no-op there)
      setSyncStatus({ photoError: null });
    } catch (e) {
      setSyncStatus({ photoError: e });
      // A 4xx about the file itself is final; sessions, rate limits and timeouts are worth waiting out.
      const refused = isApiError(e) && e.status >= 400 && e.status < 500 && ![401, 403, 408, 429].includes(e.status) ? e.text : undefined;
      await update(next.photo.id, (p) => (refused ? { ...p, failed: refused } : { ...p, tries: p.tries + 1, nextAt: Date.now() + backoffMs(p.tries + 1) }));
      if (isApiError(e, 'NETWORK') || isApiError(e, 'AUTH_REQUIRED')) return; // the online event or a new login restarts
    } finally {
      setSyncStatus({ uploading: false });
    }
  }
}

/** Starts the uploader unless it runs already. */
export function kickPhotos() {
  clearTimeout(timer);
  if (active) return;
  active = true;
  void loop()
    .catch((e: unknown) => setSyncStatus({ photoError: e }))
    .finally(() => (active = false));
}

/** Gives a refused photo another chance (the taker asked). */
export async function retryPhoto(id: string) {
  await update(id, (p) => ({ ...p, failed: undefined, tries: 0, nextAt: 0 }));
  kickPhotos();
}

export async function discardPhoto(id: string) {
  await update(id, () => null);
}
