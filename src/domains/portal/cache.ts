// What the public site rendered stays valid until the portal's content changes. Every write of
// the editing API (and the scheduled-publish chore) calls bumpPortal() after its commit; the
// site drops pages rendered under an older generation. Another process does not hear of it:
// the site keeps a page at most PAGE_TTL_MS, so a change made there shows here within that.
export const PAGE_TTL_MS = 10_000;

let generation = 0;

export function bumpPortal(): void {
  generation++;
}

export function portalGeneration(): number {
  return generation;
}
