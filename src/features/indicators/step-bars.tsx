// Stacked bars per period, one segment per step, in the app's own SVG (no chart library: see the
// issue-22 note in BENCHMARKS.md). Each step has its own pattern as well as its own shade, and the
// legend names them, so nothing rests on colour alone; the table beside it carries the numbers.
import type { IndicatorTable } from '../../domain';

const PATTERNS = ['solid', 'hatch', 'dots', 'cross', 'light'] as const;
const SHADES = ['#1d4e89', '#2f7f6f', '#8a5a00', '#6b3fa0', '#b3261e'];

function PatternDefs({ id }: { id: string }) {
  return (
    <defs>
      {PATTERNS.map((p, i) => {
        const shade = SHADES[i] ?? '#000';
        return (
          <pattern key={p} id={`${id}-${p}`} width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill={p === 'light' ? '#fff' : p === 'solid' ? shade : '#fff'} />
            {p === 'hatch' && <path d="M0 6L6 0" stroke={shade} strokeWidth="2" />}
            {p === 'dots' && <circle cx="3" cy="3" r="1.6" fill={shade} />}
            {p === 'cross' && <path d="M0 0L6 6M6 0L0 6" stroke={shade} strokeWidth="1.2" />}
            {p === 'light' && <path d="M0 3H6" stroke={shade} strokeWidth="1" />}
          </pattern>
        );
      })}
    </defs>
  );
}

export function StepBars(props: {
  id: string;
  table: IndicatorTable;
  periods: readonly string[];
  labels: readonly string[];
  description: string;
  legendTitle: string;
}) {
  const { table, periods } = props;
  const sums = periods.map((_, i) => table.rows.reduce((n, r) => n + (r.counts[i] ?? 0), 0));
  const top = Math.max(1, ...sums);
  const width = 640;
  const height = 260;
  const axis = 28;
  const band = (width - axis) / Math.max(1, periods.length);
  const barWidth = Math.max(6, band * 0.6);
  const base = height - 44;
  const scale = (n: number) => (n / top) * (base - 16);
  return (
    <figure className="indicator-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={props.description}>
        <PatternDefs id={props.id} />
        <line x1={axis} y1={base} x2={width} y2={base} stroke="#555" />
        <text x={axis - 4} y={base - scale(top)} textAnchor="end" fontSize="15" dominantBaseline="middle">
          {top}
        </text>
        {periods.map((period, i) => {
          let y = base;
          const x = axis + i * band + (band - barWidth) / 2;
          return (
            <g key={period}>
              {table.rows.map((row, r) => {
                const h = scale(row.counts[i] ?? 0);
                y -= h;
                return h > 0 ? (
                  <rect
                    key={row.key}
                    x={x}
                    y={y}
                    width={barWidth}
                    height={h}
                    fill={`url(#${props.id}-${PATTERNS[r % PATTERNS.length]})`}
                    stroke={SHADES[r % SHADES.length]}
                  />
                ) : null;
              })}
              <text x={x + barWidth / 2} y={base + 18} textAnchor="middle" fontSize="15">
                {period.split(' ').map((part, line) => (
                  <tspan key={part} x={x + barWidth / 2} dy={line === 0 ? 0 : 17}>
                    {part}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="indicator-legend" aria-label={props.legendTitle}>
          {props.labels.map((label, r) => (
            <li key={label}>
              <svg width="16" height="16" aria-hidden="true">
                <PatternDefs id={`${props.id}-l${r}`} />
                <rect
                  width="16"
                  height="16"
                  fill={`url(#${props.id}-l${r}-${PATTERNS[r % PATTERNS.length]})`}
                  stroke={SHADES[r % SHADES.length]}
                />
              </svg>
              {label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
