// Evaluates an expression tree over answers. Unanswered is null, and null propagates as in
// SQL: arithmetic and ordering with null give null, `and`/`or` are three-valued, so a rule
// whose operands are not all answered neither passes nor fails (required-ness is a separate
// check). Nothing here throws on data: a value of the wrong kind yields null, and a result
// that is not a finite number (1/0, overflow) is null too.
import type { Node } from './expression.ts';

export type Row = { readonly [k: string]: unknown };
export type Value = number | string | boolean | null | readonly unknown[] | Row;

export interface Scope {
  row: Row;
  /** Field ids defined at this level: a defined but unanswered field is null, not a parent's. */
  names: ReadonlySet<string>;
  parent: Scope | null;
  /** The element bound by filter()/map(). */
  it?: unknown;
}

export interface EvalEnv {
  form(code: string): Row | null;
  lookup(table: string, code: string, attr: string): Value;
  convert(value: number, from: string, to: string): number | null;
  /** Names resolved after the scope chain (category, kind, industry for applicability). */
  vars?: Row;
}

const isRow = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): v is number => typeof v === 'number';
const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** true / false, or null for anything else (unanswered, or not a truth value). */
export function truth(v: unknown): boolean | null {
  return v === true ? true : v === false ? false : null;
}

function lookupName(scope: Scope, name: string, env: EvalEnv): Value {
  if (name === 'it') {
    for (let s: Scope | null = scope; s; s = s.parent) if ('it' in s) return (s.it ?? null) as Value;
    return null;
  }
  for (let s: Scope | null = scope; s; s = s.parent) {
    if (s.names.has(name)) return (Object.hasOwn(s.row, name) ? s.row[name] : null) as Value;
  }
  if (env.vars && Object.hasOwn(env.vars, name)) return env.vars[name] as Value;
  return null;
}

function member(obj: unknown, name: string): Value {
  if (isRow(obj)) return (Object.hasOwn(obj, name) ? obj[name] ?? null : null) as Value;
  if (Array.isArray(obj)) {
    // Over a repeat group: the field of every row, flattened (outlets.facilities.capacity).
    const out: unknown[] = [];
    for (const el of obj) {
      const v = member(el, name);
      if (Array.isArray(v)) out.push(...v);
      else out.push(v);
    }
    return out;
  }
  return null;
}

function flatNumbers(values: unknown[], out: number[]): { sawNull: boolean } {
  let sawNull = false;
  for (const v of values) {
    if (num(v)) out.push(v);
    else if (Array.isArray(v)) sawNull = flatNumbers(v, out).sawNull || sawNull;
    else if (v === null || v === undefined) sawNull = true;
  }
  return { sawNull };
}

function equal(a: unknown, b: unknown): boolean | null {
  if (a === null || b === null) return null;
  if (typeof a !== typeof b || typeof a === 'object') return null;
  return a === b;
}

function order(op: string, a: unknown, b: unknown): boolean | null {
  if (!((num(a) && num(b)) || (typeof a === 'string' && typeof b === 'string'))) return null;
  const x = a as number | string;
  const y = b as number | string;
  return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
}

function arith(op: string, a: unknown, b: unknown): Value {
  if (op === '+' && typeof a === 'string' && typeof b === 'string') return a + b;
  if (!num(a) || !num(b)) return null;
  switch (op) {
    case '+': return finite(a + b);
    case '-': return finite(a - b);
    case '*': return finite(a * b);
    case '/': return b === 0 ? null : finite(a / b);
    default: return b === 0 ? null : finite(a % b);
  }
}

const DAY = 86_400_000;
const EMPTY_ROW: Row = Object.freeze({});
const NO_NAMES: ReadonlySet<string> = new Set();
const dateMs = (s: unknown): number | null => (typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) ? Date.parse(`${s}T00:00:00Z`) : null);

function call(fn: string, args: Node[], scope: Scope, env: EvalEnv): Value {
  // Lazy forms first: their arguments are evaluated per row or only when chosen.
  if (fn === 'filter' || fn === 'map') {
    const list = evaluate(args[0], scope, env);
    if (!Array.isArray(list)) return list === null ? [] : null;
    const out: unknown[] = [];
    for (const el of list) {
      const v = evaluate(args[1], { row: EMPTY_ROW, names: NO_NAMES, parent: scope, it: el }, env);
      if (fn === 'map') out.push(v);
      else if (v === true) out.push(el);
    }
    return out;
  }
  if (fn === 'if') {
    const c = truth(evaluate(args[0], scope, env));
    return c === null ? null : evaluate(args[c ? 1 : 2], scope, env);
  }
  const v = args.map((a) => evaluate(a, scope, env));
  const [a, b, c] = v;
  switch (fn) {
    case 'sum': {
      const ns: number[] = [];
      const { sawNull } = flatNumbers(v, ns);
      if (!ns.length) return sawNull ? null : 0;
      return finite(ns.reduce((s, x) => s + x, 0));
    }
    case 'min': case 'max': case 'avg': {
      const ns: number[] = [];
      flatNumbers(v, ns);
      if (!ns.length) return null;
      if (fn === 'avg') return finite(ns.reduce((s, x) => s + x, 0) / ns.length);
      return fn === 'min' ? Math.min(...ns) : Math.max(...ns);
    }
    case 'count': return Array.isArray(a) ? a.filter((x) => x !== null && x !== undefined).length : a === null ? 0 : 1;
    case 'coalesce': return v.find((x) => x !== null && x !== '') ?? null;
    case 'empty': return a === null || a === '' || (Array.isArray(a) && a.length === 0);
    case 'present': return !(a === null || a === '' || (Array.isArray(a) && a.length === 0));
    case 'len': return typeof a === 'string' || Array.isArray(a) ? a.length : a === null ? 0 : null;
    case 'round': {
      if (!num(a)) return null;
      const p = 10 ** (num(b) ? Math.max(0, Math.min(10, Math.trunc(b))) : 0);
      return finite(Math.round((a + Number.EPSILON * Math.sign(a)) * p) / p);
    }
    case 'abs': return num(a) ? Math.abs(a) : null;
    case 'convert': return num(a) && typeof b === 'string' && typeof c === 'string' ? env.convert(a, b, c) : null;
    case 'lookup': return typeof a === 'string' && typeof b === 'string' && typeof c === 'string' ? env.lookup(a, b, c) : null;
    case 'startsWith': case 'endsWith': {
      if (typeof a !== 'string') return null;
      const affixes = v.slice(1).flat();
      return affixes.some((p) => typeof p === 'string' && (fn === 'startsWith' ? a.startsWith(p) : a.endsWith(p)));
    }
    case 'substr': {
      if (typeof a !== 'string' || !num(b) || !(c === undefined || num(c))) return null;
      const start = Math.max(0, Math.trunc(b));
      return a.slice(start, c === undefined ? undefined : start + Math.max(0, Math.trunc(c)));
    }
    // A list, or text of space-separated words (a code table attribute such as 'COD NH3N TN').
    case 'contains': return Array.isArray(a) ? a.includes(b) : typeof a === 'string' && b !== null ? a.split(/\s+/).includes(String(b)) : null;
    case 'any': return Array.isArray(a) ? a.some((x) => x === true) : null;
    case 'all': return Array.isArray(a) ? a.every((x) => x === true) : null;
    case 'form': return typeof a === 'string' ? env.form(a) : null;
    case 'selected': return Array.isArray(a) ? a.includes(b) : a === null ? null : a === b;
    case 'days': {
      if (!isRow(a)) return null;
      const from = dateMs(a.from);
      const to = dateMs(a.to);
      return from === null || to === null ? null : Math.round((to - from) / DAY) + 1;
    }
    case 'year': return typeof a === 'string' && /^\d{4}/.test(a) ? Number(a.slice(0, 4)) : null;
    case 'between': return num(a) && num(b) && num(c) ? a >= b && a <= c : null;
    default: return null;
  }
}

export function evaluate(node: Node, scope: Scope, env: EvalEnv): Value {
  switch (node.k) {
    case 'lit': return node.v;
    case 'id': return lookupName(scope, node.name, env);
    case 'member': return member(evaluate(node.obj, scope, env), node.name);
    case 'index': {
      const obj = evaluate(node.obj, scope, env);
      const i = evaluate(node.index, scope, env);
      return Array.isArray(obj) && num(i) && Number.isInteger(i) && i >= 0 && i < obj.length ? ((obj[i] ?? null) as Value) : null;
    }
    case 'list': return node.items.map((n) => evaluate(n, scope, env));
    case 'call': return call(node.fn, node.args, scope, env);
    case 'not': {
      const t = truth(evaluate(node.a, scope, env));
      return t === null ? null : !t;
    }
    case 'neg': {
      const a = evaluate(node.a, scope, env);
      return num(a) ? -a : null;
    }
    case 'bin': {
      const { op } = node;
      if (op === 'and' || op === 'or') {
        const a = truth(evaluate(node.a, scope, env));
        if (op === 'and' && a === false) return false;
        if (op === 'or' && a === true) return true;
        const b = truth(evaluate(node.b, scope, env));
        if (op === 'and') return b === false ? false : a === null || b === null ? null : true;
        return b === true ? true : a === null || b === null ? null : false;
      }
      const a = evaluate(node.a, scope, env);
      const b = evaluate(node.b, scope, env);
      // `x == null` asks whether x is unanswered; any other comparison with null is unknown.
      if ((op === '==' || op === '!=') && (isNullLit(node.a) || isNullLit(node.b))) return (a === null) === (b === null) ? op === '==' : op === '!=';
      switch (op) {
        case '==': return equal(a, b);
        case '!=': { const e = equal(a, b); return e === null ? null : !e; }
        case 'in': return a === null ? null : Array.isArray(b) ? b.includes(a) : null;
        case '<': case '<=': case '>': case '>=': return order(op, a, b);
        default: return arith(op, a, b);
      }
    }
  }
}

const isNullLit = (n: Node) => n.k === 'lit' && n.v === null;
