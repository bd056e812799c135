/**
 * The width a chart has on the page, so it draws in real pixels: text stays 12 px in a narrow column
 * instead of being scaled down with the picture.
 */
import { useLayoutEffect, useRef, useState } from 'react';

export function useWidth<E extends HTMLElement>(fallback = 640): [React.RefObject<E | null>, number] {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const w = Math.round(el.getBoundingClientRect().width);
      if (w > 0) setWidth(Math.max(240, w));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
