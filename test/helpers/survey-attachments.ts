// Uploads a small file of the right type for every file a set of forms references, so that
// saving those forms passes the check that each named attachment is stored for the source.
import { expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { referencedFiles } from '../../src/domains/survey/submissions/rules.ts';
import type { Session } from './app.ts';
import { upload } from './multipart.ts';

export const SAMPLE_FILES: Record<string, Buffer> = {
  'image/jpeg': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]),
  'image/png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
  'application/pdf': Buffer.from('%PDF-1.4\n%%EOF\n'),
};

export async function uploadReferenced(app: FastifyInstance, s: Session, sourceId: number, forms: { form: string; version?: number; answers: unknown }[]) {
  for (const f of forms) {
    for (const r of referencedFiles(f.form, f.version ?? 1, f.answers)) {
      const res = await upload(app, s, '/api/v1/attachments', [
        { name: 'id', content: r.id }, { name: 'sourceId', content: String(sourceId) },
        { name: 'file', filename: r.name ?? 'file', content: SAMPLE_FILES[r.type] },
      ]);
      expect(res.statusCode, res.body).toBeLessThan(300);
    }
  }
}
