import { describe, expect, it } from 'vitest';
import { bundledInstrument } from '../../content/testing';
import { lastDigit, offersQuickEntry, parseQuick, quickItems, tappedItems } from './quick-entry';

const epds = bundledInstrument('postpartum', 'epds');
const ediz = bundledInstrument('caregivers', 'ediz-plus');

describe('the row of digits for score entry', () => {
  it('EPDS: items 1–9 are typed, item 10 (self-harm, a red flag) is always tapped on its own', () => {
    expect(offersQuickEntry(epds)).toBe(true);
    expect(quickItems(epds).map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(tappedItems(epds).map((i) => i.number)).toEqual([10]);
    expect(lastDigit(epds)).toBe(4);
  });

  it('turns digits into printed positions (1 = the first printed answer), never into points', () => {
    const parsed = parseQuick(epds, '3 2 1 4 1 4 4 4 4');
    expect(parsed.problem).toBeNull();
    expect(parsed.complete).toBe(true);
    expect(parsed.answers).toEqual({
      'epds-1': 2,
      'epds-2': 1,
      'epds-3': 0,
      'epds-4': 3,
      'epds-5': 0,
      'epds-6': 3,
      'epds-7': 3,
      'epds-8': 3,
      'epds-9': 3,
    });
    expect(parsed.answers).not.toHaveProperty('epds-10');
  });

  it('a partial row fills what is typed and is not complete', () => {
    expect(parseQuick(epds, '21')).toEqual({ answers: { 'epds-1': 1, 'epds-2': 0 }, complete: false, problem: null });
  });

  it('names the first character that is no printed answer and keeps only the digits before it', () => {
    expect(parseQuick(epds, '215')).toEqual({
      answers: { 'epds-1': 1, 'epds-2': 0 },
      complete: false,
      problem: { kind: 'not-a-position', at: 3, char: '5' },
    });
    expect(parseQuick(epds, '0').problem).toEqual({ kind: 'not-a-position', at: 1, char: '0' });
    expect(parseQuick(epds, '2a').problem).toEqual({ kind: 'not-a-position', at: 2, char: 'a' });
  });

  it('a tenth digit is refused: it would be the self-harm item, which is tapped', () => {
    const parsed = parseQuick(epds, '2222222222');
    expect(parsed.problem).toEqual({ kind: 'too-many', count: 9 });
    expect(parsed.complete).toBe(false);
    expect(parsed.answers).not.toHaveProperty('epds-10');
  });

  it('EDIZ-plus (no red-flag item): all 15 items are typed, 1–5 per item', () => {
    expect(quickItems(ediz)).toHaveLength(15);
    expect(tappedItems(ediz)).toHaveLength(0);
    expect(lastDigit(ediz)).toBe(5);
    expect(parseQuick(ediz, '444442222222222').complete).toBe(true);
  });
});
