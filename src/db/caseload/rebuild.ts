/**
 * Rebuilds the caseload index from the records: when it is missing, of another format or time zone,
 * or stale (the record tables hold other row counts than its entries were built from: a restore, a
 * bulk import, a write by an older build). Decrypts every record once, projects each client's entry
 * (src/domain/caseload) and replaces all index rows in one transaction; every existing row's rev
 * rises, so a save prepared in another tab against the old index meets a conflict and retries.
 */
import {
  type CaseloadClientInput,
  type CaseloadDecisionInput,
  type CaseloadEntry,
  type CaseloadFollowUpEventInput,
  type CaseloadFollowUpInput,
  type CaseloadIndicators,
  type CaseloadRowCounts,
  type CaseloadSafetyEventInput,
  type CaseloadScreeningInput,
  groupCaseloadRecords,
  projectCaseloadEntry,
} from '../../domain/caseload';
import { isStorageError, StorageError } from '../errors';
import { withReopenRetry } from '../retry';
import type { VaultSession } from '../session';
import type { CaseloadIndexRow, RowBase, Sealed } from '../types';
import {
  CASELOAD_INDEX_FORMAT,
  CHUNK_SIZE,
  chunkId,
  chunkOf,
  HEAD_ID,
  INDEXED_TABLES,
  INDICATOR_CHUNK_SIZE,
  type IndexedTable,
  indicatorChunkId,
  indicatorChunkOf,
  sameCounts,
  sealIndexRow,
  stateOf,
  tableCounts,
} from './index-rows';

/** How far a rebuild is: rows decrypted of the rows to decrypt. */
export interface CaseloadProgress {
  done: number;
  total: number;
}

const BATCH = 500;

/** Decrypts a table's rows in batches; a damaged row is counted, not fatal (R22). */
async function openAll<T>(
  session: VaultSession,
  table: IndexedTable,
  rows: readonly (RowBase & Sealed)[],
  tick: (n: number) => void,
): Promise<{ records: T[]; damaged: number }> {
  const records: T[] = [];
  let damaged = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const results = await Promise.allSettled(batch.map((r) => session.open<RowBase, unknown>(table, r)));
    for (const r of results) {
      if (r.status === 'fulfilled') records.push(r.value as T);
      else if (isStorageError(r.reason, 'integrity')) damaged++;
      else throw r.reason;
    }
    tick(batch.length);
  }
  return { records, damaged };
}

class CountsMoved extends Error {}

/** withReopenRetry wraps what the transaction threw (as `cause`, Dexie as `inner`): look through both. */
function isMoved(e: unknown, depth = 0): boolean {
  if (e instanceof CountsMoved) return true;
  if (depth > 4 || typeof e !== 'object' || e === null) return false;
  return isMoved((e as { cause?: unknown }).cause, depth + 1) || isMoved((e as { inner?: unknown }).inner, depth + 1);
}

async function rebuildOnce(session: VaultSession, timeZone: string, onProgress?: (p: CaseloadProgress) => void) {
  const { db } = session;
  const read = await withReopenRetry(db, () =>
    db.transaction('r', [...INDEXED_TABLES.map((t) => db.table(t)), db.caseloadIndex], async () => {
      const rows = await Promise.all(INDEXED_TABLES.map((t) => db.table<RowBase & Sealed, string>(t).toArray()));
      const index = await db.caseloadIndex.toArray();
      return { rows, index };
    }),
  );
  const counts = Object.fromEntries(INDEXED_TABLES.map((t, i) => [t, read.rows[i]?.length ?? 0])) as Record<
    IndexedTable,
    number
  >;
  const progress: CaseloadProgress = { done: 0, total: read.rows.reduce((n, r) => n + r.length, 0) };
  onProgress?.({ ...progress });
  const tick = (n: number) => {
    progress.done += n;
    onProgress?.({ ...progress });
  };
  const rowsOf = (t: IndexedTable) => read.rows[INDEXED_TABLES.indexOf(t)] ?? [];
  const clients = await openAll<CaseloadClientInput>(session, 'clients', rowsOf('clients'), tick);
  const screenings = await openAll<CaseloadScreeningInput & { clientId: string }>(
    session,
    'screenings',
    rowsOf('screenings'),
    tick,
  );
  const decisions = await openAll<CaseloadDecisionInput & { clientId: string }>(
    session,
    'decisions',
    rowsOf('decisions'),
    tick,
  );
  const followUps = await openAll<CaseloadFollowUpInput & { clientId: string }>(
    session,
    'followUps',
    rowsOf('followUps'),
    tick,
  );
  const followUpEvents = await openAll<CaseloadFollowUpEventInput & { clientId: string }>(
    session,
    'followUpEvents',
    rowsOf('followUpEvents'),
    tick,
  );
  const safetyEvents = await openAll<CaseloadSafetyEventInput & { clientId: string | null }>(
    session,
    'safetyEvents',
    rowsOf('safetyEvents'),
    tick,
  );
  const damaged: CaseloadRowCounts = {
    clients: clients.damaged,
    screenings: screenings.damaged,
    decisions: decisions.damaged,
    followUps: followUps.damaged,
    followUpEvents: followUpEvents.damaged,
    safetyEvents: safetyEvents.damaged,
  };
  const groups = groupCaseloadRecords({
    clients: clients.records,
    screenings: screenings.records,
    decisions: decisions.records,
    followUps: followUps.records,
    followUpEvents: followUpEvents.records,
    safetyEvents: safetyEvents.records,
  });
  const chunks = Math.max(1, Math.ceil(clients.records.length / CHUNK_SIZE));
  const indicatorChunks = Math.max(1, Math.ceil(clients.records.length / INDICATOR_CHUNK_SIZE));
  const byChunk = new Map<string, Map<string, CaseloadEntry>>();
  for (let n = 0; n < chunks; n++) byChunk.set(chunkId(n), new Map());
  const byIndicatorChunk = new Map<string, Map<string, CaseloadIndicators>>();
  for (let n = 0; n < indicatorChunks; n++) byIndicatorChunk.set(indicatorChunkId(n), new Map());
  for (const [key, records] of groups) {
    const { entry, indicators } = projectCaseloadEntry(key, records, timeZone);
    byChunk.get(chunkOf(key, chunks))?.set(key, entry);
    byIndicatorChunk.get(indicatorChunkOf(key, indicatorChunks))?.set(key, indicators);
  }

  // Every row gets a rev above the one it had, so a concurrently prepared save conflicts.
  const oldRev = new Map(read.index.map((r) => [r.id, r.rev]));
  const nextRev = (id: string) => (oldRev.get(id) ?? 0) + 1;
  const head = { kind: 'head', format: CASELOAD_INDEX_FORMAT, timeZone, chunks, indicatorChunks, damaged } as const;
  const rows: CaseloadIndexRow[] = [await sealIndexRow(session, { id: HEAD_ID, rev: nextRev(HEAD_ID) }, head)];
  for (const [id, entries] of byChunk) {
    const payload = { kind: 'chunk' as const, format: CASELOAD_INDEX_FORMAT, entries: [...entries.values()] };
    rows.push(await sealIndexRow(session, { id, rev: nextRev(id) }, payload));
  }
  for (const [id, parts] of byIndicatorChunk) {
    const payload = {
      kind: 'indicators' as const,
      format: CASELOAD_INDEX_FORMAT,
      parts: [...parts].map(([key, indicators]) => ({ key, indicators })),
    };
    rows.push(await sealIndexRow(session, { id, rev: nextRev(id) }, payload));
  }
  const revOf = new Map(rows.map((r) => [r.id, r.rev]));

  await withReopenRetry(db, () =>
    db.transaction('rw', [...INDEXED_TABLES.map((t) => db.table(t)), db.caseloadIndex], async () => {
      // A save in another tab between the read and now: build again from what is there now.
      if (!sameCounts(await tableCounts(db), counts)) throw new CountsMoved();
      const current = await db.caseloadIndex.toArray();
      if (current.length !== read.index.length || current.some((r) => oldRev.get(r.id) !== r.rev)) {
        throw new CountsMoved();
      }
      const keep = new Set(rows.map((r) => r.id));
      await db.caseloadIndex.bulkDelete(current.map((r) => r.id).filter((id) => !keep.has(id)));
      await db.caseloadIndex.bulkPut(rows);
    }),
  );

  const state = stateOf(session);
  state.head = { rev: revOf.get(HEAD_ID) ?? 1, payload: head };
  state.chunks = new Map([...byChunk].map(([id, entries]) => [id, { rev: revOf.get(id) ?? 1, entries }]));
  state.indicators = new Map([...byIndicatorChunk].map(([id, parts]) => [id, { rev: revOf.get(id) ?? 1, parts }]));
  state.verified = true;
  state.version++;
}

/**
 * Rebuilds the index (one at a time per session: a second caller waits for the running one). Reports
 * progress through `onProgress`. Retries when records moved underneath it.
 */
export function rebuildCaseloadIndex(
  session: VaultSession,
  timeZone: string,
  onProgress?: (p: CaseloadProgress) => void,
): Promise<void> {
  const state = stateOf(session);
  if (state.rebuilding) return state.rebuilding;
  const run = (async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        await rebuildOnce(session, timeZone, onProgress);
        return;
      } catch (e) {
        const moved = isMoved(e);
        if (!moved || attempt >= 3) throw moved ? new StorageError('conflict', { detail: 'caseloadIndex rebuild' }) : e;
      }
    }
  })().finally(() => {
    state.rebuilding = null;
  });
  state.rebuilding = run;
  return run;
}
