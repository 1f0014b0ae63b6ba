import type { Lang } from '../../../api/client.ts';

/** A job's stored error in the user's language when it has the API's { code, message: { zh, en } } shape. */
export function jobErrorText(error: unknown, lang: Lang): string | null {
  if (!error || typeof error !== 'object') return typeof error === 'string' ? error : null;
  const e = error as { code?: unknown; message?: unknown };
  if (e.message && typeof e.message === 'object') {
    const m = e.message as { zh?: unknown; en?: unknown };
    const text = lang === 'en' ? m.en : m.zh;
    if (typeof text === 'string') return typeof e.code === 'string' ? `${e.code}: ${text}` : text;
  }
  if (typeof e.message === 'string') return typeof e.code === 'string' ? `${e.code}: ${e.message}` : e.message;
  return null;
}
