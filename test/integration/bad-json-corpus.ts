// The hostile variants of a valid JSON body, for the bad-input suite: each leaf of the body in turn
// replaced by what a careless client, a broken spreadsheet macro or an attacker sends. Payloads are
// raw JSON text so that numbers JSON.stringify cannot write (1e309, -0, 1e-400) reach the server.

export interface Variant {
  label: string;
  payload: string;
}

/** Strings stored and shown later: they must be refused with a code or kept literally, never run. */
export const HOSTILE_STRINGS: Record<string, string> = {
  'sql+script': `'; DROP TABLE sources; -- <script>window.__pwned=1</script><img src=x onerror=alert(1)>`,
  'nul character': 'before\u0000after',
  'lone surrogate + bidi override': 'a\ud800b\u202egnp.exe',
  'template + traversal': '{{constructor.constructor("return 1")()}} ${7*7} ../../../../etc/passwd',
  '100k characters': '长'.repeat(100_000),
};

/** Numbers as JSON text: infinite, negative zero, underflow, beyond double precision, and non-numbers. */
export const HOSTILE_NUMBERS: Record<string, string> = {
  '1e309': '1e309',
  '-1e309': '-1e309',
  '-0': '-0',
  '1e-400': '1e-400',
  '2^53+1': '9007199254740993',
  '1e21': '1e21',
  null: 'null',
  'numeric string': '"12"',
  'empty string': '""',
};

type Path = (string | number)[];
interface Leaf { path: Path; value: unknown }

function leaves(v: unknown, path: Path = [], out: Leaf[] = []): Leaf[] {
  out.push({ path, value: v });
  if (Array.isArray(v)) v.forEach((x, i) => leaves(x, [...path, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) leaves(x, [...path, k], out);
  return out;
}

/** The body as JSON text with the value at `path` written as `raw` (already JSON text). */
function withRaw(body: unknown, path: Path, raw: string): string {
  const mark = '\u0001PUCHA-MARK\u0001';
  const copy = structuredClone(body) as Record<string | number, unknown>;
  if (!path.length) return raw;
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  at[path[path.length - 1]] = mark;
  return JSON.stringify(copy).replace(JSON.stringify(mark), raw);
}

const label = (path: Path) => (path.length ? path.join('.') : '(body)');

/** Every variant of `body`: per leaf by its type, then the body as a whole. */
export function variants(body: unknown): Variant[] {
  const out: Variant[] = [];
  // The 100,000-character string tests a body's size handling, which is the same for every leaf: once per body.
  let long = false;
  for (const { path, value } of leaves(body)) {
    if (typeof value === 'string') {
      for (const [name, s] of Object.entries(HOSTILE_STRINGS)) {
        if (name === '100k characters' && long) continue;
        long ||= name === '100k characters';
        out.push({ label: `${label(path)} = ${name}`, payload: withRaw(body, path, JSON.stringify(s)) });
      }
      out.push({ label: `${label(path)} = number`, payload: withRaw(body, path, '1e309') });
    } else if (typeof value === 'number') {
      for (const [name, n] of Object.entries(HOSTILE_NUMBERS)) out.push({ label: `${label(path)} = ${name}`, payload: withRaw(body, path, n) });
    } else if (typeof value === 'boolean') {
      out.push({ label: `${label(path)} = "true"`, payload: withRaw(body, path, '"true"') }, { label: `${label(path)} = null`, payload: withRaw(body, path, 'null') });
    } else if (Array.isArray(value) && path.length) {
      // A repeat group of 20,000 copies of its first row, or of numbers when it is empty (under the 1 MB body limit when it can be).
      const row = value.length ? JSON.stringify(value[0]) : '1';
      const copies = Math.max(1, Math.min(20_000, Math.floor(900_000 / (row.length + 1))));
      out.push({ label: `${label(path)} = ${copies} rows`, payload: withRaw(body, path, `[${Array(copies).fill(row).join(',')}]`) });
      out.push({ label: `${label(path)} = object`, payload: withRaw(body, path, '{"0":1}') });
    } else if (value && typeof value === 'object' && path.length) {
      out.push({ label: `${label(path)} = array`, payload: withRaw(body, path, '[]') }, { label: `${label(path)} = null`, payload: withRaw(body, path, 'null') });
    }
  }
  out.push(
    { label: 'body = null', payload: 'null' },
    { label: 'body = array', payload: '[]' },
    { label: 'body = string', payload: '"x"' },
    { label: 'body = NaN', payload: 'NaN' },
    { label: 'body = 100,000 nested arrays', payload: '['.repeat(100_000) + ']'.repeat(100_000) },
    { label: 'body with __proto__', payload: withProto(body) },
    { label: 'body with constructor.prototype', payload: '{"constructor":{"prototype":{"role":"national-office"}}}' },
    { label: 'body truncated', payload: JSON.stringify(body ?? {}).slice(0, -1) },
  );
  return out;
}

/** The body with a `__proto__` member first, as a prototype-pollution attempt sends it. */
function withProto(body: unknown): string {
  const rest = body && typeof body === 'object' && !Array.isArray(body) ? JSON.stringify(body).slice(1) : '}';
  return `{"__proto__":{"role":"national-office"}${rest === '}' ? '' : ','}${rest}`;
}
