// What leaves the device for the region: per pathway and table, the counts after suppression
// (src/domain/indicators/suppress.ts) as text. Periods are months or quarters; no client codes,
// no dates. The screen shows real counts; only this model is printed or exported.
import {
  type ContentPack,
  type Indicators,
  type IndicatorTable,
  type IndicatorTableId,
  shownText,
  suppressTable,
} from '../../domain';
import type { Language } from '../../i18n/translate';
import type { CountsRow } from './counts-table';
import { periodLabel, rowLabel } from './labels';
import { indicatorMessages } from './messages';

export interface ExportSection {
  readonly pathway: string;
  readonly tableId: IndicatorTableId;
  readonly title: string;
  readonly periods: readonly string[];
  readonly rows: readonly CountsRow[];
  readonly totals: CountsRow;
}

/** Rows as the screen shows them: the real counts. */
export function screenRows(pack: ContentPack, table: IndicatorTable, language: Language) {
  const rows: CountsRow[] = table.rows.map((r) => ({
    key: r.key,
    label: rowLabel(pack, table.id, r.key, language),
    cells: r.counts.map(String),
    total: String(r.counts.reduce((a, b) => a + b, 0)),
  }));
  const periodSums = (table.rows[0]?.counts ?? []).map((_, i) =>
    table.rows.reduce((n, r) => n + (r.counts[i] ?? 0), 0),
  );
  const totals: CountsRow = {
    key: 'total',
    label: indicatorMessages[language].total,
    cells: periodSums.map(String),
    total: String(periodSums.reduce((a, b) => a + b, 0)),
  };
  return { rows, totals };
}

export function exportSections(
  indicators: Indicators,
  packs: readonly ContentPack[],
  language: Language,
): ExportSection[] {
  const m = indicatorMessages[language];
  const periods = indicators.periods.map((p) => periodLabel(p, language));
  return indicators.pathways.flatMap((p) => {
    const pack = packs.find((k) => k.id === p.pathwayId);
    if (!pack) return [];
    return p.tables.map((table): ExportSection => {
      const s = suppressTable(
        table.rows.map((r) => r.counts),
        indicators.periods.length,
      );
      return {
        pathway: pack.pathway.name[language],
        tableId: table.id,
        title: m[`table.${table.id}`],
        periods,
        rows: table.rows.map((r, i) => ({
          key: r.key,
          label: rowLabel(pack, table.id, r.key, language),
          cells: (s.cells[i] ?? []).map(shownText),
          total: shownText(s.rowTotals[i] ?? { kind: 'hidden' }),
        })),
        totals: { key: 'total', label: m.total, cells: s.periodTotals.map(shownText), total: shownText(s.grandTotal) },
      };
    });
  });
}

const csvField = (v: string) => (/[";\n,]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** One CSV with a header line per table section (pathway, table, category, periods…, total). */
export function exportCsv(sections: readonly ExportSection[], language: Language): string {
  const m = indicatorMessages[language];
  const lines: string[] = [];
  for (const s of sections) {
    lines.push([m.pathway, m.tableColumn, m.category, ...s.periods, m.total].map(csvField).join(','));
    for (const row of [...s.rows, s.totals]) {
      lines.push([s.pathway, s.title, row.label, ...row.cells, row.total].map(csvField).join(','));
    }
    lines.push('');
  }
  return lines.join('\n');
}
