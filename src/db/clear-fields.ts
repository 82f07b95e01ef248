/**
 * The clear-field rule (ARCHITECTURE "What stays in clear", R40), per table: which fields of a
 * sealed row are stored in clear, and which fields a repository passes to `VaultSession.seal` in
 * its `clear` argument but that are moved INTO the sealed payload (dates, status, pathway, pack
 * and instrument ids, kinds). `seal()` refuses any field on neither list, so a field added to a
 * row type can never end up in clear by accident: it has to be named here, in one of the two
 * lists, and a reviewer sees which.
 *
 * Client tables keep in clear only the record id, the pseudonymous client id (a random UUID, so
 * "rows of one client" is one index range), the key id and the revision. `clients` rows name no
 * `clientId` (the row id is the client id). `safetyEvents` keep even the client id sealed and are
 * sealed under the data key, not the client's key: a clear client id or client key id on a
 * safety event would mark that client as a safety case.
 *
 * `auditChain` (schema v8) holds the audit events and their anchor, sealed under the data key: only
 * a random id (the anchor's is 'anchor'), the key id and the revision in clear.
 *
 * Tables outside this list (meta, packs, the v1 clear audit log, keys, pending audit events, the
 * restore staging) are not sealed by `seal()`; UNSEALED_TABLE_FIELDS lists their clear fields.
 */
import type { EncryptedTableName } from './database';

export interface TableFieldRule {
  /** Stored in clear, bound into the AAD. */
  readonly clear: readonly string[];
  /** Accepted in `seal(table, clear, …)` and stored inside the sealed envelope. */
  readonly sealedMeta: readonly string[];
}

const TIMES = ['createdAt', 'updatedAt'] as const;
/** The author's initials at creation and at this revision (issue 20): sealed, like the times. */
const AUTHORS = ['createdBy', 'updatedBy'] as const;

export const CLEAR_FIELDS = {
  clients: { clear: ['id', 'kid', 'rev'], sealedMeta: [...TIMES, 'status', ...AUTHORS] },
  screenings: {
    clear: ['id', 'clientId', 'kid', 'rev'],
    sealedMeta: [...TIMES, 'status', 'packId', 'packVersion', 'instrumentId', 'instrumentVersion', ...AUTHORS],
  },
  drafts: { clear: ['id', 'clientId', 'kid', 'rev'], sealedMeta: [...TIMES, ...AUTHORS] },
  decisions: {
    clear: ['id', 'clientId', 'kid', 'rev'],
    sealedMeta: [...TIMES, 'screeningId', 'pathwayId', ...AUTHORS],
  },
  followUps: {
    clear: ['id', 'clientId', 'kid', 'rev'],
    sealedMeta: [...TIMES, 'pathwayId', 'status', 'dueDate', ...AUTHORS],
  },
  plans: { clear: ['id', 'clientId', 'kid', 'rev'], sealedMeta: [...TIMES, 'pathwayId', 'status', ...AUTHORS] },
  notes: { clear: ['id', 'clientId', 'kid', 'rev'], sealedMeta: [...TIMES, ...AUTHORS] },
  settings: { clear: ['id', 'kid', 'rev'], sealedMeta: [...TIMES, ...AUTHORS] },
  safetyEvents: { clear: ['id', 'kid', 'rev'], sealedMeta: [...TIMES, 'signalId', 'clientId', ...AUTHORS] },
  /** Append-only follow-up events (completed, cancelled, rescheduled): everything but the ids sealed. */
  followUpEvents: { clear: ['id', 'clientId', 'kid', 'rev'], sealedMeta: [...AUTHORS] },
  /** Head and chunk rows of the sealed caseload index: no timestamps, which would date every save. */
  caseloadIndex: { clear: ['id', 'kid', 'rev'], sealedMeta: [] },
  /** Sealed audit events and the anchor (schema v8): the seq, time, action and hashes are sealed. */
  auditChain: { clear: ['id', 'kid', 'rev'], sealedMeta: [] },
  /**
   * Other team devices' audit events, one row per device and day (schema v13): the row id is the
   * envelope id (an HMAC under the team key), so neither the device nor the day is in clear.
   */
  teamAudit: { clear: ['id', 'kid', 'rev'], sealedMeta: [] },
  /**
   * Destroyed clients (schema v12): the id is the destroyed client's pseudonymous id, sealed under the
   * data key (a client key would be destroyed with it); reason, author and time are sealed.
   */
  shreddedClients: { clear: ['id', 'kid', 'rev'], sealedMeta: [...TIMES] },
} as const satisfies Record<EncryptedTableName, TableFieldRule>;

/** Clear fields of rows that are not sealed records: listed so the row-dump test checks them too. */
export const UNSEALED_TABLE_FIELDS = {
  /** Per-client (and later team) keys, wrapped: the key id, its parent's id, the wrapped bytes. */
  keys: ['id', 'parent', 'iv', 'wrapped'],
  /**
   * Audit events written while locked (failed unlocks), clear by necessity until the next unlock
   * seals them: when and by which initials, never client data.
   */
  auditPending: ['id', 'n', 'ts', 'action', 'recordId', 'actor'],
  /** A backup being restored: rows exactly as they will be stored, present only during a restore. */
  backupStaging: ['key', 'table', 'row'],
  /**
   * Team sync's bookkeeping (schema v9), not client data: `key` = `${table}:${recordId}` (ids already
   * clear in that table), the local rev last mirrored and the envelope revision (a random hash);
   * `auditChain:${rowId}` marks an own audit event as copied into its day document (schema v13).
   * Never synced, never in a backup.
   */
  syncState: ['key', 'localRev', 'envelopeRev'],
  /**
   * This device's key pair (schema v11): the private key's JWK sealed under the data key. Not client
   * data; never synced, never in a backup (a restored vault gets a new device key and rejoins).
   */
  deviceKeys: ['id', 'iv', 'wrapped'],
} as const;

/** The rule of one sealed table. */
export function clearFieldsOf(table: EncryptedTableName): TableFieldRule {
  return CLEAR_FIELDS[table];
}
