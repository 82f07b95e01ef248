/**
 * Restore staging (schema v8): a verified backup's rows wait in `backupStaging`, in the same
 * database, and `swapInStaged` replaces the live tables with them in ONE readwrite transaction.
 *
 * Why a table and not a second database: IndexedDB has no rename, and a transaction spans one
 * database only. Copying from a staging DATABASE would need one transaction per page (a crash in
 * between leaves half a restore) or the whole backup in memory (what team-scale files must avoid).
 * Inside one database the copy is a sequence of IndexedDB requests in one transaction — paged, so
 * little is in memory at once, and atomic: it commits whole or not at all (R32).
 */
import type { StapwijzerDb } from '../database';
import { STREAM_TABLES, type StreamTable } from './stream-format';

const SEP = '\u0000';
const PAGE = 2000;

export function stagingKey(table: string, id: string): string {
  return `${table}${SEP}${id}`;
}

export async function clearStaging(db: StapwijzerDb): Promise<void> {
  await db.backupStaging.clear();
}

export async function stageRows(db: StapwijzerDb, table: StreamTable, rows: readonly Record<string, unknown>[]) {
  await db.backupStaging.bulkPut(rows.map((row) => ({ key: stagingKey(table, String(row.id)), table, row })));
}

/**
 * Inside the caller's readwrite transaction (which must include every STREAM_TABLES table and
 * backupStaging): empty each live table, copy its staged rows in, empty the staging.
 */
export async function swapInStaged(db: StapwijzerDb): Promise<void> {
  for (const table of STREAM_TABLES) {
    const live = db.table(table);
    // This device's destroyed clients are kept, and the backup's added: a restore never forgets a destroy.
    const merge = table === 'shreddedClients';
    if (!merge) await live.clear();
    let from = stagingKey(table, '');
    const to = stagingKey(table, '\uffff');
    let first = true;
    for (;;) {
      const page = await db.backupStaging.where('key').between(from, to, first, false).limit(PAGE).toArray();
      if (page.length === 0) break;
      if (merge) await live.bulkPut(page.map((s) => s.row));
      else await live.bulkAdd(page.map((s) => s.row));
      from = page[page.length - 1]?.key ?? to;
      first = false;
      if (page.length < PAGE) break;
    }
  }
  await db.backupStaging.clear();
}
