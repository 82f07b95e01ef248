/** Clients (pseudonymous): everything but the id, key id and revision is sealed (clear-fields.ts). */
import { appendAuditQuietly } from '../audit/audit-log';
import type { VaultSession } from '../session';
import type { ClientClear, ClientPayload, ClientStatus, Decrypted, ReadMany } from '../types';
import { getRecord, insertRecord, newClear, nextClear, queryMany, updateRecord } from './encrypted-store';

export type ClientRecord = Decrypted<ClientClear, ClientPayload>;

export function createClient(session: VaultSession, data: ClientPayload, now = Date.now()): Promise<ClientRecord> {
  return insertRecord(session, 'clients', newClear<ClientClear>({ status: 'active' }, now), data);
}

export function getClient(session: VaultSession, id: string): Promise<ClientRecord | undefined> {
  return getRecord(session, 'clients', id);
}

export function listClients(session: VaultSession, status: ClientStatus = 'active'): Promise<ReadMany<ClientRecord>> {
  // Status is sealed (v5): decrypt and filter. The caseload index (issue 17) replaces this read for lists.
  return queryMany<ClientClear, ClientPayload>(
    session,
    'clients',
    (t) => t.toArray(),
    (records) => records.filter((r) => r.status === status),
  );
}

/** Saves a loaded client; 'conflict' if someone saved it since it was loaded (R17). */
export function updateClient(
  session: VaultSession,
  loaded: ClientRecord,
  data: ClientPayload,
  patch: { status?: ClientStatus } = {},
  now = Date.now(),
): Promise<ClientRecord> {
  return updateRecord(session, 'clients', nextClear(loaded, patch, now), data);
}

/**
 * "Archiveren" (issue 20): the reversible way to take a client off Vandaag and the default list. The
 * status is sealed; the caseload index entry is rewritten in the same transaction (updateRecord), and
 * the archive or its undoing is audited as such, beside the record change.
 */
export async function setClientArchived(
  session: VaultSession,
  loaded: ClientRecord,
  archived: boolean,
  now = Date.now(),
): Promise<ClientRecord> {
  const saved = await updateClient(session, loaded, loaded.data, { status: archived ? 'archived' : 'active' }, now);
  await appendAuditQuietly(session.db, [{ action: archived ? 'archive' : 'unarchive', recordId: loaded.id }]);
  return saved;
}
