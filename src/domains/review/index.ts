// 审核与质控: the review chain, phase acceptance and quality control (docs/review-api.md).
export { reviewRoutes } from './routes.ts';
export { bulkApproveJob } from './queue.ts';
export { act } from './actions.ts';
export { drawSample, recordFinding } from './qc/qc.ts';
