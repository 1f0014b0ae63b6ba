// 核算结果与汇总: emissions computed per source in the background, totals kept by deltas.
export { emissionRoutes } from './routes.ts';
export { recomputeJob, verifyJob, RECOMPUTE_JOB, VERIFY_JOB } from './verify.ts';
export { recomputeSource, settleDirty } from './compute.ts';
