// 清查 inventory: census zones and work packages, the field app's sync, the six
// states, the joint review of the departments, progress.
import type { JobHandler } from '../jobs/index.ts';
import { zoneAssignJob } from './plan/zone-assign-job.ts';

export { inventoryRoutes } from './routes.ts';
export { ZONE_ASSIGN_JOB } from './plan/zone-assign-job.ts';
export { progress as inventoryProgress } from './records/progress.ts';
export const inventoryJobs: JobHandler<any>[] = [zoneAssignJob];
