// The card library over the active packs. Card ids are unique only within a pack, so every entry
// carries a key `${packId}:${cardId}` (used in the URL) and its help routes resolved from its own pack.

import type { Card, ContentPack, HelpRoute } from '../../domain';
import { useActivePacks } from '../../runtime/content/use-content';

export interface CardEntry {
  readonly key: string;
  readonly pack: ContentPack;
  readonly card: Card;
  readonly helpRoutes: readonly HelpRoute[];
}

export function cardKey(packId: string, cardId: string): string {
  return `${packId}:${cardId}`;
}

/** Every card of the active packs, in pack order; pure so it can be tested without a database. */
export function cardEntries(packs: readonly ContentPack[]): CardEntry[] {
  return packs.flatMap((pack) =>
    pack.cards.map((card) => ({
      key: cardKey(pack.id, card.id),
      pack,
      card,
      helpRoutes: card.helpRoutes.flatMap((id) => pack.helpRoutes.filter((r) => r.id === id)),
    })),
  );
}

/** Undefined while the content tables load. */
export function useCardEntries(): CardEntry[] | undefined {
  const packs = useActivePacks();
  return packs === undefined ? undefined : cardEntries(packs);
}

/** One card by its key; undefined while loading, null when no active pack has it. */
export function useCardEntry(key: string | undefined): CardEntry | null | undefined {
  const entries = useCardEntries();
  if (entries === undefined) return undefined;
  return entries.find((e) => e.key === key) ?? null;
}
