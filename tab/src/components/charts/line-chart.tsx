/** A line over time with a fixed value range (the average rating per week, 1 to 5); gaps where a week is suppressed. */
import { useChartStyles, useSeries, GRID, AXIS } from './chart-styles';
import { useWidth } from './use-width';
import { insideX } from './bar-list';
import { ChartSvg } from './chart-svg';

export function LineChart({
  categories,
  values,
  min,
  max,
  label,
}: {
  categories: string[];
  values: (number | null)[];
  min: number;
  max: number;
  label: string;
}) {
  const s = useChartStyles();
  const SERIES = useSeries();
  const [ref, width] = useWidth<HTMLDivElement>();
  const height = 200;
  const left = 36;
  const bottom = 28;
  const plotW = width - left - 16;
  const plotH = height - bottom - 10;
  const x = (i: number) => left + (categories.length <= 1 ? plotW / 2 : (i / (categories.length - 1)) * plotW);
  const y = (v: number) => 10 + plotH - ((v - min) / (max - min)) * plotH;
  const segments: string[] = [];
  let current = '';
  values.forEach((v, i) => {
    if (v === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const every = Math.ceil(categories.length / Math.max(2, Math.floor(plotW / 56)));
  const ticks = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return (
    <ChartSvg frameRef={ref} width={width} height={height} label={label}>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={left} x2={width - 16} y1={y(t)} y2={y(t)} style={{ stroke: GRID }} />
          <text x={left - 6} y={y(t) + 4} textAnchor="end" className={s.small}>
            {t}
          </text>
        </g>
      ))}
      <line x1={left} x2={width - 16} y1={10 + plotH} y2={10 + plotH} style={{ stroke: AXIS }} />
      {segments.map((d, i) => (
        <path key={i} d={d} style={{ fill: 'none', stroke: SERIES[0], strokeWidth: 2.5 }} />
      ))}
      {values.map((v, i) =>
        v === null ? null : (
          <circle key={i} cx={x(i)} cy={y(v)} r={3.5} style={{ fill: SERIES[0] }}>
            <title>{`${categories[i]}: ${v}`}</title>
          </circle>
        ),
      )}
      {categories.map((c, i) =>
        i % every === 0 ? (
          <text key={`${c}-${i}`} x={insideX(x(i), c, width)} y={height - 10} textAnchor="middle" className={s.small}>
            {c}
          </text>
        ) : null,
      )}
    </ChartSvg>
  );
}
