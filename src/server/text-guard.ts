// What no domain should have to think of, checked once per request before validation:
// - PostgreSQL text cannot hold U+0000: a NUL that reached a query would fail it as a 500 after the
//   handler had begun its work. Every string a request carries (JSON body, query, path) is looked at.
// - A JSON body nested deeper than any form needs (answers are free-form objects) would overflow
//   the stack of every recursive reader after it — the rule engine, canonical JSON, jsonb.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../core/errors.ts';

/** The path of the first string holding U+0000 in `value` (keys included), or null. Iterative: a body may nest deeply. */
export function nulPath(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [v, at] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return at || '(value)';
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        const here = at ? `${at}.${k}` : k;
        if (k.includes('\u0000')) return here;
        stack.push([x, here]);
      }
    }
  }
  return null;
}

/** Forms nest groups a few levels deep; 32 is far beyond any honest body. */
export const MAX_DEPTH = 32;

/** Whether `value` nests arrays or objects deeper than `max`. Iterative, so it cannot overflow itself. */
export function deeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    if (depth >= max) return true;
    for (const x of Object.values(v)) if (x && typeof x === 'object') stack.push([x, depth + 1]);
  }
  return false;
}

export function installTextGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    for (const [part, value] of [['path', req.params], ['query', req.query], ['body', req.body]] as const) {
      const at = nulPath(value);
      if (at !== null) throw new AppError('REQUEST_NUL_CHARACTER', { where: `${part}: ${at}` }, { part, path: at });
    }
    if (deeperThan(req.body, MAX_DEPTH)) throw new AppError('REQUEST_TOO_DEEP', { max: MAX_DEPTH });
  });
}
