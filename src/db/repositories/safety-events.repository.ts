/**
 * Safety events (R46, CONTENT.md §4): a signal is written the moment the engine detects it, and
 * every action or confirmed discard is a further event. Append-only: this module exports no update
 * and no delete, so two devices (or two tabs) can never overwrite each other's action; whether a
 * signal is still open is derived from the events. Clear fields (v5): id, key id, revision only; the
 * signal id and the client id are sealed, and every event is sealed under the data key, so nothing
 * in clear ties a safety event to a client (clear-fields.ts).
 */
import { isStorageError } from '../errors';
import type { VaultSession } from '../session';
import type { Decrypted, ReadMany, SafetyEventClear, SafetyEventPayload } from '../types';
import { byField, getRecord, insertRecord, newClear, queryMany } from './encrypted-store';

export type SafetyEventRecord = Decrypted<SafetyEventClear, SafetyEventPayload>;
export type SafetySignalRecord = SafetyEventRecord & { data: Extract<SafetyEventPayload, { kind: 'signal' }> };

/** One id per signal of a draft: detecting it again (every answer, every reload) writes nothing new. */
export function signalIdFor(draftId: string, signalRuleId: string): string {
  return `${draftId}~${signalRuleId}`;
}

/** Stores a detected signal once; resolves to true when it was new. */
export async function recordSafetySignal(
  session: VaultSession,
  fields: { signalId: string; clientId: string | null },
  data: Extract<SafetyEventPayload, { kind: 'signal' }>,
  now = Date.now(),
): Promise<boolean> {
  const existing = await getRecord(session, 'safetyEvents', fields.signalId);
  if (existing !== undefined) return false;
  try {
    await insertRecord(
      session,
      'safetyEvents',
      newClear<SafetyEventClear>({ id: fields.signalId, signalId: fields.signalId, clientId: fields.clientId }, now),
      data,
    );
    return true;
  } catch (e) {
    // Another tab stored the same signal a moment earlier: it is stored, which is all that matters.
    if (isStorageError(e, 'conflict')) return false;
    throw e;
  }
}

/** Appends an action (or a confirmed discard) to each of the signals. */
export async function recordSafetyOutcome(
  session: VaultSession,
  signals: readonly { signalId: string }[],
  clientId: string | null,
  data: Exclude<SafetyEventPayload, { kind: 'signal' }>,
  now = Date.now(),
): Promise<void> {
  for (const s of signals) {
    await insertRecord(
      session,
      'safetyEvents',
      newClear<SafetyEventClear>({ signalId: s.signalId, clientId }, now),
      data,
    );
  }
}

export function listSafetyEvents(session: VaultSession): Promise<ReadMany<SafetyEventRecord>> {
  return queryMany<SafetyEventClear, SafetyEventPayload>(
    session,
    'safetyEvents',
    (t) => t.toArray(),
    (records) => records.sort(byField('createdAt')),
  );
}

const isSignal = (e: SafetyEventRecord): e is SafetySignalRecord => e.data.kind === 'signal';

/** Signals without an action or discard after them, oldest first. */
export function openSignals(events: readonly SafetyEventRecord[]): SafetySignalRecord[] {
  const closed = new Set(events.filter((e) => e.data.kind !== 'signal').map((e) => e.signalId));
  return events.filter(isSignal).filter((e) => !closed.has(e.id));
}

/** The open signals, read from the store. */
export async function listOpenSignals(session: VaultSession): Promise<ReadMany<SafetySignalRecord>> {
  const all = await listSafetyEvents(session);
  return { records: openSignals(all.records), damaged: all.damaged };
}
