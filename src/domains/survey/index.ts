// 入户调查 survey: the forms and the rule engine (engine/index.ts explains both), and the
// submissions stored on the server (submissions/). This is the server's import path; it adds
// the directory's GB/T 4754-2017 table and the region tree to the engine. Browsers import
// ./forms/index.ts and ./engine/index.ts instead, which pull no Node-only code.
export * from './engine/index.ts';
export { CATALOGUE, CODE_TABLES, CROSS_FORM_RULES, DEFINED_CODES, FORMS, RADIOACTIVE_INDUSTRIES, censusEngine } from './forms/index.ts';
export { exampleEnterprise, countAnswers } from './forms/example-set.ts';
export { exampleFarm } from './forms/example-others.ts';
export { saveSubmission, type SaveBody } from './submissions/submissions.ts';
export { confirmSurvey } from './self/confirmations.ts';
export { recordAttachment } from './submissions/attachments.ts';
export { referencedFiles } from './submissions/rules.ts';
export { engineFor, serverEngine } from './server-engine.ts';
export { surveyRoutes } from './routes.ts';
