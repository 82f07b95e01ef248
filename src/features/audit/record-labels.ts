// The audit log names a record by its client's code (issue 18: internal ids told nobody anything):
// a client row is the client itself; screenings, drafts, decisions, follow-ups, plans, notes and
// safety events carry their client's id in clear. The code (or, without one, the alias) is read from
// the sealed client record, so it is shown here but never written into the log itself.
import { listClients, type VaultSession } from '../../db';

const CLIENT_TABLES = [
  'screenings',
  'drafts',
  'decisions',
  'followUps',
  'plans',
  'notes',
  'safetyEvents',
  'followUpEvents',
] as const;

/** For each record id: the client's code or alias; ids of no client (settings, anonymous) are left out. */
export async function recordLabels(session: VaultSession, recordIds: readonly string[]): Promise<Map<string, string>> {
  const [active, archived] = await Promise.all([listClients(session), listClients(session, 'archived')]);
  const names = new Map<string, string>();
  for (const c of [...active.records, ...archived.records]) names.set(c.id, c.data.code ?? c.data.alias);
  const labels = new Map<string, string>();
  const rest: string[] = [];
  for (const id of recordIds) {
    const name = names.get(id);
    if (name !== undefined) labels.set(id, name);
    else rest.push(id);
  }
  for (const table of CLIENT_TABLES) {
    const rows = (await session.db.table(table).bulkGet(rest)) as (
      | { id: string; clientId: string | null }
      | undefined
    )[];
    for (const row of rows) {
      const name = row?.clientId ? names.get(row.clientId) : undefined;
      if (row && name !== undefined) labels.set(row.id, name);
    }
  }
  return labels;
}
