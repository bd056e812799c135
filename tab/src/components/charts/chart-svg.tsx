/** The measured box and the accessible SVG every chart draws into (role img, named by its label). */
import type { ReactNode, RefObject } from 'react';
import { useChartStyles } from './chart-styles';

export function ChartSvg({
  frameRef,
  width,
  height,
  label,
  children,
}: {
  frameRef: RefObject<HTMLDivElement | null>;
  width: number;
  height: number;
  label: string;
  children: ReactNode;
}) {
  const s = useChartStyles();
  return (
    <div ref={frameRef}>
      <svg
        className={s.svg}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={label}
      >
        {children}
      </svg>
    </div>
  );
}
