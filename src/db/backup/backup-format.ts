/**
 * The backup file, format version 1: every client-table row still encrypted (iv/ct in base64, clear
 * fields as stored), the audit log, the wrapped data key with its KDF parameters and the vault id,
 * counts per table and an integrity block. Strict valibot schemas: unknown fields are rejected,
 * strings and numbers are bounded. Nothing in the header says anything about a client.
 */
import * as v from 'valibot';
import { AUDIT_ACTIONS } from '../audit/audit-store';
import { BASE64 } from './base64';

export const BACKUP_FORMAT = 'stapwijzer-backup';
export const BACKUP_FORMAT_VERSION = 1;
/**
 * Larger files are refused before they are read. The limit must stay well above what the app itself
 * exports: 2,000 clients with 20,000 screenings and their audit log already make a 50 MB file, so
 * 256 MB leaves room for about 10,000 clients. (reliability.md's corpus names a 60 MB file as its
 * example of "oversized"; that was below our own large caseloads, so the test uses the limit + 1.)
 */
export const MAX_BACKUP_BYTES = 256 * 1024 * 1024;
export const MAX_DEPTH = 20;

export const BACKUP_TABLES = [
  'clients',
  'screenings',
  'drafts',
  'decisions',
  'followUps',
  'plans',
  'notes',
  'settings',
  'safetyEvents',
  'followUpEvents',
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const Ms = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));
const B64 = (max: number) => v.pipe(v.string(), v.maxLength(max), v.regex(BASE64));
const Ct = B64(8 * 1024 * 1024);
const Iv = v.pipe(B64(16), v.length(16));
const Date10 = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const Short = v.pipe(v.string(), v.maxLength(200));

const base = {
  id: Id,
  rev: v.pipe(v.number(), v.integer(), v.minValue(1)),
  createdAt: Ms,
  updatedAt: Ms,
  iv: Iv,
  ct: Ct,
};

/** A schema-v5 row (clear-fields.ts): id, client id where the table has one, key id, revision. */
const sealedRow = v.strictObject({
  id: Id,
  rev: base.rev,
  kid: Id,
  clientId: v.exactOptional(v.nullable(Id)),
  iv: Iv,
  ct: Ct,
});
/** A table's rows: the v5 shape, or the v1–v4 shape (every record field in clear) of older backups. */
const either = <T extends v.GenericSchema>(legacy: T) =>
  // Picked by the presence of `kid`, so a stray field is reported as such (a union would only say "no match").
  v.lazy((input: unknown) => (typeof input === 'object' && input !== null && 'kid' in input ? sealedRow : legacy));

export const KeyRowSchema = v.strictObject({ id: Id, parent: Id, iv: Iv, wrapped: B64(128) });

const LEGACY_ROW_SCHEMAS = {
  clients: v.strictObject({ ...base, status: v.picklist(['active', 'archived']) }),
  screenings: v.strictObject({
    ...base,
    clientId: Id,
    status: v.picklist(['completed', 'cancelled']),
    packId: Short,
    packVersion: Short,
    instrumentId: Short,
    instrumentVersion: Short,
  }),
  drafts: v.strictObject({ ...base, clientId: v.nullable(Id) }),
  decisions: v.strictObject({ ...base, clientId: Id, screeningId: Id, pathwayId: Short }),
  followUps: v.strictObject({
    ...base,
    clientId: Id,
    pathwayId: Short,
    status: v.picklist(['open', 'done', 'cancelled']),
    dueDate: Date10,
  }),
  plans: v.strictObject({ ...base, clientId: Id, pathwayId: Short, status: v.picklist(['active', 'closed']) }),
  notes: v.strictObject({ ...base, clientId: Id }),
  settings: v.strictObject(base),
  safetyEvents: v.strictObject({ ...base, signalId: Id, clientId: v.nullable(Id) }),
  // The clear-field rule's shape (schema v7): no timestamps in clear.
  followUpEvents: v.strictObject({ id: Id, rev: base.rev, clientId: Id, iv: Iv, ct: Ct }),
} satisfies Record<BackupTable, v.GenericSchema>;

export const ROW_SCHEMAS = {
  clients: either(LEGACY_ROW_SCHEMAS.clients),
  screenings: either(LEGACY_ROW_SCHEMAS.screenings),
  drafts: either(LEGACY_ROW_SCHEMAS.drafts),
  decisions: either(LEGACY_ROW_SCHEMAS.decisions),
  followUps: either(LEGACY_ROW_SCHEMAS.followUps),
  plans: either(LEGACY_ROW_SCHEMAS.plans),
  notes: either(LEGACY_ROW_SCHEMAS.notes),
  settings: either(LEGACY_ROW_SCHEMAS.settings),
  safetyEvents: either(LEGACY_ROW_SCHEMAS.safetyEvents),
  followUpEvents: either(LEGACY_ROW_SCHEMAS.followUpEvents),
} satisfies Record<BackupTable, v.GenericSchema>;

const Hex64 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));

export const AuditRowSchema = v.strictObject({
  id: Id,
  seq: v.pipe(v.number(), v.integer(), v.minValue(0)),
  ts: v.pipe(v.string(), v.isoTimestamp()),
  action: v.picklist(AUDIT_ACTIONS),
  recordId: v.nullable(Id),
  actor: v.pipe(v.string(), v.maxLength(12)),
  prevHash: Hex64,
  hash: Hex64,
});

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** The wrapped data key and its KDF parameters, as both backup formats carry them. */
export const VaultHeaderSchema = v.strictObject({
  formatVersion: v.literal(1),
  wrap: v.literal('AES-KW'),
  // Bounded: a hostile file must not make the device derive for hours or allocate gigabytes.
  kdf: v.variant('algorithm', [
    v.strictObject({
      algorithm: v.literal('PBKDF2'),
      hash: v.literal('SHA-256'),
      iterations: v.pipe(v.number(), v.integer(), v.minValue(1_000), v.maxValue(10_000_000)),
      salt: v.pipe(B64(64), v.minLength(16)),
    }),
    v.strictObject({
      algorithm: v.literal('Argon2id'),
      memoryKiB: v.pipe(v.number(), v.integer(), v.minValue(8), v.maxValue(256 * 1024)),
      iterations: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10)),
      parallelism: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(4)),
      salt: v.pipe(B64(64), v.minLength(16)),
    }),
  ]),
  wrappedKey: B64(128),
  createdAt: Ms,
  updatedAt: Ms,
});

export const BackupFileSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  formatVersion: v.literal(BACKUP_FORMAT_VERSION),
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  vault: VaultHeaderSchema,
  sentinel: v.strictObject({ vaultId: Id, createdAt: Ms }),
  counts: v.strictObject({
    clients: Count,
    screenings: Count,
    drafts: Count,
    decisions: Count,
    followUps: Count,
    plans: Count,
    notes: Count,
    settings: Count,
    // Backups made before schema v3 have no safety events.
    safetyEvents: v.optional(Count, 0),
    // Backups made before schema v7 have no follow-up events.
    followUpEvents: v.optional(Count, 0),
    auditLog: Count,
  }),
  tables: v.strictObject({
    clients: v.array(ROW_SCHEMAS.clients),
    screenings: v.array(ROW_SCHEMAS.screenings),
    drafts: v.array(ROW_SCHEMAS.drafts),
    decisions: v.array(ROW_SCHEMAS.decisions),
    followUps: v.array(ROW_SCHEMAS.followUps),
    plans: v.array(ROW_SCHEMAS.plans),
    notes: v.array(ROW_SCHEMAS.notes),
    settings: v.array(ROW_SCHEMAS.settings),
    safetyEvents: v.optional(v.array(ROW_SCHEMAS.safetyEvents), []),
    followUpEvents: v.optional(v.array(ROW_SCHEMAS.followUpEvents), []),
  }),
  // Backups made before schema v5 have no per-client keys (and no field: the digest covers the body as written).
  keys: v.exactOptional(v.array(KeyRowSchema)),
  auditLog: v.array(AuditRowSchema),
  integrity: v.strictObject({
    algorithm: v.literal('SHA-256+AES-GCM'),
    digest: Hex64,
    iv: Iv,
    ct: B64(256),
  }),
});

export type BackupFile = v.InferOutput<typeof BackupFileSchema>;
export type BackupBody = Omit<BackupFile, 'integrity'>;
export type BackupCounts = BackupFile['counts'];
export type EncodedRow = BackupFile['tables'][BackupTable][number];

/** Canonical JSON (sorted keys) of the body: what the integrity digest covers. Depth is bounded by the schema. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    const record = value as Record<string, unknown>;
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The clear fields the integrity seal is bound to (AAD): a fixed id and the file's creation time. */
export function manifestClear(createdAt: string) {
  const ms = Date.parse(createdAt);
  return { id: 'stapwijzer-backup-manifest', rev: BACKUP_FORMAT_VERSION, createdAt: ms, updatedAt: ms };
}

/** `stapwijzer-backup-YYYY-MM-DD.json` (local date): nothing about any client. */
export function backupFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `stapwijzer-backup-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}
