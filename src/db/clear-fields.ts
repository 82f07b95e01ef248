/**
 * The fields each table keeps in clear (ARCHITECTURE "What stays in clear"); everything else is in
 * the sealed payload (`iv`, `ct`). Issue 17a writes the entries of the other tables; this file holds
 * the caseload index's entry until the merge.
 */
export const CLEAR_FIELDS = {
  /** Chunk and head rows of the sealed caseload index: no timestamps, which would date every save. */
  caseloadIndex: ['id', 'rev'],
} as const satisfies Record<string, readonly string[]>;
