/*
 * The audit feature's public face: what other features and the server may use. Import from here, never from
 * the files behind it (npm run lint checks; docs/ARCHITECTURE.md, "Feature boundaries").
 */

export { auditJobs } from './audit.jobs.js';
export { auditRoutes } from './audit.routes.js';
export type { AuditEventView, AuditList } from './audit.schema.js';
export { type AuditActor, type AuditEntry, auditActorOf, recordAudit, SYSTEM } from './audit.service.js';
export type { AuditAction } from './audit-actions.js';
