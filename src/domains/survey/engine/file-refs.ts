// The files a form's answers reference: every { id, type } under a `file` field, at any depth of
// repeat groups. The server checks that each names an attachment stored for the source; the
// field app uploads the ones still on the device before it sends the form. Answers of the wrong
// shape are skipped (the engine refuses them with their own issue), and so are a group longer than
// its maxRows and a list longer than maxFiles, which the engine refuses whole.
import type { Field } from '../forms/types.ts';

export interface FileRef {
  id: string;
  type: string;
  name?: string;
}

const ID = /^[A-Za-z0-9_-]{1,128}$/;
const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const withFiles = new WeakMap<Field[], boolean>();
/** Whether a level (or a group under it) has a file field; computed once per definition. */
function hasFiles(fields: Field[]): boolean {
  let v = withFiles.get(fields);
  if (v === undefined) {
    v = fields.some((f) => f.type === 'file' || (f.type === 'group' && hasFiles(f.fields)));
    withFiles.set(fields, v);
  }
  return v;
}

/** The file references of one level's answers (a form's, or a row's), in definition order, each id once. */
export function fileRefs(fields: Field[], answers: unknown, out: FileRef[] = [], seen = new Set<string>()): FileRef[] {
  if (!isPlain(answers) || !hasFiles(fields)) return out;
  for (const f of fields) {
    const v = answers[f.id];
    if (f.type === 'group') {
      if (Array.isArray(v) && v.length <= f.maxRows && hasFiles(f.fields)) for (const row of v) fileRefs(f.fields, row, out, seen);
    } else if (f.type === 'file') {
      const list = Array.isArray(v) ? v : [v];
      if (list.length > f.maxFiles) continue; // refused whole by the engine
      for (const r of list) {
        if (isPlain(r) && typeof r.id === 'string' && ID.test(r.id) && typeof r.type === 'string' && !seen.has(r.id)) {
          seen.add(r.id);
          out.push(typeof r.name === 'string' ? { id: r.id, type: r.type, name: r.name } : { id: r.id, type: r.type });
        }
      }
    }
  }
  return out;
}
