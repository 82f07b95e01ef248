/**
 * Write and read guards around every storage call. Owns R7 (reopen once on a lost connection and
 * retry once, never reporting success for an uncommitted write) and the R14 stale-build refusal,
 * and maps every failure to a typed StorageError (R9).
 */
import type { StapwijzerDb } from './database';
import { isConnectionLost, StorageError, toStorageError } from './errors';

function assertNotStale(db: StapwijzerDb): void {
  if (db.lifecycle.stale) throw new StorageError('stale-build');
}

/**
 * Runs `fn`; on DatabaseClosedError / "connection lost" reopens a NEW connection once and retries
 * once. The promise resolves only when `fn`'s transaction committed, so callers may say "saved"
 * exactly when it resolves.
 */
export async function withReopenRetry<T>(db: StapwijzerDb, fn: () => Promise<T>): Promise<T> {
  assertNotStale(db);
  try {
    return await fn();
  } catch (first) {
    if (db.lifecycle.stale) throw new StorageError('stale-build', { cause: first });
    if (!isConnectionLost(first)) throw toStorageError(first);
    try {
      db.close();
      await db.open();
    } catch (reopenError) {
      throw toStorageError(reopenError);
    }
    assertNotStale(db);
    try {
      return await fn();
    } catch (second) {
      if (db.lifecycle.stale) throw new StorageError('stale-build', { cause: second });
      throw toStorageError(second);
    }
  }
}
