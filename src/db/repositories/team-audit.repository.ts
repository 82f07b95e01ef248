/**
 * Team audit (issue 19, ARCHITECTURE "Team caseload": audit events travel in daily documents per
 * device). The storage side of both directions:
 * - out: this device's own chain events not yet copied into a day document (marked in `syncState` as
 *   `auditChain:<row id>`, so each sealed event is decrypted once, not at every pass). Only events
 *   about a record travel (who opened, made, changed or exported which client's record); unlocking,
 *   failed unlocks, wipes, restores and settings stay on the device;
 * - in: another device's day document, sealed under this device's data key in `teamAudit` (schema
 *   v13), apart from the own chain, which therefore stays intact and verifiable. Append-only: a day
 *   document pulled again is merged with what was kept (union by event id), never replaced, so an
 *   event once seen is never lost, whatever arrives later.
 */
import Dexie, { type ObservabilitySet } from 'dexie';
import * as v from 'valibot';
import { openEvent } from '../audit/audit-store';
import { withReopenRetry } from '../retry';
import type { VaultSession } from '../session';
import type { AuditRow, MinimalClear } from '../types';

/**
 * One team device's audit events of one day (`teamAudit`, schema v13, and the envelope they travel
 * in). `action` is any string: a colleague's newer app may log an action this build does not name, and
 * the day must still open (the log shows it as unknown). The chain fields (`seq`, `hash`) are the other
 * device's, kept so its chain can be compared with what arrived.
 */
export const AuditDayEventSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  seq: v.pipe(v.number(), v.integer(), v.minValue(0)),
  ts: v.pipe(v.string(), v.maxLength(40)),
  action: v.pipe(v.string(), v.maxLength(60)),
  recordId: v.nullable(v.pipe(v.string(), v.maxLength(200))),
  actor: v.pipe(v.string(), v.maxLength(20)),
  hash: v.pipe(v.string(), v.maxLength(64)),
});
export const AuditDayPayloadSchema = v.object({
  device: v.pipe(v.string(), v.regex(/^[a-z0-9]{8,64}$/)),
  day: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)),
  events: v.array(AuditDayEventSchema),
});
export type AuditDayPayload = v.InferOutput<typeof AuditDayPayloadSchema>;
export type AuditDayEvent = v.InferOutput<typeof AuditDayEventSchema>;

/** The name audit day documents carry inside their envelope (and their Dexie table). */
export const AUDIT_DAY_TABLE = 'teamAudit';

const ANCHOR_ID = 'anchor';
const MARK = 'auditChain:';

/** The UTC day an event belongs to (its `ts` is UTC ISO 8601). */
export const dayOf = (ts: string): string => ts.slice(0, 10);

/** Whether an own event travels to the team: events about a record do; device events do not. */
export function isTeamEvent(event: Pick<AuditRow, 'recordId'>): boolean {
  return event.recordId !== null;
}

/** An own chain event as it travels: its chain position and hash kept, nothing else added. */
export function toDayEvent(e: AuditRow): AuditDayEvent {
  return { id: e.id, seq: e.seq, ts: e.ts, action: e.action, recordId: e.recordId, actor: e.actor, hash: e.hash };
}

/** A day document's payload, checked; null when it is not one. */
export function parseAuditDay(data: unknown): AuditDayPayload | null {
  const parsed = v.safeParse(AuditDayPayloadSchema, data);
  return parsed.success ? parsed.output : null;
}

/** Append-only merge: every event of `a` and of `b`, once each (by id), in time order. */
export function mergeDayEvents(a: readonly AuditDayEvent[], b: readonly AuditDayEvent[]): AuditDayEvent[] {
  const byId = new Map<string, AuditDayEvent>();
  for (const e of [...a, ...b]) if (!byId.has(e.id)) byId.set(e.id, e);
  return [...byId.values()].sort((x, y) => (x.ts < y.ts ? -1 : x.ts > y.ts ? 1 : x.seq - y.seq));
}

export interface UnmirroredAudit {
  /** Chain row id → the event, for rows not yet copied into a day document. */
  events: { rowId: string; event: AuditRow }[];
  /** Rows that do not open as events (damaged): marked too, so they are not decrypted at every pass. */
  unreadable: string[];
}

/** Own chain events not yet copied into a day document (keys compared first; only new rows decrypted). */
export async function listUnmirroredAudit(session: VaultSession): Promise<UnmirroredAudit> {
  const { db } = session;
  const { ids, marked } = await withReopenRetry(db, () =>
    db.transaction('r', [db.auditChain, db.syncState], async () => ({
      ids: (await db.auditChain.toCollection().primaryKeys()) as string[],
      marked: (await db.syncState.where('key').between(MARK, `${MARK}\uffff`).primaryKeys()) as string[],
    })),
  );
  const done = new Set(marked.map((k) => k.slice(MARK.length)));
  const fresh = ids.filter((id) => id !== ANCHOR_ID && !done.has(id));
  const out: UnmirroredAudit = { events: [], unreadable: [] };
  for (let i = 0; i < fresh.length; i += 500) {
    const chunk = fresh.slice(i, i + 500);
    const rows = await withReopenRetry(db, () => db.auditChain.bulkGet(chunk));
    const opened = await Promise.allSettled(
      rows.map((r) => (r ? openEvent(session, r) : Promise.reject(new Error('row gone')))),
    );
    for (const [j, o] of opened.entries()) {
      const rowId = chunk[j];
      if (rowId === undefined) continue;
      if (o.status === 'fulfilled') out.events.push({ rowId, event: o.value });
      else out.unreadable.push(rowId);
    }
  }
  return out;
}

/** Marks own chain rows as copied into their day documents. */
export async function markAuditMirrored(session: VaultSession, rowIds: readonly string[]): Promise<void> {
  if (rowIds.length === 0) return;
  const rows = rowIds.map((id) => ({ key: `${MARK}${id}`, localRev: 1, envelopeRev: '' }));
  await withReopenRetry(session.db, () => session.db.syncState.bulkPut(rows));
}

export interface PulledAuditDay {
  /** The envelope id it travelled under: the row id in `teamAudit`. */
  docId: string;
  data: unknown;
}

/**
 * Keeps other devices' day documents: each merged (append-only) with the one kept under its id, and
 * sealed under this device's data key. Returns per item whether it was kept ('invalid': not a day
 * document, left out). Crypto runs before the transaction.
 */
export async function applyPulledAuditDays(
  session: VaultSession,
  items: readonly PulledAuditDay[],
): Promise<('kept' | 'unchanged' | 'invalid')[]> {
  const { db } = session;
  const outcomes: ('kept' | 'unchanged' | 'invalid')[] = [];
  // Versions of one document (conflict leaves) are merged first, so they are written as one.
  const byDoc = new Map<string, { indexes: number[]; day: AuditDayPayload }>();
  for (const [index, item] of items.entries()) {
    const parsed = v.safeParse(AuditDayPayloadSchema, item.data);
    outcomes.push(parsed.success ? 'kept' : 'invalid');
    if (!parsed.success) continue;
    const seen = byDoc.get(item.docId);
    if (seen) {
      seen.indexes.push(index);
      seen.day = { ...seen.day, events: mergeDayEvents(seen.day.events, parsed.output.events) };
    } else byDoc.set(item.docId, { indexes: [index], day: parsed.output });
  }
  const valid = [...byDoc].map(([docId, x]) => ({ docId, indexes: x.indexes, day: x.day }));
  if (valid.length === 0) return outcomes;
  const before = await withReopenRetry(db, () => db.teamAudit.bulkGet(valid.map((x) => x.docId)));
  const sealed = await Promise.all(
    valid.map(async (x, i) => {
      const row = before[i];
      let kept: AuditDayPayload | null = null;
      if (row) {
        try {
          const { data } = await session.open<MinimalClear, unknown>(AUDIT_DAY_TABLE, row);
          const p = v.safeParse(AuditDayPayloadSchema, data);
          kept = p.success ? p.output : null;
        } catch {
          kept = null; // a damaged row is replaced by what arrived; the colleague's device still holds it
        }
      }
      const events = mergeDayEvents(kept?.events ?? [], x.day.events);
      if (kept && events.length === kept.events.length) {
        for (const i of x.indexes) outcomes[i] = 'unchanged';
        return null;
      }
      const merged: AuditDayPayload = { device: x.day.device, day: x.day.day, events };
      const rev = (row?.rev ?? 0) + 1;
      return { rev, row: await session.seal(AUDIT_DAY_TABLE, { id: x.docId, rev }, merged) };
    }),
  );
  const writes = sealed.filter((s): s is NonNullable<typeof s> => s !== null);
  if (writes.length === 0) return outcomes;
  await withReopenRetry(db, () =>
    db.transaction('rw', db.teamAudit, async () => {
      for (const w of writes) {
        // Another tab kept a newer version meanwhile: its merge is as complete; the next pull merges again.
        const now = await db.teamAudit.get(w.row.id);
        if ((now?.rev ?? 0) !== w.rev - 1) continue;
        await db.teamAudit.put(w.row);
      }
    }),
  );
  return outcomes;
}

/** A team device's event as the log shows it. */
export interface TeamLogEvent extends AuditDayEvent {
  device: string;
}

/** Every kept event of the team's other devices (unreadable rows are counted, not hidden). */
export async function readTeamAuditEvents(
  session: VaultSession,
): Promise<{ events: TeamLogEvent[]; unreadable: number }> {
  const rows = await withReopenRetry(session.db, () => session.db.teamAudit.toArray());
  const events: TeamLogEvent[] = [];
  let unreadable = 0;
  const opened = await Promise.allSettled(
    rows.map((r) => session.open<MinimalClear, unknown>(AUDIT_DAY_TABLE, r).then((o) => o.data)),
  );
  for (const o of opened) {
    const p = o.status === 'fulfilled' ? v.safeParse(AuditDayPayloadSchema, o.value) : null;
    if (!p?.success) {
      unreadable += 1;
      continue;
    }
    for (const e of p.output.events) events.push({ ...e, device: p.output.device });
  }
  return { events, unreadable };
}

/** Calls `cb` when this device's audit chain changed (an append, in this tab or another). */
export function onOwnAuditChanged(db: VaultSession['db'], cb: () => void): () => void {
  const key = `idb://${db.name}/auditChain/`;
  const handler = (parts: ObservabilitySet) => {
    if (Object.keys(parts).some((k) => k.startsWith(key))) cb();
  };
  Dexie.on('storagemutated', handler);
  return () => Dexie.on('storagemutated').unsubscribe(handler);
}
