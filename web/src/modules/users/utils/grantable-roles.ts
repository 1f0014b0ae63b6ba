import { ROLES, type Role } from '../../../api/types.ts';

/** Mirrors the server's rule: offices grant roles, and only the national office grants its own. */
export function grantableRoles(actor: Role): Role[] {
  if (actor === 'national-office') return [...ROLES];
  if (actor === 'regional-office') return ROLES.filter((r) => r !== 'national-office');
  return [];
}
