// What "Vandaag" shows, read from the sealed caseload index (issue 17): the clients whose next
// follow-up is overdue, due today or in the coming week (with step and safety chips), and the
// unfinished screenings (drafts, few and short-lived), named by the alias the index holds.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { type DraftRecord, listDrafts } from '../../db';
import { type TodayCaseload, todayCaseload } from '../../domain';
import { type CaseloadState, useCaseload } from '../../runtime/caseload/use-caseload';
import { useVault } from '../../runtime/vault/runtime-context';

export interface OpenDraft {
  draft: DraftRecord;
  alias: string | null;
}

export type TodayState =
  | { status: 'loading'; progress: Extract<CaseloadState, { status: 'loading' }>['progress'] }
  | { status: 'failed' }
  | { status: 'ready'; caseload: TodayCaseload; damaged: number };

/** The caseload around `today` (YYYY-MM-DD). */
export function useToday(caseload: CaseloadState, today: string): TodayState {
  return useMemo((): TodayState => {
    if (caseload.status === 'ready') {
      return { status: 'ready', caseload: todayCaseload(caseload.entries, today), damaged: caseload.damaged };
    }
    return caseload;
  }, [caseload, today]);
}

/** Unfinished screenings, newest first; undefined while loading. */
export function useOpenDrafts(caseload: CaseloadState): { items: OpenDraft[]; damaged: number } | undefined {
  const vault = useVault();
  const drafts = useLiveQuery(() => listDrafts(vault.session()), []);
  return useMemo(() => {
    if (drafts === undefined || caseload.status === 'loading') return undefined;
    const aliases = new Map<string, string>();
    if (caseload.status === 'ready') {
      for (const e of caseload.entries) if (e.client) aliases.set(e.key, e.client.alias);
    }
    const items = drafts.records.map((draft) => ({
      draft,
      alias: draft.clientId ? (aliases.get(draft.clientId) ?? null) : null,
    }));
    return { items, damaged: drafts.damaged.length };
  }, [drafts, caseload]);
}

export { useCaseload };
