/**
 * Follow-up events (issue 13): a completion, cancellation or reschedule is a sealed event appended
 * beside the follow-up, never a status written over it. Append-only: this module exports no update
 * and no delete, so two devices (or tabs) completing the same follow-up both keep their event and
 * the follow-up still reads as one done follow-up (and team sync, issue 19, merges them as a union).
 * Clear fields: id, clientId, rev only; the follow-up id, kind, screening and time are sealed.
 */
import { caseloadChangeOf, caseloadScope, putCaseloadInTx, writeWithCaseload } from '../caseload/update';
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

/**
 * Appends one event in its own transaction, with the client's caseload index entry (the follow-up
 * leaves Vandaag or moves in the same commit); resolves once it is committed.
 */
export async function appendFollowUpEvent(
  session: VaultSession,
  clientId: string,
  data: FollowUpEventPayload,
): Promise<FollowUpEventRecord> {
  const clear = newFollowUpEventClear(clientId);
  const row = await session.seal('followUpEvents', clear, data);
  const { db } = session;
  const changes = [caseloadChangeOf('followUpEvents', clear, data)];
  await writeWithCaseload(session, changes, (prepared) =>
    withReopenRetry(db, () =>
      db.transaction('rw', caseloadScope(db, ['followUpEvents'], changes), async () => {
        await addInTx(db.followUpEvents, row);
        await putCaseloadInTx(db, prepared);
      }),
    ),
  );
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

// The derivation rule lives in the domain: the caseload index projects with the same one.
export type { DerivedFollowUp } from '../../domain/follow-up-state';
export { deriveFollowUp } from '../../domain/follow-up-state';
