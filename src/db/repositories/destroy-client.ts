/**
 * Destroying a client (issue 20, ARCHITECTURE "Team caseload": deletion). A deliberate act (the WGBO
 * retention duty): a reason, and the UI asks for a typed confirmation. In ONE transaction it deletes
 * every row of the client (its own row, screenings, drafts, decisions, follow-ups and their events,
 * plans, notes, safety events), the client's wrapped key (crypto-shredding: a copy of a row left
 * anywhere on this device no longer opens), their sync bookkeeping and the caseload index entry, and
 * writes the `client-shredded` row. That row stays: restore (backup/restore-stream.ts) and sync
 * (applyPulled) refuse every record of a client whose id it names. With a team it travels as a
 * synced record, sealed under the team key in its envelope, and a team device that pulls it destroys
 * its own copy the same way (`destroyPulled`).
 *
 * Why the list lives in its own table, keyed by the client id: the refusal must work without opening
 * anything (a restore stages rows before this device's key is in play) and must survive a restore
 * (the swap keeps this table and adds the backup's rows to it). Backups carry it too, so a device
 * restored elsewhere still refuses the destroyed client when a stale team device sends it again.
 */

import { auditContext } from '../audit/audit-context';
import { auditSettled, trackInTx } from '../audit/audit-log';
import { loadCaseloadUpdate } from '../caseload/load-update';
import type { StapwijzerDb } from '../database';
import { isStorageError, StorageError } from '../errors';
import { clientKeyId } from '../keys/key-ring';
import { withReopenRetry } from '../retry';
import type { VaultSession } from '../session';
import type { AuditAction, RowBase, ShreddedClientClear, ShreddedClientPayload, ShredReason } from '../types';
import { tableOf } from './encrypted-store';

/** Tables whose rows name their client in clear (`clientId`, indexed). Safety events keep it sealed. */
const CLIENT_ROW_TABLES = [
  'screenings',
  'drafts',
  'decisions',
  'followUps',
  'plans',
  'notes',
  'followUpEvents',
] as const;
type ClientRowTable = (typeof CLIENT_ROW_TABLES)[number];

/** Of the removed rows, these travel to the team (drafts never do): their envelopes are deleted too. */
const UNSYNCED: ReadonlySet<string> = new Set(['drafts']);

export { allShreddedIds, isShredded, shreddedAmong } from './shredded-list';

/** What a destroy removes, found before its transaction (safety events must be decrypted to be found). */
export interface DestroyPlan {
  clientId: string;
  /** The client's safety events: their client id is sealed, so they were opened to find them. */
  safetyEventIds: string[];
  /** Every row found, as `table:id` with its rev (the caseload changes and the envelopes to delete). */
  rows: { table: ClientRowTable | 'clients' | 'safetyEvents'; id: string; rev: number }[];
}

export async function planDestroy(session: VaultSession, clientId: string): Promise<DestroyPlan> {
  const { db } = session;
  const { client, perTable, safetyRows } = await withReopenRetry(db, () =>
    db.transaction('r', ['clients', 'safetyEvents', ...CLIENT_ROW_TABLES], async () => ({
      client: await db.clients.get(clientId),
      perTable: await Promise.all(
        CLIENT_ROW_TABLES.map(async (t) => ({
          t,
          rows: await tableOf(db, t).where('clientId').equals(clientId).toArray(),
        })),
      ),
      safetyRows: await db.safetyEvents.toArray(),
    })),
  );
  const opened = await Promise.allSettled(
    safetyRows.map((r) => session.open<RowBase & { clientId: string | null }, unknown>('safetyEvents', r)),
  );
  const safetyEventIds: string[] = [];
  opened.forEach((o, i) => {
    const row = safetyRows[i];
    if (!row) return;
    if (o.status === 'fulfilled') {
      if (o.value.clientId === clientId) safetyEventIds.push(row.id);
    } else if (!isStorageError(o.reason, 'integrity')) throw o.reason;
  });
  const rows: DestroyPlan['rows'] = [];
  if (client) rows.push({ table: 'clients', id: client.id, rev: client.rev });
  for (const { t, rows: found } of perTable) for (const r of found) rows.push({ table: t, id: r.id, rev: r.rev });
  for (const id of safetyEventIds) {
    const r = safetyRows.find((x) => x.id === id);
    if (r) rows.push({ table: 'safetyEvents', id, rev: r.rev });
  }
  return { clientId, safetyEventIds, rows };
}

/** The synced records of a plan, as `table:id` (what the `client-shredded` event names). */
export function syncedRecordsOf(plan: DestroyPlan): string[] {
  return plan.rows.filter((r) => !UNSYNCED.has(r.table)).map((r) => `${r.table}:${r.id}`);
}

/** The stores a destroy's transaction covers (the caseload index is added when there is one). */
export const DESTROY_TABLES = [
  'clients',
  'safetyEvents',
  ...CLIENT_ROW_TABLES,
  'keys',
  'syncState',
  'shreddedClients',
] as const;

/**
 * Inside the caller's transaction (over DESTROY_TABLES): deletes the client's rows — found again by
 * their clear client id, so a row added since the plan goes too — its key and their sync bookkeeping,
 * and audits the destroy once (not one 'delete' per row).
 */
export async function destroyInTx(db: StapwijzerDb, plan: DestroyPlan, action: AuditAction): Promise<void> {
  const { clientId } = plan;
  const syncKeys: string[] = [];
  for (const t of CLIENT_ROW_TABLES) {
    const ids = (await tableOf(db, t).where('clientId').equals(clientId).primaryKeys()) as string[];
    await tableOf(db, t).bulkDelete(ids);
    if (!UNSYNCED.has(t)) for (const id of ids) syncKeys.push(`${t}:${id}`);
  }
  await db.clients.delete(clientId);
  await db.safetyEvents.bulkDelete(plan.safetyEventIds);
  syncKeys.push(`clients:${clientId}`, ...plan.safetyEventIds.map((id) => `safetyEvents:${id}`));
  await db.keys.delete(clientKeyId(clientId));
  await db.syncState.bulkDelete(syncKeys);
  trackInTx('clients', action, clientId);
}

/** The caseload changes of a destroy: every indexed row deleted, so the entry leaves the index. */
export async function destroyCaseloadChanges(plan: DestroyPlan) {
  const { caseloadChangeOf } = await loadCaseloadUpdate();
  return plan.rows.map((r) => caseloadChangeOf(r.table, { id: r.id, rev: r.rev, clientId: plan.clientId }, null, true));
}

export interface DestroyRequest {
  reason: ShredReason;
  now?: Date;
}

/**
 * Destroys a client on this device and writes its `client-shredded` row (synced to the team when
 * there is one). Idempotent: destroying an already destroyed id only makes sure nothing is left.
 */
export async function destroyClient(session: VaultSession, clientId: string, request: DestroyRequest): Promise<void> {
  if (session.locked) throw new StorageError('locked');
  const { caseloadScope, putCaseloadInTx, writeWithCaseload } = await loadCaseloadUpdate();
  const { db } = session;
  const now = request.now ?? new Date();
  const plan = await planDestroy(session, clientId);
  const existing = await withReopenRetry(db, () => db.shreddedClients.get(clientId));
  const payload: ShreddedClientPayload = {
    kind: 'client-shredded',
    reason: request.reason,
    by: auditContext(db).initials ?? '?',
    at: now.toISOString(),
    records: syncedRecordsOf(plan),
  };
  const clear: ShreddedClientClear = {
    id: clientId,
    rev: (existing?.rev ?? 0) + 1,
    createdAt: now.getTime(),
    updatedAt: now.getTime(),
  };
  const row = existing ?? (await session.seal('shreddedClients', clear, payload));
  const changes = await destroyCaseloadChanges(plan);
  const action: AuditAction =
    request.reason === 'client-request' ? 'destroy-client-request' : 'destroy-retention-ended';
  await writeWithCaseload(session, changes, (prepared) =>
    withReopenRetry(db, () =>
      db.transaction('rw', caseloadScope(db, [...DESTROY_TABLES], changes), async () => {
        await destroyInTx(db, plan, action);
        if (!existing) await db.shreddedClients.add(row);
        await putCaseloadInTx(db, prepared);
      }),
    ),
  );
  session.forgetKey(clientKeyId(clientId));
  await auditSettled(db);
}
