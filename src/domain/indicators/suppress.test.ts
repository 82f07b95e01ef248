import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extend, hiddenCells, type ShownCount, shownText, suppressTable } from './suppress';

/**
 * The attacker: everything published (every shown count, every shown total) as linear equations over
 * the hidden cells (each row and each column of the table with its margins), solved by Gaussian
 * elimination. A hidden cell is derived when the equations fix its value (no free direction of the
 * solution space moves it). This is independent of the graph argument the suppression uses.
 */
function derivableCells(values: readonly (readonly number[])[], hidden: readonly (readonly boolean[])[]): string[] {
  const R = values.length;
  const C = values[0]?.length ?? 0;
  const unknowns: [number, number][] = [];
  for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) if (hidden[r]?.[c]) unknowns.push([r, c]);
  const col = new Map(unknowns.map(([r, c], i) => [`${r},${c}`, i]));
  const n = unknowns.length;
  const equations: number[][] = [];
  // Data rows: cells − row total = 0; total row: period totals − grand total = 0; same for columns.
  const line = (cells: [number, number, number][]) => {
    const eq = new Array<number>(n + 1).fill(0);
    for (const [r, c, sign] of cells) {
      const i = col.get(`${r},${c}`);
      if (i === undefined) eq[n] = (eq[n] ?? 0) - sign * (values[r]?.[c] ?? 0);
      else eq[i] = (eq[i] ?? 0) + sign;
    }
    equations.push(eq);
  };
  for (let r = 0; r < R; r++)
    line(Array.from({ length: C }, (_, c): [number, number, number] => [r, c, c === C - 1 ? -1 : 1]));
  for (let c = 0; c < C; c++)
    line(Array.from({ length: R }, (_, r): [number, number, number] => [r, c, r === R - 1 ? -1 : 1]));
  // Reduced row echelon form.
  const pivots: number[] = [];
  let row = 0;
  for (let k = 0; k < n && row < equations.length; k++) {
    const p = equations.findIndex((eq, i) => i >= row && Math.abs(eq[k] ?? 0) > 1e-9);
    if (p < 0) continue;
    const swap = equations[p] ?? [];
    equations[p] = equations[row] ?? [];
    equations[row] = swap;
    const pivot = swap[k] ?? 1;
    for (let j = 0; j <= n; j++) swap[j] = (swap[j] ?? 0) / pivot;
    equations.forEach((eq, i) => {
      if (i === row) return;
      const f = eq[k] ?? 0;
      if (Math.abs(f) > 1e-12) for (let j = 0; j <= n; j++) eq[j] = (eq[j] ?? 0) - f * (swap[j] ?? 0);
    });
    pivots.push(k);
    row += 1;
  }
  // A pivot unknown is fixed iff its row has no free unknown in it.
  const free = new Set(Array.from({ length: n }, (_, i) => i).filter((i) => !pivots.includes(i)));
  const derived: string[] = [];
  pivots.forEach((k, i) => {
    const eq = equations[i] ?? [];
    if (![...free].some((f) => Math.abs(eq[f] ?? 0) > 1e-9)) derived.push(`${unknowns[k]?.[0]},${unknowns[k]?.[1]}`);
  });
  return derived;
}

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
        },
      ),
      { numRuns: 300 },
    );
  });
});
