import { describe, expect, it } from 'vitest';
import type { Card } from '../../domain';
import { cardMatches, foldForSearch } from './card-search';

const card = (title: string, body = ''): Card => ({
  id: 'c',
  kind: 'tip',
  audience: 'person',
  certainty: 'inference',
  pathway: 'postpartum',
  title: { nl: title, en: 'English title' },
  body: { nl: body, en: 'English body' },
  helpRoutes: [],
  sources: [],
});

describe('Dutch card search', () => {
  it('ignores case: "zwangerschap" finds "Zwangerschap"', () => {
    expect(cardMatches(card('Zwangerschap en kraamtijd'), 'zwangerschap', 'nl')).toBe(true);
  });

  it('ignores diacritics both ways: "client" finds "cliënt" and "cliënt" finds "client"', () => {
    expect(cardMatches(card('Wat de cliënt zelf kan doen'), 'client', 'nl')).toBe(true);
    expect(cardMatches(card('Wat de client zelf kan doen'), 'cliënt', 'nl')).toBe(true);
    expect(cardMatches(card('Één op de tien'), 'een op', 'nl')).toBe(true);
  });

  it('needs every word of the query, in any order, in title or text', () => {
    expect(cardMatches(card('Kleine dingen', 'Wandelen helpt vaak'), 'helpt kleine', 'nl')).toBe(true);
    expect(cardMatches(card('Kleine dingen', 'Wandelen helpt vaak'), 'kleine fietsen', 'nl')).toBe(false);
  });

  it('an empty query matches every card', () => {
    expect(cardMatches(card('Iets'), '   ', 'nl')).toBe(true);
  });

  it('searches the text of the chosen language', () => {
    expect(cardMatches(card('Kleine dingen'), 'english', 'en')).toBe(true);
    expect(cardMatches(card('Kleine dingen'), 'english', 'nl')).toBe(false);
  });

  it('folds a composed and a decomposed "ë" to the same text', () => {
    expect(foldForSearch('CLIE\u0308NT')).toBe(foldForSearch('Cliënt'));
    expect(foldForSearch('  Cliënt   en  naaste ')).toBe('client en naaste');
  });
});
