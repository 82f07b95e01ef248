/**
 * The storage side of team sync (issue 19, the mirror design): Dexie stays the app's store, and the
 * sync module copies records between it and an envelope database. This file owns the two crossings:
 * - out: which records changed since they were last mirrored (rev compared with `syncState`), read
 *   decrypted through the session like every other read;
 * - in: a record pulled from the team, validated and sealed under this device's keys like any local
 *   write, with its `syncState` row in the same transaction so it is not pushed back.
 * A row edited locally since its last mirror is never overwritten by a pulled one: the caller pushes
 * the local edit first (it becomes a conflict revision), so nothing is lost silently.
 */
import Dexie, { type ObservabilitySet } from 'dexie';
import * as v from 'valibot';
import { loadCaseloadUpdate } from '../caseload/load-update';
import type { StapwijzerDb } from '../database';
import { PAYLOAD_SCHEMAS } from '../payload-schemas';
import { withReopenRetry } from '../retry';
import type { VaultSession } from '../session';
import type { RowBase, SyncStateRow } from '../types';
import { type EncryptedRow, getRecord, tableOf } from './encrypted-store';

/** Tables shared with the team. Drafts and settings stay on the device (the team key is a setting). */
export const SYNCED_TABLES = [
  'clients',
  'screenings',
  'decisions',
  'followUps',
  'plans',
  'notes',
  'safetyEvents',
  // Append-only (issue 13): a completion on one device and a cancellation on another both travel.
  'followUpEvents',
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

export function isSyncedTable(name: string): name is SyncedTable {
  return (SYNCED_TABLES as readonly string[]).includes(name);
}

/** A record as it travels inside an envelope: its clear fields (without iv/ct) and its payload. */
export interface SyncRecord {
  clear: RowBase & Record<string, string | number | null>;
  data: unknown;
}

export const syncKey = (table: SyncedTable, id: string) => `${table}:${id}`;

export interface ChangedRow {
  id: string;
  rev: number;
  state: SyncStateRow | undefined;
}

/** Rows of `table` whose rev differs from the one last mirrored (never-mirrored rows included). */
export async function listUnmirrored(session: VaultSession, table: SyncedTable): Promise<ChangedRow[]> {
  const { db } = session;
  return withReopenRetry(db, () =>
    db.transaction('r', [table, 'syncState'], async () => {
      const states = await db.syncState.where('key').between(`${table}:`, `${table}:\uffff`).toArray();
      const byKey = new Map(states.map((s) => [s.key, s]));
      const out: ChangedRow[] = [];
      await tableOf(db, table).each((row: EncryptedRow) => {
        const state = byKey.get(syncKey(table, row.id));
        if (state?.localRev !== row.rev) out.push({ id: row.id, rev: row.rev, state });
      });
      return out;
    }),
  );
}

/** One record decrypted for the envelope; undefined when it was deleted meanwhile. */
export async function readForSync(
  session: VaultSession,
  table: SyncedTable,
  id: string,
): Promise<SyncRecord | undefined> {
  const record = await getRecord<RowBase & Record<string, string | number | null>, unknown>(session, table, id);
  if (!record) return undefined;
  const { data, ...clear } = record;
  return { clear, data };
}

export function getSyncState(session: VaultSession, table: SyncedTable, id: string): Promise<SyncStateRow | undefined> {
  return withReopenRetry(session.db, () => session.db.syncState.get(syncKey(table, id)));
}

/** Records that `rev` of each row is mirrored as `envelopeRev`. */
export async function markMirrored(
  session: VaultSession,
  entries: readonly { table: SyncedTable; id: string; localRev: number; envelopeRev: string }[],
): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((e) => ({ key: syncKey(e.table, e.id), localRev: e.localRev, envelopeRev: e.envelopeRev }));
  await withReopenRetry(session.db, () => session.db.syncState.bulkPut(rows));
}

export interface PulledRecord {
  table: SyncedTable;
  record: SyncRecord;
  envelopeRev: string;
}

export type ApplyOutcome = 'applied' | 'unchanged' | 'dirty' | 'invalid';

const CLEAR_VALUE = v.union([v.string(), v.number(), v.null()]);
const CLEAR = v.looseObject({ id: v.string(), createdAt: v.number(), updatedAt: v.number() });

/**
 * Writes pulled records through the session (sealed like local writes) in one transaction. Per item:
 * 'dirty' when the local row changed since its last mirror (the caller pushes it first), 'invalid'
 * when the payload does not have the table's shape (kept out, reported), 'unchanged' when this
 * envelope revision is already applied.
 */
export async function applyPulled(session: VaultSession, items: readonly PulledRecord[]): Promise<ApplyOutcome[]> {
  const { caseloadChangeOf, caseloadScope, putCaseloadInTx, writeWithCaseload } = await loadCaseloadUpdate();
  const { db } = session;
  const tables = [...new Set(items.map((i) => i.table))];
  const keys = items.map((i) => syncKey(i.table, i.record.clear.id));
  const read = () =>
    db.transaction('r', [...tables, 'syncState'], async () => ({
      rows: await Promise.all(items.map((i) => tableOf(db, i.table).get(i.record.clear.id))),
      states: await db.syncState.bulkGet(keys),
    }));
  const before = await withReopenRetry(db, read);
  const outcomes: ApplyOutcome[] = [];
  const toSeal: { index: number; item: PulledRecord; rev: number; key: string }[] = [];
  for (const [index, item] of items.entries()) {
    const current = before.rows[index];
    const state = before.states[index];
    const clearOk = v.safeParse(CLEAR, item.record.clear);
    const dataOk = v.safeParse(PAYLOAD_SCHEMAS[item.table], item.record.data);
    const fieldsOk = Object.values(item.record.clear).every((x) => v.is(CLEAR_VALUE, x));
    if (!clearOk.success || !dataOk.success || !fieldsOk) {
      outcomes.push('invalid');
      continue;
    }
    if (state?.envelopeRev === item.envelopeRev && current) {
      outcomes.push('unchanged');
      continue;
    }
    if (current && state?.localRev !== current.rev) {
      outcomes.push('dirty');
      continue;
    }
    const rev = (current?.rev ?? 0) + 1;
    const key = syncKey(item.table, item.record.clear.id);
    toSeal.push({ index, item, rev, key });
    outcomes.push('applied');
  }
  // Sealed in parallel (WebCrypto runs off the main thread), before the transaction opens.
  const sealed = await Promise.all(
    toSeal.map(async (t) => ({
      index: t.index,
      row: await session.seal(t.item.table, { ...t.item.record.clear, rev: t.rev }, t.item.record.data),
      state: { key: t.key, localRev: t.rev, envelopeRev: t.item.envelopeRev },
    })),
  );
  if (sealed.length === 0) return outcomes;
  // The pulled records' caseload index entries are written in the same transaction (issue 17): Vandaag
  // and the lists show what the team wrote without a rebuild. (A row found dirty inside the transaction
  // is skipped but its entry is still written; the next save of that client re-projects it.)
  const changes = toSeal.map((t) =>
    caseloadChangeOf(t.item.table, { ...t.item.record.clear, rev: t.rev }, t.item.record.data),
  );
  await writeWithCaseload(session, changes, (prepared) =>
    withReopenRetry(db, () =>
      db.transaction('rw', caseloadScope(db, [...tables, 'syncState'], changes), async () => {
        for (const s of sealed) {
          const item = items[s.index];
          if (!item) continue;
          const table = tableOf(db, item.table);
          // Re-checked inside the transaction: a local save between the read and now wins the race and is
          // pushed first, never overwritten.
          const now = await table.get(s.row.id);
          if ((now?.rev ?? 0) !== s.row.rev - 1) {
            outcomes[s.index] = 'dirty';
            continue;
          }
          await table.put(s.row);
          await db.syncState.put(s.state);
          // Not an event of this device's log: the colleague who made or changed the record logged it on
          // their device, and that event arrives in their day document (team-audit.repository.ts). Logging
          // it here too would name this device's user as its author.
        }
        await putCaseloadInTx(db, prepared);
      }),
    ),
  );
  return outcomes;
}

/**
 * Calls `cb` with the synced tables a committed write touched, in this tab or another (Dexie's
 * storagemutated event, the one its live queries use). Returns the unsubscribe.
 */
export function onSyncedTablesChanged(db: StapwijzerDb, cb: (tables: SyncedTable[]) => void): () => void {
  const prefix = `idb://${db.name}/`;
  const handler = (parts: ObservabilitySet) => {
    const tables = new Set<SyncedTable>();
    for (const key of Object.keys(parts)) {
      if (!key.startsWith(prefix)) continue;
      const table = key.slice(prefix.length).split('/')[0] ?? '';
      if (isSyncedTable(table)) tables.add(table);
    }
    if (tables.size > 0) cb([...tables]);
  };
  Dexie.on('storagemutated', handler);
  return () => Dexie.on('storagemutated').unsubscribe(handler);
}
