// The region's CSV as an attacker gets it: parsed back from text, every published count and total
// becomes an equation, and no hidden cell ("<5" or "x") may follow from them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledPack } from '../../content/testing';
import type { Indicators, IndicatorTableId } from '../../domain';
import { derivableCells } from '../../domain/indicators/derivation-attack';
import { exportCsv, exportSections } from './export-model';

const pack = bundledPack('postpartum');
const TABLES: { id: IndicatorTableId; rows: string[] }[] = [
  { id: 'screenings', rows: ['positive', 'not-positive'] },
  { id: 'steps', rows: ['0', '1', '2', '3', 'safety'] },
  { id: 'follow-ups', rows: ['on-time', 'late', 'missed', 'open'] },
];
const PERIODS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];

const count = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 60 }));
const tables = fc.tuple(
  ...TABLES.map((t) =>
    fc.array(fc.array(count, { minLength: 6, maxLength: 6 }), { minLength: t.rows.length, maxLength: t.rows.length }),
  ),
);

/** CSV sections (blank-line separated) → the extended table of each: numbers, or null when hidden. */
function parse(csv: string): (number | null)[][][] {
  return csv
    .trim()
    .split('\n\n')
    .map((section) =>
      section
        .split('\n')
        .slice(1)
        .map((line) =>
          line
            .split(',')
            .slice(3)
            .map((v) => (v === '<5' || v === 'x' ? null : Number(v))),
        ),
    );
}

describe('the region CSV', () => {
  it('shows no count of 1–4, tells the truth where it shows a count, and lets no hidden cell be derived from its totals', () => {
    fc.assert(
      fc.property(tables, (data) => {
        const indicators: Indicators = {
          periods: PERIODS,
          pathways: [
            {
              pathwayId: 'postpartum',
              tables: TABLES.map((t, i) => ({
                id: t.id,
                rows: t.rows.map((key, r) => ({ key, counts: data[i]?.[r] ?? [] })),
              })),
            },
          ],
        };
        const csv = exportCsv(exportSections(indicators, [pack], 'nl'), 'nl');
        expect(csv).not.toMatch(/\d{4}-\d{2}-\d{2}/);
        const sections = parse(csv);
        expect(sections).toHaveLength(TABLES.length);
        sections.forEach((published, i) => {
          const truth = data[i] ?? [];
          // The true extended table (rows + totals), to compare what is shown.
          const rows = truth.map((r) => [...r, r.reduce((a, b) => a + b, 0)]);
          const totals = (rows[0] ?? []).map((_, c) => rows.reduce((a, r) => a + (r[c] ?? 0), 0));
          const full = [...rows, totals];
          for (const [r, row] of published.entries()) {
            for (const [c, v] of row.entries()) {
              if (v === null) continue;
              expect(v >= 1 && v <= 4).toBe(false);
              expect(v).toBe(full[r]?.[c]);
            }
          }
          const hidden = published.map((row) => row.map((v) => v === null));
          const known = published.map((row) => row.map((v) => v ?? 0));
          expect(derivableCells(known, hidden)).toEqual([]);
        });
      }),
      { numRuns: 60 },
    );
  });
});
