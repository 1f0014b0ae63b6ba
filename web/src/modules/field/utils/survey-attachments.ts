// Files of survey answers on the device: a photo taken or chosen is kept in IndexedDB under an id
// made here, and the answer names it at once (offline). Before a form goes up, the sync uploads
// the files it names that are still here (POST /attachments; the same id again is a no-op on the
// server) and drops each once stored, so the server never sees a reference to a missing file.
import { api } from '../../../api/client.ts';
import { fileRefs } from '../../../../../src/domains/survey/engine/index.ts';
import { FORMS } from '../../../../../src/domains/survey/forms/index.ts';
import type { Attachments } from '../../survey/contexts/attachment-context.ts';
import type { LocalAttachment, LocalSubmission } from '../types.ts';
import { STORES, get, tx } from './field-db.ts';

/** The field app's attachments for one unit: kept on the device, opened nowhere until sent. */
export function deviceAttachments(unitKey: string): Attachments {
  return {
    async add(file, id) {
      const a: LocalAttachment = { id, unitKey, blob: file, name: file.name || 'photo.jpg', type: file.type, savedAt: new Date().toISOString() };
      await tx([STORES.attachments], 'readwrite', (t) => void t.objectStore(STORES.attachments).put(a));
      return { type: a.type };
    },
    href: () => undefined,
  };
}

/** Uploads the files the form names that wait on the device; an ApiError stops at the first refused. */
export async function uploadAttachments(sub: LocalSubmission, sourceId: number): Promise<void> {
  const def = FORMS.find((f) => f.code === sub.form && f.version === sub.version);
  if (!def) return;
  for (const ref of fileRefs(def.fields, sub.answers)) {
    const a = await tx([STORES.attachments], 'readonly', (t) => get<LocalAttachment>(t, STORES.attachments, ref.id));
    if (!a) continue; // sent already, or uploaded from the console
    const form = new FormData();
    form.append('id', a.id);
    form.append('sourceId', String(sourceId));
    form.append('name', a.name);
    form.append('file', a.blob, a.name); // last: the fields are read first
    await api.upload('/api/v1/attachments', form);
    await tx([STORES.attachments], 'readwrite', (t) => void t.objectStore(STORES.attachments).delete(a.id));
  }
}
