// The one allow-list for what editors write (docs/portal-api.md, "Sanitising"). Everything not
// named here is removed: unknown tags lose their markup but keep their text, dangerous ones
// (script, style, svg, math, iframe, object, form…) go with their content, and no attribute
// survives that could run code or restyle the page (on*, style, class, srcset, xlink…).
import sanitizeHtml from 'sanitize-html';

/** The portal's own image addresses: the only sources an <img> may have. */
export const MEDIA_SRC = /^\/media\/[0-9a-f]{24}(-s)?\.(jpg|png|webp)$/;
const SAFE_HREF = /^(https?:\/\/|mailto:|\/(?!\/))/i;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'blockquote', 'ul', 'ol', 'li', 'a', 'img', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption', 'pre', 'code', 'span', 'div'],
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'width', 'height'], th: ['colspan', 'rowspan'], td: ['colspan', 'rowspan'], ol: ['start'] },
  // Dropped with everything inside them, not unwrapped into text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'svg', 'math', 'iframe', 'object', 'embed', 'template', 'title', 'head', 'xmp', 'noembed', 'noframes'],
  disallowedTagsMode: 'discard',
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  allowedClasses: {},
  allowedStyles: {},
  parseStyleAttributes: false,
  transformTags: {
    h1: 'h2',
    a: (tagName, attribs): sanitizeHtml.Tag => {
      const href = (attribs.href ?? '').trim();
      const out: sanitizeHtml.Attributes = {};
      if (attribs.title) out.title = attribs.title;
      if (SAFE_HREF.test(href)) {
        out.href = href;
        if (/^https?:\/\//i.test(href)) out.rel = 'noopener noreferrer nofollow';
      }
      return { tagName, attribs: out };
    },
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !MEDIA_SRC.test(frame.attribs.src ?? ''),
};
// rel is set by the transform above, never taken from the editor.
OPTIONS.allowedAttributes = { ...(OPTIONS.allowedAttributes as Record<string, string[]>), a: ['href', 'title', 'rel'] };

/** Safe HTML for a page from whatever an editor sent. */
export function sanitize(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

/** The image ids an HTML body shows (after sanitising): they must exist. */
export function imagesIn(html: string): string[] {
  const ids = new Set<string>();
  for (const m of html.matchAll(/<img[^>]*\ssrc="\/media\/([0-9a-f]{24})(?:-s)?\.(?:jpg|png|webp)"/g)) ids.add(m[1]);
  return [...ids];
}
