/** Audit log API (R38): append, track record writes, verify the chain, list it. */
export { GENESIS_HASH, hashEvent, sha256Hex } from './audit-hash';
export {
  AUDIT_HEAD_SETTING,
  AUDITED_TABLES,
  type AuditEntry,
  type AuditHead,
  anchorHead,
  appendAudit,
  appendAuditQuietly,
  attachAuditSession,
  auditSettled,
  readAnchoredHead,
  readTip,
  rememberActor,
} from './audit-log';
export { type ChainProblem, type ChainReport, listAuditEvents, verifyAuditChain } from './verify-chain';
