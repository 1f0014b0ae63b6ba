// 调度与督导: calendar, readiness, progress and lag, dispatches, briefings, cases, the map
// (docs/supervision-api.md). Channels live in channels/.
export { supervisionRoutes } from './routes.ts';
export { escalateOverdue } from './cases/cases.ts';
export { reportReadiness } from './readiness.ts';
export { generateDispatch, publishDispatch } from './dispatches.ts';
export { openCase, answerCase } from './cases/cases.ts';
