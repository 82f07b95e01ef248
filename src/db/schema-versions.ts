/**
 * The append-only list of schema versions. Owns every shape the database has ever had, so any
 * installed database can be upgraded step by step. NEVER edit a shipped entry: add a new one.
 *
 * Rules (R6 and the WebKit key-generator bug, Dexie#1878): every primary key is a client-generated
 * string (`crypto.randomUUID()` for records, fixed names for singletons); no `++`; never change a
 * primary key (copy into a new table instead). Upgrade functions run without the data key, so they
 * may only touch clear fields and content tables, never decrypt payloads.
 */
import type { Transaction } from 'dexie';

export interface SchemaVersion {
  version: number;
  /** Dexie store specs; `null` deletes a table. Only tables that change need to be listed after v1. */
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
  /** What changed and why, for the release notes and reviewers. */
  note: string;
}

const V1_STORES: Record<string, string> = {
  // Content (clear, replaceable by a content update).
  packs: 'key, id, [id+contentVersion]',
  instruments: 'key, packKey, id',
  pathways: 'key, packKey, id',
  cards: 'key, packKey, id',
  // Client data (encrypted payload + clear indexed fields).
  clients: 'id, status, updatedAt',
  screenings: 'id, clientId, status, updatedAt, [packId+packVersion]',
  drafts: 'id, clientId, updatedAt',
  decisions: 'id, clientId, screeningId',
  followUps: 'id, clientId, status, dueDate',
  plans: 'id, clientId, pathwayId, status',
  notes: 'id, clientId, updatedAt',
  settings: 'id',
  auditLog: 'id, ts',
  meta: 'key',
};

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  { version: 1, stores: V1_STORES, note: 'First shipped schema.' },
  {
    version: 2,
    stores: { followUps: 'id, clientId, status, dueDate, [status+dueDate]' },
    note: 'Compound index so "open follow-ups due on or before a date" is one index range, not a scan.',
    upgrade: async (tx) => {
      await tx.table('meta').put({ key: 'schema', version: 2, upgradedAt: Date.now() });
    },
  },
  {
    version: 3,
    stores: { instruments: null, pathways: null, cards: null },
    note: 'Drops the per-item content tables: written at every import, never read (a stored pack is read whole).',
    upgrade: async (tx) => {
      await tx.table('meta').put({ key: 'schema', version: 3, upgradedAt: Date.now() });
    },
  },
  {
    version: 4,
    stores: { safetyEvents: 'id, signalId, clientId, createdAt' },
    note:
      'Safety signals, their actions and decisions as append-only events (R46): a signal is stored the moment ' +
      'it is detected and "open" is derived, so leaving, a lock or a closed tab cannot lose it.',
    upgrade: async (tx) => {
      await tx.table('meta').put({ key: 'schema', version: 4, upgradedAt: Date.now() });
    },
  },
  {
    version: 5,
    stores: { keys: 'id' },
    note:
      'Nothing about a person in clear (R40): the `keys` table of wrapped per-client keys, beside the old shape. ' +
      'Rows are re-sealed to { id, clientId, kid, rev, iv, ct } by the resumable migration after unlock ' +
      '(migration/reseal.ts): this upgrade runs without the key, so it only marks the migration as pending. ' +
      'The old clear indexes stay until a later version drops them once the migration is done.',
    upgrade: async (tx) => {
      await tx.table('meta').put({ key: 'schema', version: 5, upgradedAt: Date.now() });
      await tx.table('meta').put({
        key: 'reseal',
        state: 'pending',
        table: null,
        after: null,
        done: 0,
        total: 0,
        updatedAt: Date.now(),
      });
    },
  },
  {
    version: 6,
    stores: { caseloadIndex: 'id' },
    note:
      'The sealed caseload index (issue 17): a head row and a few chunk rows (up to 1,000 clients each), clear ' +
      'only id and rev, so lists and indicators decrypt a handful of rows instead of every record. Derived ' +
      'data: rebuilt from the records when missing or stale, never synced, never in a backup.',
    upgrade: async (tx) => {
      await tx.table('meta').put({ key: 'schema', version: 6, upgradedAt: Date.now() });
    },
  },
  {
    version: 7,
    stores: { followUpEvents: 'id, clientId' },
    note:
      'Follow-up completions, cancellations and reschedules as append-only sealed events: "open" or "done" ' +
      'is derived, never a status overwritten, so two devices completing one follow-up both keep their event. ' +
      'Clear fields: id, clientId, rev only (the follow-up id, kind and time are sealed).',
    upgrade: async (tx) => {
      await tx.table('meta').put({ key: 'schema', version: 7, upgradedAt: Date.now() });
    },
  },
  {
    version: 8,
    stores: { auditChain: 'id', auditPending: 'id', backupStaging: 'key' },
    note:
      'Audit events sealed under the data key (auditChain: random id + rev in clear, the anchor row beside ' +
      'them); events written while locked wait in auditPending; restore stages a backup in backupStaging ' +
      'and swaps it in with one transaction. The clear auditLog (v1) is emptied by the migration after ' +
      'unlock and dropped by a later version.',
    upgrade: async (tx) => {
      await tx.table('meta').put({ key: 'schema', version: 8, upgradedAt: Date.now() });
    },
  },
  {
    version: 9,
    stores: { syncState: 'key' },
    note:
      'Team sync (issue 19): which local revision of each synced record was last mirrored into the envelope ' +
      'database, and as which envelope revision, so a local edit is pushed once and a pulled one is not echoed.',
    upgrade: async (tx) => {
      await tx.table('meta').put({ key: 'schema', version: 9, upgradedAt: Date.now() });
    },
  },
  {
    version: 10,
    stores: {
      clients: 'id',
      screenings: 'id, clientId',
      drafts: 'id, clientId',
      decisions: 'id, clientId',
      followUps: 'id, clientId',
      plans: 'id, clientId',
      notes: 'id, clientId',
      safetyEvents: 'id',
    },
    note:
      'Drops the indexes over fields sealed since v5 (status, dates, pathway, pack and screening ids; a safety ' +
      "event's signal and client ids): on v5 rows they index nothing, and an index over a field that is not " +
      'in clear can only mislead a query. What stays indexed is in clear (clear-fields.ts): the record id and ' +
      'the pseudonymous client id. Queries by a sealed field read the caseload index, or read by client id and ' +
      'filter after opening. Safety signals get opaque ids too (the rule was in the id): the migration after ' +
      'unlock (migration/signal-ids.ts) rewrites the old ones, as it needs the key.',
    upgrade: async (tx) => {
      await tx.table('meta').put({ key: 'schema', version: 10, upgradedAt: Date.now() });
    },
  },
  {
    version: 11,
    stores: { deviceKeys: 'id' },
    note:
      "Device keys (issue 20): this device's ECDH P-256 key pair, the private key sealed under the data key " +
      '(clear only id, iv, wrapped). The public key is what a colleague wraps the team key to when this device ' +
      'joins. Never synced and never in a backup: a restored vault gets a new device key and must rejoin.',
    upgrade: async (tx) => {
      await tx.table('meta').put({ key: 'schema', version: 11, upgradedAt: Date.now() });
    },
  },
  {
    version: 12,
    stores: { shreddedClients: 'id' },
    note:
      'Destroying a client (issue 20): one sealed row per destroyed client, keyed by its pseudonymous id (clear: ' +
      'id, kid, rev; reason, author and time sealed). Kept on the device across restores and synced as the ' +
      '`client-shredded` event, so a restore or a pulled record cannot bring a destroyed client back.',
    upgrade: async (tx) => {
      await tx.table('meta').put({ key: 'schema', version: 12, upgradedAt: Date.now() });
    },
  },
  {
    version: 13,
    stores: { teamAudit: 'id' },
    note: "Team audit (issue 19): other devices' audit days, apart from the own chain (ARCHITECTURE.md).",
    upgrade: async (tx) => {
      await tx.table('meta').put({ key: 'schema', version: 13, upgradedAt: Date.now() });
    },
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version ?? 1;

/** The full store map at a given version (what Dexie ends up with after applying the list). */
export function storesAt(versions: readonly SchemaVersion[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of versions) {
    for (const [table, spec] of Object.entries(v.stores)) {
      if (spec === null) delete out[table];
      else out[table] = spec;
    }
  }
  return out;
}
