// What the public site rendered stays valid until the portal's content changes. Every write of
// the editing API (and the scheduled-publish chore) calls bumpPortal() after its commit; the
// site drops pages rendered under an older generation, in every process (src/core/db/changes.ts).
// PAGE_TTL_MS still bounds a page's life, should a process miss a notification.
import { announce, onChange } from '../../core/db/changes.ts';

export const PAGE_TTL_MS = 10_000;

let generation = 0;
onChange('portal', () => void generation++);

/** The portal changed (call after the commit): every process renders afresh. */
export function bumpPortal(): Promise<void> {
  return announce('portal');
}

export function portalGeneration(): number {
  return generation;
}
