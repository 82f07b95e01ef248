// The checklists of the active packs (today: the caregivers' "signalen van overbelasting"). Like
// cards, a checklist id is unique within its pack, so the URL key is `${packId}:${checklistId}`.
import type { ContentPack } from '../../domain';
import { useActivePacks } from '../../runtime/content/use-content';

export type Checklist = ContentPack['checklists'][number];

export interface ChecklistEntry {
  readonly key: string;
  readonly pack: ContentPack;
  readonly checklist: Checklist;
}

export function checklistKey(packId: string, checklistId: string): string {
  return `${packId}:${checklistId}`;
}

/** The path of a checklist's screen. */
export function checklistPath(packId: string, checklistId: string): string {
  return `/cards/checklists/${encodeURIComponent(checklistKey(packId, checklistId))}`;
}

export function checklistEntries(packs: readonly ContentPack[]): ChecklistEntry[] {
  return packs.flatMap((pack) =>
    pack.checklists.map((checklist) => ({ key: checklistKey(pack.id, checklist.id), pack, checklist })),
  );
}

/** One checklist by its key; undefined while loading, null when no active pack has it. */
export function useChecklistEntry(key: string | undefined): ChecklistEntry | null | undefined {
  const packs = useActivePacks();
  if (packs === undefined) return undefined;
  return checklistEntries(packs).find((e) => e.key === key) ?? null;
}
