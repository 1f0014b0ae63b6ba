// English for the audit log page. Typed by zh/audit.ts, so the keys must match.
import type { Strings } from '../strings.ts';
import type * as zh from '../zh/audit.ts';

export const audit: Strings<typeof zh.audit> = {
  title: 'Audit log',
  at: 'Time',
  actor: 'Actor',
  action: 'Action',
  entity: 'Entity',
  entityId: 'Entity ID',
  region: 'Region',
  before: 'Before',
  after: 'After',
  period: 'Period',
  actorPlaceholder: 'Actor username',
  noData: '(none)',
};
