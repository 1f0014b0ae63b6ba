// Rows of the survey for the access matrix: a submission of a source in 乐清市城东街道 (inside
// every county account's scope, but not the demo respondent's own source) and one in
// 重庆市北碚区 (another province). Forms are national: the "other" form is a code that does not
// exist, so it reads as not found like any row out of reach. An invitation code and an
// attachment (a PNG's first bytes, on disk) of each.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { filePath } from '../../src/domains/survey/submissions/file-store.ts';
import type { TestApp } from '../helpers/app.ts';

type Pair = { own: string; other: string };

export async function surveyFixtures(t: TestApp, sourceId: (region: string, name?: string) => Promise<number>): Promise<{ submission: Pair; form: Pair; invitation: Pair; attachment: Pair }> {
  const db = t.ctx.db;
  const make = async (region: string) => {
    const id = randomUUID();
    await db.insertInto('submissions').values({
      id, source_id: await sourceId(region, `矩阵调查对象${region}`), region_code: region, province_code: `${region.slice(0, 2)}0000`, form: 'G101-1', version: 1,
      status: 'draft', answers: '{}', explanations: '{}', computed: '{}', issues: '[]', ready: false, blocking: 1, warnings: 0, unexplained: 0, content_hash: '0'.repeat(64),
    }).execute();
    await db.insertInto('submission_revisions').values({ submission_id: id, province_code: `${region.slice(0, 2)}0000`, rev: 1, status: 'draft', answers: '{}', explanations: '{}', content_hash: '0'.repeat(64), by_user: null }).execute();
    return id;
  };
  const invitation = async (region: string) => String((await db.insertInto('survey_invitations').values({
    source_id: await sourceId(region, `矩阵邀请对象${region}`), region_code: region, province_code: `${region.slice(0, 2)}0000`,
    code_hash: randomUUID().replace(/-/g, '').padEnd(43, 'x'), expires_at: new Date(Date.now() + 86_400_000), created_by: null,
  }).returning('id').executeTakeFirstOrThrow()).id);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const sha256 = createHash('sha256').update(png).digest('hex');
  fs.mkdirSync(path.dirname(filePath(t.ctx.config.dataDir, sha256)), { recursive: true });
  fs.writeFileSync(filePath(t.ctx.config.dataDir, sha256), png);
  const attachment = async (region: string) => {
    const id = `matrix-${randomUUID()}`;
    await db.insertInto('submission_attachments').values({
      id, source_id: await sourceId(region, `矩阵附件对象${region}`), region_code: region, province_code: `${region.slice(0, 2)}0000`,
      mime: 'image/png', bytes: png.length, sha256, name: '矩阵.png', uploaded_by: null,
    }).execute();
    return id;
  };
  return {
    attachment: { own: await attachment('330382001'), other: await attachment('500109') },
    submission: { own: await make('330382001'), other: await make('500109') }, form: { own: 'G101-1', other: 'Z999' },
    invitation: { own: await invitation('330382001'), other: await invitation('500109') },
  };
}
