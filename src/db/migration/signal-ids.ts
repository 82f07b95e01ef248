/**
 * Rewrites safety signals stored under the legacy id `<draftId>~<ruleId>` (builds before schema v10:
 * the rule, and so the instrument, in clear) to their opaque id (`signalIdFor`, an HMAC under the
 * vault's id key), after unlock, once the v5 re-sealing is done (reseal-runner.ts runs both).
 *
 * Per signal, in ONE transaction: the signal row moves to its new id, every event naming it (action,
 * discard, link: their signal id is sealed) is re-sealed to name the new id at the next rev, and the
 * caseload index (whose indicator parts name signal ids) is emptied, so it is rebuilt from the
 * records. Everything is sealed before the transaction (crypto cannot run inside one); inside, the
 * table must still hold exactly the rows that were read, else that signal is prepared again. A kill
 * at any point leaves each signal wholly old or wholly new, and the next unlock picks up the rest:
 * the legacy ids are found from the clear primary keys alone.
 */
import { bytesEqual } from '../crypto/bytes';
import type { StapwijzerDb } from '../database';
import { StorageError } from '../errors';
import { type EncryptedRow, openMany } from '../repositories/encrypted-store';
import { parseLegacySignalId, type SafetyEventRecord, signalIdFor } from '../repositories/safety-events.repository';
import type { VaultSession } from '../session';
import type { SafetyEventClear, SafetyEventPayload, SealedRow } from '../types';

/** Ids of safety events that still have the legacy shape (clear primary keys only: no key needed). */
export async function legacySignalIds(db: StapwijzerDb): Promise<string[]> {
  const ids = (await db.safetyEvents.toCollection().primaryKeys()) as string[];
  return ids.filter((id) => parseLegacySignalId(id) !== null);
}

export async function hasLegacySignalIds(db: StapwijzerDb): Promise<boolean> {
  return (await legacySignalIds(db)).length > 0;
}

export interface SignalIdOptions {
  /** Tests: called after a signal was sealed and before it is written (throw: a kill mid-way). */
  beforeWrite?: (oldId: string) => void | Promise<void>;
}

const MAX_ROUNDS = 5;

/** One legacy signal, prepared: its new row, the re-sealed events naming it, and what was read. */
interface Prepared {
  old: EncryptedRow;
  next: SealedRow;
  events: { old: EncryptedRow; next: SealedRow }[];
}

async function prepare(
  session: VaultSession,
  oldId: string,
  rows: readonly EncryptedRow[],
  records: readonly SafetyEventRecord[],
): Promise<Prepared | null> {
  const parsed = parseLegacySignalId(oldId);
  const signal = records.find((r) => r.id === oldId);
  const oldRow = rows.find((r) => r.id === oldId);
  // A damaged signal row cannot be re-sealed: it stays as it is (reads report it as before).
  if (!parsed || !signal || !oldRow) return null;
  const newId = await signalIdFor(session, parsed.draftId, parsed.ruleId);
  const { data, ...fields } = signal;
  const next = await session.seal<SafetyEventClear>('safetyEvents', { ...fields, id: newId, signalId: newId }, data);
  const events: Prepared['events'] = [];
  for (const e of records) {
    if (e.id === oldId || e.signalId !== oldId) continue;
    const old = rows.find((r) => r.id === e.id);
    if (!old) continue;
    const { data: eData, ...eFields } = e;
    const clear: SafetyEventClear = { ...eFields, signalId: newId, rev: e.rev + 1 };
    events.push({ old, next: await session.seal<SafetyEventClear>('safetyEvents', clear, eData) });
  }
  return { old: oldRow, next, events };
}

/** Rewrites every legacy signal id; resolves to how many signals moved. Throws 'locked' if the session locks. */
export async function rewriteLegacySignalIds(session: VaultSession, options: SignalIdOptions = {}): Promise<number> {
  const { db } = session;
  let moved = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const legacy = await legacySignalIds(db);
    if (legacy.length === 0) return moved;
    if (session.locked) throw new StorageError('locked');
    // Safety events are few (and all under the data key): read and open them once per round.
    const rows = (await db.safetyEvents.toArray()) as EncryptedRow[];
    const { records } = await openMany<SafetyEventClear, SafetyEventPayload>(session, 'safetyEvents', rows);
    let raced = false;
    for (const oldId of legacy) {
      const prepared = await prepare(session, oldId, rows, records);
      if (!prepared) continue;
      await options.beforeWrite?.(oldId);
      if (session.locked) throw new StorageError('locked');
      const written = await db.transaction('rw', [db.safetyEvents, db.caseloadIndex], async () => {
        // Still the rows that were read (a move keeps the count): else another tab wrote meanwhile.
        if ((await db.safetyEvents.count()) !== rows.length) return false;
        for (const old of [prepared.old, ...prepared.events.map((e) => e.old)]) {
          const now = await db.safetyEvents.get(old.id);
          if (!now || !bytesEqual(now.iv, old.iv)) return false;
        }
        await db.safetyEvents.delete(oldId);
        await db.safetyEvents.put(prepared.next);
        await db.safetyEvents.bulkPut(prepared.events.map((e) => e.next));
        // Derived data naming the old id: rebuilt from the records at the next read.
        await db.caseloadIndex.clear();
        return true;
      });
      if (written) moved += 1;
      else raced = true;
    }
    if (!raced) return moved;
  }
  return moved;
}
