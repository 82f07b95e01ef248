// A small, accessible trend chart: the totals of one instrument over time, drawn over the
// instrument's own bands as shaded areas. The bands come from the instrument definition of the pack
// that produced the results (never hard-coded cut-offs). Screen readers get a summary (role="img"
// with aria-label) and a visually hidden table with every value.
import { type Instrument, maxTotal } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { formatDate, formatShortDate } from './dates';
import { messages } from './messages';

export interface TrendPoint {
  /** Epoch ms of the screening. */
  at: number;
  total: number;
  bandLabel: string;
}

interface Props {
  instrument: Instrument;
  points: readonly TrendPoint[];
  /** Which pack version the bands come from, shown under the chart. */
  source: { packTitle: string; version: string };
}

const W = 340;
const H = 180;
const PAD = { left: 36, right: 12, top: 10, bottom: 26 };
// Light to darker blue-greys: distinguishable on screen and in black-and-white print.
const SHADES = ['#f1f5f9', '#dfe8f1', '#c8d7e7', '#b0c5dc', '#9ab3cf'];

export function TrendChart({ instrument, points, source }: Props) {
  const t = useMessages(messages);
  const language = useLanguage();
  const name = instrument.name[language];
  const sorted = [...points].sort((a, b) => a.at - b.at);
  const bands = [...instrument.bands].sort((a, b) => a.min - b.min);
  // The axis spans every possible total (bands cover 0…max, checked when the pack is loaded).
  const yMin = 0;
  const yMax = maxTotal(instrument);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return null;

  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + plotH - ((v - yMin) / (yMax - yMin)) * plotH;
  // Label each band's lower bound on the axis, skipping one that would overlap the one below it.
  const labelled = new Set<string>();
  let lastLabelY = Number.POSITIVE_INFINITY;
  for (const band of bands) {
    if (lastLabelY - y(band.min) >= 12) {
      labelled.add(band.id);
      lastLabelY = y(band.min);
    }
  }
  const span = last.at - first.at;
  const x = (at: number) => PAD.left + (span === 0 ? plotW / 2 : ((at - first.at) / span) * plotW);
  const label =
    sorted.length === 1
      ? t('chartLabelOne', {
          instrument: name,
          last: last.total,
          lastDate: formatDate(last.at, language),
          band: last.bandLabel,
        })
      : t('chartLabel', {
          instrument: name,
          count: sorted.length,
          first: first.total,
          firstDate: formatDate(first.at, language),
          last: last.total,
          lastDate: formatDate(last.at, language),
          band: last.bandLabel,
        });

  return (
    <figure className="trend-chart">
      <figcaption className="trend-chart-title">{name}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid={`trend-${instrument.id}`}>
        {bands.map((band, i) => {
          // A band covers whole scores min..max, so its area runs from min-0.5 to max+0.5 (clipped).
          const top = y(Math.min(yMax, band.max + 0.5));
          const bottom = y(Math.max(yMin, band.min - 0.5));
          return (
            <g key={band.id} data-band={band.id}>
              <rect
                x={PAD.left}
                y={top}
                width={plotW}
                height={Math.max(0, bottom - top)}
                fill={SHADES[i % SHADES.length]}
              />
              {labelled.has(band.id) && (
                <text x={PAD.left - 6} y={y(band.min) + 4} textAnchor="end" className="trend-axis">
                  {band.min}
                </text>
              )}
            </g>
          );
        })}
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={PAD.top + plotH} stroke="#4a5560" />
        <line x1={PAD.left} x2={W - PAD.right} y1={PAD.top + plotH} y2={PAD.top + plotH} stroke="#4a5560" />
        <polyline
          points={sorted.map((p) => `${x(p.at)},${y(p.total)}`).join(' ')}
          fill="none"
          stroke="#1f4e79"
          strokeWidth={2.5}
        />
        {sorted.map((p) => (
          <circle key={p.at} cx={x(p.at)} cy={y(p.total)} r={4.5} fill="#1f4e79" stroke="#fff" strokeWidth={1.5} />
        ))}
        <text x={PAD.left} y={H - 6} className="trend-axis">
          {formatShortDate(first.at, language)}
        </text>
        {sorted.length > 1 && (
          <text x={W - PAD.right} y={H - 6} textAnchor="end" className="trend-axis">
            {formatShortDate(last.at, language)}
          </text>
        )}
      </svg>
      <p className="hint trend-source">
        {t('chartBands', { pack: source.packTitle, version: source.version })}{' '}
        {bands.map((b) => b.label[language]).join(' · ')}
      </p>
      {/* Hidden in a block: a table is never narrower than its content, so hidden by itself it still
          widened the page (139 px of sideways scroll at 320 px, seen in the issue-18 screenshots). */}
      <div className="visually-hidden">
        <table>
          <caption>{t('chartTableCaption', { instrument: name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('chartDate')}</th>
              <th scope="col">{t('chartScore')}</th>
              <th scope="col">{t('band')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((p) => (
              <tr key={p.at}>
                <td>{formatDate(p.at, language)}</td>
                <td>{p.total}</td>
                <td>{p.bandLabel}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
