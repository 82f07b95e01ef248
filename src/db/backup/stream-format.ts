/**
 * The backup file, format version 2 (R40 + team-scale caseloads): UTF-8 text, one JSON document per
 * line, written and read as a stream.
 *
 *   line 0        header: format, version, creation time, schema version, a random backup id, the
 *                 wrapped data key with its KDF parameters and the vault id — nothing about a person;
 *   lines 1…n     chunks `{ chunk: i, iv, ct }`: rows of ONE table (as stored, still sealed row by
 *                 row) sealed again under the data key, at most CHUNK_TARGET_BYTES of plaintext, so a
 *                 line stays under 8 MB. The additional data binds the backup id and `i`: a chunk
 *                 dropped, moved or taken from another backup of the same vault does not open;
 *   last line     trailer `{ end: true, iv, ct }`: sealed {chunks, digest, counts}. `digest` runs over
 *                 the header and every chunk line in order (SHA-256 chained line by line), so the
 *                 trailer vouches for the whole file; a file cut short has no trailer.
 *
 * Rows inside a chunk keep their clear fields (ids, key ids, revisions): the chunk seal hides them
 * from a reader of the file, the per-row seal still binds them when they are restored. Chunks of the
 * `keys` table (per-client keys, wrapped under the data key) come first, so a reader has every key
 * before the first row that needs one. Chunks and trailer are sealed with `sealManifest` (data key,
 * v1 additional data over chunkClear/trailerClear): they are not records, so not `seal()`.
 */
import * as v from 'valibot';
import { sha256Hex } from '../audit/audit-hash';
import { utf8 } from '../crypto/bytes';
import {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  type BackupTable,
  KeyRowSchema,
  ROW_SCHEMAS,
  VaultHeaderSchema,
} from './backup-format';
import { BASE64, isBase64 } from './base64';

export const STREAM_FORMAT_VERSION = 2;
/**
 * Plaintext per chunk; sealed and in base64 a line is about 4/3 of it plus a few bytes. Well below
 * the 8 MB a line may have: what export and restore hold at once is a few times one chunk.
 */
export const CHUNK_TARGET_BYTES = 1024 * 1024;
/** No line of a version 2 file may be longer (the reader refuses it before parsing). */
export const MAX_LINE_CHARS = 8 * 1024 * 1024;
/** A version 2 file is read in lines, never whole: its size is bounded only to refuse absurd files. */
export const MAX_STREAM_BACKUP_BYTES = 4 * 1024 * 1024 * 1024;

/**
 * What a version 2 backup holds, in this order: the destroyed clients (schema v12; sealed under the
 * data key, so they need no client key, and first, so a restore knows them before any row it refuses),
 * the wrapped per-client keys, the client tables and settings, and the sealed audit chain. Never the
 * caseload index (NOT_BACKED_UP). Files made before v12 have no `shreddedClients` chunk and still
 * restore. Like `keys`, the destroyed clients are not in `counts`; the running digest covers them.
 */
export const STREAM_TABLES = ['shreddedClients', 'keys', ...BACKUP_TABLES, 'auditChain'] as const;
/** Stream tables whose rows are not counted in the trailer's `counts` (record tables are). */
export const UNCOUNTED_TABLES = ['shreddedClients', 'keys', 'auditChain'] as const;
export function isCountedTable(table: StreamTable): table is BackupTable {
  return !(UNCOUNTED_TABLES as readonly string[]).includes(table);
}
export type StreamTable = (typeof STREAM_TABLES)[number];

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const Ms = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));
const B64 = (max: number) => v.pipe(v.string(), v.maxLength(max), v.regex(BASE64));
const Iv = v.pipe(B64(16), v.length(16));
const Hex64 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const Uuid = v.pipe(v.string(), v.uuid());

export const StreamHeaderSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  formatVersion: v.literal(STREAM_FORMAT_VERSION),
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  backupId: Uuid,
  vault: VaultHeaderSchema,
  sentinel: v.strictObject({ vaultId: Id, createdAt: Ms }),
});
export type StreamHeader = v.InferOutput<typeof StreamHeaderSchema>;

export const ChunkLineSchema = v.strictObject({
  chunk: v.pipe(v.number(), v.integer(), v.minValue(0)),
  iv: Iv,
  ct: v.pipe(v.string(), v.maxLength(MAX_LINE_CHARS), v.check(isBase64, 'not base64')),
});

export const TrailerLineSchema = v.strictObject({ end: v.literal(true), iv: Iv, ct: B64(1024) });

export const CountsSchema = v.strictObject({
  ...(Object.fromEntries(BACKUP_TABLES.map((t) => [t, Count])) as Record<BackupTable, typeof Count>),
  auditLog: Count,
});

/** `keys`: how many wrapped key rows the stream holds (not a record count, so not in `counts`). */
export const TrailerSchema = v.strictObject({ chunks: Count, digest: Hex64, counts: CountsSchema, keys: Count });
export type Trailer = v.InferOutput<typeof TrailerSchema>;

/** A sealed audit-chain row in a chunk (clear part: id, key id and rev, as stored; clear-fields.ts). */
export const AuditChainRowSchema = v.strictObject({
  id: Id,
  kid: Id,
  rev: v.pipe(v.number(), v.integer(), v.minValue(1)),
  iv: Iv,
  ct: B64(64 * 1024),
});

/** A destroyed client's row (id = the client id, key id = the data key's, rev). */
export const ShreddedRowSchema = v.strictObject({
  id: Id,
  kid: Id,
  rev: v.pipe(v.number(), v.integer(), v.minValue(1)),
  iv: Iv,
  ct: B64(64 * 1024),
});

export const STREAM_ROW_SCHEMAS = {
  shreddedClients: ShreddedRowSchema,
  keys: KeyRowSchema,
  ...ROW_SCHEMAS,
  auditChain: AuditChainRowSchema,
} satisfies Record<StreamTable, v.GenericSchema>;

export const ChunkPayloadSchema = v.strictObject({
  table: v.picklist(STREAM_TABLES),
  rows: v.array(v.record(v.string(), v.unknown())),
});

/** What a chunk's or the trailer's seal is bound to (additional data): not a record's clear fields. */
export interface SealBinding {
  id: string;
  rev: number;
  createdAt: number;
  updatedAt: number;
}

/** The clear fields a chunk's seal is bound to: the backup id and the chunk's place in the file. */
export function chunkClear(header: Pick<StreamHeader, 'backupId' | 'createdAt'>, index: number): SealBinding {
  const ms = Date.parse(header.createdAt);
  return {
    id: `stapwijzer-backup/${header.backupId}/chunk/${index}`,
    rev: STREAM_FORMAT_VERSION,
    createdAt: ms,
    updatedAt: ms,
  };
}

export function trailerClear(header: Pick<StreamHeader, 'backupId' | 'createdAt'>): SealBinding {
  const ms = Date.parse(header.createdAt);
  return { id: `stapwijzer-backup/${header.backupId}/end`, rev: STREAM_FORMAT_VERSION, createdAt: ms, updatedAt: ms };
}

/** The running digest: SHA-256 over the previous digest and the next line, from the header on. */
export function nextDigest(previous: string, line: string): Promise<string> {
  return sha256Hex(`${previous}\n${line}`);
}
/** `nextDigest` over a line given as (ASCII) bytes: the same value, without a string of the line. */
export async function nextDigestBytes(previous: string, line: Uint8Array): Promise<string> {
  const input = new Uint8Array(previous.length + 1 + line.length);
  input.set(utf8(`${previous}\n`), 0);
  input.set(line, previous.length + 1);
  return hexDigest(input);
}

/**
 * `nextDigest` where the caller built `${previous}\n${line}` in one buffer already (the export
 * writes the line from the same buffer): no copy of a megabyte line.
 */
export function nextDigestOfPrefixed(input: Uint8Array<ArrayBuffer>): Promise<string> {
  return hexDigest(input);
}

async function hexDigest(input: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', input));
  let out = '';
  for (const byte of digest) out += byte.toString(16).padStart(2, '0');
  return out;
}

export const DIGEST_START = '0'.repeat(64);
