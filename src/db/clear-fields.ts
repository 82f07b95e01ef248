/**
 * The per-table list of fields stored in clear (ARCHITECTURE "What stays in clear"): everything else
 * is sealed. 17a writes the client tables; these entries belong to the audit chain and the backup
 * staging (schema v8). A test dumps every row and checks it against this list.
 */
export const CLEAR_FIELDS = {
  /** Sealed events and the anchor: a random id (the anchor's is 'anchor'), the revision, the ciphertext. */
  auditChain: ['id', 'rev', 'iv', 'ct'],
  /**
   * Events written while locked (failed unlocks), clear by necessity until the next unlock seals
   * them: when and by which initials, never client data.
   */
  auditPending: ['id', 'n', 'ts', 'action', 'recordId', 'actor'],
  /** A backup being restored: rows exactly as they will be stored, present only during a restore. */
  backupStaging: ['key', 'table', 'row'],
} as const satisfies Record<string, readonly string[]>;
