/**
 * Safety events (R46, CONTENT.md §4): a signal is written the moment the engine detects it, and
 * every action or confirmed discard is a further event. Append-only: this module exports no update
 * and no delete, so two devices (or two tabs) can never overwrite each other's action; whether a
 * signal is still open is derived from the events. Clear fields (v5): id, key id, revision only; the
 * signal id and the client id are sealed, and every event is sealed under the data key, so nothing
 * in clear ties a safety event to a client (clear-fields.ts).
 */
import { isStorageError } from '../errors';
import { withReopenRetry } from '../retry';
import type { VaultSession } from '../session';
import type { Decrypted, ReadMany, SafetyEventClear, SafetyEventPayload } from '../types';
import { byField, getRecord, insertRecord, newClear, queryMany } from './encrypted-store';

export type SafetyEventRecord = Decrypted<SafetyEventClear, SafetyEventPayload>;
/**
 * A signal as read through `openSignals`: its `clientId` is the client it belongs to now — the one it
 * was raised for, or the one a later 'linked' event names (derived, never written over).
 */
export type SafetySignalRecord = SafetyEventRecord & { data: Extract<SafetyEventPayload, { kind: 'signal' }> };
/** Events that close a signal: an action or a confirmed discard (a link does not). */
type Outcome = Extract<SafetyEventPayload, { kind: 'action' | 'discarded' }>;

/**
 * One id per signal of a draft: detecting it again (every answer, every reload) writes nothing new.
 * Opaque (an HMAC under the vault's id key, VaultSession.opaqueId): the id is in clear, and naming
 * the rule in it would name the instrument and that a safety question was answered.
 */
export function signalIdFor(session: VaultSession, draftId: string, signalRuleId: string): Promise<string> {
  return session.opaqueId('safety-signal', [draftId, signalRuleId]);
}

/**
 * The id builds before schema v10 gave a signal: the rule in clear. Only read: the migration after
 * unlock (migration/signal-ids.ts) rewrites such rows to `signalIdFor`.
 */
export function legacySignalIdFor(draftId: string, signalRuleId: string): string {
  return `${draftId}~${signalRuleId}`;
}

/** The draft and rule a legacy signal id names; null for any other id. */
export function parseLegacySignalId(id: string): { draftId: string; ruleId: string } | null {
  const at = id.indexOf('~');
  if (at <= 0 || at === id.length - 1) return null;
  return { draftId: id.slice(0, at), ruleId: id.slice(at + 1) };
}

/**
 * Stores a detected signal once; resolves to true when it was new. The same signal stored by an
 * older build under its legacy id (not yet rewritten by the migration) counts as stored.
 */
export async function recordSafetySignal(
  session: VaultSession,
  fields: { signalId: string; clientId: string | null },
  data: Extract<SafetyEventPayload, { kind: 'signal' }>,
  now = Date.now(),
): Promise<boolean> {
  const existing = await getRecord(session, 'safetyEvents', fields.signalId);
  if (existing !== undefined) return false;
  if (data.draftId !== null) {
    // Presence is enough (and a damaged legacy row must not stop a new signal being noted as stored).
    const legacy = await withReopenRetry(session.db, () =>
      session.db.safetyEvents.get(legacySignalIdFor(data.draftId ?? '', data.signal.id)),
    );
    if (legacy !== undefined) return false;
  }
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
  data: Outcome,
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
const closes = (e: SafetyEventRecord) => e.data.kind === 'action' || e.data.kind === 'discarded';

/**
 * Links signals to the client they turned out to be about (append-only: one 'linked' event per
 * signal, only where the signal is not hers yet). Resolves to the number of links written.
 */
export async function linkSignalsToClient(
  session: VaultSession,
  signalIds: readonly string[],
  clientId: string,
  now = Date.now(),
): Promise<number> {
  if (signalIds.length === 0) return 0;
  const events = (await listSafetyEvents(session)).records;
  const owners = clientsOf(events);
  let written = 0;
  for (const signalId of new Set(signalIds)) {
    if (!owners.has(signalId) || owners.get(signalId) === clientId) continue;
    await insertRecord(session, 'safetyEvents', newClear<SafetyEventClear>({ signalId, clientId }, now), {
      kind: 'linked',
      at: new Date(now).toISOString(),
    } satisfies SafetyEventPayload);
    written += 1;
  }
  return written;
}

/** Per signal id: the client it belongs to (its latest link, else the one it was raised for). */
export function clientsOf(events: readonly SafetyEventRecord[]): Map<string, string | null> {
  const owners = new Map<string, string | null>();
  for (const e of events) if (isSignal(e) && !owners.has(e.id)) owners.set(e.id, e.clientId);
  const links = events
    .filter((e) => e.data.kind === 'linked')
    .sort((a, b) => a.createdAt - b.createdAt || (a.data.at < b.data.at ? -1 : a.data.at > b.data.at ? 1 : 0));
  for (const l of links) if (owners.has(l.signalId)) owners.set(l.signalId, l.clientId);
  return owners;
}

/** Signals without an action or discard after them, oldest first, each with the client it belongs to. */
export function openSignals(events: readonly SafetyEventRecord[]): SafetySignalRecord[] {
  const closed = new Set(events.filter(closes).map((e) => e.signalId));
  const owners = clientsOf(events);
  return events
    .filter(isSignal)
    .filter((e) => !closed.has(e.id))
    .map((e) => ({ ...e, clientId: owners.get(e.id) ?? e.clientId }));
}

/** The open signals, read from the store. */
export async function listOpenSignals(session: VaultSession): Promise<ReadMany<SafetySignalRecord>> {
  const all = await listSafetyEvents(session);
  return { records: openSignals(all.records), damaged: all.damaged };
}
