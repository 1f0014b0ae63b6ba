// 审计 audit: who changed what, when, before and after.
export { auditFrom, recordAudit, listAudit, type AuditEntry } from './audit.sql.ts';
export { auditRoutes } from './routes.ts';
