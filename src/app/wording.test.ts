/**
 * The term list (docs/terms.md) is used everywhere: no Dutch message of the app and no Dutch pack
 * text uses a word from its "niet" column. Client-mode messages speak to the client with "u".
 */
import { describe, expect, it } from 'vitest';
import terms from '../../docs/terms.md?raw';
import { bundledPack } from '../content/testing';
import { PATHWAY_IDS } from '../domain';
import { screeningMessages } from '../features/screening/messages';
import { nl } from '../i18n/nl';

/** Rows of the table under "## Terms": the term and its forbidden variants. */
function forbidden(): { term: string; not: string[] }[] {
  const section = terms.split('## Terms')[1]?.split('\n## ')[0] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| term') && !line.startsWith('| ---'))
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .map(([, term = '', not = '']) => ({
      term,
      not: not
        .split(',')
        .map((w) => w.trim())
        .filter(Boolean),
    }));
}

const word = (w: string) => new RegExp(`(^|[^\\p{L}-])${w}(?![\\p{L}-])`, 'iu');

// Every feature's catalogue, gathered by the bundler so a new feature is included without a list here.
const catalogues = import.meta.glob<Record<string, unknown>>('../features/**/*messages.ts', { eager: true });

function dutchMessages(): [string, string][] {
  const out: [string, string][] = Object.entries(nl).map(([k, v]) => [`nl.ts ${k}`, v]);
  for (const [file, mod] of Object.entries(catalogues))
    for (const value of Object.values(mod)) {
      const dict = (value as { nl?: unknown }).nl;
      if (dict !== null && typeof dict === 'object')
        for (const [k, v] of Object.entries(dict)) if (typeof v === 'string') out.push([`${file} ${k}`, v]);
    }
  return out;
}

function dutchPackTexts(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      for (const [i, x] of value.entries()) walk(x, `${path}[${i}]`);
    } else if (value !== null && typeof value === 'object') {
      const nlText = (value as { nl?: unknown }).nl;
      if (typeof nlText === 'string') out.push([path, nlText]);
      else for (const [k, v] of Object.entries(value)) if (k !== 'goldenVectors') walk(v, `${path}.${k}`);
    }
  };
  for (const id of PATHWAY_IDS) walk(bundledPack(id), id);
  return out;
}

describe('term list (docs/terms.md)', () => {
  it('lists at least the terms the issue names', () => {
    expect(forbidden().map((r) => r.term)).toEqual(expect.arrayContaining(['cliënt', 'bijnaam', 'back-up']));
    expect(terms).toContain('Back-up en herstel');
  });

  it('no Dutch message and no Dutch pack text uses a word the term list rejects', () => {
    const texts = [...dutchMessages(), ...dutchPackTexts()];
    expect(texts.length).toBeGreaterThan(500);
    const found = forbidden().flatMap(({ term, not }) =>
      not.flatMap((w) =>
        texts.filter(([, t]) => word(w).test(t)).map(([where, t]) => `${where}: "${w}" (use "${term}"): ${t}`),
      ),
    );
    expect(found).toEqual([]);
  });

  it('the matcher finds a rejected word on its own and not inside another word', () => {
    expect([word('client').test('de client'), word('client').test('de cliënt'), word('HAP').test('schap')]).toEqual([
      true,
      false,
      false,
    ]);
  });
});

describe('client mode speaks to the client with "u"', () => {
  it('no "je"-form in the messages a client sees', () => {
    const client = ['clientTitle', 'clientIntro', 'clientFinish', 'clientDone', 'clientGiveBack'] as const;
    const je = /(^|[^\p{L}])(je|jij|jou|jouw|jezelf)(?![\p{L}])/iu;
    expect(client.map((k) => screeningMessages.nl[k]).filter((t) => je.test(t))).toEqual([]);
    expect(screeningMessages.nl.clientDone).toBe('Dank u wel, u bent klaar.');
  });
});
