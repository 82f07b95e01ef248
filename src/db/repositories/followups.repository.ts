/**
 * Follow-ups: due date (YYYY-MM-DD), status and pathway are sealed since v5 (a due date one day
 * after a screening would mark the self-harm route); only id, client id, key id and revision are
 * clear. Whether a follow-up is open, done or cancelled is derived from its append-only events
 * (followup-events.repository.ts, schema v7): the sealed `status` is written 'open' and never
 * changed, except on rows an older build closed, which still read as closed. Every read here
 * returns the derived `state`. "Due on or before a date" decrypts and filters; the caseload index
 * replaces it for Vandaag.
 */
import type { VaultSession } from '../session';
import type { Decrypted, FollowUpClear, FollowUpPayload, ReadMany } from '../types';
import { byField, getRecord, insertRecord, newClear, nextClear, queryMany, updateRecord } from './encrypted-store';
import {
  type DerivedFollowUp,
  deriveFollowUp,
  type FollowUpEventRecord,
  listFollowUpEvents,
} from './followup-events.repository';

/** A follow-up as stored (its clear status is not its state). */
export type StoredFollowUp = Decrypted<FollowUpClear, FollowUpPayload>;
/** A follow-up as read: the stored row with its state (and due date) derived from its events. */
export type FollowUpRecord = StoredFollowUp & DerivedFollowUp;
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

/** A follow-up just written: no events yet, so open. */
export function freshFollowUp(stored: StoredFollowUp): FollowUpRecord {
  return { ...stored, state: 'open', completedBy: null };
}

/** The stored follow-ups with their state derived from the events. */
export function withState(rows: readonly StoredFollowUp[], events: readonly FollowUpEventRecord[]): FollowUpRecord[] {
  return rows.map((f) => ({ ...f, ...deriveFollowUp(f, events) }));
}

async function derive(
  session: VaultSession,
  read: ReadMany<StoredFollowUp>,
  clientIds?: readonly string[],
): Promise<ReadMany<FollowUpRecord>> {
  const events = await listFollowUpEvents(session, clientIds ?? read.records.map((f) => f.clientId));
  return { records: withState(read.records, events.records), damaged: [...read.damaged, ...events.damaged] };
}

export async function createFollowUp(
  session: VaultSession,
  fields: NewFollowUp,
  data: FollowUpPayload,
  now = Date.now(),
): Promise<FollowUpRecord> {
  return freshFollowUp(await insertRecord(session, 'followUps', newFollowUpClear(fields, now), data));
}

export async function getFollowUp(session: VaultSession, id: string): Promise<FollowUpRecord | undefined> {
  const stored = await getRecord<FollowUpClear, FollowUpPayload>(session, 'followUps', id);
  if (stored === undefined) return undefined;
  const events = await listFollowUpEvents(session, [stored.clientId]);
  return withState([stored], events.records)[0];
}

/**
 * Open follow-ups due on or before `date` (inclusive), oldest first: the events decide (done ones
 * drop out, a rescheduled one moves to its new date).
 */
export async function listDueFollowUps(session: VaultSession, date: string): Promise<ReadMany<FollowUpRecord>> {
  assertDueDate(date);
  // Every follow-up and every event is decrypted here (nothing about them is clear since v5);
  // Vandaag reads the caseload index instead.
  const planned = await queryMany<FollowUpClear, FollowUpPayload>(session, 'followUps', (t) => t.toArray());
  const events = await listFollowUpEvents(session);
  const records = withState(planned.records, events.records)
    .filter((f) => f.state === 'open' && f.dueDate <= date)
    .sort(byField('dueDate'));
  return { records, damaged: [...planned.damaged, ...events.damaged] };
}

export async function listFollowUps(session: VaultSession, clientId: string): Promise<ReadMany<FollowUpRecord>> {
  const read = await queryMany<FollowUpClear, FollowUpPayload>(
    session,
    'followUps',
    (t) => t.where('clientId').equals(clientId).toArray(),
    (records) => records.sort(byField('dueDate')),
  );
  return derive(session, read, [clientId]);
}

/** Every follow-up of the caseload, open or closed (practice indicators, issue 22). */
export async function listAllFollowUps(session: VaultSession): Promise<ReadMany<FollowUpRecord>> {
  const read = await queryMany<FollowUpClear, FollowUpPayload>(session, 'followUps', (t) => t.toArray());
  const events = await listFollowUpEvents(session);
  return { records: withState(read.records, events.records), damaged: [...read.damaged, ...events.damaged] };
}

/**
 * Rewrites a follow-up's sealed payload (the note). Its state is not a field to write: complete,
 * cancel or reschedule it through an event (followup-events.repository.ts).
 */
export async function updateFollowUp(
  session: VaultSession,
  loaded: StoredFollowUp,
  data: FollowUpPayload,
  now = Date.now(),
): Promise<FollowUpRecord> {
  const { id, rev, createdAt, updatedAt, clientId, pathwayId, status, dueDate } = loaded;
  const stored: StoredFollowUp = { id, rev, createdAt, updatedAt, clientId, pathwayId, status, dueDate, data };
  const written = await updateRecord(session, 'followUps', nextClear(stored, {}, now), data);
  const events = await listFollowUpEvents(session, [clientId]);
  return withState([written], events.records)[0] ?? freshFollowUp(written);
}
