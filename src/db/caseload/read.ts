/**
 * Reading the caseload index: the lists' only source. Brings the session's in-memory copy up to date
 * (only chunks whose rev moved are decrypted again, so another tab's saves show), checks that it is
 * current, and rebuilds it when it is missing, of another format or time zone, damaged or stale.
 */
import type { CaseloadEntry, CaseloadIndicators } from '../../domain/caseload';
import type { StapwijzerDb } from '../database';
import { isStorageError } from '../errors';
import { withReopenRetry } from '../retry';
import type { VaultSession } from '../session';
import type { CaseloadIndexPayload, CaseloadIndexRow } from '../types';
import {
  addCounts,
  CASELOAD_INDEX_FORMAT,
  CHUNK_PREFIX,
  CHUNK_SIZE,
  entriesOf,
  HEAD_ID,
  INDEXED_TABLES,
  INDICATOR_PREFIX,
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
  /** What the indicators count, one part per entry; empty unless asked for (`indicators: true`). */
  readonly indicators: readonly CaseloadIndicators[];
  /** Records the last rebuild could not decrypt (R22): reported by the lists, never hidden. */
  readonly damaged: number;
}

export interface ReadCaseloadOptions {
  /** The professional's time zone: an index built in another zone is rebuilt. */
  timeZone: string;
  /** Also decrypt the indicator rows (the indicators screen); the lists never need them. */
  indicators?: boolean;
  /**
   * When the copy is checked against the record tables' row counts (once per session: a scan of every
   * record table, ≈ 0.5–1 s at a team's 100,000 screenings in Chromium). 'before' (the default):
   * the read resolves with a checked index. 'after': a list that is to be shown at once (Vandaag
   * after unlock) resolves with the copy as soon as it is decrypted and consistent in itself; the
   * count check runs right after, and a stale index is then rebuilt in the background (its rows'
   * revs move, so every screen watching `caseloadSignature` reads it again).
   */
  verify?: 'before' | 'after';
  onProgress?: (p: CaseloadProgress) => void;
}

type Verdict = 'current' | 'rebuild';

/** Decrypts the rows whose rev moved into `copy`; drops rows that are gone. Says whether anything changed. */
async function sync<T>(
  session: VaultSession,
  rows: readonly CaseloadIndexRow[],
  copy: Map<string, { rev: number } & T>,
  read: (payload: CaseloadIndexPayload) => T | null,
): Promise<boolean | 'invalid'> {
  let changed = false;
  const present = new Set<string>();
  for (const row of rows) {
    present.add(row.id);
    if (copy.get(row.id)?.rev === row.rev) continue;
    const value = read(await openIndexRow(session, row));
    if (value === null) return 'invalid';
    copy.set(row.id, { rev: row.rev, ...value });
    changed = true;
  }
  for (const id of [...copy.keys()]) {
    if (!present.has(id)) {
      copy.delete(id);
      changed = true;
    }
  }
  return changed;
}

/** Syncs the copy with the stored rows; says whether the index can be used as it is. */
async function refresh(
  session: VaultSession,
  state: IndexState,
  timeZone: string,
  withIndicators: boolean,
  later: ((check: () => Promise<Verdict>) => void) | null,
): Promise<Verdict> {
  const { db } = session;
  // The counts run beside the decryption (their own transaction): a save landing between the two
  // reads can only make them differ, which costs a needless rebuild, never a stale list. Deferred
  // (`later`), they start only after the list was read: Chromium's IndexedDB serves an origin's
  // requests in turn, so counting first would hold the list's read behind a scan of every record.
  // A check left running by a 'verify: after' read covers this read too.
  const counting =
    state.verified || state.checking !== null || later !== null ? null : withReopenRetry(db, () => tableCounts(db));
  counting?.catch(() => undefined);
  const { headRow, chunkRows, indicatorRows } = await withReopenRetry(db, () =>
    db.transaction('r', db.caseloadIndex, async () => ({
      headRow: await db.caseloadIndex.get(HEAD_ID),
      chunkRows: await db.caseloadIndex.where('id').startsWith(CHUNK_PREFIX).toArray(),
      indicatorRows: withIndicators ? await db.caseloadIndex.where('id').startsWith(INDICATOR_PREFIX).toArray() : [],
    })),
  );
  if (headRow === undefined) return 'rebuild';
  try {
    if (state.head?.rev !== headRow.rev) {
      const head = await openIndexRow(session, headRow);
      if (head.kind !== 'head') return 'rebuild';
      state.head = { rev: headRow.rev, payload: head };
      state.version++;
    }
    const head = state.head.payload;
    if (head.format !== CASELOAD_INDEX_FORMAT || head.timeZone !== timeZone) return 'rebuild';
    if (chunkRows.length !== head.chunks) return 'rebuild';
    const chunks = await sync(session, chunkRows, state.chunks, (p) =>
      p.kind === 'chunk' && p.format === CASELOAD_INDEX_FORMAT
        ? { entries: new Map(p.entries.map((e) => [e.key, e])) }
        : null,
    );
    if (chunks === 'invalid') return 'rebuild';
    if (chunks) state.version++;
    if (withIndicators) {
      if (indicatorRows.length !== head.indicatorChunks) return 'rebuild';
      const parts = await sync(session, indicatorRows, state.indicators, (p) =>
        p.kind === 'indicators' && p.format === CASELOAD_INDEX_FORMAT
          ? { parts: new Map(p.parts.map((x) => [x.key, x.indicators])) }
          : null,
      );
      if (parts === 'invalid') return 'rebuild';
      if (parts) state.version++;
    }
  } catch (e) {
    // A damaged index row is derived data: build it again from the records.
    if (isStorageError(e, 'integrity')) return 'rebuild';
    throw e;
  }
  const head = state.head.payload;
  let built = head.damaged;
  let entries = 0;
  for (const chunk of state.chunks.values()) {
    if (chunk.entries.size > 2 * CHUNK_SIZE) return 'rebuild';
    entries += chunk.entries.size;
    for (const e of chunk.entries.values()) built = addCounts(built, e.rows);
  }
  if (withIndicators) {
    let parts = 0;
    for (const chunk of state.indicators.values()) parts += chunk.parts.size;
    if (parts !== entries) return 'rebuild';
  }
  if (later !== null) {
    if (state.verified || state.checking !== null) return 'current';
    const version = state.version;
    later(async () => {
      const counts = await withReopenRetry(db, () => tableCounts(db));
      // The copy moved meanwhile (a save, another tab's save read in): judged again at the next read.
      if (state.version !== version) return 'current';
      if (!sameCounts(built, counts)) return 'rebuild';
      state.verified = true;
      return 'current';
    });
    return 'current';
  }
  if (counting === null) return 'current';
  if (!sameCounts(built, await counting)) return 'rebuild';
  state.verified = true;
  return 'current';
}

/**
 * Resolves once the screen that asked for a list has had its turn: the main thread idle (it has
 * rendered and painted) or at most a second later. Outside a browser, at the next task.
 */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 1000 });
    else setTimeout(resolve, 0);
  });
}

function snapshotOf(state: IndexState): CaseloadSnapshot {
  const d = state.head?.payload.damaged ?? ZERO_COUNTS;
  return { ...entriesOf(state), damaged: INDEXED_TABLES.reduce((n, t) => n + d[t], 0) };
}

/** The caseload as the index holds it, rebuilt first when needed. */
export async function readCaseload(session: VaultSession, options: ReadCaseloadOptions): Promise<CaseloadSnapshot> {
  const state = stateOf(session);
  const withIndicators = options.indicators === true;
  const deferred = options.verify === 'after' && !withIndicators;
  // A checked read waits for a count check still running (and for the rebuild it may begin).
  if (!deferred && state.checking) await state.checking;
  if (state.rebuilding) await state.rebuilding;
  const rebuild = () => rebuildCaseloadIndex(session, options.timeZone, options.onProgress);
  // verify: 'after': the count check's verdict arrives after the read resolved (see ReadCaseloadOptions).
  const later = deferred
    ? (check: () => Promise<Verdict>) => {
        state.checking = afterPaint()
          .then(check)
          .then((verdict) => (verdict === 'rebuild' ? rebuild() : undefined))
          // Not verified: the next read counts again (and rebuilds when it must).
          .catch(() => undefined)
          .finally(() => {
            state.checking = null;
          });
      }
    : null;
  const run = async () => {
    if ((await refresh(session, state, options.timeZone, withIndicators, later)) === 'rebuild') await rebuild();
  };
  if (withIndicators) await run();
  else {
    // One list read at a time per session: a second caller waits for the running one.
    if (state.reading === null) {
      state.reading = run().finally(() => {
        state.reading = null;
      });
    }
    await state.reading;
    // It may have been a 'verify: after' read: a checked read waits for its check.
    if (!deferred && state.checking) await state.checking;
  }
  return snapshotOf(state);
}

/** Resolves once a count check left running by a `verify: 'after'` read (and any rebuild it began) is over. */
export async function caseloadChecked(session: VaultSession): Promise<void> {
  const state = stateOf(session);
  await state.checking;
  await state.rebuilding?.catch(() => undefined);
}

/**
 * A cheap value that changes whenever the index changes (in this tab or another): the lists watch it
 * (a live query over it) and read the caseload again when it moves. Only the head and list rows: every
 * save rewrites its client's list chunk, and Vandaag never needs the rest.
 */
export async function caseloadSignature(db: StapwijzerDb): Promise<string> {
  const [head, rows] = await Promise.all([
    db.caseloadIndex.get(HEAD_ID),
    db.caseloadIndex.where('id').startsWith(CHUNK_PREFIX).toArray(),
  ]);
  if (head) rows.push(head);
  return rows.map((r) => `${r.id}:${r.rev}`).join(',');
}

/** What the session's copy holds now, unchecked: lets a screen show the last known list at once. */
export function peekCaseload(session: VaultSession): CaseloadSnapshot | null {
  const state = stateOf(session);
  return state.head === null ? null : snapshotOf(state);
}
