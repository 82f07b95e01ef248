/**
 * Reads and verifies a version 2 backup (stream-format.ts) from a Blob, line by line, into the
 * restore staging table — never the whole file in memory, never a live table touched. Order of
 * checks: header (strict JSON, schema, known KDF) → passphrase → for every chunk: its place, its
 * seal (bound to this backup and this place), its rows (strict schema, each row's own seal) → the
 * trailer: chunk count, running digest, row counts. Any failure empties the staging and throws a
 * BackupError; the live database is as it was.
 *
 * Client rows are sealed under the BACKUP's per-client keys, which the stream carries first (wrapped
 * under the backup's data key): rows are opened through a key ring over those key rows as they
 * arrive, never over this device's `keys` table.
 */
import * as v from 'valibot';
import { ANCHOR_ID, readAnchorRow } from '../audit/audit-store';
import { aadFor, open } from '../crypto/aead';
import { unwrapDataKey } from '../crypto/data-key';
import { deriveKek, KNOWN_KDFS, kdfParamsOf } from '../crypto/kdf';
import type { EncryptedTableName, StapwijzerDb } from '../database';
import { isStorageError } from '../errors';
import { ID_KEY_ID, type KeyStore } from '../keys/key-ring';
import { type OpenableRow, VaultSession } from '../session';
import type { AuditChainRow, KdfParams, KeyRow } from '../types';
import { BackupError } from './backup-error';
import { BACKUP_FORMAT, BACKUP_TABLES, type BackupCounts, canonicalJson } from './backup-format';
import { fromBase64 } from './base64';
import { parseJsonStrict, scanStructure } from './guard-text';
import { readLines } from './line-reader';
import { clearStaging, stageRows } from './staging';
import {
  ChunkLineSchema,
  ChunkPayloadSchema,
  chunkClear,
  DIGEST_START,
  MAX_LINE_CHARS,
  MAX_STREAM_BACKUP_BYTES,
  nextDigest,
  STREAM_FORMAT_VERSION,
  STREAM_ROW_SCHEMAS,
  type StreamHeader,
  StreamHeaderSchema,
  type StreamTable,
  TrailerLineSchema,
  TrailerSchema,
  trailerClear,
} from './stream-format';

export interface StreamCheckOptions {
  knownKdfs?: readonly KdfParams[];
  /** Called after each chunk was checked and staged, with the bytes of the file read so far. */
  onChunk?: (progress: { chunks: number; bytesRead: number; bytesTotal: number }) => void;
}

/** A version 2 backup that passed every check and waits in the staging table. */
export interface VerifiedStream {
  kind: 'stream';
  header: StreamHeader;
  dataKey: CryptoKey;
  counts: BackupCounts;
  /** The restored anchor's locked-time counter: meta 'auditLocked' is set to it. */
  lockedSeen: number;
  /** Some staged record has the v1–v4 shape (no `kid`): the re-sealing migration runs after restore. */
  legacyRows: boolean;
}

function parseLine(line: string): unknown {
  if (scanStructure(line) === 'truncated') throw new BackupError('truncated');
  try {
    return parseJsonStrict(line);
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError('altered', { cause: e });
  }
}

function isUnknownField(issue: v.BaseIssue<unknown>): boolean {
  return issue.type === 'strict_object' && issue.expected === 'never';
}

function strict<T extends v.GenericSchema>(schema: T, value: unknown, code: 'altered' | 'invalid-record' = 'altered') {
  const parsed = v.safeParse(schema, value, { abortEarly: false });
  if (!parsed.success) throw new BackupError(parsed.issues.some(isUnknownField) ? 'unknown-fields' : code);
  return parsed.output as v.InferOutput<T>;
}

/** Is this the first line of a version 2 backup? (Sniffed from the file's start; nothing trusted yet.) */
export async function isStreamBackup(file: Blob): Promise<boolean> {
  const head = await file.slice(0, 256).text();
  return head.startsWith(`{"format":"${BACKUP_FORMAT}","formatVersion":${STREAM_FORMAT_VERSION},`);
}

async function openHeader(header: StreamHeader, passphrase: string, known: readonly KdfParams[]): Promise<CryptoKey> {
  const { salt, ...kdf } = header.vault.kdf;
  if (!known.some((k) => canonicalJson(kdfParamsOf(k)) === canonicalJson(kdfParamsOf(kdf))))
    throw new BackupError('kdf-altered');
  try {
    const kek = await deriveKek(passphrase, fromBase64(salt), kdf);
    return await unwrapDataKey(fromBase64(header.vault.wrappedKey), kek);
  } catch (e) {
    if (isStorageError(e, 'wrong-passphrase')) throw new BackupError('wrong-passphrase', { cause: e });
    throw new BackupError('altered', { cause: e });
  }
}

/** The fields stored as bytes, per table: base64 in the file. */
function decodeRow(table: StreamTable, row: Record<string, unknown>): Record<string, unknown> {
  const bytes = table === 'keys' ? ['iv', 'wrapped'] : ['iv', 'ct'];
  const out: Record<string, unknown> = { ...row };
  for (const f of bytes) out[f] = fromBase64(String(row[f]));
  return out;
}

/** The backup's wrapped client keys, filled as its `keys` chunks are read. */
function backupKeyStore(rows: Map<string, KeyRow>): KeyStore {
  return {
    get: async (id) => rows.get(id),
    // Verification only opens rows; a key created here would be one the backup does not have.
    addIfAbsent: async () => {
      throw new BackupError('altered');
    },
  };
}

/**
 * Opens each row with its own seal: a row damaged before export, or from another vault, fails here.
 * Key rows are only collected: each is checked when the first row sealed under it opens (the id key,
 * which seals no row, at once).
 */
async function checkRows(
  session: VaultSession,
  keys: Map<string, KeyRow>,
  table: StreamTable,
  rows: Record<string, unknown>[],
) {
  if (table === 'keys') {
    for (const r of rows) keys.set(String(r.id), r as unknown as KeyRow);
    // No row names the id key (it derives safety signal ids): checked here, or a damaged one would
    // surface only at the next safety signal.
    if (keys.has(ID_KEY_ID) && rows.some((r) => r.id === ID_KEY_ID)) await session.checkKey(ID_KEY_ID);
    return;
  }
  if (table === 'auditChain') {
    await Promise.all(rows.map((r) => readAnchorRow(session, r as unknown as AuditChainRow, r.id === ANCHOR_ID)));
    return;
  }
  await Promise.all(rows.map((r) => session.open(table satisfies EncryptedTableName, r as unknown as OpenableRow)));
}

/** Opens a chunk's or the trailer's seal (data key, v1 additional data over its binding). */
async function openBound(dataKey: CryptoKey, binding: object, line: { iv: string; ct: string }): Promise<unknown> {
  return open(dataKey, aadFor('settings', binding), { iv: fromBase64(line.iv), ct: fromBase64(line.ct) });
}

export async function verifyBackupStream(
  db: StapwijzerDb,
  file: Blob,
  passphrase: string,
  options: StreamCheckOptions = {},
): Promise<VerifiedStream> {
  if (file.size > MAX_STREAM_BACKUP_BYTES) throw new BackupError('too-large');
  await clearStaging(db);
  try {
    const lines = readLines(file, MAX_LINE_CHARS);
    const first = await lines.next();
    if (first.done) throw new BackupError('not-backup');
    const header = strict(StreamHeaderSchema, parseLine(first.value));
    const dataKey = await openHeader(header, passphrase, options.knownKdfs ?? KNOWN_KDFS);
    const keys = new Map<string, KeyRow>();
    const session = new VaultSession(db, dataKey, { keys: backupKeyStore(keys) });
    let legacyRows = false;
    let digest = await nextDigest(DIGEST_START, first.value);
    const tally = { auditLog: 0, ...Object.fromEntries(BACKUP_TABLES.map((t) => [t, 0])) } as BackupCounts;
    let chunks = 0;
    let lockedSeen = 0;
    let bytesRead = first.value.length + 1;
    for await (const line of lines) {
      const raw = parseLine(line);
      if (typeof raw === 'object' && raw !== null && 'end' in raw) {
        const end = strict(TrailerLineSchema, raw);
        let trailer: v.InferOutput<typeof TrailerSchema>;
        try {
          trailer = strict(TrailerSchema, await openBound(dataKey, trailerClear(header), end));
        } catch (e) {
          throw e instanceof BackupError ? e : new BackupError('altered', { cause: e });
        }
        if (trailer.chunks !== chunks || trailer.digest !== digest) throw new BackupError('altered');
        if (canonicalJson(trailer.counts) !== canonicalJson(tally)) throw new BackupError('altered');
        if (trailer.keys !== keys.size) throw new BackupError('altered');
        if (!(await lines.next()).done) throw new BackupError('altered');
        session.lock();
        return { kind: 'stream', header, dataKey, counts: trailer.counts, lockedSeen, legacyRows };
      }
      const chunk = strict(ChunkLineSchema, raw);
      if (chunk.chunk !== chunks) throw new BackupError('altered');
      digest = await nextDigest(digest, line);
      let payload: v.InferOutput<typeof ChunkPayloadSchema>;
      try {
        payload = strict(ChunkPayloadSchema, await openBound(dataKey, chunkClear(header, chunks), chunk));
      } catch (e) {
        throw e instanceof BackupError ? e : new BackupError('altered', { cause: e });
      }
      const { table } = payload;
      const schema = STREAM_ROW_SCHEMAS[table];
      const rows = payload.rows.map((row) =>
        decodeRow(table, strict(schema, row, 'invalid-record') as Record<string, unknown>),
      );
      if (table !== 'keys' && table !== 'auditChain' && rows.some((r) => typeof r.kid !== 'string')) legacyRows = true;
      try {
        await checkRows(session, keys, table, rows);
      } catch (e) {
        throw new BackupError('altered', { cause: e });
      }
      if (table === 'auditChain') {
        const anchor = rows.find((r) => r.id === ANCHOR_ID);
        if (anchor)
          lockedSeen = (await readAnchorRow(session, anchor as unknown as AuditChainRow, true))?.lockedSeen ?? 0;
        tally.auditLog += rows.filter((r) => r.id !== ANCHOR_ID).length;
      } else if (table !== 'keys') tally[table] += rows.length;
      await stageRows(db, table, rows);
      chunks += 1;
      bytesRead += line.length + 1;
      options.onChunk?.({ chunks, bytesRead, bytesTotal: file.size });
    }
    throw new BackupError('truncated');
  } catch (e) {
    await clearStaging(db);
    throw e instanceof BackupError ? e : new BackupError('altered', { cause: e });
  }
}
