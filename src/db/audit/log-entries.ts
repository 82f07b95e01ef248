/**
 * The log as people read it (R38 + issue 19): this device's own chain and, in a team, the events of
 * the team's other devices (kept in `teamAudit`), newest first, each saying which device it came
 * from. The chain check covers the own chain only; colleagues' events are shown beside it, not in it.
 */
import { readTeamAuditEvents } from '../repositories/team-audit.repository';
import type { VaultSession } from '../session';
import { openAllEvents } from './audit-store';

export interface LogEntry {
  id: string;
  ts: string;
  /** An AuditAction, or an action a colleague's newer app named (shown as unknown). */
  action: string;
  recordId: string | null;
  actor: string;
  /** 'this': this device's own chain; 'other': another device of the team. */
  device: 'this' | 'other';
}

/** Own and team events, newest first; `fromTeam` counts the colleagues' ones. */
export async function readLogEntries(session: VaultSession): Promise<{ entries: LogEntry[]; fromTeam: number }> {
  const [own, team] = await Promise.all([openAllEvents(session), readTeamAuditEvents(session)]);
  const entries: LogEntry[] = [
    ...own.events.map((e) => ({
      id: e.id,
      ts: e.ts,
      action: e.action,
      recordId: e.recordId,
      actor: e.actor,
      device: 'this' as const,
    })),
    ...team.events.map((e) => ({
      id: e.id,
      ts: e.ts,
      action: e.action,
      recordId: e.recordId,
      actor: e.actor,
      device: 'other' as const,
    })),
  ];
  // Newest first; the own chain's order (seq) is kept for equal times because the sort is stable.
  entries.reverse().sort((a, b) => (a.ts < b.ts ? 1 : a.ts > b.ts ? -1 : 0));
  return { entries, fromTeam: team.events.length };
}

const CLIENT_TABLES = ['screenings', 'decisions', 'followUps', 'plans', 'notes', 'followUpEvents'] as const;

/**
 * The ids of a client's records, from the clear `clientId` index (nothing decrypted): the client
 * itself and its screenings, decisions, follow-ups, plans, notes and follow-up events. (Safety events
 * keep their client id sealed, so they are not found this way.)
 */
export async function clientRecordIds(session: VaultSession, clientId: string): Promise<Set<string>> {
  const ids = new Set<string>([clientId]);
  for (const table of CLIENT_TABLES) {
    const keys = await session.db.table(table).where('clientId').equals(clientId).primaryKeys();
    for (const k of keys) if (typeof k === 'string') ids.add(k);
  }
  return ids;
}
