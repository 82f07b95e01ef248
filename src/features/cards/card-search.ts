// Dutch search over card text: case and diacritics do not matter ("cliënt" finds "client" and back),
// because professionals type fast on a phone and Dutch spelling has many optional accents.
import type { Card, Text } from '../../domain';

/** Lower case, NFD-decomposed, combining marks removed, whitespace collapsed. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl').replace(/\s+/g, ' ').trim();
}

function cardText(card: Card, language: keyof Text): string {
  const parts = [card.title[language], card.body[language], ...(card.points ?? []).map((p) => p[language])];
  return foldForSearch(parts.join(' '));
}

/** True when every word of the query occurs in the card's title, text or points (in this language). */
export function cardMatches(card: Card, query: string, language: keyof Text): boolean {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = cardText(card, language);
  return words.every((w) => haystack.includes(w));
}
