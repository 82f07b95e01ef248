/**
 * Exports the encrypted backup, format version 2 (stream-format.ts): rows are read page by page in
 * primary-key order, gathered into chunks of one table, each chunk sealed under the data key and
 * written as one line to a sink — a file opened through the File System Access API
 * (`exportBackupTo`), or parts of one Blob (`exportBackup`) — so neither the database nor the file is
 * ever held in memory as a whole (R33 at team scale: 10,000 clients / 100,000 screenings ≈ 1.6 GB of
 * file, most of it the rows' padded ciphertexts in base64, in base64 again inside the chunk seal).
 * The trailer seals the running digest, the chunk count and the row counts.
 *
 * Consistency: pages are read in separate transactions (crypto cannot run inside one). Every record
 * write appends an audit event, so the chain's head is compared before and after: a write from
 * another tab in between makes the export start again (twice at most), never a mixed file.
 * Locked-time audit events are sealed into the chain first, so the backup holds none in clear.
 *
 * The stream holds the wrapped per-client keys (`keys`, first: without them no client row opens),
 * every BACKUP_TABLES table and the sealed audit chain; never the caseload index (derived data,
 * rebuilt after a restore). Refused while the v5 re-sealing migration is not done (a backup taken
 * halfway would mix the row shapes).
 */
import { appendAudit, readHead, sealPendingEvents } from '../audit/audit-log';
import { kdfParamsOf } from '../crypto/kdf';
import { StorageError } from '../errors';
import { assertNoMigrationRunning } from '../migration/reseal';
import { getSetting, putSetting } from '../repositories/settings.repository';
import type { VaultSession } from '../session';
import { BACKUP_FORMAT, type BackupCounts, backupFileName } from './backup-format';
import { toBase64 } from './base64';
import {
  CHUNK_TARGET_BYTES,
  chunkClear,
  DIGEST_START,
  isCountedTable,
  nextDigest,
  nextDigestOfPrefixed,
  STREAM_FORMAT_VERSION,
  STREAM_TABLES,
  type StreamHeader,
  type StreamTable,
  type Trailer,
  trailerClear,
} from './stream-format';

export const BACKUP_STATUS_SETTING = 'backupStatus';

export interface BackupStatus {
  /** UTC ISO time of the last export. */
  lastBackupAt: string;
  /** Client records in the database at that time. */
  recordCount: number;
}

/** Chunks written so far, and the expected number (an estimate that settles as rows are read). */
export interface ExportProgress {
  done: number;
  total: number;
}

export interface ExportOptions {
  /** Called after every chunk (and once at the end, with done === total). */
  onProgress?: (progress: ExportProgress) => void;
  now?: Date;
  /** Plaintext bytes per chunk; tests make it small to get many chunks from little data. */
  chunkBytes?: number;
  /** Rows per read transaction. */
  pageSize?: number;
}

export interface ExportedBackup {
  fileName: string;
  blob: Blob;
  counts: BackupCounts;
  chunks: number;
}

/**
 * Where the file goes, part by part, in order. `reset` drops what was written: the export starts
 * again when another tab wrote meanwhile.
 */
export interface BackupSink {
  write(part: Uint8Array<ArrayBuffer> | string): Promise<void> | void;
  reset(): Promise<void> | void;
}

/** What `exportBackupTo` wrote. */
export interface WrittenBackup {
  counts: BackupCounts;
  chunks: number;
  /** Bytes written (the file's size). */
  bytes: number;
}

/**
 * The Blob sink: every 32 MiB the parts written so far become one Blob, and the file is one Blob of
 * those (flat: a Blob of a Blob per chunk would nest a thousand deep at team scale). The bytes thus
 * leave the page's memory as the export goes — Chromium keeps a Blob's bytes in its blob store and
 * moves large ones to disk — instead of 1.6 GB of ArrayBuffers held until the end.
 */
export function blobSink(sliceBytes = 32 * 1024 * 1024): BackupSink & { blob(): Blob } {
  let slices: Blob[] = [];
  let parts: BlobPart[] = [];
  let pending = 0;
  const type = 'application/json';
  return {
    write: (part) => {
      parts.push(part);
      pending += typeof part === 'string' ? part.length : part.byteLength;
      if (pending >= sliceBytes) {
        slices.push(new Blob(parts, { type }));
        parts = [];
        pending = 0;
      }
    },
    reset: () => {
      slices = [];
      parts = [];
      pending = 0;
    },
    blob: () => new Blob([...slices, ...parts], { type }),
  };
}

type StoredRow = Record<string, unknown> & { id: string };

const ASCII = new TextEncoder();

/** Never in a backup (issue 17): the caseload index is derived data, rebuilt from the records after a restore. */
export const NOT_BACKED_UP = ['caseloadIndex'] as const;

/**
 * Bytes from any realm: IndexedDB hands back its own Uint8Array, which `instanceof` misses when the
 * caller lives in another realm (a test's jsdom over fake-indexeddb; never a browser tab).
 */
function isBytes(value: unknown): value is Uint8Array<ArrayBuffer> {
  return Object.prototype.toString.call(value) === '[object Uint8Array]';
}

function encodeRow(row: StoredRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(row)) out[k] = isBytes(value) ? toBase64(value) : value;
  return out;
}

/** The length of a row's JSON, near enough to fill chunks, without building the JSON. */
function jsonSize(row: Record<string, unknown>): number {
  let n = 2;
  for (const [k, value] of Object.entries(row)) n += k.length + 4 + (typeof value === 'string' ? value.length + 2 : 24);
  return n;
}

/**
 * Lets the screen render the progress, at most every 50 ms: a timer per chunk costs its 4 ms clamp
 * about 1,200 times over at team scale.
 */
function uiYielder(): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < 50) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    last = performance.now();
  };
}

/** Reads one table in primary-key order, `pageSize` rows per transaction. */
async function* pages(session: VaultSession, table: StreamTable, pageSize: number): AsyncGenerator<StoredRow[]> {
  const t = session.db.table(table);
  let last: string | null = null;
  for (;;) {
    const page = (await (last === null ? t.orderBy(':id') : t.where(':id').above(last))
      .limit(pageSize)
      .toArray()) as StoredRow[];
    if (page.length === 0) return;
    yield page;
    last = page[page.length - 1]?.id ?? null;
    if (page.length < pageSize) return;
  }
}

async function writeOnce(session: VaultSession, sink: BackupSink, options: ExportOptions, now: Date) {
  const { db } = session;
  const chunkBytes = options.chunkBytes ?? CHUNK_TARGET_BYTES;
  const pageSize = options.pageSize ?? 1000;
  const [vault, sentinel] = await Promise.all([db.meta.get('vault'), db.meta.get('sentinel')]);
  if (vault?.key !== 'vault' || sentinel?.key !== 'sentinel') throw new StorageError('not-initialised');
  const headBefore = await readHead(session);

  const header: StreamHeader = {
    format: BACKUP_FORMAT,
    formatVersion: STREAM_FORMAT_VERSION,
    createdAt: now.toISOString(),
    schemaVersion: db.schemaVersion,
    backupId: crypto.randomUUID(),
    vault: {
      formatVersion: vault.formatVersion,
      wrap: vault.wrap,
      kdf: { ...kdfParamsOf(vault.kdf), salt: toBase64(vault.kdf.salt) },
      wrappedKey: toBase64(vault.wrappedKey),
      createdAt: vault.createdAt,
      updatedAt: vault.updatedAt,
    },
    sentinel: { vaultId: sentinel.vaultId, createdAt: sentinel.createdAt },
  };
  const headerLine = JSON.stringify(header);
  await sink.reset();
  let bytes = 0;
  const write = async (part: Uint8Array<ArrayBuffer> | string) => {
    bytes += typeof part === 'string' ? part.length : part.byteLength; // strings here are ASCII
    await sink.write(part);
  };
  await write(`${headerLine}\n`);
  let digest = await nextDigest(DIGEST_START, headerLine);
  const yieldToUi = uiYielder();
  let chunks = 0;

  // For the progress estimate: rows in all, and bytes per row seen so far.
  const totalRows = (await Promise.all(STREAM_TABLES.map((t) => db.table(t).count()))).reduce((a, b) => a + b, 0);
  let rowsDone = 0;
  let bytesDone = 0;
  const estimate = () =>
    Math.max(chunks + 1, Math.ceil(((rowsDone > 0 ? bytesDone / rowsDone : 400) * totalRows) / chunkBytes));

  const counts = { auditLog: 0 } as BackupCounts;
  let keys = 0;
  for (const table of STREAM_TABLES) {
    if (isCountedTable(table)) counts[table] = 0;
    let rows: Record<string, unknown>[] = [];
    let size = 0;
    const flush = async () => {
      if (rows.length === 0) return;
      // Under the data key with the v1 additional data over chunkClear: not a record, so not `seal()`.
      const sealed = await session.sealManifest('settings', chunkClear(header, chunks), { table, rows });
      rows = [];
      // One buffer `${digest}\n{"chunk":i,"iv":"…","ct":"…"}\n`, ASCII written straight into it: the
      // running digest is taken over all of it but the last newline (nextDigest's input), the file
      // gets all of it after the digest. A megabyte line is encoded once and copied never.
      const head = `${digest}\n{"chunk":${chunks},"iv":"${toBase64(sealed.iv)}","ct":"`;
      const body = toBase64(sealed.ct);
      const tail = '"}\n';
      const buffer = new Uint8Array(new ArrayBuffer(head.length + body.length + tail.length));
      ASCII.encodeInto(head, buffer);
      ASCII.encodeInto(body, buffer.subarray(head.length));
      ASCII.encodeInto(tail, buffer.subarray(head.length + body.length));
      const lineStart = digest.length + 1;
      digest = await nextDigestOfPrefixed(buffer.subarray(0, buffer.length - 1));
      await write(buffer.subarray(lineStart));
      chunks += 1;
      size = 0;
      options.onProgress?.({ done: chunks, total: estimate() });
      await yieldToUi();
    };
    for await (const page of pages(session, table, pageSize)) {
      for (const row of page) {
        const encoded = encodeRow(row);
        const bytes = jsonSize(encoded);
        if (size + bytes > chunkBytes) await flush();
        rows.push(encoded);
        size += bytes;
        rowsDone += 1;
        bytesDone += bytes;
        if (table === 'auditChain') {
          if (row.id !== 'anchor') counts.auditLog += 1;
        } else if (table === 'keys') keys += 1;
        else if (isCountedTable(table)) counts[table] += 1;
      }
    }
    await flush();
  }
  const headAfter = await readHead(session);
  const moved = headBefore?.count !== headAfter?.count || headBefore?.hash !== headAfter?.hash;
  const trailer: Trailer = { chunks, digest, counts, keys };
  const sealed = await session.sealManifest('settings', trailerClear(header), trailer);
  await write(`${JSON.stringify({ end: true, iv: toBase64(sealed.iv), ct: toBase64(sealed.ct) })}\n`);
  return { counts, chunks, moved, bytes };
}

/** Exports the backup into `sink` (e.g. a file the professional chose); records it as the last backup. */
export async function exportBackupTo(
  session: VaultSession,
  sink: BackupSink,
  options: ExportOptions = {},
): Promise<WrittenBackup> {
  if (session.locked) throw new StorageError('locked');
  const { db } = session;
  await assertNoMigrationRunning(db);
  const now = options.now ?? new Date();
  await sealPendingEvents(session);
  let written = await writeOnce(session, sink, options, now);
  for (let attempt = 0; written.moved && attempt < 2; attempt++) written = await writeOnce(session, sink, options, now);
  if (written.moved) throw new StorageError('conflict');
  options.onProgress?.({ done: written.chunks, total: written.chunks });

  await appendAudit(db, [{ action: 'export-backup', recordId: null }]);
  const recordCount = Object.entries(written.counts)
    .filter(([t]) => t !== 'settings' && t !== 'auditLog')
    .reduce((n, [, c]) => n + c, 0);
  const loaded = await getSetting(session, BACKUP_STATUS_SETTING);
  await putSetting<BackupStatus>(
    session,
    BACKUP_STATUS_SETTING,
    { lastBackupAt: now.toISOString(), recordCount },
    loaded,
    now.getTime(),
  );
  return { counts: written.counts, chunks: written.chunks, bytes: written.bytes };
}

/** Exports the backup as one Blob (the download where no file can be opened for writing). */
export async function exportBackup(session: VaultSession, options: ExportOptions = {}): Promise<ExportedBackup> {
  const now = options.now ?? new Date();
  const sink = blobSink();
  const written = await exportBackupTo(session, sink, { ...options, now });
  return { fileName: backupFileName(now), blob: sink.blob(), counts: written.counts, chunks: written.chunks };
}
