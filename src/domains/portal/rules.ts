// Pure rules of the portal's workflow (docs/portal-api.md, "Workflow"): which action fits which
// status, who may approve, what a slug and a schedule may be, and each article's public address.
import type { PortalLang, PortalSection, PortalStatus } from '../../core/db/schema-portal.ts';
import type { Role } from '../access/index.ts';

export const SECTIONS: readonly PortalSection[] = ['news', 'notices', 'briefings', 'results'];
export const LANGS: readonly PortalLang[] = ['zh', 'en'];
export const STATUSES: readonly PortalStatus[] = ['draft', 'review', 'scheduled', 'published', 'unpublished'];

export type PortalAction = 'edit' | 'submit' | 'approve' | 'reject' | 'unpublish';

/** The statuses each action starts from. */
const FROM: Record<PortalAction, readonly PortalStatus[]> = {
  edit: ['draft', 'unpublished'],
  submit: ['draft', 'unpublished'],
  approve: ['review'],
  reject: ['review'],
  unpublish: ['scheduled', 'published'],
};

export function allowed(action: PortalAction, status: PortalStatus): boolean {
  return FROM[action].includes(status);
}

/** The actions that a status offers (the console shows these buttons). */
export function actionsOf(status: PortalStatus): PortalAction[] {
  return (Object.keys(FROM) as PortalAction[]).filter((a) => allowed(a, status));
}

export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export function validSlug(slug: string): boolean {
  return slug.length <= 80 && SLUG.test(slug);
}

/** Four eyes: an office approves anything in its scope; an editor, only what someone else submitted. */
export function mayApprove(role: Role, actorId: number | null, submittedBy: number | null): boolean {
  if (role === 'national-office' || role === 'regional-office') return true;
  return role === 'editor' && submittedBy !== actorId;
}

/** A little slack for the clock of the browser that picked "now". */
export const PAST_SLACK_MS = 60_000;

/** What an approval does: publish now, or schedule for a time that has not passed. */
export function approvalOutcome(publishAt: Date | null, now: Date): { status: 'published' | 'scheduled'; at: Date } | { error: 'past' } {
  if (!publishAt || publishAt.getTime() <= now.getTime()) {
    if (publishAt && now.getTime() - publishAt.getTime() > PAST_SLACK_MS) return { error: 'past' };
    return { status: 'published', at: now };
  }
  return { status: 'scheduled', at: publishAt };
}

/** The public path of an article. */
export function publicPath(section: PortalSection, slug: string, lang: PortalLang): string {
  return `${lang === 'en' ? '/en' : ''}/${section}/${slug}`;
}
