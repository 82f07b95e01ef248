/**
 * The sealed audit chain's storage (schema v8): events and the anchor as rows of `auditChain`, each
 * sealed under the data key with only a random id and `rev` in clear. The anchor (fixed id 'anchor')
 * holds the head (count + last hash), the locked-time counter it absorbed, any tampering found, and
 * what the backup reminder needs; it is rewritten in the same transaction as every append.
 *
 * Rows are sealed with `VaultSession.seal('auditChain', { id, rev }, …)`: the v5 row shape
 * (clear-fields.ts: id, key id, rev), padded, under the data key (no client id, so no client key).
 */
import * as v from 'valibot';
import type { StapwijzerDb } from '../database';
import { StorageError } from '../errors';
import type { VaultSession } from '../session';
import type { AuditChainRow, AuditRow, MinimalClear } from '../types';

export const ANCHOR_ID = 'anchor';

/** What the chain check reports when it fails. */
export type ChainProblem =
  /** The anchor is missing or unreadable although a vault exists. */
  | 'anchor'
  /** The anchor's head is not the chain's last event (events cut off or deleted). */
  | 'truncated'
  /** A row that does not decrypt under the data key (forged or damaged). */
  | 'forged'
  | 'sequence'
  | 'link'
  | 'hash'
  /** Events written while locked were erased before the next unlock absorbed them. */
  | 'pending';

export interface AuditAnchor {
  kind: 'anchor';
  count: number;
  hash: string;
  /** The locked-time counter (meta 'auditLocked') up to which pending events were absorbed. */
  lockedSeen: number;
  /** The first tampering found while appending (sticky: later appends cannot hide it). */
  broken: { problem: ChainProblem; at: number } | null;
  /** Backup reminder (R12): record changes since the last 'export-backup' event, and the first one's time. */
  changesSinceBackup: number;
  firstChangeSinceBackup: string | null;
}

const Hex64 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const Problem = v.picklist(['anchor', 'truncated', 'forged', 'sequence', 'link', 'hash', 'pending']);

const AnchorSchema = v.object({
  kind: v.literal('anchor'),
  count: Count,
  hash: Hex64,
  lockedSeen: Count,
  broken: v.nullable(v.object({ problem: Problem, at: Count })),
  changesSinceBackup: Count,
  firstChangeSinceBackup: v.nullable(v.string()),
});

export const AUDIT_ACTIONS = [
  'create',
  'view',
  'change',
  'delete',
  'export-backup',
  'export-print',
  'export-share',
  'export-copy',
  'export-ics',
  'export-fhir',
  'export-csv',
  'import',
  'unlock',
  'unlock-failed',
  'wipe',
  'confirm-epds-key',
  'content-repaired',
  'archive',
  'unarchive',
  'destroy-client-request',
  'destroy-retention-ended',
  'destroy-synced',
  'team-create',
  'team-join',
  'team-member-add',
  'team-key-rotate',
  'team-key-receive',
  'team-share',
] as const satisfies readonly AuditRow['action'][];

const EventSchema = v.object({
  kind: v.literal('event'),
  id: v.string(),
  seq: Count,
  ts: v.string(),
  action: v.picklist(AUDIT_ACTIONS),
  recordId: v.nullable(v.string()),
  actor: v.string(),
  prevHash: Hex64,
  hash: Hex64,
  prior: v.exactOptional(v.object({ count: Count, hash: v.nullable(Hex64) })),
});

function sealRow(session: VaultSession, id: string, rev: number, data: object): Promise<AuditChainRow> {
  return session.seal('auditChain', { id, rev }, data);
}

async function openRow(session: VaultSession, row: AuditChainRow): Promise<unknown> {
  const { data } = await session.open<MinimalClear, unknown>('auditChain', row);
  return data;
}

export function sealEvent(session: VaultSession, event: AuditRow): Promise<AuditChainRow> {
  return sealRow(session, crypto.randomUUID(), 1, { kind: 'event', ...event });
}

/** Decrypts an event row; throws 'integrity' for a row that is not an event sealed under this key. */
export async function openEvent(session: VaultSession, row: AuditChainRow): Promise<AuditRow> {
  const parsed = v.safeParse(EventSchema, await openRow(session, row));
  if (!parsed.success) throw new StorageError('integrity', { detail: `auditChain/${row.id}: not an event` });
  const { kind: _kind, ...event } = parsed.output;
  return event;
}

export function sealAnchor(session: VaultSession, rev: number, anchor: AuditAnchor): Promise<AuditChainRow> {
  return sealRow(session, ANCHOR_ID, rev, anchor);
}

export type AnchorRead =
  | { state: 'absent' }
  | { state: 'unreadable'; rev: number }
  | { state: 'ok'; rev: number; anchor: AuditAnchor };

export async function readAnchor(session: VaultSession): Promise<AnchorRead> {
  const row = await session.db.auditChain.get(ANCHOR_ID);
  if (!row) return { state: 'absent' };
  try {
    const parsed = v.safeParse(AnchorSchema, await openRow(session, row));
    return parsed.success
      ? { state: 'ok', rev: row.rev, anchor: parsed.output }
      : { state: 'unreadable', rev: row.rev };
  } catch {
    return { state: 'unreadable', rev: row.rev };
  }
}

/**
 * Opens any audit-chain row (restore checks every row): the anchor's payload, or null for an event.
 * Throws 'integrity' when the row does not open under this key or is not what its id says.
 */
export async function readAnchorRow(
  session: VaultSession,
  row: AuditChainRow,
  isAnchor: boolean,
): Promise<AuditAnchor | null> {
  if (!isAnchor) {
    await openEvent(session, row);
    return null;
  }
  const parsed = v.safeParse(AnchorSchema, await openRow(session, row));
  if (!parsed.success) throw new StorageError('integrity', { detail: 'auditChain/anchor: not an anchor' });
  return parsed.output;
}

/** Every event row (the anchor left out), decrypted; rows that do not open are counted, not hidden. */
export async function openAllEvents(session: VaultSession): Promise<{ events: AuditRow[]; unreadable: number }> {
  const rows = (await session.db.auditChain.toArray()).filter((r) => r.id !== ANCHOR_ID);
  const events: AuditRow[] = [];
  let unreadable = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const opened = await Promise.allSettled(rows.slice(i, i + 500).map((r) => openEvent(session, r)));
    for (const o of opened) {
      if (o.status === 'fulfilled') events.push(o.value);
      else unreadable += 1;
    }
  }
  events.sort((a, b) => a.seq - b.seq);
  return { events, unreadable };
}

export function emptyAnchor(): AuditAnchor {
  return {
    kind: 'anchor',
    count: 0,
    hash: '0'.repeat(64),
    lockedSeen: 0,
    broken: null,
    changesSinceBackup: 0,
    firstChangeSinceBackup: null,
  };
}

const RECORD_ACTIONS: ReadonlySet<string> = new Set(['create', 'change', 'delete']);

/** The anchor after `events` were appended to the chain it describes. */
export function advanceAnchor(anchor: AuditAnchor, events: readonly AuditRow[], lockedSeen: number): AuditAnchor {
  let { changesSinceBackup, firstChangeSinceBackup } = anchor;
  for (const e of events) {
    if (e.action === 'export-backup') {
      changesSinceBackup = 0;
      firstChangeSinceBackup = null;
    } else if (RECORD_ACTIONS.has(e.action)) {
      changesSinceBackup += 1;
      firstChangeSinceBackup ??= e.ts;
    }
  }
  const last = events[events.length - 1];
  return {
    ...anchor,
    count: anchor.count + events.length,
    hash: last ? last.hash : anchor.hash,
    lockedSeen,
    changesSinceBackup,
    firstChangeSinceBackup,
  };
}

/** Client-table rows in the database: an anchor may only be started afresh in a vault without any. */
export async function hasClientRows(db: StapwijzerDb): Promise<boolean> {
  for (const t of ['clients', 'screenings', 'decisions', 'followUps', 'plans', 'notes', 'safetyEvents'] as const) {
    if ((await db.table(t).count()) > 0) return true;
  }
  return false;
}
