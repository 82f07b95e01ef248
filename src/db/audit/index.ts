/** Audit log API (R38/R42): append, track record writes, verify the sealed chain, list it. */
export { GENESIS_HASH, hashEvent, sha256Hex } from './audit-hash';
export {
  AUDITED_TABLES,
  type AuditEntry,
  type AuditHead,
  appendAudit,
  appendAuditQuietly,
  attachAuditSession,
  auditSettled,
  readHead,
  rememberActor,
} from './audit-log';
export type { ChainProblem } from './audit-store';
export { parseTeamRecordId, teamRecordId } from './team-record';
export { type ChainReport, listAuditEvents, readAuditEvents, verifyAuditChain } from './verify-chain';
