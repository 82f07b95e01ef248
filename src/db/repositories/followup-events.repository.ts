/**
 * Follow-up events (issue 13): a completion, cancellation or reschedule is a sealed event appended
 * beside the follow-up, never a status written over it. Append-only: this module exports no update
 * and no delete, so two devices (or tabs) completing the same follow-up both keep their event and
 * the follow-up still reads as one done follow-up (and team sync, issue 19, merges them as a union).
 * Clear fields: id, clientId, rev only; the follow-up id, kind, screening and time are sealed.
 */
import { withReopenRetry } from '../retry';
import type { VaultSession } from '../session';
import type {
  Decrypted,
  FollowUpEventClear,
  FollowUpEventPayload,
  FollowUpEventRow,
  FollowUpStatus,
  ReadMany,
} from '../types';
import { addInTx, openMany } from './encrypted-store';

export type FollowUpEventRecord = Decrypted<FollowUpEventClear, FollowUpEventPayload>;
/** Derived, never stored: 'done' once any device recorded a completion. */
export type FollowUpState = FollowUpStatus;

/** The clear part of a new event: a fresh id, rev 1 (an event is never revised). */
export function newFollowUpEventClear(clientId: string): FollowUpEventClear {
  return { id: crypto.randomUUID(), clientId, rev: 1 };
}

/** Seals an event row (before any transaction: awaiting crypto inside one would commit it early). */
export function sealFollowUpEvent(
  session: VaultSession,
  clientId: string,
  data: FollowUpEventPayload,
): Promise<FollowUpEventRow> {
  return session.seal('followUpEvents', newFollowUpEventClear(clientId), data);
}

/** Appends one event in its own transaction; resolves once it is committed. */
export async function appendFollowUpEvent(
  session: VaultSession,
  clientId: string,
  data: FollowUpEventPayload,
): Promise<FollowUpEventRecord> {
  const clear = newFollowUpEventClear(clientId);
  const row = await session.seal('followUpEvents', clear, data);
  const { db } = session;
  await withReopenRetry(db, () => db.transaction('rw', db.followUpEvents, () => addInTx(db.followUpEvents, row)));
  return { ...clear, data };
}

type FollowUpRef = { id: string; clientId: string };
const iso = (now: number) => new Date(now).toISOString();

/** The follow-up was answered (by a screening, when one is named). */
export function completeFollowUp(session: VaultSession, f: FollowUpRef, screeningId?: string, now = Date.now()) {
  return appendFollowUpEvent(session, f.clientId, {
    kind: 'completed',
    followUpId: f.id,
    ...(screeningId ? { screeningId } : {}),
    at: iso(now),
  });
}

/** The follow-up will not happen (closed without a screening). */
export function cancelFollowUp(session: VaultSession, f: FollowUpRef, reason?: string, now = Date.now()) {
  return appendFollowUpEvent(session, f.clientId, {
    kind: 'cancelled',
    followUpId: f.id,
    ...(reason ? { reason } : {}),
    at: iso(now),
  });
}

/** The follow-up moves to another local calendar day. */
export function rescheduleFollowUp(
  session: VaultSession,
  f: FollowUpRef,
  dueDate: string,
  reason?: string,
  now = Date.now(),
) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) throw new TypeError(`dueDate must be YYYY-MM-DD, got ${dueDate}`);
  return appendFollowUpEvent(session, f.clientId, {
    kind: 'rescheduled',
    followUpId: f.id,
    dueDate,
    ...(reason ? { reason } : {}),
    at: iso(now),
  });
}

/** The events of these clients, or of the whole caseload when no clients are named. */
export async function listFollowUpEvents(
  session: VaultSession,
  clientIds?: readonly string[],
): Promise<ReadMany<FollowUpEventRecord>> {
  const { db } = session;
  const rows = await withReopenRetry(db, () =>
    clientIds === undefined
      ? db.followUpEvents.toArray()
      : db.followUpEvents
          .where('clientId')
          .anyOf([...new Set(clientIds)])
          .toArray(),
  );
  return openMany<FollowUpEventClear, FollowUpEventPayload>(session, 'followUpEvents', rows);
}

/** What the events say about one follow-up. */
export interface DerivedFollowUp {
  state: FollowUpState;
  /** The latest rescheduled date, or the planned one. */
  dueDate: string;
  /** The screening that completed it (the earliest completion naming one). */
  completedBy: string | null;
}

const byTime = (a: FollowUpEventRecord, b: FollowUpEventRecord) =>
  a.data.at < b.data.at ? -1 : a.data.at > b.data.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Derives a follow-up's state from its row and events. A completion wins over a cancellation
 * (someone did see the client); a row written as done or cancelled by an older build keeps that
 * state. Deterministic: the same set of events gives the same answer in any order of arrival.
 */
export function deriveFollowUp(
  row: { id: string; status: FollowUpStatus; dueDate: string },
  events: readonly FollowUpEventRecord[],
): DerivedFollowUp {
  const own = events.filter((e) => e.data.followUpId === row.id).sort(byTime);
  const completed = own.filter((e) => e.data.kind === 'completed');
  const cancelled = own.some((e) => e.data.kind === 'cancelled');
  const state: FollowUpState =
    completed.length > 0 || row.status === 'done'
      ? 'done'
      : cancelled || row.status === 'cancelled'
        ? 'cancelled'
        : 'open';
  let dueDate = row.dueDate;
  for (const e of own) if (e.data.kind === 'rescheduled') dueDate = e.data.dueDate;
  let completedBy: string | null = null;
  for (const e of completed) {
    if (e.data.kind === 'completed' && e.data.screeningId) {
      completedBy = e.data.screeningId;
      break;
    }
  }
  return { state, dueDate, completedBy };
}
