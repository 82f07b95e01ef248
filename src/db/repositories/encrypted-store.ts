/**
 * Shared mechanics of the encrypted repositories: seal before the transaction (awaiting
 * crypto.subtle inside a Dexie transaction would commit it early), optimistic concurrency on
 * `rev` (R17: a stale rev is a 'conflict', never a silent overwrite), idempotent retries (a retried
 * write whose first attempt did commit is recognised by its IV) and per-row integrity reporting.
 */
import type { Table } from 'dexie';
import { auditContext } from '../audit/audit-context';
import { auditSettled, noteProfileWritten, trackInTx } from '../audit/audit-log';
import { INDEXED_TABLES, markCaseloadUnverified } from '../caseload/index-rows';
import { loadCaseloadUpdate } from '../caseload/load-update';
import { bytesEqual } from '../crypto/bytes';
import type { EncryptedTableName, StapwijzerDb } from '../database';
import { isStorageError, StorageError } from '../errors';
import { withReopenRetry } from '../retry';
import type { OpenableRow, VaultSession } from '../session';
import type { Decrypted, MinimalClear, ReadMany, RowBase, Sealed } from '../types';
import { isShredded } from './shredded-list';

/** A stored sealed row of either shape (v5: id, clientId, kid, rev; v1–v4: every record field). */
export type EncryptedRow = OpenableRow;

export function tableOf(db: StapwijzerDb, name: EncryptedTableName): Table<EncryptedRow, string> {
  return db.table(name);
}

/** Fields a caller supplies for a new record; id, rev and timestamps are set here. */
export type NewClear<C extends RowBase> = Omit<C, keyof RowBase> & { id?: string };
/** Clear fields a caller may change on update. */
export type ClearPatch<C extends RowBase> = Partial<Omit<C, keyof RowBase>>;

/** Builds the clear part of a new row: a fresh UUID, rev 1. */
export function newClear<C extends RowBase>(fields: NewClear<C>, now: number): C {
  return { ...fields, id: fields.id ?? crypto.randomUUID(), rev: 1, createdAt: now, updatedAt: now } as unknown as C;
}

/** Builds the clear part of the next revision of a loaded record. */
export function nextClear<C extends RowBase, P>(loaded: Decrypted<C, P>, patch: ClearPatch<C>, now: number): C {
  const { data: _data, ...clear } = loaded;
  return { ...clear, ...patch, rev: loaded.rev + 1, updatedAt: now } as unknown as C;
}

/** Inside a transaction: add a new row; a retry of an already committed add is a no-op. */
export async function addInTx<R extends MinimalClear & Sealed>(table: Table<R, string>, row: R): Promise<void> {
  const existing = await table.get(row.id);
  if (existing) {
    if (bytesEqual(existing.iv, row.iv)) return;
    throw new StorageError('conflict', { detail: `${table.name}/${row.id} exists` });
  }
  await table.add(row);
  trackInTx(table.name, 'create', row.id);
}

/** Inside a transaction: replace the row if its stored rev is the one the caller loaded. */
export async function updateInTx(table: Table<EncryptedRow, string>, row: EncryptedRow): Promise<void> {
  const current = await table.get(row.id);
  if (!current) throw new StorageError('not-found', { detail: `${table.name}/${row.id}` });
  if (current.rev === row.rev && bytesEqual(current.iv, row.iv)) return;
  if (current.rev !== row.rev - 1) {
    throw new StorageError('conflict', { detail: `${table.name}/${row.id} is at rev ${current.rev}` });
  }
  await table.put(row);
  trackInTx(table.name, 'change', row.id);
}

/** Inside a transaction: delete if the stored rev matches (or any rev when `rev` is undefined). */
export async function deleteInTx(table: Table<EncryptedRow, string>, id: string, rev?: number): Promise<void> {
  const current = await table.get(id);
  if (!current) return;
  if (rev !== undefined && current.rev !== rev)
    throw new StorageError('conflict', { detail: `${table.name}/${id} is at rev ${current.rev}` });
  await table.delete(id);
  trackInTx(table.name, 'delete', id);
}

/**
 * After a write's transaction: wait for its audit event (appended once the transaction committed),
 * and keep the audit actor in step when the profile setting changes.
 */
async function afterWrite(session: VaultSession, name: EncryptedTableName, id: string, data?: unknown) {
  if (name === 'settings') {
    if (id === 'profile') await noteProfileWritten(session.db, data);
    return;
  }
  await auditSettled(session.db);
}

/**
 * Seals one row and writes it (add or rev-checked update) in its own transaction, with the client's
 * caseload index entry when the table feeds it (same transaction: caseload/update.ts), then audits it.
 */
async function writeOne<C extends RowBase, P>(
  session: VaultSession,
  name: EncryptedTableName,
  unsigned: C,
  data: P,
  write: (table: Table<EncryptedRow, string>, row: EncryptedRow) => Promise<void>,
): Promise<Decrypted<C, P>> {
  const clear = withAuthor(session, unsigned);
  await refuseDestroyedClient(session.db, name, clear);
  const { caseloadChangeOf, caseloadScope, putCaseloadInTx, writeWithCaseload } = await loadCaseloadUpdate();
  const row = await session.seal(name, clear, data);
  const { db } = session;
  const change = caseloadChangeOf(name, clear, data);
  // Tables the index does not read keep their own scope (drafts stay relaxed: database.ts).
  const scope = caseloadScope(db, [name], [change]);
  await writeWithCaseload(session, [change], (prepared) =>
    withReopenRetry(db, () =>
      db.transaction('rw', scope, async () => {
        await write(tableOf(db, name), row);
        await putCaseloadInTx(db, prepared);
      }),
    ),
  );
  await afterWrite(session, name, clear.id, data);
  return { ...clear, data };
}

/**
 * A save for a destroyed client (a second tab still showing it, say) is refused: it would otherwise
 * create a fresh client key and bring part of the client back. One primary-key read (destroy-client.ts).
 */
async function refuseDestroyedClient(db: StapwijzerDb, name: EncryptedTableName, clear: object): Promise<void> {
  if (name === 'settings' || name === 'caseloadIndex' || name === 'auditChain') return;
  const owner = name === 'clients' ? Reflect.get(clear, 'id') : Reflect.get(clear, 'clientId');
  if (typeof owner !== 'string') return;
  if (await isShredded(db, owner)) {
    throw new StorageError('not-found', { detail: `${name}: client destroyed` });
  }
}

/**
 * Stamps a local save with its author (issue 20, "who did what"): the vault's initials as `updatedBy`,
 * and as `createdBy` on a new record (an update keeps the creator it loaded). Both are sealed fields
 * (clear-fields.ts). Without initials (no profile yet) nothing is added. Pulled records keep the
 * author they were written by: applyPulled does not come through here.
 */
export function withAuthor<C extends RowBase>(session: VaultSession, clear: C): C {
  const initials = auditContext(session.db).initials;
  if (!initials) return clear;
  return { ...clear, createdBy: clear.createdBy ?? initials, updatedBy: initials };
}

export function insertRecord<C extends RowBase, P>(
  session: VaultSession,
  name: EncryptedTableName,
  clear: C,
  data: P,
): Promise<Decrypted<C, P>> {
  return writeOne(session, name, clear, data, addInTx);
}

/**
 * Seals many new rows and adds them in one transaction (bulk seeding, imports). The caseload index is
 * not updated here: its next read finds the row counts moved and rebuilds it once for the whole batch.
 */
export async function insertMany<C extends RowBase, P>(
  session: VaultSession,
  name: EncryptedTableName,
  items: readonly { clear: C; data: P }[],
): Promise<void> {
  const rows = await Promise.all(items.map((i) => session.seal(name, i.clear, i.data)));
  const { db } = session;
  await withReopenRetry(db, () =>
    db.transaction('rw', name, async () => {
      await tableOf(db, name).bulkAdd(rows);
      for (const row of rows) trackInTx(name, 'create', row.id);
    }),
  );
  // Marked after the commit: a read before it must not count and call the index verified.
  if (INDEXED_TABLES.some((t) => t === name)) {
    markCaseloadUnverified(session);
  }
  await afterWrite(session, name, '');
}

export function updateRecord<C extends RowBase, P>(
  session: VaultSession,
  name: EncryptedTableName,
  clear: C,
  data: P,
): Promise<Decrypted<C, P>> {
  return writeOne(session, name, clear, data, updateInTx);
}

export async function deleteRecord(
  session: VaultSession,
  name: EncryptedTableName,
  id: string,
  rev: number,
  clientId?: string | null,
) {
  const { caseloadChangeOf, caseloadScope, putCaseloadInTx, writeWithCaseload } = await loadCaseloadUpdate();
  const { db } = session;
  // A deleted row of a table the index reads names its client (the key of the entry to update).
  const clear = { id, rev, createdAt: 0, updatedAt: 0, ...(clientId === undefined ? {} : { clientId }) };
  const change = caseloadChangeOf(name, clear, null, true);
  const scope = caseloadScope(db, [name], [change]);
  await writeWithCaseload(session, [change], (prepared) =>
    withReopenRetry(db, () =>
      db.transaction('rw', scope, async () => {
        await deleteInTx(tableOf(db, name), id, rev);
        await putCaseloadInTx(db, prepared);
      }),
    ),
  );
  await afterWrite(session, name, id);
}

/** Reads one record; undefined when absent, 'integrity' when its ciphertext was tampered with. */
export async function getRecord<C extends RowBase, P>(
  session: VaultSession,
  name: EncryptedTableName,
  id: string,
): Promise<Decrypted<C, P> | undefined> {
  if (session.locked) throw new StorageError('locked');
  const row = await withReopenRetry(session.db, () => tableOf(session.db, name).get(id));
  return row ? session.open<C, P>(name, row) : undefined;
}

/** Decrypts many rows; a damaged row is reported in `damaged` and the others still read (R22). */
export async function openMany<C extends MinimalClear, P>(
  session: VaultSession,
  name: EncryptedTableName,
  rows: readonly (MinimalClear & Sealed)[],
): Promise<ReadMany<Decrypted<C, P>>> {
  if (session.locked) throw new StorageError('locked');
  const damaged: string[] = [];
  const records: Decrypted<C, P>[] = [];
  const results = await Promise.allSettled(rows.map((row) => session.open<C, P>(name, row)));
  results.forEach((result, i) => {
    if (result.status === 'fulfilled') records.push(result.value);
    else if (isStorageError(result.reason, 'integrity')) damaged.push(rows[i]?.id ?? '');
    else throw result.reason;
  });
  return { records, damaged };
}

/**
 * Reads rows by a clear query (since v5 only the primary key or `clientId`), decrypts them, then
 * applies `refine` to the records: filters and orders on sealed fields (status, dates) happen here,
 * after decryption, because those fields are no longer in clear.
 */
export async function queryMany<C extends RowBase, P>(
  session: VaultSession,
  name: EncryptedTableName,
  query: (table: Table<EncryptedRow, string>) => Promise<EncryptedRow[]>,
  refine?: (records: Decrypted<C, P>[]) => Decrypted<C, P>[],
): Promise<ReadMany<Decrypted<C, P>>> {
  if (session.locked) throw new StorageError('locked');
  const rows = await withReopenRetry(session.db, () => query(tableOf(session.db, name)));
  const read = await openMany<C, P>(session, name, rows);
  return refine ? { records: refine(read.records), damaged: read.damaged } : read;
}

/** Orders records by a string or number field, ascending (ties keep their order). */
export function byField<T, K extends keyof T>(field: K, direction: 'asc' | 'desc' = 'asc') {
  const sign = direction === 'asc' ? 1 : -1;
  return (a: T, b: T): number => {
    const x = a[field];
    const y = b[field];
    return x < y ? -sign : x > y ? sign : 0;
  };
}
