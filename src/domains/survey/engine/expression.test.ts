import { describe, expect, it } from 'vitest';
import { evaluate, type EvalEnv, type Row, type Scope } from './evaluate.ts';
import { ExpressionError, freeNames, parseExpression } from './expression.ts';
import { makeConverter } from './units.ts';
import { UNITS } from '../forms/code-tables/units.ts';

const forms: Record<string, Row> = { 'G101-2': { products: [{ name: 'a', output: 10, unit: 't' }, { name: 'b', output: 5, unit: 'kg' }] } };
const env: EvalEnv = {
  form: (c) => forms[c] ?? null,
  lookup: (t, c, a) => (t === 'fuels' && c === '01' && a === 'sulphurMax' ? 10 : null),
  convert: makeConverter(UNITS),
};

function run(src: string, row: Row = {}, parentRow?: Row): unknown {
  const parent: Scope | null = parentRow ? { row: parentRow, names: new Set(Object.keys(parentRow)), parent: null } : null;
  return evaluate(parseExpression(src), { row, names: new Set([...Object.keys(row), 'missing']), parent }, env);
}

describe('parsing', () => {
  it('respects precedence and associativity', () => {
    expect(run('1 + 2 * 3')).toBe(7);
    expect(run('(1 + 2) * 3')).toBe(9);
    expect(run('10 - 4 - 3')).toBe(3);
    expect(run('-2 * 3 + 10 % 4')).toBe(-4);
    expect(run('1 < 2 and 2 < 3 or false')).toBe(true);
    expect(run('not 1 > 2')).toBe(true);
  });

  it('reads strings with either quote and escapes', () => {
    expect(run("'a' + \"b\"")).toBe('ab');
    expect(run("'it\\'s'")).toBe("it's");
  });

  it('refuses what it cannot read, saying where', () => {
    expect(() => parseExpression('1 +')).toThrow(ExpressionError);
    expect(() => parseExpression("'open")).toThrow(/unterminated/);
    expect(() => parseExpression('a ; b')).toThrow(/unexpected character/);
    expect(() => parseExpression('eval(1)')).toThrow(/unknown function eval/);
    expect(() => parseExpression('sum()')).toThrow(/takes 1–20 arguments/);
    expect(() => parseExpression('1e309')).toThrow(/not finite/);
    expect(() => parseExpression('a.')).toThrow(/field name/);
    expect(() => parseExpression('x'.repeat(5000))).toThrow(/longer than/);
    expect(() => parseExpression('('.repeat(100) + '1' + ')'.repeat(100))).toThrow(/nested deeper/);
    expect(() => parseExpression('-'.repeat(100) + '1')).toThrow(/nested deeper/);
  });

  it('lists the names an expression reads (not it, not members)', () => {
    expect([...freeNames(parseExpression('sum(a, b.c) + count(filter(rows, it.x == y))'))].sort()).toEqual(['a', 'b', 'rows', 'y']);
  });
});

describe('null propagates', () => {
  it('through arithmetic and ordering, but not through == null', () => {
    expect(run('missing + 1')).toBeNull();
    expect(run('missing > 1')).toBeNull();
    expect(run('missing == 1')).toBeNull();
    expect(run('missing == null')).toBe(true);
    expect(run('missing != null')).toBe(false);
    expect(run('x != null', { x: 0 })).toBe(true);
  });

  it('with three-valued and / or / not', () => {
    expect(run('missing > 1 and false')).toBe(false);
    expect(run('missing > 1 and true')).toBeNull();
    expect(run('missing > 1 or true')).toBe(true);
    expect(run('missing > 1 or false')).toBeNull();
    expect(run('not (missing > 1)')).toBeNull();
  });

  it('and never yields a non-finite number', () => {
    expect(run('1 / 0')).toBeNull();
    expect(run('5 % 0')).toBeNull();
    expect(run('1e300 * 1e300')).toBeNull();
    expect(run("'a' * 2")).toBeNull();
  });
});

describe('names and scopes', () => {
  it('finds a field in the row, then in the rows around it', () => {
    expect(run('x + y', { x: 1 }, { y: 2 })).toBe(3);
    // Defined at the inner level but unanswered: null, not the outer value.
    const inner: Scope = { row: {}, names: new Set(['y']), parent: { row: { y: 2 }, names: new Set(['y']), parent: null } };
    expect(evaluate(parseExpression('y'), inner, env)).toBeNull();
  });

  it('never reaches the prototype', () => {
    expect(run('constructor')).toBeNull();
    expect(run('x.constructor', { x: {} })).toBeNull();
    expect(run('x.__proto__', { x: {} })).toBeNull();
    expect(run("form('G101-2').toString")).toBeNull();
  });

  it('maps a member over a list of rows and indexes lists', () => {
    expect(run("form('G101-2').products.output")).toEqual([10, 5]);
    expect(run("form('G101-2').products[1].name")).toBe('b');
    expect(run("form('G101-2').products[9]")).toBeNull();
    expect(run("form('G999').products")).toBeNull();
  });
});

describe('functions', () => {
  it('aggregate', () => {
    expect(run("sum(form('G101-2').products.output)")).toBe(15);
    expect(run('sum(a, b, 3)', { a: 1, b: null })).toBe(4);
    expect(run('sum(a, b)', { a: null, b: null })).toBeNull();
    expect(run('sum(x)', { x: [] })).toBe(0);
    expect(run('count(x)', { x: [1, null, 3] })).toBe(2);
    expect(run('min(3, x)', { x: [1, 7] })).toBe(1);
    expect(run('max(3, x)', { x: [1, 7] })).toBe(7);
    expect(run('avg(x)', { x: [1, 2, 6] })).toBe(3);
    expect(run('avg(x)', { x: [] })).toBeNull();
  });

  it('choose and test', () => {
    expect(run("if(x > 1, 'big', 'small')", { x: 2 })).toBe('big');
    expect(run("if(missing > 1, 'big', 'small')")).toBeNull();
    expect(run("coalesce(missing, '', 3)")).toBe(3);
    expect(run('empty(missing) and present(x) and empty(y)', { x: 'a', y: [] })).toBe(true);
    expect(run("len('普查') + len(x)", { x: [1, 2] })).toBe(4);
    expect(run("'b' in ['a', 'b']")).toBe(true);
    expect(run('missing in [1]')).toBeNull();
    expect(run('between(5, 1, 10) and not between(11, 1, 10)')).toBe(true);
    expect(run("selected(x, 'b') and not selected(x, 'c')", { x: ['a', 'b'] })).toBe(true);
  });

  it('round, abs and text', () => {
    expect(run('round(2.675, 2)')).toBe(2.68);
    expect(run('round(-1.5)')).toBe(-2);
    expect(run('abs(-3)')).toBe(3);
    expect(run("startsWith('3110', '08', '31')")).toBe(true);
    expect(run("endsWith('900-041-49', '-49')")).toBe(true);
    expect(run("substr('HW49', 2)")).toBe('49');
    expect(run("substr('HW49', 0, 2)")).toBe('HW');
    expect(run("contains('COD NH3N TN', 'TN') and not contains('COD NH3N', 'N')")).toBe(true);
  });

  it('filter and map bind each element as it', () => {
    expect(run("map(filter(form('G101-2').products, it.output > 6), it.name)")).toEqual(['a']);
    expect(run("sum(map(form('G101-2').products, convert(it.output, it.unit, 'kg')))")).toBe(10005);
    expect(run('count(filter(rows, it.k == k))', { rows: [{ k: 1 }, { k: 2 }, { k: 1 }], k: 1 })).toBe(2);
    expect(run('all(map(rows, it > 0)) and any(map(rows, it > 2))', { rows: [1, 3] })).toBe(true);
  });

  it('convert units, look up code tables, count days', () => {
    expect(run("convert(3, 't', 'kg')")).toBe(3000);
    expect(run("convert(3, 't', 'm3')")).toBeNull();
    expect(run("lookup('fuels', '01', 'sulphurMax')")).toBe(10);
    expect(run('days(p)', { p: { from: '2017-01-01', to: '2017-12-31' } })).toBe(365);
    expect(run("year('2017-05-01')")).toBe(2017);
  });
});
