/**
 * Walks the whole answer space of each instrument against an independent reference whose keys
 * are hard-coded from CONTENT.md §2 (never read from the pack), counting mismatches.
 */
import { describe, expect, it } from 'vitest';
import { bundledInstrument } from '../content/testing';
import { scoreInstrument } from './score';
import type { Instrument } from './types';

// CONTENT.md §2: EPDS items 1, 2, 4 score 0–3 in printed order; 3 and 5–10 are reversed.
const EPDS_REVERSED = new Set([3, 5, 6, 7, 8, 9, 10]);
const epdsItemScore = (item: number, position: number) => (EPDS_REVERSED.has(item) ? 3 - position : position);
const epdsBand = (t: number) => (t <= 9 ? 'low' : t <= 12 ? 'raised' : 'high');
const phqBand = (t: number) =>
  t <= 4 ? 'minimal' : t <= 9 ? 'mild' : t <= 14 ? 'moderate' : t <= 19 ? 'moderately-severe' : 'severe';
const edizBand = (t: number) => (t === 0 ? 'none' : t <= 3 ? 'light' : t <= 8 ? 'moderate' : 'heavy');
const csiBand = (t: number) => (t >= 7 ? 'high-strain' : 'below-threshold');

interface Reference {
  readonly prefix: string;
  readonly items: number;
  readonly options: number;
  readonly itemScore: (item: number, position: number) => number;
  readonly band: (total: number) => string;
  /** 1-based item whose score ≥ 1 is a red flag, or null. */
  readonly redFlagItem: number | null;
  /** The printed position the walked option stands for (default: the same). */
  readonly positionOf?: (option: number) => number;
}

/** Returns the number of combinations where the engine and the reference disagree. */
function walk(
  instrument: Instrument,
  ref: Reference,
): { combinations: number; mismatches: number; firstMismatch: string | null } {
  const combinations = ref.options ** ref.items;
  const answers: Record<string, number> = {};
  const positions = new Array<number>(ref.items).fill(0);
  let mismatches = 0;
  let firstMismatch: string | null = null;
  for (let n = 0; n < combinations; n++) {
    let rest = n;
    let total = 0;
    let redFlag = false;
    for (let i = 0; i < ref.items; i++) {
      const p = rest % ref.options;
      rest = (rest - p) / ref.options;
      positions[i] = p;
      answers[`${ref.prefix}-${i + 1}`] = ref.positionOf ? ref.positionOf(p) : p;
      const s = ref.itemScore(i + 1, p);
      total += s;
      if (ref.redFlagItem === i + 1 && s >= 1) redFlag = true;
    }
    const result = scoreInstrument(instrument, answers);
    const same =
      result.ok &&
      result.value.total === total &&
      result.value.band.id === ref.band(total) &&
      result.value.redFlags.length > 0 === redFlag;
    if (!same) {
      mismatches++;
      firstMismatch ??= `positions ${positions.join(',')}: reference ${total}/${ref.band(total)}/${redFlag}`;
    }
  }
  return { combinations, mismatches, firstMismatch };
}

describe('exhaustive scoring against an independent reference', () => {
  it('EPDS: all 4^10 answer combinations give the reference total, band and item-10 red flag', () => {
    const r = walk(bundledInstrument('postpartum', 'epds'), {
      prefix: 'epds',
      items: 10,
      options: 4,
      itemScore: epdsItemScore,
      band: epdsBand,
      redFlagItem: 10,
    });
    expect(r.combinations).toBe(1_048_576);
    expect(r.firstMismatch).toBeNull();
    expect(r.mismatches).toBe(0);
  });

  it('PHQ-9: all 4^9 combinations give the reference total, band and item-9 red flag', () => {
    for (const pack of ['relapse-prevention', 'caregivers'] as const) {
      const r = walk(bundledInstrument(pack, 'phq-9'), {
        prefix: 'phq9',
        items: 9,
        options: 4,
        itemScore: (_i, p) => p,
        band: phqBand,
        redFlagItem: 9,
      });
      expect(r.combinations).toBe(262_144);
      expect(r.mismatches).toBe(0);
    }
  });

  it('EDIZ-plus: all 2^15 combinations of "Nee" and "Min of meer" give the reference total and band, never a red flag', () => {
    // 5^15 is too many to walk; the two answers either side of the point boundary are walked here,
    // every printed answer of every item is pinned one by one below.
    const r = walk(bundledInstrument('caregivers', 'ediz-plus'), {
      prefix: 'ediz',
      items: 15,
      options: 2,
      itemScore: (_i, p) => p,
      band: edizBand,
      redFlagItem: null,
      positionOf: (p) => p + 1,
    });
    expect(r.combinations).toBe(32_768);
    expect(r.mismatches).toBe(0);
  });

  it('EDIZ-plus: on every item "Min of meer", "Ja" and "Ja!" score a point, "Nee!" and "Nee" none', () => {
    const ediz = bundledInstrument('caregivers', 'ediz-plus');
    // CONTENT.md §7 / S45, hard-coded: printed order Nee! · Nee · Min of meer · Ja · Ja!
    const reference = [0, 0, 1, 1, 1];
    const wrong: string[] = [];
    for (let item = 1; item <= 15; item++) {
      for (let p = 0; p < 5; p++) {
        const answers = Object.fromEntries(
          Array.from({ length: 15 }, (_, i) => [`ediz-${i + 1}`, i + 1 === item ? p : 1]),
        );
        const s = scoreInstrument(ediz, answers);
        if (!s.ok || s.value.total !== reference[p]) wrong.push(`item ${item} position ${p}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('CSI: all 2^13 combinations give the reference total and band, never a red flag', () => {
    const r = walk(bundledInstrument('caregivers', 'csi'), {
      prefix: 'csi',
      items: 13,
      options: 2,
      itemScore: (_i, p) => p,
      band: csiBand,
      redFlagItem: null,
    });
    expect(r.combinations).toBe(8_192);
    expect(r.mismatches).toBe(0);
  });
});

describe('EPDS named edge cases', () => {
  const epds = bundledInstrument('postpartum', 'epds');
  const byScores = (scores: readonly number[]) =>
    Object.fromEntries(scores.map((s, i) => [`epds-${i + 1}`, EPDS_REVERSED.has(i + 1) ? 3 - s : s]));
  const score = (answers: Record<string, number>) => {
    const r = scoreInstrument(epds, answers);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };

  it('every item at its minimum scores 0, band low, no red flag', () => {
    const s = score(byScores([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    expect([s.total, s.band.id, s.redFlags.length]).toEqual([0, 'low', 0]);
  });

  it('every item at its maximum scores 30, band high, item-10 red flag', () => {
    const s = score(byScores([3, 3, 3, 3, 3, 3, 3, 3, 3, 3]));
    expect([s.total, s.band.id, s.redFlags.map((f) => f.ruleId)]).toEqual([30, 'high', ['epds.item-10']]);
  });

  it('the first printed option scores 3 on each reversed item (3, 5–10) and 0 on items 1, 2, 4', () => {
    for (let item = 1; item <= 10; item++) {
      const answers = byScores([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
      answers[`epds-${item}`] = 0;
      expect(score(answers).items.find((i) => i.number === item)?.score).toBe(EPDS_REVERSED.has(item) ? 3 : 0);
    }
  });

  it('the self-harm item alone (item 10 = 1, all else 0) is a red flag with a total of 1', () => {
    const s = score(byScores([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]));
    expect([s.total, s.redFlags.length, s.keyVerified]).toEqual([1, 1, false]);
  });

  it('lists every item score so the professional can check it against the paper form', () => {
    expect(score(byScores([1, 2, 3, 0, 1, 2, 3, 0, 1, 2])).items.map((i) => i.score)).toEqual([
      1, 2, 3, 0, 1, 2, 3, 0, 1, 2,
    ]);
  });
});

describe('PHQ-9 named edge cases', () => {
  const phq9 = bundledInstrument('relapse-prevention', 'phq-9');
  const answers = (scores: readonly number[]) => Object.fromEntries(scores.map((s, i) => [`phq9-${i + 1}`, s]));
  it('every item at minimum is 0 (minimal), at maximum 27 (severe) with an item-9 red flag', () => {
    const min = scoreInstrument(phq9, answers([0, 0, 0, 0, 0, 0, 0, 0, 0]));
    const max = scoreInstrument(phq9, answers([3, 3, 3, 3, 3, 3, 3, 3, 3]));
    expect(min.ok && [min.value.total, min.value.band.id]).toEqual([0, 'minimal']);
    expect(max.ok && [max.value.total, max.value.band.id, max.value.redFlags.length]).toEqual([27, 'severe', 1]);
  });
  it('the unscored difficulty question does not change the total and is reported separately', () => {
    const r = scoreInstrument(phq9, { ...answers([1, 1, 1, 1, 1, 1, 1, 1, 0]), 'phq9-difficulty': 3 });
    expect(r.ok && [r.value.total, r.value.unscored]).toEqual([8, [{ itemId: 'phq9-difficulty', position: 3 }]]);
  });
  it('PHQ-2 subscale is items 1–2 with ≥ 3 positive', () => {
    const r = scoreInstrument(phq9, answers([2, 1, 0, 0, 0, 0, 0, 0, 0]));
    expect(r.ok && r.value.subscales).toEqual([
      { id: 'phq-2', score: 3, band: expect.objectContaining({ id: 'positive' }) },
    ]);
  });
});
