/**
 * Per-table list of the fields kept in clear (ARCHITECTURE "What stays in clear"). The storage issue
 * (17a) owns this file and its test; this is the entry of team sync (issue 19), to be merged into theirs.
 *
 * `syncState` (schema v9) is bookkeeping, not client data: `key` = `${table}:${recordId}` (a table name
 * and a record id that are already in clear in that table), the local rev last mirrored, and the
 * envelope revision id (a random hash). It is never synced and never in a backup.
 */
export const CLEAR_FIELDS = {
  syncState: ['key', 'localRev', 'envelopeRev'],
} as const satisfies Record<string, readonly string[]>;
