// Test support (not imported by shipped code): the attacker the export's suppression must defeat.

/**
 * The attacker: everything published (every shown count, every shown total) as linear equations over
 * the hidden cells (each row and each column of the table with its margins), solved by Gaussian
 * elimination. A hidden cell is derived when the equations fix its value (no free direction of the
 * solution space moves it). This is independent of the graph argument the suppression uses.
 */
export function derivableCells(
  values: readonly (readonly number[])[],
  hidden: readonly (readonly boolean[])[],
): string[] {
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

/**
 * The bounds attacker on one line: a row or column whose hidden cells are all "<5" data cells, with
 * its total shown, pins them when the residual is k (all 1) or 4k (all 4). Returns such lines.
 */
export function linesPinnedByBounds(
  values: readonly (readonly number[])[],
  hidden: readonly (readonly boolean[])[],
  primary: readonly (readonly boolean[])[],
): string[] {
  const R = values.length;
  const C = values[0]?.length ?? 0;
  const out: string[] = [];
  const check = (name: string, cells: [number, number][], total: [number, number]) => {
    if (hidden[total[0]]?.[total[1]]) return;
    const unknown = cells.filter(([r, c]) => hidden[r]?.[c]);
    if (unknown.length === 0 || !unknown.every(([r, c]) => primary[r]?.[c])) return;
    const known = cells.filter(([r, c]) => !hidden[r]?.[c]).reduce((a, [r, c]) => a + (values[r]?.[c] ?? 0), 0);
    const residual = (values[total[0]]?.[total[1]] ?? 0) - known;
    if (residual === unknown.length || residual === 4 * unknown.length) out.push(name);
  };
  for (let r = 0; r < R; r++)
    check(
      `row ${r}`,
      Array.from({ length: C - 1 }, (_, c): [number, number] => [r, c]),
      [r, C - 1],
    );
  for (let c = 0; c < C; c++)
    check(
      `column ${c}`,
      Array.from({ length: R - 1 }, (_, r): [number, number] => [r, c]),
      [R - 1, c],
    );
  return out;
}
