// 人员 people: users, third-party agencies (第三方机构), teams with the "1+1" pairs,
// and bulk user creation from a spreadsheet.
import type { JobHandler } from '../jobs/index.ts';
import { importJob } from './user-import.ts';

export { peopleRoutes } from './routes.ts';
export { getUser, listUsers, type UserView } from './users.ts';
export { getTeam, listTeams, type TeamView } from './teams.ts';
export { getAgency, listAgencies, type AgencyView } from './agencies.ts';

export const peopleJobs: JobHandler[] = [importJob];
export { checkRespondentAccount, insertRespondentAccount, type RespondentAccount } from './respondent-account.ts';
