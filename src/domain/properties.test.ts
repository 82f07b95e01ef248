/** Property tests (fast-check): monotone steps, safety on any self-harm answer, order independence. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledPack } from '../content/testing';
import type { Recommendation } from './result';
import { evaluateScreening } from './routing';
import type { ContentPack, Instrument, ScreeningContext } from './types';

const NOW = '2025-03-03T09:00:00.000Z';
const rank = (r: Recommendation): number => (r.kind === 'safety' ? 4 : r.kind === 'step' ? r.step : -1);
const cases: { pack: ContentPack; instrumentId: string; context: ScreeningContext; redFlagItem: string | null }[] = [
  {
    pack: bundledPack('postpartum'),
    instrumentId: 'epds',
    context: { phase: 'postpartum', weeks: 6 },
    redFlagItem: 'epds-10',
  },
  { pack: bundledPack('relapse-prevention'), instrumentId: 'phq-9', context: { phase: 'none' }, redFlagItem: 'phq9-9' },
  { pack: bundledPack('caregivers'), instrumentId: 'phq-9', context: { phase: 'none' }, redFlagItem: 'phq9-9' },
  { pack: bundledPack('caregivers'), instrumentId: 'ediz-plus', context: { phase: 'none' }, redFlagItem: null },
  { pack: bundledPack('caregivers'), instrumentId: 'csi', context: { phase: 'none' }, redFlagItem: null },
];
const instrumentOf = (c: (typeof cases)[number]): Instrument => {
  const i = c.pack.instruments.find((x) => x.id === c.instrumentId);
  if (i === undefined) throw new Error(c.instrumentId);
  return i;
};
const contexts = fc.oneof(
  fc.record({
    phase: fc.constant('pregnant' as const),
    trimester: fc.constantFrom(1 as const, 2 as const, 3 as const),
  }),
  fc.record({ phase: fc.constant('postpartum' as const), weeks: fc.integer({ min: 0, max: 52 }) }),
);

/** Per-item scores as answers: the position that gives `score` under the instrument's own key. */
function answersFromScores(instrument: Instrument, scores: readonly number[]): Record<string, number> {
  const key = instrument.scoring.optionScores;
  const position = (reversed: boolean, score: number) =>
    reversed ? key.length - 1 - key.indexOf(score) : key.lastIndexOf(score);
  const reversed = new Set(instrument.scoring.reversedItems);
  return Object.fromEntries(
    instrument.items
      .filter((i) => i.scored)
      .map((item, k) => [item.id, position(reversed.has(item.id), scores[k] ?? 0)]),
  );
}

function rec(
  c: (typeof cases)[number],
  answers: Record<string, number> | readonly { itemId: string; position: number }[],
  context = c.context,
) {
  const r = evaluateScreening({ pack: c.pack, instrumentId: c.instrumentId, answers, context, now: NOW });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('properties', () => {
  for (const c of cases) {
    const instrument = instrumentOf(c);
    const n = instrument.items.filter((i) => i.scored).length;
    const top = Math.max(...instrument.scoring.optionScores);
    const scores = fc.array(fc.integer({ min: 0, max: top }), { minLength: n, maxLength: n });

    it(`${c.pack.id}/${c.instrumentId}: a more symptomatic answer never lowers the step`, () => {
      fc.assert(
        fc.property(scores, fc.nat(n - 1), contexts, (s, k, ctx) => {
          if ((s[k] ?? 0) >= top) return;
          const more = s.map((x, i) => (i === k ? x + 1 : x));
          const context = c.pack.pathway.context === 'perinatal' ? ctx : c.context;
          expect(rank(rec(c, answersFromScores(instrument, more), context).recommendation)).toBeGreaterThanOrEqual(
            rank(rec(c, answersFromScores(instrument, s), context).recommendation),
          );
        }),
        { numRuns: 300 },
      );
    });

    it(`${c.pack.id}/${c.instrumentId}: results do not depend on answer order`, () => {
      fc.assert(
        fc.property(
          scores.chain((s) =>
            fc
              .shuffledSubarray(Object.entries(answersFromScores(instrument, s)), { minLength: n, maxLength: n })
              .map((entries) => ({ s, entries })),
          ),
          ({ s, entries }) => {
            const reference = rec(c, answersFromScores(instrument, s));
            expect(rec(c, Object.fromEntries(entries))).toEqual(reference);
            expect(
              rec(
                c,
                entries.map(([itemId, position]) => ({ itemId, position })),
              ),
            ).toEqual(reference);
          },
        ),
        { numRuns: 200 },
      );
    });

    const flagItem = c.redFlagItem;
    if (flagItem !== null) {
      it(`${c.pack.id}/${c.instrumentId}: any positive self-harm item always yields the safety path`, () => {
        const index = instrument.items.findIndex((i) => i.id === flagItem);
        fc.assert(
          fc.property(scores, fc.integer({ min: 1, max: top }), (s, flag) => {
            const withFlag = s.map((x, i) => (i === index ? flag : x));
            expect(rec(c, answersFromScores(instrument, withFlag)).recommendation.kind).toBe('safety');
          }),
          { numRuns: 300 },
        );
      });
    }
  }
});
