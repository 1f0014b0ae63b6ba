// A coefficient written as a formula of one parameter (`19*S`, `1.6*A+0.2`): numbers, one of
// S (sulphur %), A (ash %) or V (volatiles %), + - * / and parentheses. Parsed by hand into a
// tree and walked — never eval — so a library row can carry no code. Browser-safe and pure.

export type Param = 'S' | 'A' | 'V';
export const PARAMS: readonly Param[] = ['S', 'A', 'V'];

type Node =
  | { k: 'num'; v: number }
  | { k: 'param' }
  | { k: 'neg'; a: Node }
  | { k: 'bin'; op: '+' | '-' | '*' | '/'; a: Node; b: Node };

export interface Formula {
  /** The text as written, spaces removed. */
  text: string;
  param: Param;
  /** The value for a parameter value; null when it is not a finite number (a division by 0). */
  evaluate(x: number): number | null;
}

export class FormulaError extends Error {}

const MAX_LENGTH = 200;

/** Parses a formula; throws FormulaError with a short English reason (the caller words it for people). */
export function parseFormula(source: string): Formula {
  const text = source.replace(/\s+/g, '');
  if (!text) throw new FormulaError('empty');
  if (text.length > MAX_LENGTH) throw new FormulaError('too long');
  let i = 0;
  let param: Param | null = null;
  let depth = 0;

  const peek = () => text[i];
  function primary(): Node {
    const c = peek();
    if (c === '(') {
      i++;
      if (++depth > 20) throw new FormulaError('too deeply nested');
      const e = expr();
      if (peek() !== ')') throw new FormulaError(`")" expected at ${i + 1}`);
      i++;
      depth--;
      return e;
    }
    if (c === '-') {
      i++;
      return { k: 'neg', a: primary() };
    }
    if (c !== undefined && /[SAV]/.test(c)) {
      i++;
      if (param && param !== c) throw new FormulaError(`one parameter only (${param} and ${c})`);
      param = c as Param;
      return { k: 'param' };
    }
    const m = /^(?:\d+(?:\.\d+)?|\.\d+)/.exec(text.slice(i));
    if (!m) throw new FormulaError(c === undefined ? 'ends too early' : `unexpected "${c}" at ${i + 1}`);
    i += m[0].length;
    return { k: 'num', v: Number(m[0]) };
  }
  function term(): Node {
    let a = primary();
    while (peek() === '*' || peek() === '/') {
      const op = text[i++] as '*' | '/';
      a = { k: 'bin', op, a, b: primary() };
    }
    return a;
  }
  function expr(): Node {
    let a = term();
    while (peek() === '+' || peek() === '-') {
      const op = text[i++] as '+' | '-';
      a = { k: 'bin', op, a, b: term() };
    }
    return a;
  }

  const tree = expr();
  if (i < text.length) throw new FormulaError(`unexpected "${text[i]}" at ${i + 1}`);
  if (!param) throw new FormulaError('no parameter (S, A or V): write a plain number instead');
  const walk = (n: Node, x: number): number => {
    switch (n.k) {
      case 'num':
        return n.v;
      case 'param':
        return x;
      case 'neg':
        return -walk(n.a, x);
      case 'bin': {
        const a = walk(n.a, x);
        const b = walk(n.b, x);
        return n.op === '+' ? a + b : n.op === '-' ? a - b : n.op === '*' ? a * b : a / b;
      }
    }
  };
  return {
    text,
    param,
    evaluate(x) {
      if (!Number.isFinite(x)) return null;
      const v = walk(tree, x);
      return Number.isFinite(v) ? Number(v.toPrecision(12)) : null;
    },
  };
}
