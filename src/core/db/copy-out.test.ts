// COPY takes no parameters, so copy-out writes them into the statement: numbers as they are,
// text quoted by the driver's escapeLiteral, and anything it cannot write safely refused.
import { describe, expect, it } from 'vitest';
import { inlineParameters } from './copy-out.ts';

const q = (sql: string, parameters: unknown[]) => ({ sql, parameters, query: {} as never, queryId: {} as never });

describe('inlineParameters', () => {
  it('writes numbers, booleans, NULL and quoted text in place of $n', () => {
    expect(inlineParameters(q('SELECT $1, $2, $3, $4', [42, 1.5, true, null]))).toBe('SELECT 42, 1.5, true, NULL');
    expect(inlineParameters(q('WHERE a LIKE $1', ["33'; DROP TABLE x; --%"]))).toBe("WHERE a LIKE '33''; DROP TABLE x; --%'");
    // a backslash makes it an E'' literal with the backslash doubled, so it stays one character
    expect(inlineParameters(q('SELECT $1', ['a\\b']))).toBe("SELECT  E'a\\\\b'");
  });

  it('tells $1 from $10 and $11', () => {
    const params = Array.from({ length: 11 }, (_, i) => i + 100);
    expect(inlineParameters(q('SELECT $1, $10, $11', params))).toBe('SELECT 100, 109, 110');
  });

  it('refuses what it cannot write as a literal', () => {
    expect(() => inlineParameters(q('SELECT $1', [Number.NaN]))).toThrow(/finite/);
    expect(() => inlineParameters(q('SELECT $1', [{ a: 1 }]))).toThrow(/object/);
    expect(() => inlineParameters(q('SELECT $1', [[1, 2]]))).toThrow(/object/);
  });
});
