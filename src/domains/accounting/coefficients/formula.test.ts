import { describe, expect, it } from 'vitest';
import { FormulaError, parseFormula } from './formula.ts';

describe('coefficient formulas', () => {
  it('evaluates a formula of one parameter with precedence and parentheses', () => {
    expect(parseFormula('19*S').evaluate(0.8)).toBe(15.2);
    const pm = parseFormula(' 1.6 * A + 0.2 ');
    expect(pm.text).toBe('1.6*A+0.2');
    expect(pm.param).toBe('A');
    expect(pm.evaluate(10)).toBe(16.2);
    expect(parseFormula('(V-10)/2').evaluate(30)).toBe(10);
    expect(parseFormula('2*(S+1)*3').evaluate(1)).toBe(12);
    expect(parseFormula('-S+5').evaluate(2)).toBe(3);
    expect(parseFormula('.5*S').evaluate(4)).toBe(2);
  });

  it('answers null rather than Infinity or NaN', () => {
    expect(parseFormula('1/S').evaluate(0)).toBeNull();
    expect(parseFormula('19*S').evaluate(Number.NaN)).toBeNull();
  });

  it.each([
    ['', 'empty'],
    ['19*X', 'unexpected "X"'],
    ['S*A', 'one parameter only'],
    ['19*', 'ends too early'],
    ['(19*S', '")" expected'],
    ['19*S)', 'unexpected ")"'],
    ['2*3', 'no parameter'],
    ['Math.pow(S,2)', 'unexpected "M"'],
    ['19**S', 'unexpected "*"'],
    ['1e3*S', 'unexpected "e"'],
    ['s*19', 'unexpected "s"'],
  ])('refuses %j (%s)', (text, why) => {
    expect(() => parseFormula(text)).toThrow(FormulaError);
    expect(() => parseFormula(text)).toThrow(why);
  });

  it('refuses nesting deep enough to exhaust the stack', () => {
    expect(() => parseFormula(`${'('.repeat(30)}S${')'.repeat(30)}`)).toThrow('too deeply nested');
  });
});
