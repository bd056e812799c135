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

/** About how wide a character of 12 px text is (a generous guess, so a line never runs over). */
const CHAR_PX = 7;
/** Line height of a wrapped label. */
export const LABEL_LINE_PX = 14;

/**
 * Breaks a label into lines that fit in `px` at 12 px text, at spaces (a word longer than a line is
 * split): every label is shown whole, never cut off with "…", in English and in German.
 */
export function wrapLabel(label: string, px: number): string[] {
  const max = Math.max(6, Math.floor(px / CHAR_PX));
  const lines: string[] = [];
  let line = '';
  for (let word of label.split(/\s+/).filter(Boolean)) {
    while (word.length > max) {
      if (line) lines.push(line);
      lines.push(word.slice(0, max - 1) + '-');
      word = word.slice(max - 1);
      line = '';
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= max) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** The x of a centred axis label of 11 px text, moved in so the whole label stays inside 0…width. */
export function insideX(x: number, label: string, width: number): number {
  const half = label.length * 3.4;
  return Math.min(Math.max(x, half), width - half);
}

/** A label of one or more lines, centred on `y` (SVG text has no wrapping of its own). */
export function WrappedLabel({
  lines,
  x,
  y,
  className,
  anchor = 'end',
}: {
  lines: string[];
  x: number;
  y: number;
  className: string;
  anchor?: 'end' | 'start' | 'middle';
}) {
  const first = y + 4 - ((lines.length - 1) * LABEL_LINE_PX) / 2;
  return (
    <text x={x} y={first} textAnchor={anchor} className={className} data-label="">
      {lines.map((l, i) => (
        <tspan key={i} x={x} dy={i === 0 ? 0 : LABEL_LINE_PX}>
          {l}
        </tspan>
      ))}
    </text>
  );
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
  const labelWidth = Math.min(170, Math.round(width * 0.34));
  const valueWidth = 64;
  const plot = width - labelWidth - valueWidth;
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value), 1);
  // A row grows with its label's lines; the bar keeps its height in the middle of the row.
  const labels = bars.map((b) => wrapLabel(b.label, labelWidth - 8));
  const heights = labels.map((l) => Math.max(28, l.length * LABEL_LINE_PX + 10));
  const tops = heights.map((_, i) => 2 + heights.slice(0, i).reduce((a, h) => a + h, 0));
  const height = heights.reduce((a, h) => a + h, 0) + 4;
  const barHeight = 18;
  return (
    <ChartSvg frameRef={ref} width={width} height={height} label={label}>
      <defs>
        <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" style={{ fill: MUTED_FILL }} />
          <line x1="0" y1="0" x2="0" y2="6" style={{ stroke: SERIES[series % SERIES.length], strokeWidth: 3 }} />
        </pattern>
      </defs>
      {bars.map((b, i) => {
        const mid = (tops[i] as number) + (heights[i] as number) / 2;
        const y = mid - barHeight / 2;
        const w = Math.max(b.value > 0 ? 2 : 0, (b.value / top) * plot);
        return (
          <g key={`${b.label}-${i}`}>
            <WrappedLabel lines={labels[i] as string[]} x={labelWidth - 8} y={mid} className={s.label} />
            <rect
              x={labelWidth}
              y={y}
              width={plot}
              height={barHeight}
              rx={3}
              style={{ fill: MUTED_FILL, opacity: 0.45 }}
            />
            <rect
              x={labelWidth}
              y={y}
              width={w}
              height={barHeight}
              rx={3}
              style={{ fill: b.muted ? `url(#${hatch})` : SERIES[series % SERIES.length] }}
            />
            <text x={labelWidth + plot + 8} y={mid + 4} className={s.value}>
              {b.valueText ?? b.value}
            </text>
          </g>
        );
      })}
    </ChartSvg>
  );
}
