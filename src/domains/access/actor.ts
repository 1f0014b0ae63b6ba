// The caller of a request or a job, as every domain function receives it.
import type { RegionLevel } from '../../core/db/schema.ts';
import type { Role } from './roles.ts';

export interface Actor {
  id: number | null; // null for the system (CLI without a server, migrations, demo)
  username: string;
  role: Role;
  regionCode: string;
  scopePrefix: string;
  scopeLevel: RegionLevel;
  department: string | null;
  agencyId: number | null;
  /** A respondent's own source (users.source_id); the survey lets it fill only that one. */
  sourceId?: number | null;
}

/** The actor of work no user started: loading the demo, start-up tasks. */
export const SYSTEM: Actor = {
  id: null,
  username: 'system',
  role: 'national-office',
  regionCode: '100000',
  scopePrefix: '',
  scopeLevel: 'nation',
  department: null,
  agencyId: null,
  sourceId: null,
};
