import type { TFunction } from 'i18next';

/** Reasons the console has words for; the national office may configure others, shown as they are. */
const KNOWN = ['duplicate', 'out-of-scope', 'not-found'] as const;
type Known = (typeof KNOWN)[number];

export function reasonLabel(t: TFunction, reason: string): string {
  return (KNOWN as readonly string[]).includes(reason) ? t(`inventory.reasons.${reason as Known}`) : reason;
}
