// Opening the field app is the taker's most frequent wait, so the unit list of the
// package they had open is read from IndexedDB while the session is still being
// fetched, not after. The read is kept only if the session turns out to be that user.
import { lastFieldUser } from './field-db.ts';
import { packageContent, type PackageContent } from './unit-store.ts';

const lastKey = (user: string) => `pucha.field.package:${user}`;

/** `?pkg=all`: the list of packages, not the remembered package. */
export const ALL_PACKAGES = 'all';

export function rememberedPackage(user: string): number | null {
  try {
    return Number(localStorage.getItem(lastKey(user))) || null;
  } catch {
    return null;
  }
}

export function rememberPackage(user: string, packageId: number | null) {
  try {
    if (packageId) localStorage.setItem(lastKey(user), String(packageId));
    else localStorage.removeItem(lastKey(user));
  } catch {
    // not remembered; the URL still holds it
  }
}

let early: { user: string; packageId: number; content: Promise<PackageContent> } | null = null;

/** Starts reading the remembered package of the last user (called when the field app's code loads). */
export function warmStart() {
  const user = lastFieldUser();
  const params = new URLSearchParams(window.location.search);
  if (!user || (params.get('tab') ?? 'tasks') !== 'tasks' || params.has('unit')) return;
  // The same choice as the tasks tab: the package in the URL, else the remembered one.
  const asked = params.get('pkg');
  const packageId = asked === ALL_PACKAGES ? null : Number(asked) || rememberedPackage(user);
  if (!packageId) return;
  const content = packageContent(packageId, user);
  content.catch(() => undefined); // a failed guess is read again the normal way
  early = { user, packageId, content };
}

/** The early read, once, if it is for this user and package. */
export function takeEarly(user: string, packageId: number): Promise<PackageContent> | null {
  const e = early;
  early = null;
  return e && e.user === user && e.packageId === packageId ? e.content : null;
}
