// Shapes of the Pucha HTTP API as the console sees them (JSON over /api/v1).
import type { Department, LocalizedText } from './types-common.ts';

export const ROLES = [
  'national-office',
  'regional-office',
  'reviewer',
  'department-reviewer',
  'instructor',
  'enumerator',
  'agency-staff',
  'respondent',
  'editor',
] as const;
export type Role = (typeof ROLES)[number];

export const REGION_LEVELS = ['nation', 'province', 'prefecture', 'county', 'township', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** Actions of the server's policy table; the console builds its menu from them. */
export type Permission =
  | 'session.read'
  | 'regions.read' | 'regions.write'
  | 'users.read' | 'users.write'
  | 'teams.read' | 'teams.write'
  | 'agencies.read' | 'agencies.write'
  | 'audit.read'
  | 'jobs.read' | 'jobs.write'
  | 'registers.read' | 'registers.write'
  | 'directory.read' | 'directory.write' | 'directory.review'
  | 'inventory.read' | 'inventory.config' | 'inventory.plan' | 'inventory.field' | 'inventory.review' | 'inventory.verdict' | 'inventory.settle'
  | 'survey.read' | 'survey.fill' | 'survey.invite' | 'survey.confirm'
  | 'review.read' | 'review.act' | 'review.config' | 'review.accept' | 'review.sample'
  | 'accounting.read' | 'accounting.config'
  | 'supervision.read' | 'supervision.report' | 'supervision.dispatch' | 'supervision.case' | 'supervision.config'
  | 'channels.read' | 'channels.post' | 'channels.admin'
  | 'portal.read' | 'portal.write' | 'portal.approve'
  | 'outfalls.read' | 'outfalls.plan' | 'outfalls.field' | 'outfalls.verify'
  | 'radioactive.read' | 'radioactive.list' | 'radioactive.measure' | 'radioactive.config'
  | 'demo.load'
  | 'metrics.read';

export interface ApiErrorBody {
  error: {
    code: string;
    status: number;
    message: LocalizedText;
    details?: unknown;
  };
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Session {
  username: string;
  role: Role;
  regionCode: string;
  regionName: string;
  displayName: string;
  department: Department | null;
  agencyId: number | null;
  /** A respondent's own source (null, or absent from an older server, for other roles). */
  sourceId?: number | null;
  csrfToken: string;
  permissions: string[];
}

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  pilot: boolean;
}

export interface RegionPathItem {
  code: string;
  name: string;
  level: RegionLevel;
}

export interface RegionDetail extends Region {
  path: RegionPathItem[];
}

export interface RegionChild extends Region {
  hasChildren: boolean;
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  regionName: string;
  department: Department | null;
  agencyId: number | null;
  agencyName: string | null;
  phone: string | null;
  disabled: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface UserCreate {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  regionCode: string;
  department?: Department;
  agencyId?: number;
  phone?: string;
}

export interface UserPatch {
  version: number;
  displayName?: string;
  role?: Role;
  regionCode?: string;
  department?: Department | null;
  agencyId?: number | null;
  phone?: string | null;
  disabled?: boolean;
  password?: string;
}

/** One bad row of a rejected user import (error.details.rows). */
export interface ImportRowError {
  row: number;
  field: string;
  code: string;
  message: LocalizedText;
}

export interface Agency {
  id: number;
  name: string;
  regionCode: string;
  regionName: string;
  creditCode: string | null;
  contact: string | null;
  phone: string | null;
  contractRef: string | null;
  version: number;
  createdAt: string;
}

export interface AgencyInput {
  name: string;
  regionCode: string;
  creditCode?: string | null;
  contact?: string | null;
  phone?: string | null;
  contractRef?: string | null;
}

export const TEAM_KINDS = ['enumerator', 'paired', 'agency', 'students'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

export const MEMBER_ROLES = ['member', 'local', 'professional', 'student'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export interface TeamMember {
  userId: number;
  username: string;
  displayName: string;
  memberRole: MemberRole;
}

export interface Team {
  id: number;
  name: string;
  regionCode: string;
  regionName: string;
  kind: TeamKind;
  agencyId: number | null;
  agencyName: string | null;
  instructorId: number | null;
  instructorName: string | null;
  disabled: boolean;
  version: number;
  members: TeamMember[];
}

export interface TeamInput {
  name: string;
  regionCode: string;
  kind: TeamKind;
  agencyId?: number | null;
  instructorId?: number | null;
  members: { userId: number; memberRole: MemberRole }[];
}

export interface AuditEntry {
  id: number;
  at: string;
  actorUsername: string;
  action: string;
  entity: string;
  entityId: string;
  regionCode: string | null;
  before: unknown;
  after: unknown;
}

export * from './types-directory.ts';
export * from './types-common.ts';
