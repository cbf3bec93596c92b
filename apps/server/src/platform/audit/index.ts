export { auditRoutes } from './audit.routes.ts';
export { type AuditEvent, appendAudit, recordAudit } from './audit.service.ts';
export { verifyAuditChain } from './audit-verify.ts';
