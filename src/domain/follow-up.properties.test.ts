/** Property tests (fast-check) of the follow-up rule's promises in CONTENT.md §3. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledPack } from '../content/testing';
import { evaluateFollowUp, type PreviousResult, toPrevious } from './follow-up';
import type { FollowUpOutcome } from './result';
import { evaluateScreening } from './routing';
import type { ContentPack, Instrument, ScreeningContext, Step } from './types';

const START = Date.parse('2025-03-03T09:00:00.000Z');
const DAY = 86_400_000;
const NO_SAFETY_ITEM: Record<string, string> = { epds: 'epds-10', 'phq-9': 'phq9-9' };
const cases: { pack: ContentPack; instrumentId: string; context: fc.Arbitrary<ScreeningContext> }[] = [
  {
    pack: bundledPack('postpartum'),
    instrumentId: 'epds',
    context: fc.oneof(
      fc.record({ phase: fc.constant('postpartum' as const), weeks: fc.integer({ min: 0, max: 52 }) }),
      fc.record({ phase: fc.constant('pregnant' as const), gestationWeeks: fc.integer({ min: 4, max: 40 }) }),
    ),
  },
  { pack: bundledPack('relapse-prevention'), instrumentId: 'phq-9', context: fc.constant({ phase: 'none' as const }) },
  { pack: bundledPack('caregivers'), instrumentId: 'phq-9', context: fc.constant({ phase: 'none' as const }) },
  { pack: bundledPack('caregivers'), instrumentId: 'ediz-plus', context: fc.constant({ phase: 'none' as const }) },
  { pack: bundledPack('caregivers'), instrumentId: 'csi', context: fc.constant({ phase: 'none' as const }) },
];
const instrumentOf = (pack: ContentPack, id: string): Instrument => {
  const i = pack.instruments.find((x) => x.id === id);
  if (i === undefined) throw new Error(id);
  return i;
};
const steps = fc.constantFrom<Step>(0, 1, 2, 3);

/** Answers (printed positions) for per-item scores, red-flag items kept at 0 so the rule itself is tested. */
function answersArb(pack: ContentPack, instrumentId: string): fc.Arbitrary<Record<string, number>> {
  const instrument = instrumentOf(pack, instrumentId);
  const scored = instrument.items.filter((i) => i.scored);
  const top = instrument.scoring.optionScores.length - 1;
  const reversed = new Set(instrument.scoring.reversedItems);
  return fc.array(fc.integer({ min: 0, max: top }), { minLength: scored.length, maxLength: scored.length }).map((xs) =>
    Object.fromEntries(
      scored.map((item, k) => {
        const score = item.id === NO_SAFETY_ITEM[instrumentId] ? 0 : (xs[k] ?? 0);
        return [item.id, reversed.has(item.id) ? top - score : score];
      }),
    ),
  );
}

const scenario = fc.constantFrom(...cases).chain((c) =>
  fc.record({
    c: fc.constant(c),
    earlier: answersArb(c.pack, c.instrumentId),
    later: answersArb(c.pack, c.instrumentId),
    context: c.context,
    chosen: steps,
    days: fc.integer({ min: 1, max: 200 }),
  }),
);

function earlierResult(
  pack: ContentPack,
  instrumentId: string,
  answers: Record<string, number>,
  context: ScreeningContext,
  atMs: number,
  chosen?: Step,
  flags: Record<string, boolean> = {},
): PreviousResult {
  const r = evaluateScreening({ pack, instrumentId, answers, context, flags, now: atMs });
  if (!r.ok) throw new Error(r.error.message);
  const p = toPrevious(r.value, chosen);
  if (p === null) throw new Error('no step');
  return p;
}

function follow(
  pack: ContentPack,
  previous: PreviousResult,
  answers: Record<string, number>,
  context: ScreeningContext,
  atMs: number,
  flags: Record<string, boolean> = {},
): FollowUpOutcome {
  const r = evaluateFollowUp({ pack, previous, current: { answers, context, flags }, now: atMs });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('follow-up rule properties (CONTENT.md §3)', () => {
  it('the same score in the same context is never "improved"', () => {
    fc.assert(
      fc.property(scenario, ({ c, earlier, context, chosen, days }) => {
        const prev = earlierResult(c.pack, c.instrumentId, earlier, context, START, chosen);
        const o = follow(c.pack, prev, earlier, context, START + days * DAY);
        expect(o.improved).toBe(false);
        expect(o.branch).not.toBe('improved');
      }),
      { numRuns: 400 },
    );
  });

  it('a run of identical follow-ups settles within three follow-ups and never flips back and forth', () => {
    fc.assert(
      fc.property(scenario, ({ c, earlier, context, chosen }) => {
        let atMs = START;
        let prev = earlierResult(c.pack, c.instrumentId, earlier, context, atMs, chosen);
        const proposals: Step[] = [prev.step];
        for (let i = 0; i < 6; i += 1) {
          atMs += c.pack.pathway.followUp.steps[prev.step].defaultDays * DAY;
          const o = follow(c.pack, prev, earlier, context, atMs);
          proposals.push(o.step);
          prev = earlierResult(c.pack, c.instrumentId, earlier, context, atMs, o.step);
        }
        // Settled: from the third follow-up on, every proposal is the same.
        expect(new Set(proposals.slice(3)).size).toBe(1);
        // Never flips: the run only moves in one direction.
        const ups = proposals.slice(1).some((s, i) => s > (proposals[i] ?? s));
        const downs = proposals.slice(1).some((s, i) => s < (proposals[i] ?? s));
        expect(ups && downs).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('the proposal is never below the current step − 1', () => {
    fc.assert(
      fc.property(scenario, ({ c, earlier, later, context, chosen, days }) => {
        const prev = earlierResult(c.pack, c.instrumentId, earlier, context, START, chosen);
        const o = follow(c.pack, prev, later, context, START + days * DAY);
        expect(o.step).toBeGreaterThanOrEqual(chosen - 1);
      }),
      { numRuns: 500 },
    );
  });

  it('"stabiel" never appears when the new score routes higher than the earlier one', () => {
    fc.assert(
      fc.property(scenario, ({ c, earlier, later, context, chosen, days }) => {
        const prev = earlierResult(c.pack, c.instrumentId, earlier, context, START, chosen);
        const o = follow(c.pack, prev, later, context, START + days * DAY);
        if (prev.routedStep !== null && o.newStep > prev.routedStep) {
          expect(o.branch).not.toBe('stay');
          expect(o.reasons.map((r) => r.ruleId)).not.toContain('follow-up.stay');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a persistent flag is never lowered by a score: carried forward, it still routes to its step', () => {
    const pack = bundledPack('postpartum');
    const flags = { 'psychiatric-history-severe': true };
    fc.assert(
      fc.property(
        answersArb(pack, 'epds'),
        answersArb(pack, 'epds'),
        cases[0]?.context ?? fc.constant({ phase: 'none' as const }),
        fc.integer({ min: 1, max: 200 }),
        (earlier, later, context, days) => {
          const prev = earlierResult(pack, 'epds', earlier, context, START, undefined, flags);
          const o = follow(pack, prev, later, context, START + days * DAY);
          expect(o.current.flags['psychiatric-history-severe']).toBe(true);
          expect([o.newStep, o.step]).toEqual([3, 3]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
