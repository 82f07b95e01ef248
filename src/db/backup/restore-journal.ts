/**
 * The journaled swap of a team-size restore (issue 17). A verified backup waits in `backupStaging`;
 * copying a 1.6 GB staging into the live tables in one readwrite transaction never commits in Chromium
 * (10,000 clients / 100,000 screenings: the browser closes the connection, nothing lands). So above
 * SINGLE_TRANSACTION_ROWS staged rows the copy is paged, and a journal row makes it atomic in effect:
 *
 * 1. Begin (one transaction, the point of no return): empty the live tables, write the restored vault's
 *    meta and the journal. Before it commits the device holds its old data; after, the restore is
 *    decided and only ever finishes forwards.
 * 2. Pages (one transaction each): move PAGE_ROWS staged rows into their live tables and delete them
 *    from the staging in the same transaction, so a kill between pages loses or repeats nothing and the
 *    disk never holds the backup twice.
 * 3. End: log the import (with the replaced chain's head, kept in the journal) and delete the journal.
 *
 * While the journal exists the vault stays closed: a failure or a kill after the point of no return
 * locks the app, the lock screen says a restore waits, and the next unlock (with the restored vault's
 * passphrase, which the begin transaction wrote) finishes the copy before anything reads a live table.
 * So nobody ever sees a mix of old and new rows. Two tabs copying at once is harmless: each page is its
 * own transaction over the remaining rows. The import is logged before the journal is deleted, so a
 * kill in between logs it twice rather than never; unlocks run one tab at a time (unlock-queue.ts), so
 * the second tab finds the journal gone.
 */
import { appendAudit } from '../audit/audit-log';
import type { StapwijzerDb } from '../database';
import type { RestoreJournalMeta } from '../types';
import { readRestoreJournal } from './restore-pending';
import { STREAM_TABLES, type StreamTable } from './stream-format';

/**
 * Up to this many staged rows the swap is one transaction (R32 exactly: a failure anywhere leaves every
 * row as it was). A practice's backup (2,000 clients / 20,000 screenings, about 330 MB) is above it and
 * takes the journal: measured, the single transaction is what does not land at team size, and the
 * journaled swap is the same code at every size above this line.
 */
export const SINGLE_TRANSACTION_ROWS = 5_000;
/** Rows per page transaction: about 8 MB at the padded sizes of a screening (15 KB on average). */
export const PAGE_ROWS = 500;

export interface SwapProgress {
  done: number;
  total: number;
}

export interface JournaledSwapOptions {
  pageRows?: number | undefined;
  onProgress?: ((progress: SwapProgress) => void) | undefined;
}

function isStreamTable(name: string): name is StreamTable {
  return (STREAM_TABLES as readonly string[]).includes(name);
}

/** The live tables a restore writes: the staged stream tables. */
function streamTables(db: StapwijzerDb) {
  return STREAM_TABLES.map((t) => db.table(t));
}

/**
 * Step 1, inside the caller's readwrite transaction (which must include every stream table, meta and
 * backupStaging): empties the live stream tables (the destroyed-clients list is merged, never emptied:
 * a restore never forgets a destroy) and writes the journal. The caller writes the vault's meta in the
 * same transaction. Returns the journal written.
 */
export async function beginJournal(
  db: StapwijzerDb,
  journal: Omit<RestoreJournalMeta, 'key' | 'total'>,
): Promise<RestoreJournalMeta> {
  for (const table of STREAM_TABLES) if (table !== 'shreddedClients') await db.table(table).clear();
  const row: RestoreJournalMeta = { key: 'restoreJournal', ...journal, total: await db.backupStaging.count() };
  await db.meta.put(row);
  return row;
}

/** Step 2: moves the staged rows into their live tables, a page per transaction, until none is left. */
export async function copyStagedPages(db: StapwijzerDb, options: JournaledSwapOptions = {}): Promise<void> {
  const journal = await readRestoreJournal(db);
  if (!journal) return;
  const pageRows = options.pageRows ?? PAGE_ROWS;
  let done = journal.total - (await db.backupStaging.count());
  options.onProgress?.({ done, total: journal.total });
  for (;;) {
    const moved = await db.transaction('rw', [...streamTables(db), db.backupStaging], async () => {
      // The staging's key is `table NUL id`: a page in key order holds one table's rows, or the end of
      // one and the start of the next.
      const page = await db.backupStaging.limit(pageRows).toArray();
      const byTable = new Map<StreamTable, Record<string, unknown>[]>();
      for (const staged of page) {
        // Only stageRows writes the staging, with a stream table's name; anything else is no row of ours.
        if (!isStreamTable(staged.table)) throw new Error(`staged row of an unknown table: ${staged.table}`);
        const rows = byTable.get(staged.table) ?? [];
        rows.push(staged.row);
        byTable.set(staged.table, rows);
      }
      // put, not add: the destroyed-clients list merges with this device's (and a page is atomic anyway).
      for (const [table, rows] of byTable) await db.table(table).bulkPut(rows);
      await db.backupStaging.bulkDelete(page.map((s) => s.key));
      return page.length;
    });
    if (moved === 0) return;
    done += moved;
    options.onProgress?.({ done: Math.min(done, journal.total), total: journal.total });
  }
}

/**
 * Step 3, with the restored vault's session attached to the audit chain: logs the import (if the journal
 * is still there) and then deletes the journal, opening the vault for good.
 */
export async function endJournal(db: StapwijzerDb, now?: number): Promise<void> {
  const journal = await readRestoreJournal(db);
  if (!journal) return;
  const at = now ?? journal.startedAt;
  await appendAudit(db, [{ action: 'import', recordId: null, prior: journal.prior }], { now: () => new Date(at) });
  await db.meta.delete('restoreJournal');
}
