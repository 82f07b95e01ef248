/**
 * A draft completes once (R45). The guarantee is in the database: completing checks, in the same
 * transaction, that the draft still exists. This tells the other tabs at once, so a result page
 * open on the same draft says so instead of offering a save that can only be refused.
 */
import { useEffect, useState } from 'react';
import { onTabMessage, postToOtherTabs } from './channel';

export function announceDraftCompleted(draftId: string): void {
  postToOtherTabs({ type: 'draft-completed', draftId });
}

/** True once another tab has completed this draft. */
export function useDraftCompletedElsewhere(draftId: string | null): boolean {
  const [completed, setCompleted] = useState(false);
  useEffect(() => {
    if (draftId === null) return;
    return onTabMessage((m) => {
      if (m.type === 'draft-completed' && m.draftId === draftId) setCompleted(true);
    });
  }, [draftId]);
  return completed;
}
