/**
 * Events written while no session is unlocked on this handle (a failed unlock, a wipe, a content
 * repair before unlock): clear rows in `auditPending`, numbered by a monotonic counter in meta
 * ('auditLocked') written in the same transaction. The next sealed append absorbs them into the
 * chain; the anchor remembers the counter value it absorbed, so rows erased in between leave a gap.
 * (Erasing rows AND rewinding the clear counter is not detectable without a key: nothing written
 * while locked can be authenticated.)
 */
import type { StapwijzerDb } from '../database';
import type { AuditPendingRow } from '../types';

export interface PendingState {
  rows: AuditPendingRow[];
  counter: number;
}

export interface PendingEntry {
  action: AuditPendingRow['action'];
  recordId: string | null;
}

export async function appendPending(
  db: StapwijzerDb,
  entries: readonly PendingEntry[],
  actor: string,
  now: () => Date,
): Promise<void> {
  await db.transaction('rw', db.auditPending, db.meta, async () => {
    const meta = await db.meta.get('auditLocked');
    let counter = meta?.key === 'auditLocked' ? meta.count : 0;
    const rows: AuditPendingRow[] = entries.map((e) => {
      counter += 1;
      return { id: crypto.randomUUID(), n: counter, ts: now().toISOString(), actor, ...e };
    });
    await db.auditPending.bulkAdd(rows);
    await db.meta.put({ key: 'auditLocked', count: counter });
  });
}

/** Pending rows (in counter order) and the counter, read together so a concurrent write cannot split them. */
export function readPending(db: StapwijzerDb): Promise<PendingState> {
  return db.transaction('r', db.auditPending, db.meta, async () => {
    const rows = (await db.auditPending.toArray()).sort((a, b) => a.n - b.n);
    const meta = await db.meta.get('auditLocked');
    return { rows, counter: meta?.key === 'auditLocked' ? meta.count : 0 };
  });
}

/** True when the pending rows are exactly the ones numbered after `lockedSeen` up to the counter. */
export function pendingComplete(state: PendingState, lockedSeen: number): boolean {
  if (state.counter < lockedSeen) return false;
  if (state.rows.length !== state.counter - lockedSeen) return false;
  return state.rows.every((row, i) => row.n === lockedSeen + 1 + i);
}
