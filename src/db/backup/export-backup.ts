/**
 * Exports the encrypted backup (R33/R34): every client-table row AS STORED (still encrypted), the
 * audit log, the wrapped data key and KDF parameters, counts and an integrity block — a SHA-256
 * digest of the canonical body, sealed with the data key, so any change to the file is detected on
 * restore before anything is written. Reads everything in one readonly transaction (a consistent
 * snapshot), then logs the export and remembers when it happened (for the backup reminder, R12).
 */

import { sha256Hex } from '../audit/audit-hash';
import { appendAudit } from '../audit/audit-log';
import { kdfParamsOf } from '../crypto/kdf';
import { StorageError } from '../errors';
import { assertNoMigrationRunning } from '../migration/reseal';
import { getSetting, putSetting } from '../repositories/settings.repository';
import type { VaultSession } from '../session';
import type { AuditRow, VaultMeta } from '../types';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_TABLES,
  type BackupBody,
  type BackupCounts,
  type BackupFile,
  type BackupTable,
  backupFileName,
  canonicalJson,
  type EncodedRow,
  manifestClear,
} from './backup-format';
import { toBase64 } from './base64';

export const BACKUP_STATUS_SETTING = 'backupStatus';

export interface BackupStatus {
  /** UTC ISO time of the last export. */
  lastBackupAt: string;
  /** Client records in the database at that time. */
  recordCount: number;
}

export interface ExportProgress {
  done: number;
  total: number;
}

export interface ExportOptions {
  /** Called every `progressEvery` rows while encoding (and once at the end). */
  onProgress?: (progress: ExportProgress) => void;
  progressEvery?: number;
  now?: Date;
}

export interface ExportedBackup {
  fileName: string;
  text: string;
  counts: BackupCounts;
}

type StoredRow = Record<string, unknown> & { iv: Uint8Array; ct: Uint8Array };

/** Never in a backup (issue 17): the caseload index is derived data, rebuilt from the records after a restore. */
export const NOT_BACKED_UP = ['caseloadIndex'] as const;

function encodeRow(row: StoredRow): EncodedRow {
  const out: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(row)) out[k] = value instanceof Uint8Array ? toBase64(value) : value;
  return out as EncodedRow;
}

const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function exportBackup(session: VaultSession, options: ExportOptions = {}): Promise<ExportedBackup> {
  if (session.locked) throw new StorageError('locked');
  const { db } = session;
  await assertNoMigrationRunning(db);
  const now = options.now ?? new Date();
  const every = options.progressEvery ?? 500;

  const snapshot = await db.transaction(
    'r',
    [...BACKUP_TABLES.map((t) => db.table(t)), db.auditLog, db.meta, db.keys],
    async () => {
      const tables = {} as Record<BackupTable, StoredRow[]>;
      for (const t of BACKUP_TABLES) tables[t] = (await db.table(t).toArray()) as StoredRow[];
      const keys = await db.keys.toArray();
      const auditLog = (await db.auditLog.toArray()).sort((a, b) => a.seq - b.seq);
      const vault = await db.meta.get('vault');
      const sentinel = await db.meta.get('sentinel');
      return { tables, auditLog, vault, sentinel, keys };
    },
  );
  if (snapshot.vault?.key !== 'vault' || snapshot.sentinel?.key !== 'sentinel')
    throw new StorageError('not-initialised');
  const vault: VaultMeta = snapshot.vault;

  const total = BACKUP_TABLES.reduce((n, t) => n + snapshot.tables[t].length, 0);
  let done = 0;
  const tables = {} as Record<BackupTable, EncodedRow[]>;
  for (const t of BACKUP_TABLES) {
    const encoded: EncodedRow[] = [];
    for (const row of snapshot.tables[t]) {
      encoded.push(encodeRow(row));
      done += 1;
      if (done % every === 0) {
        options.onProgress?.({ done, total });
        await yieldToUi();
      }
    }
    tables[t] = encoded;
  }
  const auditLog: AuditRow[] = snapshot.auditLog.map(({ id, seq, ts, action, recordId, actor, prevHash, hash }) => ({
    id,
    seq,
    ts,
    action,
    recordId,
    actor,
    prevHash,
    hash,
  }));
  const counts = {
    ...(Object.fromEntries(BACKUP_TABLES.map((t) => [t, tables[t].length])) as Record<BackupTable, number>),
    auditLog: auditLog.length,
  };
  const body: BackupBody = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: now.toISOString(),
    schemaVersion: db.schemaVersion,
    vault: {
      formatVersion: vault.formatVersion,
      wrap: vault.wrap,
      kdf: { ...kdfParamsOf(vault.kdf), salt: toBase64(vault.kdf.salt) },
      wrappedKey: toBase64(vault.wrappedKey),
      createdAt: vault.createdAt,
      updatedAt: vault.updatedAt,
    },
    sentinel: { vaultId: snapshot.sentinel.vaultId, createdAt: snapshot.sentinel.createdAt },
    counts,
    // Rows are written back exactly as stored; restore validates them against the strict schemas.
    tables: tables as unknown as BackupBody['tables'],
    // The per-client keys, wrapped under the data key (schema v5): without them the rows cannot be opened.
    keys: snapshot.keys.map((k) => ({ id: k.id, parent: k.parent, iv: toBase64(k.iv), wrapped: toBase64(k.wrapped) })),
    auditLog,
  };
  const digest = await sha256Hex(canonicalJson(body));
  const sealed = await session.sealManifest('settings', manifestClear(body.createdAt), digest);
  const file: BackupFile = {
    ...body,
    integrity: { algorithm: 'SHA-256+AES-GCM', digest, iv: toBase64(sealed.iv), ct: toBase64(sealed.ct) },
  };
  const text = JSON.stringify(file);
  options.onProgress?.({ done: total, total });

  await appendAudit(db, [{ action: 'export-backup', recordId: null }]);
  const recordCount = total - counts.settings;
  const loaded = await getSetting(session, BACKUP_STATUS_SETTING);
  await putSetting<BackupStatus>(
    session,
    BACKUP_STATUS_SETTING,
    { lastBackupAt: now.toISOString(), recordCount },
    loaded,
    now.getTime(),
  );
  return { fileName: backupFileName(now), text, counts };
}
