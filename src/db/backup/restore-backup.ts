/**
 * Restore (R31–R33): validate the WHOLE file, unwrap its data key with the backup's passphrase and
 * decrypt every record (AAD must match) before anything is written; then replace the client tables,
 * settings, audit log and vault meta in ONE strict transaction. Any failure leaves the database
 * exactly as it was.
 *
 * Order of checks: size → nesting/truncation scan → JSON.parse → forbidden keys → "is this a
 * Stapwijzer backup" → format version → strict schema → counts → digest → passphrase → sealed
 * digest → every record.
 */
import * as v from 'valibot';
import { GENESIS_HASH, sha256Hex } from '../audit/audit-hash';
import { appendAudit, attachAuditSession } from '../audit/audit-log';
import { aadFor, open } from '../crypto/aead';
import { unwrapDataKey } from '../crypto/data-key';
import { deriveKek, KNOWN_KDFS, kdfParamsOf, needsRewrap, PRODUCTION_KDF } from '../crypto/kdf';
import type { StapwijzerDb } from '../database';
import { isStorageError } from '../errors';
import { resealDone, resealPending } from '../migration/reseal';
import { KeyRing, memoryKeyStore, openRow, VaultSession } from '../session';
import { markVaultCreated } from '../storage-health';
import type { AuditRow, AuditTipMeta, BackoffMeta, KdfParams, KeyRow, SentinelMeta, VaultMeta } from '../types';
import { checkVaultPassphrase, wrapWithPassphrase } from '../vault';
import { BackupError } from './backup-error';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_TABLES,
  type BackupCounts,
  type BackupFile,
  BackupFileSchema,
  type BackupTable,
  canonicalJson,
  type EncodedRow,
  manifestClear,
} from './backup-format';
import { fromBase64 } from './base64';
import { assertSize, parseJsonStrict, scanStructure } from './guard-text';

/** Reads a chosen file: the size is checked before a single byte is read. */
export async function readBackupFile(file: Blob): Promise<BackupFile> {
  assertSize(file.size);
  const head = new Uint8Array(await file.slice(0, 512).arrayBuffer());
  if (looksBinary(head)) throw new BackupError('not-text');
  return parseBackup(await file.text());
}

/**
 * A picture, PDF, archive or other binary file is no backup, and saying "incomplete backup" about it
 * would be false: a NUL byte or a known signature in its first bytes tells.
 */
export function looksBinary(head: Uint8Array): boolean {
  const starts = (...sig: number[]) => sig.every((b, i) => head[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x25, 0x50, 0x44, 0x46)) return true;
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x47, 0x49, 0x46, 0x38) || starts(0x1f, 0x8b)) return true;
  return head.includes(0);
}

function isUnknownField(issue: v.BaseIssue<unknown>): boolean {
  return issue.type === 'strict_object' && issue.expected === 'never';
}

/** Validates the text as a backup file (no passphrase needed yet). */
export function parseBackup(text: string): BackupFile {
  assertSize(text.length);
  const shape = scanStructure(text);
  let raw: unknown;
  try {
    raw = parseJsonStrict(text);
  } catch (e) {
    if (e instanceof BackupError) throw e;
    // Only something that starts like a backup (a JSON object) can be an incomplete one.
    const startsLikeJson = text.trimStart().startsWith('{');
    throw new BackupError(startsLikeJson && shape === 'truncated' ? 'truncated' : 'not-backup', {
      cause: e,
    });
  }
  if (
    typeof raw !== 'object' ||
    raw === null ||
    Array.isArray(raw) ||
    !('format' in raw) ||
    raw.format !== BACKUP_FORMAT
  ) {
    throw new BackupError('not-backup');
  }
  if (!('formatVersion' in raw) || raw.formatVersion !== BACKUP_FORMAT_VERSION)
    throw new BackupError('unknown-version');
  const parsed = v.safeParse(BackupFileSchema, raw, { abortEarly: false });
  if (!parsed.success) {
    throw new BackupError(parsed.issues.some(isUnknownField) ? 'unknown-fields' : 'invalid-record');
  }
  const file = parsed.output;
  const { counts } = file;
  for (const t of BACKUP_TABLES) if (counts[t] !== file.tables[t].length) throw new BackupError('altered');
  if (counts.auditLog !== file.auditLog.length) throw new BackupError('altered');
  return file;
}

/** A backup that passed every check: ready to be written. Holds the backup's data key. */
export interface VerifiedBackup {
  file: BackupFile;
  dataKey: CryptoKey;
  counts: BackupCounts;
}

function decodeKeys(file: BackupFile): KeyRow[] {
  return (file.keys ?? []).map((k) => ({
    id: k.id,
    parent: k.parent,
    iv: fromBase64(k.iv),
    wrapped: fromBase64(k.wrapped),
  }));
}

function splitRow(row: EncodedRow): {
  clear: Record<string, unknown>;
  iv: Uint8Array<ArrayBuffer>;
  ct: Uint8Array<ArrayBuffer>;
} {
  const { iv, ct, ...clear } = row;
  return { clear, iv: fromBase64(iv), ct: fromBase64(ct) };
}

/**
 * Checks the digest, unwraps the data key with the passphrase, checks the sealed digest and
 * decrypts every record. Throws a BackupError; writes nothing.
 */
export async function verifyBackup(
  file: BackupFile,
  passphrase: string,
  options: { knownKdfs?: readonly KdfParams[] } = {},
): Promise<VerifiedBackup> {
  const { integrity, ...body } = file;
  if ((await sha256Hex(canonicalJson(body))) !== integrity.digest) throw new BackupError('altered');
  // A key-derivation setting this app never wrote cannot open the key: say that, not "wrong passphrase".
  const { salt: _salt, ...kdf } = file.vault.kdf;
  const known = options.knownKdfs ?? KNOWN_KDFS;
  if (!known.some((k) => canonicalJson(kdfParamsOf(k)) === canonicalJson(kdfParamsOf(kdf))))
    throw new BackupError('kdf-altered');
  let dataKey: CryptoKey;
  try {
    const { salt, ...params } = file.vault.kdf;
    const kek = await deriveKek(passphrase, fromBase64(salt), params);
    dataKey = await unwrapDataKey(fromBase64(file.vault.wrappedKey), kek);
  } catch (e) {
    if (isStorageError(e, 'wrong-passphrase')) throw new BackupError('wrong-passphrase', { cause: e });
    throw new BackupError('altered', { cause: e });
  }
  try {
    const sealedDigest = await open(dataKey, aadFor('settings', manifestClear(file.createdAt)), {
      iv: fromBase64(integrity.iv),
      ct: fromBase64(integrity.ct),
    });
    if (sealedDigest !== integrity.digest) throw new BackupError('altered');
    // Rows of either shape: v5 (per-client keys from the file, wrapped under its data key) or v1–v4.
    const ring = new KeyRing(dataKey, memoryKeyStore(decodeKeys(file)));
    for (const t of BACKUP_TABLES) {
      const rows = file.tables[t];
      for (let i = 0; i < rows.length; i += 500) {
        await Promise.all(
          rows.slice(i, i + 500).map((row) => {
            const { clear, iv, ct } = splitRow(row);
            return openRow(ring, t, { ...clear, id: row.id, rev: row.rev, iv, ct });
          }),
        );
      }
    }
  } catch (e) {
    throw e instanceof BackupError ? e : new BackupError('altered', { cause: e });
  }
  return { file, dataKey, counts: file.counts };
}

/**
 * "Keep this device's passphrase": the backup's data key is re-wrapped under the passphrase that
 * unlocks this device today (checked first), so a restore never silently changes how one unlocks.
 */
async function rewrapForDevice(
  db: StapwijzerDb,
  restored: VaultMeta,
  passphrases: { device: string; backup: string },
  now: number,
): Promise<VaultMeta> {
  let device: VaultMeta;
  try {
    device = await checkVaultPassphrase(db, passphrases.device);
  } catch (e) {
    throw new BackupError('wrong-device-passphrase', { cause: e });
  }
  const { salt, ...params } = restored.kdf;
  const dek = await unwrapDataKey(restored.wrappedKey, await deriveKek(passphrases.backup, salt, params), true);
  const target = needsRewrap(device.kdf, PRODUCTION_KDF) ? PRODUCTION_KDF : kdfParamsOf(device.kdf);
  return { ...restored, ...(await wrapWithPassphrase(dek, passphrases.device, target)), updatedAt: now };
}

/** What the database holds now, for the confirmation ("now vs in the file"). */
export async function currentCounts(db: StapwijzerDb): Promise<BackupCounts> {
  const entries = await Promise.all(BACKUP_TABLES.map(async (t) => [t, await db.table(t).count()] as const));
  return { ...(Object.fromEntries(entries) as Record<BackupTable, number>), auditLog: await db.auditLog.count() };
}

function tipOf(log: readonly AuditRow[]): AuditTipMeta {
  const last = log[log.length - 1];
  return { key: 'auditTip', count: log.length, hash: last?.hash ?? GENESIS_HASH };
}

/**
 * Replaces client tables, settings, audit log and vault meta in ONE readwrite transaction (strict
 * durability by the database's policy), then logs the import and returns an unlocked session for
 * the restored data (its data key is the backup's).
 */
export async function applyRestore(
  db: StapwijzerDb,
  verified: VerifiedBackup,
  now = Date.now(),
  options: { keepPassphrase?: { device: string; backup: string } } = {},
): Promise<VaultSession> {
  const { file } = verified;
  let vault: VaultMeta = {
    key: 'vault',
    formatVersion: file.vault.formatVersion,
    wrap: file.vault.wrap,
    kdf: { ...file.vault.kdf, salt: fromBase64(file.vault.kdf.salt) },
    wrappedKey: fromBase64(file.vault.wrappedKey),
    createdAt: file.vault.createdAt,
    updatedAt: file.vault.updatedAt,
  };
  if (options.keepPassphrase) vault = await rewrapForDevice(db, vault, options.keepPassphrase, now);
  const sentinel: SentinelMeta = { key: 'sentinel', ...file.sentinel };
  const backoff: BackoffMeta = { key: 'backoff', failures: 0, lastFailureAt: null };
  const rows = Object.fromEntries(
    BACKUP_TABLES.map((t) => [
      t,
      file.tables[t].map((row) => {
        const { clear, iv, ct } = splitRow(row);
        return { ...clear, iv, ct };
      }),
    ]),
  ) as Record<BackupTable, object[]>;
  const auditLog: AuditRow[] = file.auditLog.map((e) => ({ ...e }));
  const keys = decodeKeys(file);
  // Rows of the v1–v4 shape (a v1 backup) are re-sealed after unlock, like a database upgraded in place.
  const legacy = BACKUP_TABLES.some((t) => file.tables[t].some((row) => !('kid' in row)));
  const reseal = legacy ? resealPending(now) : resealDone(now);

  try {
    await db.transaction('rw', [...BACKUP_TABLES.map((t) => db.table(t)), db.auditLog, db.meta, db.keys], async () => {
      for (const t of BACKUP_TABLES) {
        await db.table(t).clear();
        await db.table(t).bulkAdd(rows[t]);
      }
      await db.keys.clear();
      await db.keys.bulkAdd(keys);
      await db.auditLog.clear();
      await db.auditLog.bulkAdd(auditLog);
      await db.meta.bulkPut([vault, sentinel, backoff, tipOf(auditLog), reseal]);
    });
  } catch (e) {
    throw new BackupError('write-failed', { cause: e });
  }
  markVaultCreated(db.name, sentinel.vaultId);
  const session = new VaultSession(db, verified.dataKey);
  await attachAuditSession(session);
  await appendAudit(db, [{ action: 'import', recordId: null }], { now: () => new Date(now) });
  return session;
}
