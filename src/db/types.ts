/**
 * Row and payload types for the Stapwijzer database. Owns the split between what a row stores in
 * clear (schema v5: id, pseudonymous client id, key id, revision — clear-fields.ts) and the sealed
 * envelope. The `…Clear` interfaces are the record fields a repository hands out after opening
 * (dates, status, pathway/pack ids): since v5 those live INSIDE the sealed envelope, not in clear.
 * Payload types are deliberately minimal; the app layer refines them.
 */

import type { CaseloadEntry, CaseloadIndicators, CaseloadRowCounts } from '../domain/caseload';
import type { FollowUpOutcome, Reason, Recommendation, ScreeningOutcome } from '../domain/result';
import type { ContentPack, PathwayId, RelapseIntake, ScreeningContext, Step } from '../domain/types';

/** AES-GCM output stored on every encrypted row. */
export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  ct: Uint8Array<ArrayBuffer>;
}

/**
 * Record fields every decrypted record carries. `rev` starts at 1 and rises by 1 per update (R17);
 * `id` and `rev` are stored in clear, the times are sealed (v5).
 */
export interface RowBase {
  id: string;
  rev: number;
  createdAt: number;
  updatedAt: number;
  /**
   * Who created the record and who saved this revision: the vault's initials (issue 20, "who did
   * what"). Sealed (clear-fields.ts `sealedMeta`), never in clear; absent on records written before.
   */
  createdBy?: string;
  updatedBy?: string;
}

/**
 * The clear fields of a row in a table written under the clear-field rule (ARCHITECTURE "What stays
 * in clear"): the record id and its revision; timestamps, kinds and dates go in the sealed payload.
 */
export interface MinimalClear {
  id: string;
  rev: number;
}

export type ClientStatus = 'active' | 'archived';
export type ScreeningStatus = 'completed' | 'cancelled';
export type FollowUpStatus = 'open' | 'done' | 'cancelled';
export type PlanStatus = 'active' | 'closed';

export interface ClientClear extends RowBase {
  status: ClientStatus;
}
export interface ScreeningClear extends RowBase {
  clientId: string;
  status: ScreeningStatus;
  packId: string;
  packVersion: string;
  instrumentId: string;
  instrumentVersion: string;
}
export interface DraftClear extends RowBase {
  clientId: string | null;
}
export interface DecisionClear extends RowBase {
  clientId: string;
  screeningId: string;
  pathwayId: string;
}
export interface FollowUpClear extends RowBase {
  clientId: string;
  pathwayId: string;
  status: FollowUpStatus;
  /** Local calendar date, `YYYY-MM-DD`, so it sorts and compares as a string. */
  dueDate: string;
}
export interface PlanClear extends RowBase {
  clientId: string;
  pathwayId: string;
  status: PlanStatus;
}
export interface NoteClear extends RowBase {
  clientId: string;
}
export type SettingClear = RowBase;
/** An append-only safety event: never updated or deleted. `clientId` is null for an anonymous screening. */
export interface SafetyEventClear extends RowBase {
  /** The signal this event belongs to (a signal event's own id). */
  signalId: string;
  clientId: string | null;
}

/**
 * An append-only follow-up event (completed, cancelled, rescheduled): never updated or deleted, so
 * two devices completing the same follow-up both keep their event and the state is derived.
 */
export interface FollowUpEventClear extends MinimalClear {
  clientId: string;
}

/** What a schema-v5 row stores in clear (clear-fields.ts): everything else is in the sealed envelope. */
export interface SealedClear {
  id: string;
  rev: number;
  /** The key the row is sealed with (keys/key-ring.ts). */
  kid: string;
  /** Pseudonymous client id, on the tables of clear-fields.ts that list it. */
  clientId?: string | null;
}
export type SealedRow = SealedClear & Sealed;
/**
 * A row as schema v1–v4 stored it: every record field in clear, sealed with the data key under the
 * v1 AAD. Still opened (read-through during the migration, v1 backups) and re-sealed by the migration.
 */
export type LegacyRow<C extends MinimalClear> = C & Sealed;
/** Any stored sealed row: the two shapes differ by `kid`. */
export type StoredRow<C extends MinimalClear> = SealedRow | LegacyRow<C>;

export type ClientRow = StoredRow<ClientClear>;
export type ScreeningRow = StoredRow<ScreeningClear>;
export type DraftRow = StoredRow<DraftClear>;
export type DecisionRow = StoredRow<DecisionClear>;
export type FollowUpRow = StoredRow<FollowUpClear>;
export type PlanRow = StoredRow<PlanClear>;
export type NoteRow = StoredRow<NoteClear>;
export type SettingRow = StoredRow<SettingClear>;
export type SafetyEventRow = StoredRow<SafetyEventClear>;
export type FollowUpEventRow = StoredRow<FollowUpEventClear>;
/**
 * A destroyed client (schema v12). The row id IS the pseudonymous client id (a random UUID that every
 * row of that client carried in clear anyway), so "is this id destroyed" needs no key: a restore checks
 * it before unlock-time data exist, and a pulled record is refused by one primary-key read.
 */
export type ShreddedClientClear = RowBase;
export type ShreddedClientRow = SealedRow;

/** A wrapped key (keys/key-ring.ts): its id, the id of the key that wraps it, and the wrapped bytes. */
export interface KeyRow {
  id: string;
  parent: string;
  iv: Uint8Array<ArrayBuffer>;
  wrapped: Uint8Array<ArrayBuffer>;
}
/** This device's ECDH key pair (schema v11): the JWK of the private key, sealed under the data key. */
export interface DeviceKeyRow {
  id: string;
  iv: Uint8Array<ArrayBuffer>;
  wrapped: Uint8Array<ArrayBuffer>;
}
/**
 * A row of the sealed caseload index (issue 17): clear only `id` ('head' or 'chunk-N') and `rev`. No
 * timestamps: a chunk's updatedAt would date every save of every client in it.
 */
export interface CaseloadIndexClear {
  id: string;
  rev: number;
}
export type CaseloadIndexRow = SealedRow;

/**
 * The head names the build's shape; `chunk-N` rows hold the entries the lists read, `ind-N` rows (smaller,
 * more of them) what the indicators count. A client's rows follow from a hash of its id.
 */
export type CaseloadIndexPayload =
  | {
      kind: 'head';
      format: number;
      /** The zone the entries' calendar days were computed in: another zone means a rebuild. */
      timeZone: string;
      chunks: number;
      indicatorChunks: number;
      /** Rows that could not be decrypted at the rebuild: counted so the staleness check still adds up. */
      damaged: CaseloadRowCounts;
    }
  | { kind: 'chunk'; format: number; entries: CaseloadEntry[] }
  | { kind: 'indicators'; format: number; parts: { key: string; indicators: CaseloadIndicators }[] };

/** A decrypted record: the clear fields plus the payload. */
export type Decrypted<C extends MinimalClear, P> = C & { data: P };

/** Result of reading many rows: damaged rows (failed GCM tag, R22) are reported, not hidden. */
export interface ReadMany<T> {
  records: T[];
  damaged: string[];
}

// Payloads (encrypted): everything about the person lives here, never in a clear field.
// The screening feature writes these; clients, home and backup read them.

/** A screening's inputs as the engine takes them: printed option positions (0-based) by item id. */
export interface ScreeningInputs {
  pathwayId: PathwayId;
  instrumentId: string;
  answers: Record<string, number>;
  context: ScreeningContext;
  /** Yes/no questions of the pathway (e.g. "signs of a postpartum psychosis?"). */
  flags: Record<string, boolean>;
}

export interface ClientPayload {
  /** A code or alias; never required to be a name. */
  alias: string;
  code?: string;
  pathwayIds?: PathwayId[];
}
export interface ScreeningPayload extends ScreeningInputs {
  /** The engine's outcome when the screening was completed (with its reasons and versions). */
  outcome: ScreeningOutcome;
  /** Set when the screening was a follow-up: the comparison with the earlier result. */
  followUpOutcome?: FollowUpOutcome;
  previousScreeningId?: string;
  selfCompleted?: boolean;
  /** Pre-screens given before this instrument in the same session (e.g. Whooley before EPDS). */
  preScreens?: PreScreen[];
  /** Relapse-prevention intake given with this screening (decision aid input). */
  intake?: RelapseIntake;
}
/** An instrument answered earlier in the same screening session that led to the next one. */
export interface PreScreen {
  instrumentId: string;
  answers: Record<string, number>;
}
/**
 * The unsaved text of free-text fields (a client note, the plan, the result page's reasons and notes),
 * kept in the drafts table, sealed like every draft, until the real save or a discard: navigation, the
 * auto-lock and a crash cannot lose it (issue 18). `key` names the form (e.g. "note:<clientId>"); it is
 * inside the sealed payload, never in clear.
 */
export interface TextDraftPayload {
  kind: 'text';
  key: string;
  texts: Record<string, string>;
}
export interface DraftPayload extends Partial<ScreeningInputs> {
  pathwayId: PathwayId;
  /** Which question the runner shows (one question per screen). */
  position?: number;
  /** The follow-up this screening answers, if any. */
  followUpId?: string;
  previousScreeningId?: string;
  /** A quick anonymous screening is never stored; a draft always belongs to a client or none. */
  handedToClient?: boolean;
  preScreens?: PreScreen[];
  intake?: RelapseIntake;
}
/** A safety action id from the pack's list (content, not code): any id the pack names is kept. */
export type SafetyAction = string;
export interface DecisionPayload {
  recommended: Recommendation;
  /** What the professional chose: the recommendation, or an override with a reason. */
  chosen: Step | 'safety';
  overrideReason?: string;
  reasons: Reason[];
  /** `label` is the pack's wording when it was recorded, so a handover names any pack action. */
  safetyAction?: { action: SafetyAction; label?: { nl: string; en: string }; note?: string; at: string };
  /** Why the follow-up is later than the safety path's next day (CONTENT.md §4). */
  followUpReason?: string;
  note?: string;
}
export interface FollowUpPayload {
  /** The step the person is in while waiting for this follow-up. */
  step: Step | 'safety';
  instrumentId: string;
  screeningId: string;
  note?: string;
}
export interface PlanPayload {
  warningSigns: { category: string | null; text: string }[];
  triggers: string[];
  whatIDo: string[];
  whatOthersDo: string[];
  whomToCall: { name: string; phone?: string }[];
  /** Intake of the relapse-prevention decision aid, when it was used. */
  intake?: RelapseIntake;
  /** ISO date of this version; earlier versions stay in `history`. */
  revisedAt: string;
  history?: { revisedAt: string; snapshot: Omit<PlanPayload, 'history'> }[];
}
export interface NotePayload {
  text: string;
}
/** What a safety signal was: a red-flag rule or a safety question of a pack. */
export interface SafetySignalFact {
  id: string;
  kind: 'red-flag' | 'safety-question';
  level: 'urgent' | 'emergency';
  label: { nl: string; en: string };
}
/** Safety events (encrypted). "Open" = a signal without a later action or confirmed discard. */
export type SafetyEventPayload =
  | {
      kind: 'signal';
      pathwayId: PathwayId;
      signal: SafetySignalFact;
      /** The screening draft that raised it (named in advance when the draft did not exist yet). */
      draftId: string | null;
      /** Raised while the client held the device: the professional sees it first when it comes back. */
      handedToClient?: boolean;
      at: string;
    }
  | { kind: 'action'; action: SafetyAction; note?: string; screeningId?: string; at: string }
  | { kind: 'discarded'; what: string; at: string }
  /**
   * The signal belongs to the client named in this row's clear `clientId`: a signal raised on the
   * start screen before the client was chosen or created is linked once she is (issue 13).
   */
  | { kind: 'linked'; at: string };

/** Why a client was destroyed: the client asked for it, or the retention period (WGBO) ended. */
export type ShredReason = 'client-request' | 'retention-ended';
/**
 * The `client-shredded` event (sealed under the data key here; under the team key in its envelope when
 * synced). `by`: the author's initials. `records`: the synced records this device removed, as
 * `table:id`, so the sync engine can delete their envelopes from the team database too.
 */
export interface ShreddedClientPayload {
  kind: 'client-shredded';
  reason: ShredReason;
  by: string;
  at: string;
  records: string[];
}

/** What happened to a follow-up (encrypted). The follow-up's state is derived from these. */
export type FollowUpEventPayload =
  | { kind: 'completed'; followUpId: string /** The screening that answered it. */; screeningId?: string; at: string }
  | { kind: 'cancelled'; followUpId: string; reason?: string; at: string }
  | {
      kind: 'rescheduled';
      followUpId: string /** Local calendar date, `YYYY-MM-DD`. */;
      dueDate: string;
      reason?: string;
      at: string;
    };

// Clear (unencrypted) tables.

/**
 * Team sync bookkeeping (schema v9), one row per mirrored record: `key` is `${table}:${id}` (a local
 * table name and record id, both already in clear locally), `localRev` the record's rev last mirrored,
 * `envelopeRev` the envelope revision it became or came from. No client data, never synced itself.
 */
export interface SyncStateRow {
  key: string;
  localRev: number;
  envelopeRev: string;
}

/** `key` is `${id}@${contentVersion}`; `active` is 1 for the version in use (numbers index, booleans do not). */
export interface PackRow {
  key: string;
  id: string;
  contentVersion: string;
  schemaVersion: number;
  digest: string;
  active: 0 | 1;
  importedAt: number;
  pack: ContentPack;
  /**
   * A licence pack's digest sealed under the data key (R41): its text differs from the bundle, so no
   * shipped digest vouches for it; this MAC does. `at` is the sealing time (bound into the AAD).
   */
  licenceSeal?: { iv: Uint8Array<ArrayBuffer>; ct: Uint8Array<ArrayBuffer>; at: number };
}

/**
 * Audit-log actions (R38, NEN 7513-inspired). Exports name their channel so the log says how data
 * left the device.
 */
export type AuditAction =
  | 'create'
  | 'view'
  | 'change'
  | 'delete'
  | 'export-backup'
  | 'export-print'
  | 'export-share'
  | 'export-copy'
  | 'export-ics'
  | 'export-fhir'
  /** The practice figures for the region as CSV (counts only, suppressed). */
  | 'export-csv'
  | 'import'
  | 'unlock'
  | 'unlock-failed'
  | 'wipe'
  /** A practice confirmed the EPDS scoring key against its licensed form (who: actor; when: ts). */
  | 'confirm-epds-key'
  | 'content-repaired'
  /** A client archived (left Vandaag and the list) or brought back: reversible. */
  | 'archive'
  | 'unarchive'
  /** A client destroyed on this device, with its reason; or because a team member's destroy arrived. */
  | 'destroy-client-request'
  | 'destroy-retention-ended'
  | 'destroy-synced'
  /**
   * Team membership (issue 20), each naming the key generation (and a device) in `recordId`
   * (audit/team-record.ts): a team made, this device joined, a colleague's device added, the key
   * rotated after removing a member, a rotated key received from a colleague.
   */
  | 'team-create'
  | 'team-join'
  | 'team-member-add'
  | 'team-key-rotate'
  | 'team-key-receive'
  /** One of this device's own clients moved into the team when it joined (`recordId`: the client). */
  | 'team-share';

/**
 * One audit event as the app reads it: it holds no client data — an opaque record UUID at most.
 * `seq` orders the chain (timestamps can tie); `hash` is SHA-256 over the canonical event including
 * `prevHash`. Stored SEALED in `auditChain` (schema v8); schema v1–v7 stored it in clear in
 * `auditLog`, which the migration after unlock empties into the sealed chain.
 */
export interface AuditRow {
  id: string;
  seq: number;
  /** UTC ISO 8601. */
  ts: string;
  action: AuditAction;
  recordId: string | null;
  actor: string;
  prevHash: string;
  hash: string;
  /** On an 'import' event: the chain this device held before the restore replaced it. */
  prior?: AuditPrior;
}

/** The head of the chain a restore replaced; `hash` is null when that chain could not be read. */
export interface AuditPrior {
  count: number;
  hash: string | null;
}

/**
 * A sealed row of `auditChain`: an event or the anchor, in the v5 row shape. In clear only a random
 * id (the anchor's is the fixed 'anchor'), the key id (the data key) and `rev`; order, time, actor
 * and action are inside the ciphertext.
 */
export type AuditChainRow = SealedRow;

/**
 * A sealed row of `teamAudit` (schema v13): another team device's audit events of one day. In clear
 * only the envelope id it travels under (an HMAC, meaningless without the team key), the key id (the
 * data key) and `rev`; the device, the day and the events are sealed.
 */
export type TeamAuditRow = SealedRow;

/**
 * An event written while the vault was locked (a failed unlock): clear until the next unlock seals
 * it into the chain. `n` is the locked-time counter's value when it was written (meta 'auditLocked').
 */
export interface AuditPendingRow {
  id: string;
  n: number;
  ts: string;
  action: AuditAction;
  recordId: string | null;
  actor: string;
}

/** A backup row staged during restore (schema v8), keyed `${table}\u0000${id}`; emptied after. */
export interface BackupStagingRow {
  key: string;
  table: string;
  row: Record<string, unknown>;
}

/** PBKDF2 parameters: how v1 vaults and backups were wrapped; still opened, re-wrapped at unlock (R20). */
export interface Pbkdf2Params {
  algorithm: 'PBKDF2';
  hash: 'SHA-256';
  iterations: number;
}

/** Argon2id parameters (R39): memory in KiB, passes, lanes. Stored next to the wrapped key. */
export interface Argon2idParams {
  algorithm: 'Argon2id';
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

export type KdfParams = Pbkdf2Params | Argon2idParams;

/** Singletons in the meta table, keyed by fixed names. */
export interface VaultMeta {
  key: 'vault';
  formatVersion: 1;
  kdf: KdfParams & { salt: Uint8Array<ArrayBuffer> };
  wrap: 'AES-KW';
  wrappedKey: Uint8Array<ArrayBuffer>;
  createdAt: number;
  updatedAt: number;
}
export interface SentinelMeta {
  key: 'sentinel';
  vaultId: string;
  createdAt: number;
}
export interface BackoffMeta {
  key: 'backoff';
  failures: number;
  lastFailureAt: number | null;
}
export interface SchemaMeta {
  key: 'schema';
  version: number;
  upgradedAt: number;
}
/** Schema v1–v7: the audit chain's tip in clear. Read by the migration only. */
export interface AuditTipMeta {
  key: 'auditTip';
  count: number;
  hash: string;
}
/** The last known initials (not client data), so a failed unlock can still name the actor. */
export interface AuditActorMeta {
  key: 'auditActor';
  initials: string;
}
/**
 * Progress of the v5 re-sealing migration (migration/reseal.ts). Absent or not 'done': rows of the
 * old shape may remain. `table`/`after` say where the next batch starts; `done` counts re-sealed rows.
 */
export interface ResealMeta {
  key: 'reseal';
  state: 'pending' | 'running' | 'done';
  table: string | null;
  after: string | null;
  done: number;
  total: number;
  updatedAt: number;
}
/**
 * How many events were ever written while locked (monotonic). The sealed anchor remembers the value
 * it absorbed, so pending rows erased while locked leave a gap the next unlock sees.
 */
export interface AuditLockedMeta {
  key: 'auditLocked';
  count: number;
}
/**
 * A team-size restore in progress (backup/restore-journal.ts): written in the transaction that empties
 * the live tables (the point of no return), deleted once every staged row is in place and the import is
 * logged. While it exists the vault stays closed and the next unlock finishes the copy first.
 */
export interface RestoreJournalMeta {
  key: 'restoreJournal';
  startedAt: number;
  /** The head of the chain the restore replaced, for the 'import' event logged at the end. */
  prior: AuditPrior;
  /** Which passphrase unlocks the restored vault: the lock screen says so. */
  unlockWith: 'device' | 'backup';
  /** Staged rows at the start, for the progress ("n van m"). */
  total: number;
}
export type MetaRow =
  | RestoreJournalMeta
  | VaultMeta
  | SentinelMeta
  | BackoffMeta
  | SchemaMeta
  | AuditTipMeta
  | AuditActorMeta
  | AuditLockedMeta
  | ResealMeta;
