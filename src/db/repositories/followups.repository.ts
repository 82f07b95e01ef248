/**
 * Follow-ups: due date (YYYY-MM-DD), status and pathway are sealed since v5 (a due date one day
 * after a screening would mark the self-harm route); only id, client id, key id and revision are
 * clear. "Due on or before a date" decrypts and filters; the caseload index replaces it for Vandaag.
 */
import type { VaultSession } from '../session';
import type { Decrypted, FollowUpClear, FollowUpPayload, FollowUpStatus, ReadMany } from '../types';
import { byField, getRecord, insertRecord, newClear, nextClear, queryMany, updateRecord } from './encrypted-store';

export type FollowUpRecord = Decrypted<FollowUpClear, FollowUpPayload>;
export type NewFollowUp = { clientId: string; pathwayId: string; dueDate: string; id?: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function assertDueDate(date: string): void {
  if (!DATE.test(date)) throw new TypeError(`dueDate must be YYYY-MM-DD, got ${date}`);
}

export function newFollowUpClear(fields: NewFollowUp, now: number): FollowUpClear {
  assertDueDate(fields.dueDate);
  const { clientId, pathwayId, dueDate, id } = fields;
  return newClear<FollowUpClear>({ clientId, pathwayId, dueDate, status: 'open', ...(id ? { id } : {}) }, now);
}

export function createFollowUp(session: VaultSession, fields: NewFollowUp, data: FollowUpPayload, now = Date.now()) {
  return insertRecord(session, 'followUps', newFollowUpClear(fields, now), data);
}

export function getFollowUp(session: VaultSession, id: string): Promise<FollowUpRecord | undefined> {
  return getRecord(session, 'followUps', id);
}

/** Open follow-ups due on or before `date` (inclusive), oldest first. */
export function listDueFollowUps(session: VaultSession, date: string): Promise<ReadMany<FollowUpRecord>> {
  assertDueDate(date);
  return queryMany<FollowUpClear, FollowUpPayload>(
    session,
    'followUps',
    (t) => t.toArray(),
    (records) => records.filter((r) => r.status === 'open' && r.dueDate <= date).sort(byField('dueDate')),
  );
}

export function listFollowUps(session: VaultSession, clientId: string): Promise<ReadMany<FollowUpRecord>> {
  return queryMany<FollowUpClear, FollowUpPayload>(
    session,
    'followUps',
    (t) => t.where('clientId').equals(clientId).toArray(),
    (records) => records.sort(byField('dueDate')),
  );
}

/** Every follow-up of the caseload, open or closed (practice indicators, issue 22). */
export function listAllFollowUps(session: VaultSession): Promise<ReadMany<FollowUpRecord>> {
  return queryMany(session, 'followUps', (t) => t.toArray());
}

export function updateFollowUp(
  session: VaultSession,
  loaded: FollowUpRecord,
  data: FollowUpPayload,
  patch: { status?: FollowUpStatus; dueDate?: string } = {},
  now = Date.now(),
): Promise<FollowUpRecord> {
  if (patch.dueDate !== undefined) assertDueDate(patch.dueDate);
  return updateRecord(session, 'followUps', nextClear(loaded, patch, now), data);
}
