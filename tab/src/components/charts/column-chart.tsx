/** Vertical columns per category, one or more series side by side (meetings per week, ratings 1–5). */
import { useChartStyles, useSeries, GRID, AXIS } from './chart-styles';
import { useWidth } from './use-width';
import { insideX } from './bar-list';
import { ChartSvg } from './chart-svg';

export interface ColumnSeries {
  name: string;
  values: number[];
}

function niceMax(v: number): number {
  if (v <= 5) return 5;
  const p = 10 ** Math.floor(Math.log10(v));
  const n = v / p;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * p;
}

export function ColumnChart({
  categories,
  series,
  label,
}: {
  categories: string[];
  series: ColumnSeries[];
  label: string;
}) {
  const s = useChartStyles();
  const SERIES = useSeries();
  const [ref, width] = useWidth<HTMLDivElement>();
  const height = 220;
  const left = 36;
  const bottom = 28;
  const plotW = width - left - 8;
  const plotH = height - bottom - 10;
  const max = niceMax(Math.max(1, ...series.flatMap((x) => x.values)));
  const band = plotW / Math.max(1, categories.length);
  const gap = Math.min(12, band * 0.25);
  const colW = Math.max(2, (band - gap) / Math.max(1, series.length));
  const ticks = [0, max / 2, max];
  const every = Math.ceil(categories.length / Math.max(2, Math.floor(plotW / 56)));
  return (
    <ChartSvg frameRef={ref} width={width} height={height} label={label}>
      {ticks.map((t) => {
        const y = 10 + plotH - (t / max) * plotH;
        return (
          <g key={t}>
            <line x1={left} x2={width - 8} y1={y} y2={y} style={{ stroke: GRID }} />
            <text x={left - 6} y={y + 4} textAnchor="end" className={s.small}>
              {Number.isInteger(t) ? t : t.toFixed(1)}
            </text>
          </g>
        );
      })}
      <line x1={left} x2={width - 8} y1={10 + plotH} y2={10 + plotH} style={{ stroke: AXIS }} />
      {categories.map((c, i) => {
        const x0 = left + i * band + gap / 2;
        return (
          <g key={`${c}-${i}`}>
            {series.map((ser, j) => {
              const v = ser.values[i] ?? 0;
              const h = (v / max) * plotH;
              return (
                <rect
                  key={ser.name}
                  x={x0 + j * colW}
                  y={10 + plotH - h}
                  width={Math.max(1, colW - 1)}
                  height={h}
                  rx={2}
                  style={{ fill: SERIES[j % SERIES.length] }}
                >
                  <title>{`${c} · ${ser.name}: ${v}`}</title>
                </rect>
              );
            })}
            {i % every === 0 && (
              <text
                x={insideX(x0 + (band - gap) / 2, c, width)}
                y={height - 10}
                textAnchor="middle"
                className={s.small}
              >
                {c}
              </text>
            )}
          </g>
        );
      })}
    </ChartSvg>
  );
}
