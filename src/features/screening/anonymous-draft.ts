/**
 * The quick anonymous screening: held in memory only (never a draft row, never zustand), so a
 * reload or a lock forgets it by design — until it raises a safety signal: from then on it is kept,
 * encrypted, as a draft without a client (R46), so an auto-lock cannot discard it.
 */

import type { DraftPayload } from '../../db';
import { useSession } from '../../runtime/session-store';

export const ANONYMOUS_ID = 'anoniem';

let memory: DraftPayload | null = null;

export function readAnonymous(): DraftPayload | null {
  return memory;
}

export function writeAnonymous(data: DraftPayload | null): void {
  memory = data;
}

// Locking drops everything typed about a person, the anonymous answers included.
useSession.subscribe((state) => {
  if (state.vaultStatus !== 'unlocked') memory = null;
});
