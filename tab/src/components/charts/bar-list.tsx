/** Horizontal bars with a label and a value each (funnels, breakdowns): the simplest chart to read. */
import { useId } from 'react';
import { useWidth } from './use-width';
import { useChartStyles, useSeries, MUTED_FILL } from './chart-styles';
import { ChartSvg } from './chart-svg';

export interface Bar {
  label: string;
  value: number;
  /** Text after the bar (defaults to the value). */
  valueText?: string;
  /** Drawn as a muted, hatched bar (e.g. a suppressed or merged group). */
  muted?: boolean;
}

/** Shortens a label to what fits in `px` at 12 px text (about 6.5 px a character). */
export function fit(label: string, px: number): string {
  const max = Math.max(4, Math.floor(px / 6.5));
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

export function BarList({
  bars,
  label,
  max,
  series = 0,
}: {
  bars: Bar[];
  label: string;
  max?: number;
  /** Which series colour the bars take. */
  series?: number;
}) {
  const s = useChartStyles();
  const SERIES = useSeries();
  const hatch = `hatch${useId().replace(/:/g, '')}`;
  const [ref, width] = useWidth<HTMLDivElement>();
  const rowHeight = 28;
  const labelWidth = Math.min(170, Math.round(width * 0.34));
  const valueWidth = 64;
  const plot = width - labelWidth - valueWidth;
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value), 1);
  const height = bars.length * rowHeight + 4;
  return (
    <ChartSvg frameRef={ref} width={width} height={height} label={label}>
      <defs>
        <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" style={{ fill: MUTED_FILL }} />
          <line x1="0" y1="0" x2="0" y2="6" style={{ stroke: SERIES[series % SERIES.length], strokeWidth: 3 }} />
        </pattern>
      </defs>
      {bars.map((b, i) => {
        const y = i * rowHeight + 2;
        const w = Math.max(b.value > 0 ? 2 : 0, (b.value / top) * plot);
        return (
          <g key={`${b.label}-${i}`}>
            <text x={labelWidth - 8} y={y + rowHeight / 2 + 4} textAnchor="end" className={s.label}>
              {fit(b.label, labelWidth)}
            </text>
            <rect
              x={labelWidth}
              y={y + 5}
              width={plot}
              height={rowHeight - 10}
              rx={3}
              style={{ fill: MUTED_FILL, opacity: 0.45 }}
            />
            <rect
              x={labelWidth}
              y={y + 5}
              width={w}
              height={rowHeight - 10}
              rx={3}
              style={{ fill: b.muted ? `url(#${hatch})` : SERIES[series % SERIES.length] }}
            />
            <text x={labelWidth + plot + 8} y={y + rowHeight / 2 + 4} className={s.value}>
              {b.valueText ?? b.value}
            </text>
          </g>
        );
      })}
    </ChartSvg>
  );
}
