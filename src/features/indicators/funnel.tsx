// The follow-up funnel in the app's own SVG: planned → screened → screened on time. Every bar
// carries its name and number as text, so the chart reads without colour; the table gives periods.
export function FollowUpFunnel(props: {
  stages: readonly { readonly label: string; readonly count: number }[];
  description: string;
}) {
  const top = Math.max(1, ...props.stages.map((s) => s.count));
  const width = 640;
  const row = 40;
  const labelWidth = 190;
  return (
    <figure className="indicator-chart">
      <svg viewBox={`0 0 ${width} ${row * props.stages.length}`} role="img" aria-label={props.description}>
        {props.stages.map((s, i) => {
          const w = Math.max(2, (s.count / top) * (width - labelWidth - 60));
          const y = i * row + 6;
          return (
            <g key={s.label}>
              <text x={labelWidth - 8} y={y + 14} textAnchor="end" fontSize="14">
                {s.label}
              </text>
              <rect x={labelWidth} y={y} width={w} height={row - 14} fill="#1d4e89" opacity={1 - i * 0.25} />
              <text x={labelWidth + w + 6} y={y + 14} fontSize="14" fontWeight="700">
                {s.count}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
