/**
 * The fields each client-data table keeps in clear (ARCHITECTURE "What stays in clear"): the record
 * id, the pseudonymous client id, the key id and the revision. Everything else is sealed.
 */
export const CLEAR_FIELDS = {
  followUpEvents: ['id', 'clientId', 'rev'],
} as const satisfies Record<string, readonly string[]>;
