/**
 * Keeping the caseload index current at every save, in the SAME transaction as the save: the new
 * entry is projected and its chunk sealed before the transaction (awaiting crypto.subtle inside a
 * Dexie transaction would commit it early); inside, the chunk's stored rev must still be the one
 * the entry was built on (optimistic concurrency, as for records: R17), else the whole transaction
 * aborts, records included, and the save is prepared again. A save that fails leaves the index as
 * it was. With no index yet (first use, or before a rebuild) a save writes its records alone; the
 * next read finds the counts moved and rebuilds.
 */
import {
  ANONYMOUS_KEY,
  type CaseloadClientInput,
  type CaseloadDecisionInput,
  type CaseloadFollowUpEventInput,
  type CaseloadFollowUpInput,
  type CaseloadProjection,
  type CaseloadRecords,
  type CaseloadSafetyEventInput,
  type CaseloadScreeningInput,
  projectCaseloadEntry,
} from '../../domain/caseload';
import type { EncryptedTableName, StapwijzerDb } from '../database';
import { isStorageError, StorageError } from '../errors';
import type { VaultSession } from '../session';
import type { CaseloadIndexRow, RowBase, Sealed } from '../types';
import {
  CASELOAD_INDEX_FORMAT,
  chunkOf,
  HEAD_ID,
  hasCaseloadIndex,
  INDEXED_TABLES,
  type IndexedTable,
  type IndexState,
  indicatorChunkOf,
  openIndexRow,
  sealIndexRow,
  stateOf,
} from './index-rows';

/** A record written (or deleted: `record` null) by a save, as the index sees it. */
export type CaseloadChange =
  | { table: 'clients'; id: string; key: string; record: CaseloadClientInput | null }
  | { table: 'screenings'; id: string; key: string; record: CaseloadScreeningInput | null }
  | { table: 'decisions'; id: string; key: string; record: CaseloadDecisionInput | null }
  | { table: 'followUps'; id: string; key: string; record: CaseloadFollowUpInput | null }
  | { table: 'followUpEvents'; id: string; key: string; record: CaseloadFollowUpEventInput | null }
  | { table: 'safetyEvents'; id: string; key: string; record: CaseloadSafetyEventInput | null };

const isIndexed = (t: EncryptedTableName): t is IndexedTable => INDEXED_TABLES.some((i) => i === t);

/**
 * The index change of a repository write; null for tables the index does not read (notes, plans,
 * drafts, settings). The repositories type each table's record, so the record is that table's input.
 * Follow-up events carry no timestamps (their time is sealed), hence `createdAt` optional.
 */
export function caseloadChangeOf(
  table: EncryptedTableName,
  clear: Pick<RowBase, 'id' | 'rev'> & Partial<Pick<RowBase, 'createdAt' | 'updatedAt'>> & { clientId?: string | null },
  data: unknown,
  deleted = false,
): CaseloadChange | null {
  if (!isIndexed(table)) return null;
  const key = table === 'clients' ? clear.id : (clear.clientId ?? ANONYMOUS_KEY);
  const record = deleted ? null : { ...clear, data };
  return { table, id: clear.id, key, record } as CaseloadChange;
}

/** The stores a save's transaction covers: the record tables, plus the index when it exists. */
export function caseloadScope(db: StapwijzerDb, tables: readonly string[], changes: readonly unknown[]): string[] {
  const feeds = changes.some((c) => c !== null);
  return feeds && hasCaseloadIndex(db) ? [...tables, 'caseloadIndex'] : [...tables];
}

/** A chunk row sealed for the transaction, the rev it replaces, and what memory holds once committed. */
export interface PreparedCaseloadWrite {
  readonly headRev: number;
  /** The sealed rows, each with what the session's copy takes once the transaction committed. */
  readonly rows: readonly { row: CaseloadIndexRow; adopt: (state: IndexState) => void }[];
}

/** The write lost a race with another save of the same chunk (or a rebuild): prepare again. */
export class CaseloadIndexConflict extends StorageError {
  constructor(id: string) {
    super('conflict', { detail: `caseloadIndex/${id} moved` });
  }
}

function replaced<T extends { readonly id: string }>(list: readonly T[], id: string, record: T | null): T[] {
  const out = list.filter((r) => r.id !== id);
  if (record !== null) out.push(record);
  return out;
}

function applyChange(records: CaseloadRecords, c: CaseloadChange): CaseloadRecords {
  switch (c.table) {
    case 'clients':
      return { ...records, client: c.record };
    case 'screenings':
      return { ...records, screenings: replaced(records.screenings, c.id, c.record) };
    case 'decisions':
      return { ...records, decisions: replaced(records.decisions, c.id, c.record) };
    case 'followUps':
      return { ...records, followUps: replaced(records.followUps, c.id, c.record) };
    case 'followUpEvents':
      return { ...records, followUpEvents: replaced(records.followUpEvents, c.id, c.record) };
    case 'safetyEvents':
      return { ...records, safetyEvents: replaced(records.safetyEvents, c.id, c.record) };
  }
}

async function openRows<T>(session: VaultSession, table: IndexedTable, rows: readonly (RowBase & Sealed)[]) {
  const out: T[] = [];
  for (const r of await Promise.allSettled(rows.map((row) => session.open<RowBase, unknown>(table, row)))) {
    // A damaged row was counted as damaged at the rebuild: leaving it out here keeps the sums equal.
    if (r.status === 'fulfilled') out.push(r.value as T);
    else if (!isStorageError(r.reason, 'integrity')) throw r.reason;
  }
  return out;
}

/**
 * The safety events of one key (a client, or ANONYMOUS_KEY): a safety event's client id is sealed (a
 * clear one would mark the client), so every event is opened and the client id read inside. They are
 * few (a signal, its action), and all under the data key.
 */
async function safetyEventsOf(session: VaultSession, key: string): Promise<CaseloadSafetyEventInput[]> {
  const rows = await session.db.table<RowBase & Sealed, string>('safetyEvents').toArray();
  const opened = await openRows<CaseloadSafetyEventInput & { clientId: string | null }>(session, 'safetyEvents', rows);
  return opened.filter((e) => (e.clientId ?? ANONYMOUS_KEY) === key);
}

/** One client's records as stored now (or the anonymous safety events). */
async function storedRecords(session: VaultSession, key: string): Promise<CaseloadRecords> {
  const { db } = session;
  const rows = (t: IndexedTable) => db.table<RowBase & Sealed & { clientId?: string | null }, string>(t);
  if (key === ANONYMOUS_KEY) {
    return {
      client: null,
      screenings: [],
      decisions: [],
      followUps: [],
      followUpEvents: [],
      safetyEvents: await safetyEventsOf(session, key),
    };
  }
  // Indexed by clientId, which is in clear on these tables (clear-fields.ts); the client by its id.
  const [client, screenings, decisions, followUps, followUpEvents] = await Promise.all([
    rows('clients').get(key),
    rows('screenings').where('clientId').equals(key).toArray(),
    rows('decisions').where('clientId').equals(key).toArray(),
    rows('followUps').where('clientId').equals(key).toArray(),
    rows('followUpEvents').where('clientId').equals(key).toArray(),
  ]);
  const safetyEvents = await safetyEventsOf(session, key);
  return {
    client: (await openRows<CaseloadClientInput>(session, 'clients', client ? [client] : []))[0] ?? null,
    screenings: await openRows(session, 'screenings', screenings),
    decisions: await openRows(session, 'decisions', decisions),
    followUps: await openRows(session, 'followUps', followUps),
    followUpEvents: await openRows(session, 'followUpEvents', followUpEvents),
    safetyEvents,
  };
}

/** Seals the chunks the changes touch; null when there is no index to keep up to date. */
export async function prepareCaseloadWrite(
  session: VaultSession,
  changes: readonly CaseloadChange[],
): Promise<PreparedCaseloadWrite | null> {
  if (changes.length === 0 || !hasCaseloadIndex(session.db)) return null;
  const state = stateOf(session);
  if (state.rebuilding) await state.rebuilding.catch(() => undefined);
  const { db } = session;
  const headRow = await db.caseloadIndex.get(HEAD_ID);
  if (headRow === undefined) return null;
  if (state.head?.rev !== headRow.rev) {
    const head = await openIndexRow(session, headRow);
    if (head.kind !== 'head') return null;
    state.head = { rev: headRow.rev, payload: head };
  }
  const head = state.head.payload;
  if (head.format !== CASELOAD_INDEX_FORMAT) return null;

  // Each changed client's records as stored now, with the save's changes applied, projected once.
  const byKey = new Map<string, CaseloadChange[]>();
  for (const c of changes) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c]);
  const projected = new Map<string, CaseloadProjection | null>();
  for (const [key, list] of byKey) {
    const p = projectCaseloadEntry(key, list.reduce(applyChange, await storedRecords(session, key)), head.timeZone);
    // A key left without any record (its last row deleted) leaves the index.
    projected.set(key, Object.values(p.entry.rows).every((n) => n === 0) ? null : p);
  }
  const rows: PreparedCaseloadWrite['rows'][number][] = [];
  const group = (idOf: (key: string) => string) => {
    const out = new Map<string, string[]>();
    for (const key of projected.keys()) out.set(idOf(key), [...(out.get(idOf(key)) ?? []), key]);
    return out;
  };

  for (const [id, keys] of group((key) => chunkOf(key, head.chunks))) {
    const stored = await db.caseloadIndex.get(id);
    let current = state.chunks.get(id);
    if (stored === undefined) current = { rev: 0, entries: new Map() };
    else if (current?.rev !== stored.rev) {
      const chunk = await openIndexRow(session, stored);
      if (chunk.kind !== 'chunk') return null;
      current = { rev: stored.rev, entries: new Map(chunk.entries.map((e) => [e.key, e])) };
      state.chunks.set(id, current);
      state.version++;
    }
    const entries = new Map(current.entries);
    for (const key of keys) {
      const p = projected.get(key);
      if (p) entries.set(key, p.entry);
      else entries.delete(key);
    }
    const payload = { kind: 'chunk' as const, format: CASELOAD_INDEX_FORMAT, entries: [...entries.values()] };
    const row = await sealIndexRow(session, { id, rev: current.rev + 1 }, payload);
    rows.push({ row, adopt: (s) => s.chunks.set(id, { rev: row.rev, entries }) });
  }

  for (const [id, keys] of group((key) => indicatorChunkOf(key, head.indicatorChunks))) {
    const stored = await db.caseloadIndex.get(id);
    let current = state.indicators.get(id);
    if (stored === undefined) current = { rev: 0, parts: new Map() };
    else if (current?.rev !== stored.rev) {
      const chunk = await openIndexRow(session, stored);
      if (chunk.kind !== 'indicators') return null;
      current = { rev: stored.rev, parts: new Map(chunk.parts.map((x) => [x.key, x.indicators])) };
      state.indicators.set(id, current);
      state.version++;
    }
    const parts = new Map(current.parts);
    for (const key of keys) {
      const p = projected.get(key);
      if (p) parts.set(key, p.indicators);
      else parts.delete(key);
    }
    const payload = {
      kind: 'indicators' as const,
      format: CASELOAD_INDEX_FORMAT,
      parts: [...parts].map(([key, indicators]) => ({ key, indicators })),
    };
    const row = await sealIndexRow(session, { id, rev: current.rev + 1 }, payload);
    rows.push({ row, adopt: (s) => s.indicators.set(id, { rev: row.rev, parts }) });
  }
  return { headRev: headRow.rev, rows };
}

/** Inside the save's transaction: the chunks must not have moved since they were prepared. */
export async function putCaseloadInTx(db: StapwijzerDb, prepared: PreparedCaseloadWrite | null): Promise<void> {
  if (prepared === null) return;
  const head = await db.caseloadIndex.get(HEAD_ID);
  if (head?.rev !== prepared.headRev) throw new CaseloadIndexConflict(HEAD_ID);
  for (const { row } of prepared.rows) {
    const current = await db.caseloadIndex.get(row.id);
    if ((current?.rev ?? 0) !== row.rev - 1) throw new CaseloadIndexConflict(row.id);
    await db.caseloadIndex.put(row);
  }
}

/** After the commit: the session's copy takes the new chunks without decrypting them again. */
function adopt(session: VaultSession, prepared: PreparedCaseloadWrite | null): void {
  if (prepared === null) return;
  const state = stateOf(session);
  for (const { adopt: take } of prepared.rows) take(state);
  state.version++;
}

const ATTEMPTS = 5;

/**
 * Runs a save with its index update: `write` opens the transaction (with `db.caseloadIndex` in its
 * scope) and calls putCaseloadInTx in it. A conflict on the index prepares again and retries; any
 * other failure (a record conflict included) is the caller's.
 */
export async function writeWithCaseload<T>(
  session: VaultSession,
  changes: readonly (CaseloadChange | null)[],
  write: (prepared: PreparedCaseloadWrite | null) => Promise<T>,
): Promise<T> {
  const relevant = changes.filter((c): c is CaseloadChange => c !== null);
  for (let attempt = 1; ; attempt++) {
    const prepared = await prepareCaseloadWrite(session, relevant);
    try {
      const out = await write(prepared);
      adopt(session, prepared);
      return out;
    } catch (e) {
      if (!(e instanceof CaseloadIndexConflict) || attempt >= ATTEMPTS) throw e;
    }
  }
}
