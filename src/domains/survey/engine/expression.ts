// The rule language: a small expression grammar parsed by hand into a tree, so that form
// definitions (and later, rules an administrator writes) can never run code — no eval, no
// new Function, no property access beyond the answers' own fields.
//
//   expr    := or
//   or      := and ('or' and)*
//   and     := not ('and' not)*
//   not     := 'not' not | compare
//   compare := sum (('=='|'!='|'<'|'<='|'>'|'>='|'in') sum)?
//   sum     := product (('+'|'-') product)*
//   product := unary (('*'|'/'|'%') unary)*
//   unary   := '-' unary | postfix
//   postfix := primary ('.' name | '[' expr ']')*
//   primary := number | string | true | false | null | name | name '(' args ')' | '(' expr ')' | '[' args ']'

export type Node =
  | { k: 'lit'; v: number | string | boolean | null }
  | { k: 'id'; name: string }
  | { k: 'member'; obj: Node; name: string }
  | { k: 'index'; obj: Node; index: Node }
  | { k: 'call'; fn: string; args: Node[] }
  | { k: 'list'; items: Node[] }
  | { k: 'not'; a: Node }
  | { k: 'neg'; a: Node }
  | { k: 'bin'; op: BinOp; a: Node; b: Node };

export type BinOp = 'or' | 'and' | '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | '+' | '-' | '*' | '/' | '%';

export class ExpressionError extends Error {
  constructor(
    readonly source: string,
    readonly at: number,
    detail: string,
  ) {
    super(`${detail} at ${at} in: ${source.length > 120 ? `${source.slice(0, 120)}…` : source}`);
    this.name = 'ExpressionError';
  }
}

/** Functions and how many arguments each takes ([min, max]); the evaluator implements them. */
export const FUNCTIONS: Record<string, [number, number]> = {
  sum: [1, 20], count: [1, 1], min: [1, 20], max: [1, 20], avg: [1, 1],
  if: [3, 3], coalesce: [1, 10], empty: [1, 1], present: [1, 1], len: [1, 1],
  round: [1, 2], abs: [1, 1], convert: [3, 3], lookup: [3, 3], startsWith: [2, 50], endsWith: [2, 50], substr: [2, 3], contains: [2, 2],
  filter: [2, 2], map: [2, 2], any: [1, 1], all: [1, 1], form: [1, 1], selected: [2, 2],
  days: [1, 1], year: [1, 1], between: [3, 3],
};

/** Arguments evaluated once per row with the row bound as `it` (so outer names stay reachable). */
export const ROW_FUNCTIONS = new Set(['filter', 'map']);

const MAX_SOURCE = 4000;
const MAX_DEPTH = 40;
const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'true', 'false', 'null']);

type Tok = { t: 'num'; v: number; at: number } | { t: 'str'; v: string; at: number } | { t: 'name'; v: string; at: number } | { t: 'op'; v: string; at: number } | { t: 'end'; at: number };

function tokenise(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r') { i++; continue; }
    const at = i;
    if ((c >= '0' && c <= '9') || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i))!;
      const v = Number(m[0]);
      if (!Number.isFinite(v)) throw new ExpressionError(src, at, `number ${m[0]} is not finite`);
      out.push({ t: 'num', v, at });
      i += m[0].length;
    } else if (c === "'" || c === '"') {
      let s = '';
      i++;
      while (i < src.length && src[i] !== c) {
        if (src[i] === '\\' && i + 1 < src.length) i++;
        s += src[i++];
      }
      if (i >= src.length) throw new ExpressionError(src, at, 'unterminated string');
      i++;
      out.push({ t: 'str', v: s, at });
    } else if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][A-Za-z0-9_]*/.exec(src.slice(i))!;
      out.push({ t: 'name', v: m[0], at });
      i += m[0].length;
    } else {
      const two = src.slice(i, i + 2);
      if (['==', '!=', '<=', '>='].includes(two)) { out.push({ t: 'op', v: two, at }); i += 2; }
      else if ('<>+-*/%()[],.'.includes(c)) { out.push({ t: 'op', v: c, at }); i++; }
      else throw new ExpressionError(src, at, `unexpected character '${c}'`);
    }
  }
  out.push({ t: 'end', at: src.length });
  return out;
}

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(private readonly src: string, private readonly toks: Tok[]) {}

  parse(): Node {
    const n = this.or();
    const t = this.peek();
    if (t.t !== 'end') this.fail(t.at, `unexpected '${'v' in t ? t.v : ''}'`);
    return n;
  }

  private peek(): Tok { return this.toks[this.pos]; }
  private fail(at: number, detail: string): never { throw new ExpressionError(this.src, at, detail); }
  private isOp(v: string): boolean { const t = this.peek(); return t.t === 'op' && t.v === v; }
  private isWord(v: string): boolean { const t = this.peek(); return t.t === 'name' && t.v === v; }
  private expect(v: string): void {
    if (!this.isOp(v)) this.fail(this.peek().at, `expected '${v}'`);
    this.pos++;
  }

  // Deep nesting is refused rather than left to overflow the stack.
  private nested<T>(f: () => T): T {
    if (++this.depth > MAX_DEPTH) this.fail(this.peek().at, `nested deeper than ${MAX_DEPTH}`);
    try { return f(); } finally { this.depth--; }
  }

  private or(): Node {
    let a = this.and();
    while (this.isWord('or')) { this.pos++; a = { k: 'bin', op: 'or', a, b: this.and() }; }
    return a;
  }
  private and(): Node {
    let a = this.not();
    while (this.isWord('and')) { this.pos++; a = { k: 'bin', op: 'and', a, b: this.not() }; }
    return a;
  }
  private not(): Node {
    if (this.isWord('not')) { this.pos++; return this.nested(() => ({ k: 'not', a: this.not() })); }
    return this.compare();
  }
  private compare(): Node {
    const a = this.sum();
    const t = this.peek();
    const op = t.t === 'op' && ['==', '!=', '<', '<=', '>', '>='].includes(t.v) ? t.v : t.t === 'name' && t.v === 'in' ? 'in' : null;
    if (!op) return a;
    this.pos++;
    return { k: 'bin', op: op as BinOp, a, b: this.sum() };
  }
  private sum(): Node {
    let a = this.product();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.toks[this.pos++] as { v: string }).v as BinOp;
      a = { k: 'bin', op, a, b: this.product() };
    }
    return a;
  }
  private product(): Node {
    let a = this.unary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const op = (this.toks[this.pos++] as { v: string }).v as BinOp;
      a = { k: 'bin', op, a, b: this.unary() };
    }
    return a;
  }
  private unary(): Node {
    if (this.isOp('-')) { this.pos++; return this.nested(() => ({ k: 'neg', a: this.unary() })); }
    return this.postfix();
  }
  private postfix(): Node {
    let n = this.primary();
    for (;;) {
      if (this.isOp('.')) {
        this.pos++;
        const t = this.peek();
        if (t.t !== 'name') this.fail(t.at, 'expected a field name after "."');
        this.pos++;
        n = { k: 'member', obj: n, name: t.v };
      } else if (this.isOp('[')) {
        this.pos++;
        const index = this.nested(() => this.or());
        this.expect(']');
        n = { k: 'index', obj: n, index };
      } else return n;
    }
  }
  private args(close: string): Node[] {
    const items: Node[] = [];
    if (this.isOp(close)) { this.pos++; return items; }
    for (;;) {
      items.push(this.nested(() => this.or()));
      if (this.isOp(',')) { this.pos++; continue; }
      this.expect(close);
      return items;
    }
  }
  private primary(): Node {
    const t = this.peek();
    if (t.t === 'num' || t.t === 'str') { this.pos++; return { k: 'lit', v: t.v }; }
    if (t.t === 'op' && t.v === '(') {
      this.pos++;
      const n = this.nested(() => this.or());
      this.expect(')');
      return n;
    }
    if (t.t === 'op' && t.v === '[') { this.pos++; return { k: 'list', items: this.args(']') }; }
    if (t.t === 'name') {
      this.pos++;
      if (t.v === 'true' || t.v === 'false') return { k: 'lit', v: t.v === 'true' };
      if (t.v === 'null') return { k: 'lit', v: null };
      if (KEYWORDS.has(t.v)) this.fail(t.at, `unexpected '${t.v}'`);
      if (this.isOp('(')) {
        const arity = Object.hasOwn(FUNCTIONS, t.v) ? FUNCTIONS[t.v] : undefined;
        if (!arity) this.fail(t.at, `unknown function ${t.v}()`);
        this.pos++;
        const args = this.args(')');
        if (args.length < arity[0] || args.length > arity[1]) this.fail(t.at, `${t.v}() takes ${arity[0]}–${arity[1]} arguments, not ${args.length}`);
        return { k: 'call', fn: t.v, args };
      }
      return { k: 'id', name: t.v };
    }
    this.fail(t.at, t.t === 'end' ? 'unexpected end' : `unexpected '${t.v}'`);
  }
}

const cache = new Map<string, Node>();

/** Parses once per distinct source text; throws ExpressionError with the position of the problem. */
export function parseExpression(src: string): Node {
  const hit = cache.get(src);
  if (hit) return hit;
  if (src.length > MAX_SOURCE) throw new ExpressionError(src, MAX_SOURCE, `longer than ${MAX_SOURCE} characters`);
  const node = new Parser(src, tokenise(src)).parse();
  cache.set(src, node);
  return node;
}

/** Bare names an expression reads (not `it`, not names after a dot), for static checks of definitions. */
export function freeNames(node: Node, out = new Set<string>()): Set<string> {
  switch (node.k) {
    case 'id': if (node.name !== 'it') out.add(node.name); break;
    case 'member': freeNames(node.obj, out); break;
    case 'index': freeNames(node.obj, out); freeNames(node.index, out); break;
    case 'call': case 'list': for (const a of node.k === 'call' ? node.args : node.items) freeNames(a, out); break;
    case 'not': case 'neg': freeNames(node.a, out); break;
    case 'bin': freeNames(node.a, out); freeNames(node.b, out); break;
  }
  return out;
}

/** Codes of the forms an expression reads through `form('…')` (compiling makes the argument a literal). */
export function formsNamed(node: Node, out = new Set<string>()): Set<string> {
  switch (node.k) {
    case 'call':
      if (node.fn === 'form' && node.args[0]?.k === 'lit' && typeof node.args[0].v === 'string') out.add(node.args[0].v);
      for (const a of node.args) formsNamed(a, out);
      break;
    case 'list': for (const a of node.items) formsNamed(a, out); break;
    case 'member': formsNamed(node.obj, out); break;
    case 'index': formsNamed(node.obj, out); formsNamed(node.index, out); break;
    case 'not': case 'neg': formsNamed(node.a, out); break;
    case 'bin': formsNamed(node.a, out); formsNamed(node.b, out); break;
  }
  return out;
}
