// Every form's template read back by our reader: blank gives no answers, the example sets'
// answers come back equal (files excepted: they travel through the console), for every type.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FORMS } from '../forms/index.ts';
import { exampleFarm } from '../forms/example-others.ts';
import { exampleEnterprise } from '../forms/example-set.ts';
import { getForm } from '../submissions/forms.ts';
import { readTemplate } from './read-workbook.ts';
import { templateWorkbook } from './template.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'survey-xlsx-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function roundTrip(code: string, version: number, answers: Record<string, unknown>) {
  const file = path.join(dir, `${code}.xlsx`);
  fs.writeFileSync(file, await templateWorkbook(getForm(code, version), { form: code, version, sourceId: 7, submissionId: null, rev: null }, answers));
  return readTemplate(file);
}

describe('survey XLSX templates read back', () => {
  it.each(FORMS.map((f) => [f.code, f.version] as const))('blank %s v%i gives no answers', async (code, version) => {
    const r = await roundTrip(code, version, {});
    expect(r.problems).toEqual([]);
    expect(r.answers).toEqual({});
    expect(r.meta).toMatchObject({ form: code, version, sourceId: 7 });
  });

  const sets = [...exampleEnterprise().forms, ...exampleFarm().forms];
  it.each(sets.map((s) => [s.form, s] as const))('the example answers of %s come back equal', async (_code, s) => {
    const def = getForm(s.form, s.version);
    const files = new Set(def.fields.filter((f) => f.type === 'file').map((f) => f.id));
    const expected = Object.fromEntries(Object.entries(s.answers as Record<string, unknown>).filter(([k]) => !files.has(k)));
    const r = await roundTrip(s.form, s.version, s.answers as Record<string, unknown>);
    expect(r.problems).toEqual([]);
    expect(r.answers).toEqual(expected);
  });
});
