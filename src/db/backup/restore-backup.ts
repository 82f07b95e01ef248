/**
 * Restore (R31–R33): validate the WHOLE file, unwrap its data key with the backup's passphrase and
 * decrypt every record (AAD must match) before anything is written; then replace the client tables,
 * settings, the wrapped client keys, the audit chain and vault meta in ONE strict transaction (a
 * team-size version 2 backup: in a journaled, paged swap, restore-journal.ts), and
 * empty the caseload index (derived, never in a backup: rebuilt from the restored records) and the
 * team sync bookkeeping (`syncState`: the restored rows were never mirrored from this database, so
 * a restored vault joins a team again rather than trusting marks about other rows). Any
 * failure leaves the database exactly as it was, or (journaled, after its point of no return) locked
 * with the restore finished at the next unlock: never a mix of old and new rows. Rows of the v1–v4 shape (old backups) are
 * re-sealed after unlock, like a database upgraded in place (meta 'reseal' pending).
 *
 * Order of checks: size → nesting/truncation scan → JSON.parse → forbidden keys → "is this a
 * Stapwijzer backup" → format version → strict schema → counts → digest → passphrase → sealed
 * digest → every record.
 */
import * as v from 'valibot';
import { sha256Hex } from '../audit/audit-hash';
import { appendAudit, attachAuditSession, readHead } from '../audit/audit-log';
import { ANCHOR_ID } from '../audit/audit-store';
import { aadFor, open } from '../crypto/aead';
import { unwrapDataKey } from '../crypto/data-key';
import { deriveKek, KNOWN_KDFS, kdfParamsOf, needsRewrap, PRODUCTION_KDF } from '../crypto/kdf';
import type { StapwijzerDb } from '../database';
import { isStorageError } from '../errors';
import { clientKeyId, ID_KEY_ID } from '../keys/key-ring';
import { resealDone, resealPending } from '../migration/reseal';
import { allShreddedIds } from '../repositories/destroy-client';
import { KeyRing, memoryKeyStore, openRow, VaultSession } from '../session';
import { markVaultCreated } from '../storage-health';
import type {
  AuditLockedMeta,
  AuditPrior,
  AuditRow,
  BackoffMeta,
  KdfParams,
  KeyRow,
  MinimalClear,
  SentinelMeta,
  VaultMeta,
} from '../types';
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
import {
  beginJournal,
  copyStagedPages,
  endJournal,
  type JournaledSwapOptions,
  SINGLE_TRANSACTION_ROWS,
} from './restore-journal';
import { isStreamBackup, type StreamCheckOptions, type VerifiedStream, verifyBackupStream } from './restore-stream';
import { clearStaging, swapInStaged } from './staging';
import type { StreamHeader } from './stream-format';

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

/** A version 1 backup that passed every check: ready to be written. Holds the backup's data key. */
export interface VerifiedFile {
  kind: 'file';
  file: BackupFile;
  dataKey: CryptoKey;
  counts: BackupCounts;
  /** Each safety event's client (sealed in the v5 shape, found when it was opened): for leaving out destroyed ones. */
  safetyOwners: Map<string, string | null>;
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
): Promise<VerifiedFile> {
  const { integrity, ...body } = file;
  if ((await sha256Hex(canonicalJson(body))) !== integrity.digest) throw new BackupError('altered');
  // A key-derivation setting this app never wrote cannot open the key: say that, not "wrong passphrase".
  const { salt: _salt, ...kdf } = file.vault.kdf;
  const known = options.knownKdfs ?? KNOWN_KDFS;
  if (!known.some((k) => canonicalJson(kdfParamsOf(k)) === canonicalJson(kdfParamsOf(kdf))))
    throw new BackupError('kdf-altered');
  let dataKey: CryptoKey;
  const safetyOwners = new Map<string, string | null>();
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
    const keyRows = decodeKeys(file);
    const ring = new KeyRing(dataKey, memoryKeyStore(keyRows));
    // The id key seals no row, so no row's opening checks it: unwrap it here.
    if (keyRows.some((k) => k.id === ID_KEY_ID)) await ring.key(ID_KEY_ID);
    for (const t of BACKUP_TABLES) {
      const rows = file.tables[t];
      for (let i = 0; i < rows.length; i += 500) {
        const opened = await Promise.all(
          rows.slice(i, i + 500).map((row) => {
            const { clear, iv, ct } = splitRow(row);
            return openRow<MinimalClear & { clientId?: string | null }, unknown>(ring, t, {
              ...clear,
              id: row.id,
              rev: row.rev,
              iv,
              ct,
            });
          }),
        );
        if (t === 'safetyEvents') for (const o of opened) safetyOwners.set(o.id, o.clientId ?? null);
      }
    }
  } catch (e) {
    throw e instanceof BackupError ? e : new BackupError('altered', { cause: e });
  }
  return { kind: 'file', file, dataKey, counts: file.counts, safetyOwners };
}

/** A backup ready to be written: version 1 (held in memory) or version 2 (waiting in the staging table). */
export type VerifiedBackup = VerifiedFile | VerifiedStream;

/**
 * Reads and verifies a chosen file of either format: version 2 is read as a stream into the staging
 * table, version 1 (at most 256 MB) as text. Writes nothing live.
 */
export async function checkBackupFile(
  db: StapwijzerDb,
  file: Blob,
  passphrase: string,
  options: StreamCheckOptions = {},
): Promise<VerifiedBackup> {
  if (await isStreamBackup(file)) return verifyBackupStream(db, file, passphrase, options);
  return verifyBackup(await readBackupFile(file), passphrase, options);
}

/** The user said "cancel" at the confirmation: a staged version 2 backup is dropped. */
export async function discardVerified(db: StapwijzerDb, verified: VerifiedBackup): Promise<void> {
  if (verified.kind === 'stream') await clearStaging(db);
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
  const events = (await db.auditChain.count()) - ((await db.auditChain.get(ANCHOR_ID)) ? 1 : 0);
  return {
    ...(Object.fromEntries(entries) as Record<BackupTable, number>),
    auditLog: events + (await db.auditLog.count()),
  };
}

/** The device's chain before the restore replaces it: its head when the device's session can read it. */
async function priorHead(db: StapwijzerDb, previous: VaultSession | undefined): Promise<AuditPrior> {
  const head = previous ? await readHead(previous) : null;
  if (head) return head;
  const rows = await db.auditChain.count();
  return { count: Math.max(0, rows - 1) + (await db.auditLog.count()), hash: null };
}

function vaultOf(header: StreamHeader['vault'] | BackupFile['vault']): VaultMeta {
  return {
    key: 'vault',
    formatVersion: header.formatVersion,
    wrap: header.wrap,
    kdf: { ...header.kdf, salt: fromBase64(header.kdf.salt) },
    wrappedKey: fromBase64(header.wrappedKey),
    createdAt: header.createdAt,
    updatedAt: header.updatedAt,
  };
}

export interface RestoreOptions {
  keepPassphrase?: { device: string; backup: string };
  /** The device's unlocked session, so the 'import' event can name the head of the chain it replaced. */
  previous?: VaultSession;
  /**
   * A version 2 backup's swap: above `singleTransactionRows` staged rows (default
   * SINGLE_TRANSACTION_ROWS) it is journaled and paged (restore-journal.ts), with its progress.
   */
  swap?: JournaledSwapOptions & {
    singleTransactionRows?: number;
    /**
     * Called once the journal's first transaction committed (the live rows are gone, the backup's not
     * all in yet): the caller drops the session it holds, whose key opens none of the new rows.
     */
    onPointOfNoReturn?: () => void;
  };
}

/**
 * Replaces client tables, settings, the audit chain and vault meta in ONE readwrite transaction
 * (strict durability by the database's policy) — or, for a version 2 backup above
 * SINGLE_TRANSACTION_ROWS staged rows, in the journaled, paged swap of restore-journal.ts, atomic in
 * effect (the old rows or the new, never a mix; an 'interrupted' failure finishes at the next unlock) —
 * then logs the import — with the replaced chain's
 * head and count — and returns an unlocked session for the restored data (the backup's data key).
 * A version 1 file's clear log is sealed into the chain by the migration when the session attaches.
 */
export async function applyRestore(
  db: StapwijzerDb,
  verified: VerifiedBackup,
  now = Date.now(),
  options: RestoreOptions = {},
): Promise<VaultSession> {
  const source = verified.kind === 'file' ? verified.file : verified.header;
  let vault = vaultOf(source.vault);
  if (options.keepPassphrase) vault = await rewrapForDevice(db, vault, options.keepPassphrase, now);
  const sentinel: SentinelMeta = { key: 'sentinel', ...source.sentinel };
  const backoff: BackoffMeta = { key: 'backoff', failures: 0, lastFailureAt: null };
  const locked: AuditLockedMeta = { key: 'auditLocked', count: verified.kind === 'stream' ? verified.lockedSeen : 0 };
  const prior = await priorHead(db, options.previous);
  const live = [
    ...BACKUP_TABLES.map((t) => db.table(t)),
    db.keys,
    db.shreddedClients,
    db.deviceKeys,
    db.caseloadIndex,
    // Colleagues' audit days (issue 19) belong to the replaced vault: the restored one rejoins and pulls them.
    db.teamAudit,
    db.auditChain,
    db.auditPending,
    db.auditLog,
    db.meta,
    db.syncState,
  ];
  const legacy =
    verified.kind === 'stream'
      ? verified.legacyRows
      : BACKUP_TABLES.some((t) => verified.file.tables[t].some((row) => !('kid' in row)));
  const reseal = legacy ? resealPending(now) : resealDone(now);

  // Emptied or set by every restore, in the transaction that replaces the records.
  const resetVaultState = async () => {
    // A restored vault is a new device in its team: it gets a new device key and rejoins (issue 20).
    await db.deviceKeys.clear();
    await db.caseloadIndex.clear();
    await db.syncState.clear();
    await db.teamAudit.clear();
    await db.auditPending.clear();
    await db.auditLog.clear();
    await db.meta.bulkPut([vault, sentinel, backoff, locked, reseal]);
    await db.meta.delete('auditTip');
  };
  let journaled = false;
  try {
    if (verified.kind === 'stream') {
      const staged = await db.backupStaging.count();
      journaled = staged > (options.swap?.singleTransactionRows ?? SINGLE_TRANSACTION_ROWS);
      await db.transaction('rw', [...live, db.backupStaging], async () => {
        if (!journaled) await swapInStaged(db);
        else
          await beginJournal(db, {
            startedAt: now,
            prior,
            unlockWith: options.keepPassphrase ? 'device' : 'backup',
          });
        await resetVaultState();
      });
    } else {
      const { file } = verified;
      // A destroyed client (this device's list) is left out: a restore never brings it back.
      const shredded = await allShreddedIds(db);
      const ownerOf = (t: BackupTable, row: EncodedRow): string | null => {
        if (t === 'clients') return row.id;
        if (t === 'safetyEvents') return verified.safetyOwners.get(row.id) ?? null;
        return 'clientId' in row && typeof row.clientId === 'string' ? row.clientId : null;
      };
      const kept = (t: BackupTable, row: EncodedRow) => {
        const owner = ownerOf(t, row);
        return owner === null || !shredded.has(owner);
      };
      const rows = Object.fromEntries(
        BACKUP_TABLES.map((t) => [
          t,
          file.tables[t]
            .filter((row) => kept(t, row))
            .map((row) => {
              const { clear, iv, ct } = splitRow(row);
              return { ...clear, iv, ct };
            }),
        ]),
      ) as Record<BackupTable, object[]>;
      const auditLog: AuditRow[] = file.auditLog.map((e) => ({ ...e }));
      const prefix = clientKeyId('');
      const keys = decodeKeys(file).filter(
        (k) => !(k.id.startsWith(prefix) && shredded.has(k.id.slice(prefix.length))),
      );
      await db.transaction('rw', live, async () => {
        for (const t of BACKUP_TABLES) {
          await db.table(t).clear();
          await db.table(t).bulkAdd(rows[t]);
        }
        await db.keys.clear();
        await db.keys.bulkAdd(keys);
        await db.auditChain.clear();
        await resetVaultState();
        await db.auditLog.bulkAdd(auditLog);
      });
    }
  } catch (e) {
    // Before the point of no return: nothing live changed, and the staged copy is dropped.
    if (verified.kind === 'stream') await clearStaging(db).catch(() => {});
    throw new BackupError('write-failed', { cause: e });
  }
  markVaultCreated(db.name, sentinel.vaultId);
  if (journaled) {
    options.swap?.onPointOfNoReturn?.();
    // After the point of no return a failure is not "nothing changed": the restore is decided and the
    // next unlock finishes it (the caller locks the app; the lock screen says a restore waits).
    try {
      await copyStagedPages(db, options.swap);
      const session = new VaultSession(db, verified.dataKey);
      await attachAuditSession(session);
      await endJournal(db, now);
      return session;
    } catch (e) {
      throw new BackupError('interrupted', { cause: e });
    }
  }
  const session = new VaultSession(db, verified.dataKey);
  await attachAuditSession(session);
  await appendAudit(db, [{ action: 'import', recordId: null, prior }], { now: () => new Date(now) });
  return session;
}
