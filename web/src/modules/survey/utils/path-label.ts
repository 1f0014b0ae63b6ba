// An issue's path said in words: `boilers[1].capacity` → 「锅炉/燃气轮机 第 2 行 · 额定出力」.
import type { Lang } from '../../../api/client.ts';
import type { Field, FormDefinition } from '../../../../../src/domains/survey/forms/index.ts';
import { parsePath } from './answer-paths.ts';

export function pathLabel(def: FormDefinition | undefined, path: string, lang: Lang): string {
  const segs = parsePath(path);
  if (!def || !segs || segs.length === 0) return '';
  const parts: string[] = [];
  let fields: Field[] = def.fields;
  for (const s of segs) {
    const f = fields.find((x) => x.id === s.id);
    if (!f) return path;
    let text = lang === 'en' ? f.label.en : f.label.zh;
    if (s.index !== undefined) text += lang === 'en' ? ` row ${s.index + 1}` : ` 第 ${s.index + 1} 行`;
    parts.push(text);
    fields = f.type === 'group' ? f.fields : [];
  }
  return parts.join(' · ');
}
