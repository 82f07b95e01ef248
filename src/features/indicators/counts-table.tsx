// A table of counts: the accessible form of every chart, and the export's paper form. Cells are text
// already (real counts on screen, "<5" and "x" on the region's page).
export interface CountsRow {
  readonly key: string;
  readonly label: string;
  readonly cells: readonly string[];
  readonly total: string;
}

export function CountsTable(props: {
  caption: string;
  categoryHeader: string;
  totalHeader: string;
  periods: readonly string[];
  rows: readonly CountsRow[];
  totals: CountsRow;
}) {
  return (
    // Wide tables scroll sideways on a phone: the region is focusable so a keyboard can scroll it.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus (WCAG 2.1.1)
    <section className="indicator-table-wrap" aria-label={props.caption} tabIndex={0}>
      <table className="indicator-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.categoryHeader}</th>
            {props.periods.map((p) => (
              <th scope="col" key={p}>
                {p}
              </th>
            ))}
            <th scope="col">{props.totalHeader}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {row.cells.map((c, i) => (
                <td key={props.periods[i] ?? i}>{c}</td>
              ))}
              <td>{row.total}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{props.totals.label}</th>
            {props.totals.cells.map((c, i) => (
              <td key={props.periods[i] ?? i}>{c}</td>
            ))}
            <td>{props.totals.total}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
