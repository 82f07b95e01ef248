/**
 * Writes a backup in format version 1 — what the app exported before schema v8 — so tests can prove
 * such files still restore (and keep the v1 integrity checks under mutation test). Not used by the
 * app. A v1 file holds the audit log in clear, and its settings held the head the app anchored
 * ('auditHead'); both are reproduced here from the sealed chain.
 */
import { sha256Hex } from '../audit/audit-hash';
import { appendAudit } from '../audit/audit-log';
import { LEGACY_HEAD_SETTING } from '../audit/audit-migrate';
import { readAuditEvents } from '../audit/verify-chain';
import { kdfParamsOf } from '../crypto/kdf';
import { StorageError } from '../errors';
import { getSetting, putSetting } from '../repositories/settings.repository';
import type { VaultSession } from '../session';
import type { VaultMeta } from '../types';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_TABLES,
  type BackupBody,
  type BackupFile,
  type BackupTable,
  backupFileName,
  canonicalJson,
  type EncodedRow,
  manifestClear,
} from './backup-format';
import { toBase64 } from './base64';
import { BACKUP_STATUS_SETTING } from './export-backup';

function encodeRow(row: object): EncodedRow {
  const out: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(row)) out[k] = value instanceof Uint8Array ? toBase64(value) : value;
  return out as EncodedRow;
}

export async function exportBackupV1(
  session: VaultSession,
  options: { now?: Date } = {},
): Promise<{ fileName: string; text: string; counts: BackupFile['counts'] }> {
  if (session.locked) throw new StorageError('locked');
  const { db } = session;
  const now = options.now ?? new Date();
  const tables = {} as Record<BackupTable, EncodedRow[]>;
  for (const t of BACKUP_TABLES) tables[t] = ((await db.table(t).toArray()) as object[]).map(encodeRow);
  const auditLog = await readAuditEvents(session);
  const last = auditLog[auditLog.length - 1];
  const headRow = await session.seal(
    'settings',
    { id: LEGACY_HEAD_SETTING, rev: 1, createdAt: now.getTime(), updatedAt: now.getTime() },
    { count: auditLog.length, hash: last?.hash ?? '0'.repeat(64) },
  );
  tables.settings = [...tables.settings, encodeRow(headRow)];
  const vault = (await db.meta.get('vault')) as VaultMeta | undefined;
  const sentinel = await db.meta.get('sentinel');
  if (vault?.key !== 'vault' || sentinel?.key !== 'sentinel') throw new StorageError('not-initialised');
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
    sentinel: { vaultId: sentinel.vaultId, createdAt: sentinel.createdAt },
    counts: {
      ...(Object.fromEntries(BACKUP_TABLES.map((t) => [t, tables[t].length])) as Record<BackupTable, number>),
      auditLog: auditLog.length,
    },
    tables: tables as unknown as BackupBody['tables'],
    // The per-client keys, wrapped under the data key (schema v5), as the v5 app wrote them.
    keys: (await db.keys.toArray()).map((k) => ({
      id: k.id,
      parent: k.parent,
      iv: toBase64(k.iv),
      wrapped: toBase64(k.wrapped),
    })),
    auditLog: auditLog.map(({ id, seq, ts, action, recordId, actor, prevHash, hash }) => ({
      id,
      seq,
      ts,
      action,
      recordId,
      actor,
      prevHash,
      hash,
    })),
  };
  const digest = await sha256Hex(canonicalJson(body));
  const sealed = await session.sealManifest('settings', manifestClear(body.createdAt), digest);
  const file: BackupFile = {
    ...body,
    integrity: { algorithm: 'SHA-256+AES-GCM', digest, iv: toBase64(sealed.iv), ct: toBase64(sealed.ct) },
  };
  // As the v1 app did after writing: log the export and remember it (the backup reminder's status).
  await appendAudit(db, [{ action: 'export-backup', recordId: null }]);
  const loaded = await getSetting(session, BACKUP_STATUS_SETTING);
  const recordCount = BACKUP_TABLES.reduce((n, t) => n + (t === 'settings' ? 0 : body.counts[t]), 0);
  await putSetting(
    session,
    BACKUP_STATUS_SETTING,
    { lastBackupAt: now.toISOString(), recordCount },
    loaded,
    now.getTime(),
  );
  return { fileName: backupFileName(now), text: JSON.stringify(file), counts: body.counts };
}
