/**
 * The pack texts of CONTENT.md §5–§7: cards for every special group and audience with sources the
 * pack lists, the PHQ-9 in its published Dutch wording, score entry as printed on the paper form,
 * one form of address per audience, and a name for every band. The expected values are written out
 * here from CONTENT.md, never read from the packs.
 */
import { describe, expect, it } from 'vitest';
import type { Audience, Band, CardKind, ContentPack, SpecialGroup, Text } from '../domain';
import { itemKey } from '../domain';
import { bundledInstrument, bundledPack } from './testing';

const packs: ContentPack[] = [bundledPack('postpartum'), bundledPack('relapse-prevention'), bundledPack('caregivers')];

describe('cards for the special groups (CONTENT.md §5)', () => {
  const groups: SpecialGroup[] = [
    'young-caregivers',
    'working-caregivers',
    'migration-background',
    'caregivers-psychological-problems',
  ];
  const audiences: Audience[] = ['professional', 'person', 'relative'];
  const kinds: CardKind[] = ['signalling', 'tip'];
  const cases = groups.flatMap((g) => audiences.flatMap((a) => kinds.map((k) => [g, a, k] as const)));

  it.each(cases)('%s has a %s card for the audience "%s"', (group, audience, kind) => {
    const cards = bundledPack('caregivers').cards.filter(
      (c) => c.specialGroup === group && c.audience === audience && c.kind === kind,
    );
    expect(cards.map((c) => c.id)).not.toEqual([]);
  });

  it.each(packs.map((p) => [p.id, p] as const))(
    "every card of %s cites only sources in the pack's list",
    (_id, pack) => {
      const known = new Set(pack.sources.map((s) => s.id));
      const unknown = pack.cards.flatMap((c) => c.sources.filter((s) => !known.has(s)).map((s) => `${c.id}: ${s}`));
      expect(unknown).toEqual([]);
      expect(pack.cards.filter((c) => c.sources.length === 0).map((c) => c.id)).toEqual([]);
    },
  );

  it.each(packs.map((p) => [p.id, p] as const))('every card of %s carries a certainty', (_id, pack) => {
    expect(
      pack.cards.filter((c) => !['verified', 'inference', 'unverified'].includes(c.certainty)).map((c) => c.id),
    ).toEqual([]);
  });

  it('the corrected migration and psychological-problems cards rest on S42 and S44 and claim no more', () => {
    const cards = bundledPack('caregivers').cards;
    for (const id of ['cg-migration-signs', 'cg-psych-signs']) {
      const card = cards.find((c) => c.id === id);
      expect([card?.sources, card?.certainty]).toEqual([['S42', 'S44'], 'verified']);
    }
    const text = JSON.stringify(cards.filter((c) => c.id === 'cg-migration-signs' || c.id === 'cg-psych-signs'));
    // The old claims had no source: caring "is not called caregiving", an interpreter, "unpredictable and invisible".
    expect(text).not.toMatch(/tolk|interpreter|heet daar geen|onvoorspelbaar|onzichtbaar|unpredictable|invisible/i);
  });

  it('the overload checklist is linked from the card that tells the professional to use it', () => {
    const pack = bundledPack('caregivers');
    expect(pack.cards.find((c) => c.id === 'cg-sig-overload')?.checklists).toEqual(['overload-signals']);
    expect(pack.checklists.map((c) => c.id)).toContain('overload-signals');
  });
});

describe('PHQ-9 in the published Dutch wording (CONTENT.md §6)', () => {
  const STEM = 'Hoe vaak heeft u in de afgelopen 2 weken last gehad van de volgende problemen?';
  const OPTIONS = ['Helemaal niet', 'Meerdere dagen', 'Meer dan de helft van de dagen', 'Bijna elke dag'];
  const ITEMS = [
    'Weinig interesse of plezier in het doen van dingen',
    'Zich neerslachtig, depressief of hopeloos voelen',
    'Moeite met inslapen of doorslapen, of te veel slapen',
    'Zich moe voelen of weinig energie hebben',
    'Slechte eetlust of te veel eten',
    'Zich slecht voelen over uzelf - of dat u een mislukkeling bent of uzelf of uw familie teleurgesteld heeft',
    'Moeite hebben om zich te concentreren op dingen, zoals de krant lezen of televisie kijken',
    'Zo langzaam bewegen of spreken dat andere mensen het zouden kunnen hebben opgemerkt? Of het tegenovergestelde - zo onrustig of gejaagd zijn dat u veel meer heeft bewogen dan normaal',
    'Gedachten dat u beter dood zou kunnen zijn of uzelf op de een of andere manier pijn zou kunnen doen',
  ];
  const phq = [
    ['relapse-prevention', 'phq-9', 9],
    ['caregivers', 'phq-9', 9],
    ['caregivers', 'phq-2', 2],
  ] as const;

  it.each(phq)('%s %s: stem, options and item texts are the published ones', (packId, id, n) => {
    const instrument = bundledInstrument(packId, id);
    expect(instrument.instructions?.nl).toBe(STEM);
    expect(instrument.optionLabels?.map((o) => o.nl)).toEqual(OPTIONS);
    expect(instrument.items.filter((i) => i.scored).map((i) => i.text?.nl)).toEqual(ITEMS.slice(0, n));
  });
});

describe('score entry as printed on the paper form (CONTENT.md §7)', () => {
  const labels = (packId: 'postpartum' | 'caregivers', id: string) => {
    const instrument = bundledInstrument(packId, id);
    return instrument.items.map((item) => ({
      labels: (item.optionLabels ?? instrument.optionLabels)?.map((o) => o.nl) ?? null,
      key: itemKey(instrument, item.id),
    }));
  };

  it('EPDS: no printed text, four positions (1e–4e) scored by the key, items 3 and 5–10 reversed', () => {
    const items = labels('postpartum', 'epds');
    expect(items.map((i) => i.labels)).toEqual(Array(10).fill(null));
    const reversed = [3, 5, 6, 7, 8, 9, 10];
    expect(items.map((i) => i.key)).toEqual(
      items.map((_, k) => (reversed.includes(k + 1) ? [3, 2, 1, 0] : [0, 1, 2, 3])),
    );
  });

  it('CSI: every item reads Nee / Ja, and Ja scores a point', () => {
    expect(labels('caregivers', 'csi')).toEqual(Array(13).fill({ labels: ['Nee', 'Ja'], key: [0, 1] }));
  });

  it('EDIZ-plus: every item shows the five printed answers, and "Min of meer", "Ja" and "Ja!" score a point', () => {
    expect(labels('caregivers', 'ediz-plus')).toEqual(
      Array(15).fill({ labels: ['Nee!', 'Nee', 'Min of meer', 'Ja', 'Ja!'], key: [0, 0, 1, 1, 1] }),
    );
  });

  it('no score-entry instruction asks for a 1e–4e position on a form that prints words', () => {
    for (const pack of packs)
      for (const i of pack.instruments.filter((x) => x.presentation === 'score-entry' && x.optionLabels))
        expect(JSON.stringify([i.instructions, i.licence.note])).not.toMatch(/1e tot 4e|1st to 4th/);
  });
});

// Forms of address (CONTENT.md §6): "je" to the professional, "u" to the client and relatives.
const U_FORMS = ['u', 'uw', 'uzelf'];
const JE_FORMS = ['je', 'jij', 'jou', 'jouw', 'jezelf', 'jullie'];
const uses = (words: readonly string[], text: string) =>
  words.filter((w) => new RegExp(`(^|[^\\p{L}])${w}(?![\\p{L}])`, 'iu').test(text));
const dutch = (texts: readonly (Text | undefined)[]) => texts.flatMap((t) => (t === undefined ? [] : [t.nl]));

describe('one form of address per audience', () => {
  it('professional-facing catalogue text has no "u"-form', () => {
    const found = packs.flatMap((pack) => {
      const texts = [
        ...pack.cards
          .filter((c) => c.audience === 'professional')
          .flatMap((c) => dutch([c.title, c.body, ...(c.points ?? [])]).map((t) => [c.id, t] as const)),
        ...pack.pathway.rules.flatMap((r) => dutch([r.label, ...(r.actions ?? [])]).map((t) => [r.id, t] as const)),
        ...pack.pathway.steps.flatMap((s, i) =>
          dutch([s.rationale, ...s.actions]).map((t) => [`step-${i}`, t] as const),
        ),
        ...pack.pathway.safety.actions.flatMap((a) => dutch([a.label]).map((t) => [a.id, t] as const)),
        ...pack.pathway.questions.flatMap((q) => dutch([q.question, q.reminder]).map((t) => [q.id, t] as const)),
        ...pack.helpRoutes.flatMap((h) =>
          dutch([h.offer, ...h.phones.map((p) => p.label)]).map((t) => [h.id, t] as const),
        ),
        ...pack.checklists.flatMap((c) =>
          dutch([c.title, c.purpose, ...c.groups.flatMap((g) => [g.label, ...g.signs])]).map((t) => [c.id, t] as const),
        ),
        ...pack.instruments.flatMap((i) =>
          dutch([
            i.licence.note,
            ...(i.notes ?? []),
            ...(i.presentation === 'score-entry' ? i.items.map((x) => x.topic) : []),
          ]).map((t) => [i.id, t] as const),
        ),
      ];
      return texts.filter(([, t]) => uses(U_FORMS, t).length > 0).map(([id, t]) => `${pack.id}/${id}: ${t}`);
    });
    expect(found).toEqual([]);
  });

  it('client-facing text (cards for the person or a relative, full-text questionnaires) has no "je"-form', () => {
    const found = packs.flatMap((pack) => {
      const texts = [
        ...pack.cards
          .filter((c) => c.audience !== 'professional')
          .flatMap((c) => dutch([c.title, c.body, ...(c.points ?? [])]).map((t) => [c.id, t] as const)),
        ...pack.instruments
          .filter((i) => i.presentation === 'full-text')
          .flatMap((i) =>
            dutch([
              i.instructions,
              ...(i.optionLabels ?? []),
              ...i.items.flatMap((x) => [x.text, ...(x.optionLabels ?? [])]),
            ]).map((t) => [i.id, t] as const),
          ),
      ];
      return texts.filter(([, t]) => uses(JE_FORMS, t).length > 0).map(([id, t]) => `${pack.id}/${id}: ${t}`);
    });
    expect(found).toEqual([]);
  });

  it('the word lists catch what they are meant to catch', () => {
    expect([uses(U_FORMS, 'Leg vast wat u deed'), uses(JE_FORMS, 'Dank je wel'), uses(U_FORMS, 'duur, uur')]).toEqual([
      ['u'],
      ['je'],
      [],
    ]);
  });
});

describe('bands', () => {
  it('every band and subscale band has a name, not only a range', () => {
    const bands: [string, Band][] = packs.flatMap((p) =>
      p.instruments.flatMap((i) => [
        ...i.bands.map((b) => [`${i.id}/${b.id}`, b] as [string, Band]),
        ...i.subscales.flatMap((s) => s.bands.map((b) => [`${i.id}/${s.id}/${b.id}`, b] as [string, Band])),
      ]),
    );
    const unnamed = bands.filter(([, b]) => !/\p{L}{3,}/u.test(b.label.nl) || !/\p{L}{3,}/u.test(b.label.en));
    expect(unnamed.map(([id, b]) => `${id}: ${b.label.nl}`)).toEqual([]);
  });
});
