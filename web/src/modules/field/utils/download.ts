// Downloading a work package with progress. fetch rather than the api client's get,
// because the body is read as a stream to count the bytes as they arrive.
import { networkError, toApiError } from '../../../api/client.ts';
import type { PackageDownload } from '../types.ts';
import { cacheStates } from '../hooks/use-states.ts';
import { storeDownload } from './unit-store.ts';

export interface DownloadProgress {
  phase: 'fetch' | 'store';
  loaded: number;
  /** Bytes expected, 0 when the server did not say (a compressed answer). */
  total: number;
}

export async function downloadPackage(id: number, onProgress: (p: DownloadProgress) => void): Promise<PackageDownload> {
  let res: Response;
  try {
    res = await fetch(`/api/v1/inventory/packages/${id}/download`, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  } catch {
    throw networkError();
  }
  if (!res.ok) throw toApiError(res.status, await res.json().catch(() => null));
  const total = Number(res.headers.get('content-length') ?? 0);
  const parts: Uint8Array[] = [];
  let loaded = 0;
  const reader = res.body!.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      loaded += value.byteLength;
      onProgress({ phase: 'fetch', loaded, total });
    }
  } catch {
    throw networkError();
  }
  const dl = JSON.parse(await new Blob(parts as BlobPart[]).text()) as PackageDownload;
  onProgress({ phase: 'store', loaded, total });
  await storeDownload(dl);
  // The states come with the package, so the form has them offline.
  await cacheStates().catch(() => undefined);
  return dl;
}
