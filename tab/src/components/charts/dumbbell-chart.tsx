/** Start → end per row on a 1–5 scale (self-assessment change per topic and role). */
import { useChartStyles, useSeries, GRID, MUTED_FILL } from './chart-styles';
import { useWidth } from './use-width';
import { LABEL_LINE_PX, WrappedLabel, wrapLabel } from './bar-list';
import { ChartSvg } from './chart-svg';

export interface Dumbbell {
  label: string;
  start: number | null;
  end: number | null;
  /** Shown instead of the dots when the group is too small to show. */
  note?: string;
}

export function DumbbellChart({
  rows,
  label,
  min = 1,
  max = 5,
}: {
  rows: Dumbbell[];
  label: string;
  min?: number;
  max?: number;
}) {
  const s = useChartStyles();
  const SERIES = useSeries();
  const [ref, width] = useWidth<HTMLDivElement>();
  const labelW = Math.min(220, Math.round(width * 0.4));
  const right = 24;
  const top = 22;
  const plotW = width - labelW - right;
  // Labels wrap instead of being cut off; a row grows with its label's lines.
  const labels = rows.map((r) => wrapLabel(r.label, labelW - 8));
  const heights = labels.map((l) => Math.max(30, l.length * LABEL_LINE_PX + 12));
  const tops = heights.map((_, i) => top + heights.slice(0, i).reduce((a, h) => a + h, 0));
  const height = top + heights.reduce((a, h) => a + h, 0) + 4;
  const x = (v: number) => labelW + ((v - min) / (max - min)) * plotW;
  return (
    <ChartSvg frameRef={ref} width={width} height={height} label={label}>
      {Array.from({ length: max - min + 1 }, (_, i) => min + i).map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={top - 4} y2={height} style={{ stroke: GRID }} />
          <text x={x(t)} y={12} textAnchor="middle" className={s.small}>
            {t}
          </text>
        </g>
      ))}
      {rows.map((r, i) => {
        const y = (tops[i] as number) + (heights[i] as number) / 2;
        return (
          <g key={`${r.label}-${i}`}>
            <WrappedLabel lines={labels[i] as string[]} x={labelW - 8} y={y} className={s.label} />
            {r.start !== null && r.end !== null ? (
              <>
                <line
                  x1={x(r.start)}
                  x2={x(r.end)}
                  y1={y}
                  y2={y}
                  style={{ stroke: SERIES[0], strokeWidth: 4, opacity: 0.5 }}
                />
                <circle cx={x(r.start)} cy={y} r={6} style={{ fill: MUTED_FILL, stroke: SERIES[0], strokeWidth: 2 }}>
                  <title>{`${r.label}: ${r.start}`}</title>
                </circle>
                <circle cx={x(r.end)} cy={y} r={6} style={{ fill: SERIES[0] }}>
                  <title>{`${r.label}: ${r.end}`}</title>
                </circle>
              </>
            ) : (
              <text x={labelW + 4} y={y + 4} className={s.small}>
                {r.note ?? '–'}
              </text>
            )}
          </g>
        );
      })}
    </ChartSvg>
  );
}
