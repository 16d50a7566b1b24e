/**
 * A small line chart of shares (0 to 1) over time, one line a series, points spaced by their time:
 * the chain cards' coverage and local sourcing. A series' missing values (null) break its line.
 */
export interface SparkSeries {
  key: string;
  label: string;
  color: string;
  values: readonly (number | null)[];
}

export function Sparkline({
  times,
  series,
  width = 132,
  height = 30,
  label,
}: {
  times: readonly string[];
  series: readonly SparkSeries[];
  width?: number;
  height?: number;
  label: string;
}) {
  const t = times.map((x) => Date.parse(x));
  const first = Math.min(...t);
  const span = Math.max(...t) - first;
  const pad = 3;
  const x = (i: number) => (span > 0 ? pad + (((t[i] as number) - first) / span) * (width - 2 * pad) : width - pad);
  const y = (v: number) => pad + (1 - Math.min(1, Math.max(0, v))) * (height - 2 * pad);
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      data-testid="sparkline"
      data-points={times.length}
    >
      <title>{label}</title>
      <line x1={pad} x2={width - pad} y1={y(0)} y2={y(0)} className="sparkline-base" />
      {series.map((s) => {
        const runs: string[][] = [[]];
        s.values.forEach((v, i) => {
          if (v == null) runs.push([]);
          else runs[runs.length - 1]?.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
        });
        const last = s.values.length - 1;
        const end = s.values[last];
        return (
          <g key={s.key} data-series={s.key}>
            {runs
              .filter((r) => r.length > 1)
              .map((r) => (
                <polyline key={r[0]} points={r.join(' ')} fill="none" stroke={s.color} strokeWidth={1.6} />
              ))}
            {end != null && <circle cx={x(last)} cy={y(end)} r={2.4} fill={s.color} />}
          </g>
        );
      })}
    </svg>
  );
}
