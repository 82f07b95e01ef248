// The free text of a result (override reason, safety note, follow-up reason, note) kept as an encrypted
// draft until the save: a lock, leaving the page or a crash cannot lose it (issue 18). An anonymous
// screening stores nothing, so neither does its text (key null).
import { useEffect, useRef } from 'react';
import { useFirstOwner } from '../../runtime/drafts/use-first-owner';
import { type TextDraft, useTextDraft } from '../../runtime/drafts/use-text-draft';

export interface ResultTexts {
  reason: string;
  dueReason: string;
  note: string;
  safetyNote: string;
}

/** Applies the kept texts once (`restore`), then keeps every change of `texts`. */
export function useResultTexts(
  key: string | null,
  clientId: string | null,
  texts: ResultTexts,
  restore: (kept: Readonly<Record<string, string>>) => void,
): TextDraft {
  const owner = useFirstOwner(key === null ? null : { key, clientId });
  const draft = useTextDraft(owner?.key ?? null, owner?.clientId ?? null);
  const applied = useRef(false);
  const restoreRef = useRef(restore);
  restoreRef.current = restore;
  useEffect(() => {
    if (draft.restored === undefined || applied.current || owner === null) return;
    applied.current = true;
    if (draft.restored !== null) restoreRef.current(draft.restored);
  }, [draft.restored, owner]);
  const { reason, dueReason, note, safetyNote } = texts;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the four texts are what is kept
  useEffect(() => {
    if (applied.current) draft.set({ reason, dueReason, note, safetyNote });
  }, [reason, dueReason, note, safetyNote]);
  return draft;
}
