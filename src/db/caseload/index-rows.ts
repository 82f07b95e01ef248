/**
 * The caseload index's rows and the in-memory copy a session keeps of them. One `head` row names the
 * build (format, time zone, chunk counts, damaged rows); `chunk-N` rows hold the entries the lists
 * read; `ind-N` rows hold what the indicators count (most of the bytes, so smaller rows: a save
 * re-seals little, and Vandaag never decrypts them). A client's rows follow from a hash of its id.
 * Sealed under the data key with clear `id` and `rev` only. The decrypted copy lives in memory per
 * session and is dropped when the session locks.
 */
import type { CaseloadEntry, CaseloadIndicators, CaseloadRowCounts } from '../../domain/caseload';
import type { StapwijzerDb } from '../database';
import type { VaultSession } from '../session';
import type { CaseloadIndexClear, CaseloadIndexPayload, CaseloadIndexRow, RowBase } from '../types';

/**
 * Bump when an entry's shape or meaning changes: every stored index is then rebuilt.
 * 3: follow-ups' state and due date derived from their events (followUpEvents counted).
 * 4: a client's responsible member (its creator's initials) for "mijn cliënten / team".
 */
export const CASELOAD_INDEX_FORMAT = 4;
/**
 * Clients per list chunk at a rebuild (about 350 B each); a chunk grown past twice this triggers a
 * rebuild (re-chunking). Every save re-seals its client's chunk, so smaller chunks keep saves cheap;
 * a read decrypts them all anyway.
 */
export const CHUNK_SIZE = 250;
/** Clients per indicator chunk at a rebuild (about 2.5 kB each with ten screenings). */
export const INDICATOR_CHUNK_SIZE = 50;
export const HEAD_ID = 'head';
export const CHUNK_PREFIX = 'chunk-';
export const INDICATOR_PREFIX = 'ind-';
export const chunkId = (n: number): string => `${CHUNK_PREFIX}${n}`;
export const indicatorChunkId = (n: number): string => `${INDICATOR_PREFIX}${n}`;

/** The record tables an entry is built from; their row counts are the staleness check. */
export const INDEXED_TABLES = [
  'clients',
  'screenings',
  'decisions',
  'followUps',
  'followUpEvents',
  'safetyEvents',
] as const;
export type IndexedTable = (typeof INDEXED_TABLES)[number];

export const ZERO_COUNTS: CaseloadRowCounts = {
  clients: 0,
  screenings: 0,
  decisions: 0,
  followUps: 0,
  followUpEvents: 0,
  safetyEvents: 0,
};

/** False for a database opened at a schema before v6 (migration tests, a tab of an older build). */
export const hasCaseloadIndex = (db: StapwijzerDb): boolean => db.tables.some((t) => t.name === 'caseloadIndex');

/** FNV-1a: a stable spread of client ids over the chunks (not a security property). */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export const chunkOf = (key: string, chunks: number): string => chunkId(hashOf(key) % Math.max(1, chunks));
export const indicatorChunkOf = (key: string, chunks: number): string =>
  indicatorChunkId(hashOf(key) % Math.max(1, chunks));

export type HeadPayload = Extract<CaseloadIndexPayload, { kind: 'head' }>;

export interface IndexState {
  head: { rev: number; payload: HeadPayload } | null;
  chunks: Map<string, { rev: number; entries: Map<string, CaseloadEntry> }>;
  indicators: Map<string, { rev: number; parts: Map<string, CaseloadIndicators> }>;
  /** Rises at every change of the copy, so readers can keep derived lists until it moves. */
  version: number;
  snapshot: { version: number; entries: readonly CaseloadEntry[]; indicators: readonly CaseloadIndicators[] } | null;
  rebuilding: Promise<void> | null;
  /** A list read under way: screens that mount together (Vandaag's sections, the list) share it. */
  reading: Promise<void> | null;
  /**
   * The copy was checked against the record tables' row counts in this session (or built from them).
   * Counting is a scan in Chromium's IndexedDB, so it runs once per session, not at every read;
   * a write around the index in this tab (insertMany) clears it.
   */
  verified: boolean;
  /** A count check running after a list read resolved (ReadCaseloadOptions.verify 'after'). */
  checking: Promise<void> | null;
}

const states = new WeakMap<VaultSession, IndexState>();

export function stateOf(session: VaultSession): IndexState {
  let state = states.get(session);
  if (state === undefined) {
    const fresh: IndexState = {
      head: null,
      chunks: new Map(),
      indicators: new Map(),
      version: 0,
      snapshot: null,
      rebuilding: null,
      reading: null,
      verified: false,
      checking: null,
    };
    states.set(session, fresh);
    session.onLock(() => {
      // Drop the decrypted entries with the key: nothing about a person outlives the lock in memory.
      fresh.chunks.clear();
      fresh.indicators.clear();
      fresh.head = null;
      fresh.snapshot = null;
      states.delete(session);
    });
    state = fresh;
  }
  return state;
}

/** A bulk write bypassed the index: the next read counts again (and rebuilds when they differ). */
export function markCaseloadUnverified(session: VaultSession): void {
  stateOf(session).verified = false;
}

/** Every entry (and indicator part) of the in-memory copy; the same arrays until the copy changes. */
export function entriesOf(state: IndexState): {
  entries: readonly CaseloadEntry[];
  indicators: readonly CaseloadIndicators[];
} {
  if (state.snapshot?.version === state.version) return state.snapshot;
  const entries: CaseloadEntry[] = [];
  for (const chunk of state.chunks.values()) for (const e of chunk.entries.values()) entries.push(e);
  const indicators: CaseloadIndicators[] = [];
  for (const chunk of state.indicators.values()) for (const p of chunk.parts.values()) indicators.push(p);
  state.snapshot = { version: state.version, entries, indicators };
  return state.snapshot;
}

/**
 * VaultSession.seal/open take a RowBase (with timestamps); the index rows have none on purpose (see
 * CaseloadIndexClear), and aadFor binds exactly the clear fields present.
 */
export function sealIndexRow(
  session: VaultSession,
  clear: CaseloadIndexClear,
  payload: CaseloadIndexPayload,
): Promise<CaseloadIndexRow> {
  return session.seal('caseloadIndex', clear as CaseloadIndexClear & RowBase, payload);
}

export async function openIndexRow(session: VaultSession, row: CaseloadIndexRow): Promise<CaseloadIndexPayload> {
  const opened = await session.open<CaseloadIndexClear & RowBase, CaseloadIndexPayload>(
    'caseloadIndex',
    row as CaseloadIndexRow & RowBase,
  );
  return opened.data;
}

/** Row counts of the record tables (cheap: IndexedDB counts without reading a row). */
export async function tableCounts(db: StapwijzerDb): Promise<CaseloadRowCounts> {
  const counts = await Promise.all(INDEXED_TABLES.map((t) => db.table(t).count()));
  const out: CaseloadRowCounts = { ...ZERO_COUNTS };
  INDEXED_TABLES.forEach((t, i) => {
    out[t] = counts[i] ?? 0;
  });
  return out;
}

export function addCounts(a: CaseloadRowCounts, b: CaseloadRowCounts): CaseloadRowCounts {
  const out: CaseloadRowCounts = { ...ZERO_COUNTS };
  for (const t of INDEXED_TABLES) out[t] = a[t] + b[t];
  return out;
}

export const sameCounts = (a: CaseloadRowCounts, b: CaseloadRowCounts): boolean =>
  INDEXED_TABLES.every((t) => a[t] === b[t]);
