/** Invalid input gives a typed error, never a wrong score. */
import { describe, expect, it } from 'vitest';
import { bundledPack, epdsTotal } from '../content/testing';
import { evaluateScreening, type ScreeningInput } from './routing';
import { scoreInstrument } from './score';

const pack = bundledPack('postpartum');
const base: ScreeningInput = {
  pack,
  instrumentId: 'epds',
  answers: epdsTotal(5),
  context: { phase: 'postpartum', weeks: 6 },
  now: '2025-03-03T09:00:00Z',
};
const code = (input: Partial<ScreeningInput>) => {
  const r = evaluateScreening({ ...base, ...input });
  return r.ok ? 'ok' : r.error.code;
};

describe('invalid input', () => {
  it('a missing answer is refused, naming the item', () => {
    const { 'epds-4': _dropped, ...rest } = epdsTotal(5);
    const r = evaluateScreening({ ...base, answers: rest });
    expect(r.ok ? null : [r.error.code, r.error.itemId]).toEqual(['missing-answer', 'epds-4']);
  });
  it('out-of-range, negative and fractional option positions are refused', () => {
    for (const bad of [4, -1, 1.5, Number.NaN])
      expect(code({ answers: { ...epdsTotal(5), 'epds-2': bad } })).toBe('out-of-range');
  });
  it('an unknown item and a duplicate answer are refused', () => {
    expect(code({ answers: { ...epdsTotal(5), 'epds-11': 0 } })).toBe('unknown-item');
    expect(
      code({
        answers: [
          { itemId: 'epds-1', position: 0 },
          { itemId: 'epds-1', position: 1 },
        ],
      }),
    ).toBe('duplicate-answer');
  });
  it('an unknown instrument, or one from another pathway, is refused', () => {
    expect(code({ instrumentId: 'zarit' })).toBe('unknown-instrument');
  });
  it('the postpartum pathway needs a context; trimester must be 1–3 and weeks 0–52', () => {
    expect(code({ context: { phase: 'none' } })).toBe('context-required');
    expect(code({ context: { phase: 'postpartum', weeks: 53 } })).toBe('invalid-context');
    expect(code({ context: { phase: 'postpartum', weeks: 52 } })).toBe('ok');
  });
  it('an unknown question flag and an invalid `now` are refused', () => {
    expect(code({ flags: { 'made-up': true } })).toBe('unknown-flag');
    expect(code({ now: 'yesterday' })).toBe('invalid-now');
    expect(code({ now: Date.UTC(2025, 2, 3) })).toBe('ok');
  });
  it('scoreInstrument accepts answers as a map or as a list of pairs with the same result', () => {
    const epds = pack.instruments.find((i) => i.id === 'epds');
    if (epds === undefined) throw new Error('no epds');
    const map = epdsTotal(12, 1);
    const list = Object.entries(map).map(([itemId, position]) => ({ itemId, position }));
    const a = scoreInstrument(epds, map);
    const b = scoreInstrument(epds, list);
    expect(a).toEqual(b);
  });
});
