// The catalogue and the form definitions as the console renders them. Forms are national data,
// the same for every caller, so nothing here depends on scope.
import { AppError } from '../../../core/errors.ts';
import { CATALOGUE, FORMS } from '../forms/index.ts';

export function listForms() {
  return {
    items: CATALOGUE.map((e) => ({
      code: e.code, nameZh: e.name.zh, nameEn: e.name.en, category: e.category, fills: e.kinds, defined: e.defined,
      versions: FORMS.filter((f) => f.code === e.code).map((f) => f.version).sort((a, b) => a - b),
      ...(e.applies ? { applies: e.applies } : {}), ...(e.note ? { note: e.note } : {}),
    })),
  };
}

/** One definition: the given version, else the latest. */
export function getForm(code: string, version?: number) {
  const all = FORMS.filter((f) => f.code === code);
  const def = version === undefined ? all.reduce<(typeof all)[number] | undefined>((m, f) => (!m || f.version > m.version ? f : m), undefined) : all.find((f) => f.version === version);
  if (!def) throw new AppError('SURVEY_FORM_NOT_FOUND', { code: code.slice(0, 20), version: version ?? '—' });
  return def;
}
