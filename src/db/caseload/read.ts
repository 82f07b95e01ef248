/**
 * Reading the caseload index: the lists' only source. Brings the session's in-memory copy up to date
 * (only chunks whose rev moved are decrypted again, so another tab's saves show), checks that it is
 * current, and rebuilds it when it is missing, of another format or time zone, damaged or stale.
 */
import type { CaseloadEntry } from '../../domain/caseload';
import type { StapwijzerDb } from '../database';
import { isStorageError } from '../errors';
import { withReopenRetry } from '../retry';
import type { VaultSession } from '../session';
import {
  addCounts,
  CASELOAD_INDEX_FORMAT,
  CHUNK_SIZE,
  entriesOf,
  HEAD_ID,
  INDEXED_TABLES,
  type IndexState,
  openIndexRow,
  sameCounts,
  stateOf,
  tableCounts,
  ZERO_COUNTS,
} from './index-rows';
import { type CaseloadProgress, rebuildCaseloadIndex } from './rebuild';

export interface CaseloadSnapshot {
  readonly entries: readonly CaseloadEntry[];
  /** Records the last rebuild could not decrypt (R22): reported by the lists, never hidden. */
  readonly damaged: number;
}

export interface ReadCaseloadOptions {
  /** The professional's time zone: an index built in another zone is rebuilt. */
  timeZone: string;
  onProgress?: (p: CaseloadProgress) => void;
}

type Verdict = 'current' | 'rebuild';

/** Syncs the copy with the stored rows; says whether the index can be used as it is. */
async function refresh(session: VaultSession, state: IndexState, timeZone: string): Promise<Verdict> {
  const { db } = session;
  const { rows, counts } = await withReopenRetry(db, () =>
    db.transaction('r', [db.caseloadIndex, ...INDEXED_TABLES.map((t) => db.table(t))], async () => ({
      rows: await db.caseloadIndex.toArray(),
      counts: await tableCounts(db),
    })),
  );
  const headRow = rows.find((r) => r.id === HEAD_ID);
  if (headRow === undefined) return 'rebuild';
  try {
    if (state.head?.rev !== headRow.rev) {
      const head = await openIndexRow(session, headRow);
      if (head.kind !== 'head') return 'rebuild';
      state.head = { rev: headRow.rev, payload: head };
      state.version++;
    }
    const present = new Set<string>();
    for (const row of rows) {
      if (row.id === HEAD_ID) continue;
      present.add(row.id);
      if (state.chunks.get(row.id)?.rev === row.rev) continue;
      const chunk = await openIndexRow(session, row);
      if (chunk.kind !== 'chunk' || chunk.format !== CASELOAD_INDEX_FORMAT) return 'rebuild';
      state.chunks.set(row.id, { rev: row.rev, entries: new Map(chunk.entries.map((e) => [e.key, e])) });
      state.version++;
    }
    for (const id of [...state.chunks.keys()]) {
      if (!present.has(id)) {
        state.chunks.delete(id);
        state.version++;
      }
    }
  } catch (e) {
    // A damaged index row is derived data: build it again from the records.
    if (isStorageError(e, 'integrity')) return 'rebuild';
    throw e;
  }
  const head = state.head.payload;
  if (head.format !== CASELOAD_INDEX_FORMAT || head.timeZone !== timeZone) return 'rebuild';
  let built = head.damaged;
  for (const chunk of state.chunks.values()) {
    if (chunk.entries.size > 2 * CHUNK_SIZE) return 'rebuild';
    for (const e of chunk.entries.values()) built = addCounts(built, e.rows);
  }
  return sameCounts(built, counts) ? 'current' : 'rebuild';
}

function snapshotOf(state: IndexState): CaseloadSnapshot {
  const d = state.head?.payload.damaged ?? ZERO_COUNTS;
  return { entries: entriesOf(state), damaged: INDEXED_TABLES.reduce((n, t) => n + d[t], 0) };
}

/** The caseload as the index holds it, rebuilt first when needed. */
export async function readCaseload(session: VaultSession, options: ReadCaseloadOptions): Promise<CaseloadSnapshot> {
  const state = stateOf(session);
  if (state.rebuilding) await state.rebuilding;
  if ((await refresh(session, state, options.timeZone)) === 'rebuild') {
    await rebuildCaseloadIndex(session, options.timeZone, options.onProgress);
  }
  return snapshotOf(state);
}

/**
 * A cheap value that changes whenever the index or the record tables' row counts change: the lists
 * watch it (a live query over it) and read the caseload again when it moves.
 */
export async function caseloadSignature(db: StapwijzerDb): Promise<string> {
  const [rows, counts] = await Promise.all([db.caseloadIndex.toArray(), tableCounts(db)]);
  const revs = rows.map((r) => `${r.id}:${r.rev}`).join(',');
  return `${revs}|${INDEXED_TABLES.map((t) => counts[t]).join(',')}`;
}

/** What the session's copy holds now, unchecked: lets a screen show the last known list at once. */
export function peekCaseload(session: VaultSession): CaseloadSnapshot | null {
  const state = stateOf(session);
  return state.head === null ? null : snapshotOf(state);
}
