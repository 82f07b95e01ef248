/** Care plans per client; clear: id, client id, key id, revision; pathway, status and content are sealed. */
import type { VaultSession } from '../session';
import type { Decrypted, PlanClear, PlanPayload, PlanStatus, ReadMany } from '../types';
import { insertRecord, newClear, nextClear, queryMany, updateRecord } from './encrypted-store';

export type PlanRecord = Decrypted<PlanClear, PlanPayload>;

export function createPlan(
  session: VaultSession,
  fields: { clientId: string; pathwayId: string },
  data: PlanPayload,
  now = Date.now(),
): Promise<PlanRecord> {
  return insertRecord(session, 'plans', newClear<PlanClear>({ ...fields, status: 'active' }, now), data);
}

export function listPlans(session: VaultSession, clientId: string): Promise<ReadMany<PlanRecord>> {
  return queryMany(session, 'plans', (t) => t.where('clientId').equals(clientId).toArray());
}

export function updatePlan(
  session: VaultSession,
  loaded: PlanRecord,
  data: PlanPayload,
  patch: { status?: PlanStatus } = {},
  now = Date.now(),
): Promise<PlanRecord> {
  return updateRecord(session, 'plans', nextClear(loaded, patch, now), data);
}
