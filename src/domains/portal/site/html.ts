// The one escaping helper of the site's templates (HTML and XML alike): everything interpolated
// into html`…` is escaped unless it is itself the result of html`…` or raw() — and raw() is
// used only for markup we made (the sanitised article body, our SVG charts).
const MAP: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export class Html {
  constructor(readonly s: string) {}
  toString(): string {
    return this.s;
  }
}

export const raw = (s: string): Html => new Html(s);

export function esc(v: unknown): string {
  return String(v).replace(/[&<>"']/g, (c) => MAP[c]);
}

type Part = Html | string | number | null | undefined | false | Part[];

function part(v: Part): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Html) return v.s;
  if (Array.isArray(v)) return v.map(part).join('');
  return esc(v);
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += part(values[i]) + strings[i + 1];
  return new Html(out);
}
