// 演示 demo: the believable census that `npm start` shows on first start.
export { loadDemo, demoLoaded } from './demo.ts';
export { loadDemoDirectory, seedDemoDirectory } from './demo-directory.ts';
export { DEMO_PASSWORD, DEMO_USERS } from './demo-data.ts';
export { demoRoutes, demoJobs } from './routes.ts';
export { loadDemoSurvey, DEMO_SURVEY_JOB } from './demo-survey.ts';
export { DEMO_SURVEY_SOURCES } from './demo-survey-sets.ts';
