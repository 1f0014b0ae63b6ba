// Properties of the survey's rule engine over generated input (fast-check, seeded): any answers,
// against the real form definitions, give a verdict and never an exception; the browser build
// (bundled by esbuild for the browser platform, as Vite does) gives the server's verdict; the
// expression parser only ever refuses with an ExpressionError; numeric bounds hold at the edge.
import { build } from 'esbuild';
import fc from 'fast-check';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CODE_TABLES } from '../forms/code-tables/index.ts';
import { dec, int } from '../forms/build.ts';
import { exampleEnterprise } from '../forms/example-set.ts';
import { OTHER_EXAMPLES } from '../forms/example-others.ts';
import type { CatalogueEntry } from '../forms/types.ts';
import { serverEngine } from '../server-engine.ts';
import { createEngine, type Engine, type SubmissionSet, type Verdict } from './engine.ts';
import { ExpressionError, FUNCTIONS, parseExpression } from './expression.ts';

const RUNS = { seed: 20180303, numRuns: 300 };

// Answers of every awkward kind: NaN, ±Infinity, -0, 1e309 written as text, numbers as text,
// nested arrays and objects, null, and (through the arrays) holes of the wrong type.
const leaf = fc.oneof(
  fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.string({ maxLength: 12 }),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53 + 1),
  fc.constantFrom('1e309', '-1e309', '1e3', 'NaN', 'Infinity', '-0', ' 12 ', '1,000', '0x10', '', '   ', '01', '2017-12-31', '2017-02-30', '\u0000'),
);
const { junk } = fc.letrec<{ junk: unknown }>((tie) => ({
  junk: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('junk'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 8 }), tie('junk'), { maxKeys: 4 })),
}));

const EXAMPLES: SubmissionSet[] = [exampleEnterprise(), ...Object.values(OTHER_EXAMPLES).map((f) => f())];

/** One example set with some of its answers (top level or inside a repeat group's row) replaced by junk. */
const mutatedSet = fc.tuple(fc.nat(EXAMPLES.length - 1), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), junk), { minLength: 1, maxLength: 6 }))
  .map(([which, edits]) => {
    const set = structuredClone(EXAMPLES[which]) as { source: unknown; forms: { answers: Record<string, unknown> }[] };
    for (const [f, k, row, value] of edits) {
      const answers = set.forms[f % set.forms.length].answers;
      const keys = Object.keys(answers);
      if (!keys.length) continue;
      const key = keys[k % keys.length];
      const rows = answers[key];
      if (Array.isArray(rows) && rows.length && rows[0] && typeof rows[0] === 'object') {
        const r = rows[row % rows.length];
        if (r && typeof r === 'object' && !Array.isArray(r)) {
          const inner = Object.keys(r);
          if (inner.length) (r as Record<string, unknown>)[inner[row % inner.length]] = value;
        } else rows[row % rows.length] = value;
      } else answers[key] = value;
    }
    return set as SubmissionSet;
  });
/** A real form with answers that are junk from the top. */
const junkAnswers = fc.tuple(fc.nat(EXAMPLES.length - 1), fc.nat(), fc.dictionary(fc.string({ maxLength: 12 }), junk, { maxKeys: 8 }), fc.option(junk))
  .map(([which, f, answers, explanations]) => {
    const set = EXAMPLES[which];
    const form = set.forms[f % set.forms.length];
    return { source: set.source, forms: [{ form: form.form, version: form.version, answers, explanations }] } as unknown;
  });

function wellFormed(v: Verdict) {
  expect(Array.isArray(v.issues)).toBe(true);
  for (const i of v.issues) {
    expect(['blocking', 'warning']).toContain(i.severity);
    expect(typeof i.message.zh === 'string' && typeof i.message.en === 'string').toBe(true);
  }
  const { blocking, warnings, ready } = v.summary;
  expect(blocking).toBe(v.issues.filter((i) => i.severity === 'blocking').length);
  expect(warnings).toBe(v.issues.filter((i) => i.severity === 'warning').length);
  expect(ready).toBe(blocking === 0 && v.summary.unexplained === 0);
}

describe('engine properties', () => {
  const engine = serverEngine();

  it('real forms with some answers turned to junk: a verdict, never an exception', () => {
    fc.assert(fc.property(mutatedSet, fc.boolean(), (set, partial) => wellFormed(engine.evaluateSet(set, { partial }))), RUNS);
  });

  it('real forms with junk answers, and sets that are junk themselves: a verdict, never an exception', () => {
    fc.assert(fc.property(fc.oneof(junkAnswers, junk), (set) => wellFormed(engine.evaluateSet(set))), RUNS);
  });

  describe('the browser build', () => {
    let browser: Engine;
    beforeAll(async () => {
      const repo = path.resolve(import.meta.dirname, '../../../..');
      const entry = `
        import { censusEngine } from './src/domains/survey/forms/index.ts';
        import { checkIndustryCode } from './src/domains/directory/rules/industry.ts';
        export const engine = censusEngine({ industry: (c) => /^\\d{4}$/.test(c) && checkIndustryCode(c).ok });`;
      const out = await build({
        stdin: { contents: entry, resolveDir: repo, sourcefile: 'engine-entry.ts', loader: 'ts' },
        bundle: true, write: false, format: 'iife', globalName: 'SurveyEngine', platform: 'browser', target: 'es2022', logLevel: 'silent',
      });
      // The bundle run as a page would run it (in this realm, so answers pass as they are).
      browser = new Function(`${out.outputFiles[0].text}; return SurveyEngine.engine;`)() as Engine;
    });

    it('gives the server engine\'s verdict for the same junk', () => {
      fc.assert(fc.property(fc.oneof(mutatedSet, junkAnswers), (set) => {
        expect(browser.evaluateSet(structuredClone(set))).toEqual(engine.evaluateSet(structuredClone(set)));
      }), { ...RUNS, numRuns: 150 });
    });
  });

  it('the expression parser returns a tree or refuses with an ExpressionError, nothing else', () => {
    const tokens = ['(', ')', '[', ']', ',', '.', '+', '-', '*', '/', '==', '!=', '<=', '>=', '<', '>', 'and', 'or', 'not', 'in', 'it', 'null', 'true',
      '1', '2.5', '1e309', '"x"', "'y'", 'a', 'fuels', ...Object.keys(FUNCTIONS), ' ', '\\', '"', "'", '\u0000', '\ud800'];
    const grammarish = fc.array(fc.constantFrom(...tokens), { maxLength: 30 }).map((a) => a.join(' '));
    const deep = fc.integer({ min: 1, max: 3000 }).map((n) => `${'('.repeat(n)}1${')'.repeat(n)}`);
    fc.assert(fc.property(fc.oneof(grammarish, fc.string({ unit: 'binary', maxLength: 80 }), deep, fc.string({ maxLength: 5000 })), (src) => {
      try {
        const node = parseExpression(src);
        expect(node).toBeTypeOf('object');
      } catch (e) {
        expect(e, String(e)).toBeInstanceOf(ExpressionError);
      }
    }), RUNS);
  });

  describe('numeric bounds hold at the edge', () => {
    const catalogue: CatalogueEntry[] = [{ code: 'B1', name: { zh: '界', en: 'Bounds' }, category: 'G', kinds: ['enterprise'], defined: true }];
    const source = { category: 'G' as const, kind: 'enterprise' as const };
    const bounds = fc.tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 4 }));
    const issuesAt = (e: Engine, answers: Record<string, unknown>) =>
      e.evaluateSet({ source, forms: [{ form: 'B1', version: 1, answers }] }, { partial: true }).issues.map((i) => `${i.path} ${i.rule}`);

    it('an integer: min and max pass, one beyond is out of range', () => {
      fc.assert(fc.property(bounds, ([min, span]) => {
        const e = createEngine({ catalogue, tables: CODE_TABLES, forms: [{ code: 'B1', version: 1, title: { zh: '界', en: 'Bounds' }, fields: [int('n', '数', 'N', { min, max: min + span })] }] });
        expect(issuesAt(e, { n: min })).toEqual([]);
        expect(issuesAt(e, { n: min + span })).toEqual([]);
        expect(issuesAt(e, { n: String(min + span) })).toEqual([]);
        expect(issuesAt(e, { n: min - 1 })).toEqual(['n field.range']);
        expect(issuesAt(e, { n: min + span + 1 })).toEqual(['n field.range']);
      }), RUNS);
    });

    /** `units` × 10^-scale written out exactly (no float arithmetic on the way). */
    const written = (units: number, scale: number) => {
      const digits = String(Math.abs(units)).padStart(scale + 1, '0');
      const body = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
      return units < 0 ? `-${body}` : body;
    };

    it('a decimal with places: the bounds written to the last place pass, one unit of the last place beyond does not', () => {
      fc.assert(fc.property(bounds, ([min, span, places]) => {
        const max = min + span;
        const e = createEngine({ catalogue, tables: CODE_TABLES, forms: [{ code: 'B1', version: 1, title: { zh: '界', en: 'Bounds' }, fields: [dec('d', '数', 'D', { min, max, decimals: places })] }] });
        const unit = 10 ** places;
        expect(issuesAt(e, { d: written(min * unit, places) })).toEqual([]);
        expect(issuesAt(e, { d: written(max * unit, places) })).toEqual([]);
        expect(issuesAt(e, { d: max })).toEqual([]);
        expect(issuesAt(e, { d: written(max * unit + 1, places) })).toEqual(['d field.range']);
        expect(issuesAt(e, { d: written(min * unit - 1, places) })).toEqual(['d field.range']);
        // Inside the range, one place too many: refused for its places, as text and as a number.
        if (span > 0) {
          expect(issuesAt(e, { d: written(min * unit * 10 + 1, places + 1) })).toEqual(['d field.decimals']);
          expect(issuesAt(e, { d: Number(written(min * unit * 10 + 5, places + 1)) })).toEqual(['d field.decimals']);
        }
        // -0 is 0: inside any range that holds 0.
        if (min <= 0 && max >= 0) expect(issuesAt(e, { d: -0 })).toEqual([]);
      }), RUNS);
    });
  });
});
