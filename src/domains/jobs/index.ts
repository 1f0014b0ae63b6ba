// 任务 jobs: the long work of every domain (imports, matching, recomputation, exports).
export { JobRunner, JobCancelled, type Chore, type JobContext, type JobHandler } from './runner.ts';
export { getJob, listJobs, queueJob, setJobParams, type JobView } from './jobs.sql.ts';
export { jobRoutes } from './routes.ts';
