import { describe, expect, it } from 'vitest';
import { checkIndustryCode } from '../../directory/index.ts';
import { CATALOGUE, CODE_TABLES, DEFINED_CODES, FORMS, RADIOACTIVE_INDUSTRIES, censusEngine } from './index.ts';
import type { Field } from './types.ts';

// Every form code of census-facts §3, as listed there.
const FACTS_CODES = [
  'G101-1', 'G101-2', 'G101-3', 'G102', ...Array.from({ length: 13 }, (_, i) => `G103-${i + 1}`), 'G104-1', 'G104-2', 'G105',
  'G106-1', 'G106-2', 'G106-3', 'G107', 'G108',
  'N101-1', 'N101-2', 'N201-1', 'N201-2', 'N201-3', 'N202', 'N203',
  'S101', 'S102', 'S103', 'S104', 'S105', 'S106', 'S201', 'S202',
  'J101-1', 'J101-2', 'J101-3', 'J102-1', 'J102-2', 'J103-1', 'J103-2', 'J104-1', 'J104-2', 'J104-3',
  'Y101', 'Y102', 'Y103', 'Y201-1', 'Y201-2', 'Y202-1', 'Y202-2', 'Y202-3', 'Y202-4', 'Y203',
];
// The forms issue 5 asks to define in full.
const ASKED = ['G101-1', 'G101-2', 'G101-3', 'G102', 'G103-1', 'G103-11', 'G104-1', 'G104-2', 'G106-1', 'G106-2', 'G106-3', 'G107',
  'N101-1', 'N101-2', 'S103', 'S104', 'S105', 'J101-1', 'J101-2', 'J101-3', 'Y102'];

function* walk(fields: Field[]): Generator<Field> {
  for (const f of fields) {
    yield f;
    if (f.type === 'group') yield* walk(f.fields);
  }
}

describe('the catalogue', () => {
  it('lists every form code of the 报表制度 once, with names in both languages and its category by prefix', () => {
    expect(CATALOGUE.map((e) => e.code).sort()).toEqual([...FACTS_CODES].sort());
    for (const e of CATALOGUE) {
      expect(e.name.zh).toMatch(/\p{Script=Han}/u);
      expect(e.name.en).toMatch(/^[A-Z]/);
      expect(e.code[0]).toBe(e.category);
      expect(e.kinds.length).toBeGreaterThan(0);
    }
  });

  it('defines the 21 forms asked for, each with exactly one definition at version 1', () => {
    expect([...DEFINED_CODES].sort()).toEqual([...ASKED].sort());
    expect(FORMS.map((f) => f.code).sort()).toEqual([...ASKED].sort());
    for (const f of FORMS) expect(f.version).toBe(1);
    for (const f of FORMS) expect(f.title).toEqual(CATALOGUE.find((e) => e.code === f.code)!.name);
  });

  it('notes what public sources tell of every form not defined yet', () => {
    for (const e of CATALOGUE.filter((x) => !x.defined)) expect(e.note, e.code).toBeTruthy();
  });

  it('builds: every expression parses and reads only names in its scope', () => {
    expect(() => censusEngine()).not.toThrow();
  });

  it('labels every field in Chinese and English, with a unit or a hint on every number', () => {
    for (const form of FORMS) {
      for (const f of walk(form.fields)) {
        expect(f.label.zh, `${form.code} ${f.id}`).toMatch(/\p{Script=Han}/u);
        expect(f.label.en, `${form.code} ${f.id}`).toMatch(/^[A-Za-z"γ%]/);
        if (f.type === 'decimal' && !f.calculate) expect(Boolean(f.unit || f.unitField || f.hint), `${form.code} ${f.id} needs a unit`).toBe(true);
      }
    }
  });

  it('names real GB/T 4754-2017 classes for the radioactive-mineral industries', () => {
    for (const c of RADIOACTIVE_INDUSTRIES) expect(checkIndustryCode(c), c).toMatchObject({ ok: true, level: 'class' });
  });
});

describe('code tables', () => {
  it('have unique ids and unique codes with both names', () => {
    expect(new Set(CODE_TABLES.map((t) => t.id)).size).toBe(CODE_TABLES.length);
    for (const t of CODE_TABLES) {
      expect(new Set(t.entries.map((e) => e.code)).size, t.id).toBe(t.entries.length);
      for (const e of t.entries) expect(e.zh && e.en, `${t.id} ${e.code}`).toBeTruthy();
    }
  });

  it('give every fuel ordered bounds: physical min ≤ usual min ≤ usual max ≤ physical max', () => {
    const fuels = CODE_TABLES.find((t) => t.id === 'fuels')!;
    for (const f of fuels.entries) {
      for (const p of ['ncv', 'sulphur', 'ash']) {
        const a = f.attrs!;
        if (a[`${p}Min`] === undefined) continue;
        const [min, tmin, tmax, max] = [a[`${p}Min`], a[`${p}TypMin`], a[`${p}TypMax`], a[`${p}Max`]] as number[];
        expect(min <= tmin && tmin <= tmax && tmax <= max, `${f.code} ${p}`).toBe(true);
      }
    }
  });

  it('give every treatment a medium, the pollutants it removes and an efficiency range', () => {
    const pollutants = new Set(CODE_TABLES.find((t) => t.id === 'pollutants')!.entries.map((e) => e.code));
    for (const t of CODE_TABLES.find((x) => x.id === 'treatments')!.entries) {
      for (const p of String(t.attrs!.removes).split(' ')) expect(pollutants.has(p), `${t.code} ${p}`).toBe(true);
      expect(Number(t.attrs!.etaMin)).toBeLessThanOrEqual(Number(t.attrs!.etaMax));
    }
  });
});
