// The console's attachments: each chosen file goes straight to POST /attachments for the source
// on screen, under an id made here (a retry is the same file); the answer records the type the
// server judged from the bytes, which the save checks against what is stored.
import { api } from '../../../api/client.ts';
import type { Attachments } from '../contexts/attachment-context.ts';

export const attachmentUrl = (id: string) => `/api/v1/attachments/${encodeURIComponent(id)}`;

export function consoleAttachments(sourceId: number): Attachments {
  return {
    async add(file, id) {
      const form = new FormData();
      form.append('id', id);
      form.append('sourceId', String(sourceId));
      form.append('name', file.name);
      form.append('file', file, file.name); // last: the fields are read first
      const r = await api.upload<{ mime: string }>('/api/v1/attachments', form);
      return { type: r.mime };
    },
    href: attachmentUrl,
  };
}
