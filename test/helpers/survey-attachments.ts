// Uploads a small file of the right type for every file a set of forms references, so that
// saving those forms passes the check that each named attachment is stored for the source.
import { expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { referencedFiles } from '../../src/domains/survey/submissions/rules.ts';
import type { Session } from './app.ts';
import { httpCall, type HttpSession } from './http-session.ts';
import { upload } from './multipart.ts';

export const SAMPLE_FILES: Record<string, Buffer> = {
  'image/jpeg': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]),
  'image/png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
  'application/pdf': Buffer.from('%PDF-1.4\n%%EOF\n'),
};

type Forms = { form: string; version?: number; answers: unknown }[];
const refsOf = (forms: Forms) => forms.flatMap((f) => referencedFiles(f.form, f.version ?? 1, f.answers));

/** Through the in-process app. */
export async function uploadReferenced(app: FastifyInstance, s: Session, sourceId: number, forms: Forms) {
  for (const r of refsOf(forms)) {
    const res = await upload(app, s, '/api/v1/attachments', [
      { name: 'id', content: r.id }, { name: 'sourceId', content: String(sourceId) },
      { name: 'file', filename: r.name ?? 'file', content: SAMPLE_FILES[r.type] },
    ]);
    expect(res.statusCode, res.body).toBeLessThan(300);
  }
}

/** Through a server process (e2e). */
export async function httpUploadReferenced(s: HttpSession, sourceId: number, forms: Forms) {
  for (const r of refsOf(forms)) {
    const form = new FormData();
    form.append('id', r.id);
    form.append('sourceId', String(sourceId));
    form.append('file', new Blob([new Uint8Array(SAMPLE_FILES[r.type])]), r.name ?? 'file');
    await httpCall(s, 'POST', '/api/v1/attachments', form);
  }
}
