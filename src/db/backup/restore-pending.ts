/**
 * Whether a team-size restore waits to be finished (restore-journal.ts): one meta read, small enough for
 * the lock screen's first-screen chunk, which says so before the passphrase is typed.
 */
import type { StapwijzerDb } from '../database';
import { withReopenRetry } from '../retry';
import type { RestoreJournalMeta } from '../types';

export async function readRestoreJournal(db: StapwijzerDb): Promise<RestoreJournalMeta | null> {
  const row = await withReopenRetry(db, () => db.meta.get('restoreJournal'));
  return row?.key === 'restoreJournal' ? row : null;
}

/** What the lock screen tells: a restore waits, and which passphrase finishes it. */
export async function pendingRestore(db: StapwijzerDb): Promise<{ unlockWith: 'device' | 'backup' } | null> {
  const journal = await readRestoreJournal(db);
  return journal ? { unlockWith: journal.unlockWith } : null;
}
