// PostgreSQL text cannot hold U+0000: a NUL that reached a query would fail it as a 500 after the
// handler had begun its work. Every string a request carries (JSON body, query, path) is looked at
// once before validation and a NUL refused with its own code, so no domain has to think of it.
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

export function installTextGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    for (const [part, value] of [['path', req.params], ['query', req.query], ['body', req.body]] as const) {
      const at = nulPath(value);
      if (at !== null) throw new AppError('REQUEST_NUL_CHARACTER', { where: `${part}: ${at}` }, { part, path: at });
    }
  });
}
