// An article body as written (Markdown or HTML) → the HTML a page shows and its plain text.
// Markdown is rendered first (raw HTML inside it passes to the same allow-list), so there is
// one sanitiser whatever the editor chose.
import { Marked } from 'marked';
import { sanitize } from './sanitize.ts';
import type { PortalFormat } from '../../../core/db/schema-portal.ts';

export const BODY_LIMIT = 200_000;

const markdown = new Marked({ gfm: true, breaks: false, async: false });

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };

/** Text of sanitised HTML: tags out, block ends as line breaks, entities decoded, spaces folded. */
export function textOf(html: string): string {
  return html
    .replace(/<\/(p|h[2-6]|li|tr|blockquote|pre|figcaption|caption|div)>|<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (e) => ENTITIES[e])
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}

export function renderBody(format: PortalFormat, source: string): { html: string; text: string } {
  const raw = format === 'markdown' ? (markdown.parse(source) as string) : source;
  const html = sanitize(raw);
  return { html, text: textOf(html) };
}
