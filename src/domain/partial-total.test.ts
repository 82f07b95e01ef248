// Score entry's running total and its at-once red flag, on the bundled EPDS (CONTENT.md §2: items 1, 2
// and 4 in printed order, 3 and 5–10 reversed; item 10 ≥ 1 is a red flag).
import { describe, expect, it } from 'vitest';
import { bundledInstrument } from '../content/testing';
import { raisesRedFlag } from './red-flags';
import { itemKey, partialTotal } from './score';

const epds = bundledInstrument('postpartum', 'epds');
const id = (n: number) => epds.items.find((i) => i.number === n)?.id ?? '';

describe('partialTotal', () => {
  it('adds the key points of the answered items only', () => {
    expect(partialTotal(epds, {})).toBe(0);
    // item 1, 2nd printed = 1; item 3 (reversed), 1st printed = 3
    expect(partialTotal(epds, { [id(1)]: 1, [id(3)]: 0 })).toBe(4);
  });
});

describe('raisesRedFlag', () => {
  it('is true for EPDS item 10 scoring 1 or more, false for 0 and for other items', () => {
    const key = itemKey(epds, id(10)) ?? [];
    expect(raisesRedFlag(epds, id(10), key[0])).toBe(true);
    expect(raisesRedFlag(epds, id(10), key[2])).toBe(true);
    expect(raisesRedFlag(epds, id(10), key[3])).toBe(false);
    expect(raisesRedFlag(epds, id(9), 3)).toBe(false);
    expect(raisesRedFlag(epds, id(10), undefined)).toBe(false);
  });
});
