// 演示 demo: the believable census that `npm start` shows on first start.
export { loadDemo, demoLoaded } from './demo.ts';
export { loadDemoDirectory, seedDemoDirectory } from './demo-directory.ts';
export { DEMO_PASSWORD, DEMO_USERS } from './demo-data.ts';
export { demoRoutes, demoJobs } from './routes.ts';
