/**
 * Small-count suppression for the region's export (issue 22). A count of 1–4 is shown as "<5"
 * (primary); 0 stays 0. Secondary suppression then hides more cells until no hidden cell follows
 * from the published row, column and period totals.
 *
 * Why the graph: extend the table with its margins (row totals as an extra column, period totals as
 * an extra row, the grand total in the corner). Every row and every column of that extended table is
 * one linear equation. Take a node per row and per column and an edge per hidden cell: a hidden cell
 * is exactly derivable from the equations if and only if its edge is a bridge (lies on no cycle) —
 * the unknowns' freedom is the graph's cycle space. So we hide cells until no hidden edge is a
 * bridge, cheapest (smallest) counts first. This protects against linear derivation from the totals
 * of one table. One use of the bounds is closed too: a row or column whose hidden cells are all "<5"
 * and whose published total leaves them summing to k or 4k (k cells) would pin them all to 1 or 4,
 * so such a line hides one more cell. Combinations of bounds over several lines are not covered.
 */

export type ShownCount =
  | { readonly kind: 'count'; readonly value: number }
  /** Primary: 1–4. */
  | { readonly kind: 'small' }
  /** Secondary: hidden so that a small count cannot be worked out from the totals. */
  | { readonly kind: 'hidden' };

export interface SuppressedTable {
  /** [row][period] */
  readonly cells: readonly (readonly ShownCount[])[];
  readonly rowTotals: readonly ShownCount[];
  readonly periodTotals: readonly ShownCount[];
  readonly grandTotal: ShownCount;
}

export const SMALL_MAX = 4;

export const isSmall = (n: number): boolean => n >= 1 && n <= SMALL_MAX;

type Cell = readonly [row: number, col: number];

/** The extended table: data cells, row totals in the last column, period totals in the last row. */
export function extend(counts: readonly (readonly number[])[], periods: number): number[][] {
  const rows = counts.map((r) => {
    const row = Array.from({ length: periods }, (_, c) => r[c] ?? 0);
    return [...row, row.reduce((a, b) => a + b, 0)];
  });
  const totals = Array.from({ length: periods + 1 }, (_, c) => rows.reduce((a, r) => a + (r[c] ?? 0), 0));
  return [...rows, totals];
}

/** True when the edge (r, c) lies on no cycle of the hidden cells' graph (so it can be derived). */
function isBridge(hidden: readonly boolean[][], r: number, c: number): boolean {
  const R = hidden.length;
  const C = hidden[0]?.length ?? 0;
  // Search from row node r to column node c without using the edge (r, c) itself.
  const seenRows = new Array<boolean>(R).fill(false);
  const seenCols = new Array<boolean>(C).fill(false);
  const queue: { row: boolean; i: number }[] = [{ row: true, i: r }];
  seenRows[r] = true;
  while (queue.length > 0) {
    const node = queue.pop();
    if (node === undefined) break;
    if (node.row) {
      for (let j = 0; j < C; j++) {
        if (!hidden[node.i]?.[j] || (node.i === r && j === c) || seenCols[j]) continue;
        if (j === c) return false;
        seenCols[j] = true;
        queue.push({ row: false, i: j });
      }
    } else {
      for (let i = 0; i < R; i++) {
        if (!hidden[i]?.[node.i] || (i === r && node.i === c) || seenRows[i]) continue;
        seenRows[i] = true;
        queue.push({ row: true, i });
      }
    }
  }
  return true;
}

function firstBridge(hidden: readonly boolean[][]): Cell | null {
  for (let r = 0; r < hidden.length; r++) {
    const row = hidden[r] ?? [];
    for (let c = 0; c < row.length; c++) if (row[c] && isBridge(hidden, r, c)) return [r, c];
  }
  return null;
}

/**
 * The cells of a line (a row or column of the extended table, its total last) whose hidden cells are
 * all "<5" data cells with a shown total, summing to k or 4k: the bounds 1–4 would pin them.
 */
function pinnedLine(values: readonly (readonly number[])[], hidden: readonly boolean[][]): Cell[] | null {
  const R = values.length;
  const C = values[0]?.length ?? 0;
  const lines: Cell[][] = [
    ...Array.from({ length: R }, (_, r) => Array.from({ length: C }, (_, c): Cell => [r, c])),
    ...Array.from({ length: C }, (_, c) => Array.from({ length: R }, (_, r): Cell => [r, c])),
  ];
  for (const line of lines) {
    const total = line.at(-1);
    if (total === undefined || hidden[total[0]]?.[total[1]]) continue;
    const cells = line.slice(0, -1).filter(([r, c]) => hidden[r]?.[c]);
    if (cells.length === 0) continue;
    const sums = cells.map(([r, c]) => values[r]?.[c] ?? 0);
    if (!sums.every(isSmall)) continue;
    const sum = sums.reduce((a, b) => a + b, 0);
    if (sum === cells.length || sum === SMALL_MAX * cells.length) return line;
  }
  return null;
}

/**
 * Open cells, cheapest to hide first: data cells before totals (tables of one export share period
 * totals — screenings and decisions per month are the same number — so a total hidden in one table
 * but shown in another would give it away), the smallest count above zero first, then zeros.
 */
function candidates(values: readonly (readonly number[])[], hidden: readonly boolean[][]): Cell[] {
  const out: Cell[] = [];
  values.forEach((row, r) => {
    row.forEach((_, c) => {
      if (!hidden[r]?.[c]) out.push([r, c]);
    });
  });
  const last = { row: values.length - 1, col: (values[0]?.length ?? 1) - 1 };
  const cost = ([r, c]: Cell) => {
    const v = values[r]?.[c] ?? 0;
    const margin = r === last.row || c === last.col ? 2 ** 40 : 0;
    return margin + (v === 0 ? 2 ** 39 : v);
  };
  return out.sort((a, b) => cost(a) - cost(b) || a[0] - b[0] || a[1] - b[1]);
}

/** Which cells of the extended table are hidden: primary (1–4) plus secondary until no bridge remains. */
export function hiddenCells(values: readonly (readonly number[])[]): { hidden: boolean[][]; primary: boolean[][] } {
  const primary = values.map((row) => row.map(isSmall));
  const hidden = primary.map((row) => [...row]);
  for (;;) {
    const bridge = firstBridge(hidden);
    const open = candidates(values, hidden);
    if (bridge === null) {
      const line = pinnedLine(values, hidden);
      if (line === null) break;
      const inLine = open.find(([r2, c2]) => line.some(([r, c]) => r === r2 && c === c2));
      if (inLine === undefined) break;
      const row = hidden[inLine[0]];
      if (row) row[inLine[1]] = true;
      continue;
    }
    const [r, c] = bridge;
    // One more hidden cell that puts the bridge on a cycle, if one exists; else grow from its row or
    // column (the next round closes the cycle). Every round hides a cell, so this ends.
    const closing = open.find(([r2, c2]) => {
      const row = hidden[r2];
      if (row === undefined) return false;
      row[c2] = true;
      const still = isBridge(hidden, r, c);
      row[c2] = false;
      return !still;
    });
    const next = closing ?? open.find(([r2, c2]) => r2 === r || c2 === c) ?? open[0];
    if (next === undefined) break;
    const row = hidden[next[0]];
    if (row) row[next[1]] = true;
  }
  return { hidden, primary };
}

export function suppressTable(counts: readonly (readonly number[])[], periods: number): SuppressedTable {
  const values = extend(counts, periods);
  const { hidden, primary } = hiddenCells(values);
  const shown = (r: number, c: number): ShownCount => {
    if (primary[r]?.[c]) return { kind: 'small' };
    if (hidden[r]?.[c]) return { kind: 'hidden' };
    return { kind: 'count', value: values[r]?.[c] ?? 0 };
  };
  const R = counts.length;
  return {
    cells: counts.map((_, r) => Array.from({ length: periods }, (_, c) => shown(r, c))),
    rowTotals: counts.map((_, r) => shown(r, periods)),
    periodTotals: Array.from({ length: periods }, (_, c) => shown(R, c)),
    grandTotal: shown(R, periods),
  };
}

/** How a suppressed count is written in the CSV and on paper. */
export function shownText(s: ShownCount): string {
  if (s.kind === 'small') return '<5';
  if (s.kind === 'hidden') return 'x';
  return String(s.value);
}
