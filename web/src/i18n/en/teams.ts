// English for the teams page: team kinds, members and "1+1" pairs. Typed by zh/teams.ts, so the
// keys must match.
import type { Strings } from '../strings.ts';
import type * as zh from '../zh/teams.ts';

export const teams: Strings<typeof zh.teams> = {
  title: 'Teams',
  create: 'New team',
  edit: 'Edit team',
  name: 'Name',
  region: 'Region',
  kind: 'Kind',
  agency: 'Agency',
  instructor: 'Instructor',
  members: 'Members',
  memberLocal: 'Local officer',
  memberProfessional: 'Agency professional',
  pairHint: 'A "1+1" paired team is one local officer and one agency professional',
  pairDistinct: 'The two members must be different people',
  anyKind: 'Any kind',
  kinds: {
    enumerator: 'Enumerator team',
    paired: '"1+1" paired team',
    agency: 'Agency team',
    students: 'University staff and students',
  },
  memberRoles: {
    member: 'Member',
    local: 'Local',
    professional: 'Professional',
    student: 'Student',
  },
  confirmDisable: 'Disable team {{name}}?',
  confirmEnable: 'Enable team {{name}}?',
};
