import type { Lang } from '../../../api/client.ts';

const formats = new Map<Lang, Intl.DateTimeFormat>();

/** A server timestamp in local time, as 2024-05-01 13:45:10 (zh) or 01/05/2024, 13:45:10 (en). */
export function formatDateTime(value: string | null | undefined, lang: Lang): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  let f = formats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
    });
    formats.set(lang, f);
  }
  return f.format(d);
}
