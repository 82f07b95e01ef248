/** CONTENT.md §4: what the packs must say about the safety path, checked as the loader checks it. */
import { describe, expect, it } from 'vitest';
import type { ContentPack } from '../domain';
import { checkPackIntegrity } from './integrity';
import { bundledPack } from './testing';

const PACKS = (['postpartum', 'relapse-prevention', 'caregivers'] as const).map(bundledPack);

describe('the safety path in every bundled pack', () => {
  it.each(PACKS.map((p) => [p.id, p] as const))(
    '%s: every red flag and safety question names its own safety card',
    (_, pack) => {
      const raised = [
        ...pack.instruments.flatMap((i) => i.redFlags.map((r) => r.id)),
        ...pack.pathway.questions.filter((q) => q.effect.kind === 'safety').map((q) => q.id),
      ];
      for (const id of raised) {
        const cards = pack.pathway.safety.signals.find((s) => s.signal === id)?.cards ?? [];
        expect(cards.length, id).toBeGreaterThan(0);
        const kinds = cards.map((c) => pack.cards.find((x) => x.id === c)?.kind);
        expect(
          kinds.every((k) => k === 'safety' || k === 'emergency'),
          id,
        ).toBe(true);
      }
    },
  );

  it.each(PACKS.map((p) => [p.id, p] as const))('%s: offers "invoer gecorrigeerd", which needs a note', (_, pack) => {
    const corrected = pack.pathway.safety.actions.find((a) => a.correctsInput === true);
    expect(corrected?.requiresNote).toBe(true);
    expect(corrected?.label.nl).toMatch(/Invoer gecorrigeerd/);
  });

  it('ships no number for the huisartsenpost, the POP-poli or the 113 professionals line', () => {
    for (const pack of PACKS)
      for (const id of ['huisartsenpost', 'pop-poli', '113-professionals'])
        expect(pack.helpRoutes.find((h) => h.id === id)?.phones ?? [], `${pack.id} ${id}`).toEqual([]);
  });

  it('refuses a pack with an 11-digit number such as 020-311 38888', () => {
    const pack = bundledPack('postpartum');
    const broken: ContentPack = {
      ...pack,
      helpRoutes: pack.helpRoutes.map((h) =>
        h.id === '113-professionals'
          ? { ...h, phones: [{ number: '020-311 38888', label: h.name, verified: true, sources: ['S69'] }] }
          : h,
      ),
    };
    expect(checkPackIntegrity(broken)).toContain('help route 113-professionals: 020-311 38888 is not a Dutch number');
    expect(checkPackIntegrity(pack)).toEqual([]);
  });
});
