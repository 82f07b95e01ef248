import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivableCells, linesPinnedByBounds } from './derivation-attack';
import { extend, hiddenCells, type ShownCount, shownText, suppressTable } from './suppress';

const kinds = (cells: readonly ShownCount[]) => cells.map((c) => (c.kind === 'count' ? c.value : c.kind));

describe('suppression of small counts', () => {
  it('hides 4 as "<5" and shows 5 as 5, and 0 as 0 (primary suppression)', () => {
    const { primary } = hiddenCells([[4, 5, 0, 1]]);
    expect(primary[0]).toEqual([true, false, false, true]);
    expect(shownText({ kind: 'small' })).toBe('<5');
    expect(shownText({ kind: 'count', value: 5 })).toBe('5');
    expect(shownText({ kind: 'count', value: 0 })).toBe('0');
  });

  it('keeps a 5 next to a protected block of small counts visible', () => {
    // The four small counts hide each other (a cycle); the totals are 5 or more.
    const t = suppressTable(
      [
        [4, 1, 5],
        [2, 4, 9],
        [9, 9, 9],
      ],
      3,
    );
    expect(kinds(t.cells[0] ?? [])).toEqual(['small', 'small', 5]);
    expect(kinds(t.cells[1] ?? [])).toEqual(['small', 'small', 9]);
  });

  it('a table without small counts is published whole, totals included', () => {
    const t = suppressTable(
      [
        [5, 6],
        [7, 0],
      ],
      2,
    );
    expect(kinds(t.cells.flat())).toEqual([5, 6, 7, 0]);
    expect(kinds(t.rowTotals)).toEqual([11, 7]);
    expect(kinds(t.periodTotals)).toEqual([12, 6]);
    expect(t.grandTotal).toEqual({ kind: 'count', value: 18 });
  });

  it('the attacker derives a lone "<5" from its row total when only primary suppression is applied', () => {
    const values = extend(
      [
        [3, 10, 12],
        [9, 8, 7],
      ],
      3,
    );
    const primaryOnly = values.map((r) => r.map((v) => v >= 1 && v <= 4));
    expect(derivableCells(values, primaryOnly)).toEqual(['0,0']);
  });

  it('two "<5" in a row that the total would pin to 1 and 1 get a third hidden cell', () => {
    const values = extend(
      [
        [1, 1, 20],
        [1, 1, 30],
        [9, 9, 9],
      ],
      3,
    );
    const primaryOnly = values.map((r) => r.map((v) => v >= 1 && v <= 4));
    // The 2×2 block of 1s is a cycle (no linear derivation), but the bounds pin it.
    expect(derivableCells(values, primaryOnly)).toEqual([]);
    expect(linesPinnedByBounds(values, primaryOnly, primaryOnly)).not.toEqual([]);
    const { hidden, primary } = hiddenCells(values);
    expect(linesPinnedByBounds(values, hidden, primary)).toEqual([]);
    expect(derivableCells(values, hidden)).toEqual([]);
  });

  it('hides a second cell in the row and column of a lone "<5"', () => {
    const t = suppressTable(
      [
        [3, 10, 12],
        [9, 8, 7],
      ],
      3,
    );
    expect(t.cells[0]?.[0]).toEqual({ kind: 'small' });
    expect(t.cells.flat().filter((c) => c.kind === 'hidden').length).toBeGreaterThan(0);
    // Data cells carry the secondary suppression: the totals other tables share stay published.
    expect(kinds([...t.rowTotals, ...t.periodTotals, t.grandTotal])).toEqual([25, 24, 12, 18, 19, 49]);
  });

  it('no hidden cell can be derived from the published row, column and period totals (random tables)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((rows) =>
          fc.integer({ min: 1, max: 12 }).chain((periods) =>
            fc
              .array(
                fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 40 })), {
                  minLength: periods,
                  maxLength: periods,
                }),
                { minLength: rows, maxLength: rows },
              )
              .map((counts) => ({ counts, periods })),
          ),
        ),
        ({ counts, periods }) => {
          const values = extend(counts, periods);
          const { hidden, primary } = hiddenCells(values);
          // Every small count is hidden, and the attacker fixes none of the hidden cells.
          expect(primary).toEqual(values.map((row) => row.map((v) => v >= 1 && v <= 4)));
          expect(derivableCells(values, hidden)).toEqual([]);
          expect(linesPinnedByBounds(values, hidden, primary)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
