import { useState } from 'react';

/** The form a text draft belongs to. */
export interface DraftOwner {
  readonly key: string;
  readonly clientId: string | null;
}

/**
 * The first owner seen, kept: a text draft's key must not fall back to null when the record it belongs
 * to goes away on save (a closed safety signal, a completed screening draft), or the clear that
 * follows the save would find no draft to clear.
 */
export function useFirstOwner(owner: DraftOwner | null): DraftOwner | null {
  const [kept, setKept] = useState<DraftOwner | null>(owner);
  if (kept === null && owner !== null) {
    setKept(owner);
    return owner;
  }
  return kept;
}
