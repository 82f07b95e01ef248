/**
 * The list of destroyed clients (schema v12 `shreddedClients`, destroy-client.ts), read by primary
 * key: no key and no decryption needed, so a restore, a pulled record and every save can ask it. A
 * database handle opened at an older schema (migration tests) has no such table: nothing is destroyed.
 */
import type { Table } from 'dexie';
import type { StapwijzerDb } from '../database';
import { withReopenRetry } from '../retry';
import type { ShreddedClientRow } from '../types';

function listOf(db: StapwijzerDb): Table<ShreddedClientRow, string> | null {
  return db.tables.some((t) => t.name === 'shreddedClients') ? db.shreddedClients : null;
}

/** The destroyed ids among `ids` (one primary-key read each). */
export async function shreddedAmong(db: StapwijzerDb, ids: Iterable<string>): Promise<Set<string>> {
  const list = [...new Set(ids)];
  const table = listOf(db);
  if (list.length === 0 || table === null) return new Set();
  const rows = await withReopenRetry(db, () => table.bulkGet(list));
  return new Set(list.filter((_, i) => rows[i] !== undefined));
}

/** Every destroyed client id on this device. */
export async function allShreddedIds(db: StapwijzerDb): Promise<Set<string>> {
  const table = listOf(db);
  if (table === null) return new Set();
  return new Set(await withReopenRetry(db, () => table.toCollection().primaryKeys()));
}

export async function isShredded(db: StapwijzerDb, clientId: string): Promise<boolean> {
  return (await shreddedAmong(db, [clientId])).has(clientId);
}
