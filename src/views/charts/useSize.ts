import { useCallback, useLayoutEffect, useState } from 'react';

/**
 * The width of an element, kept current with a ResizeObserver (rounded to whole pixels so a
 * sub-pixel jiggle re-renders nothing). Returns a callback ref, so an element that mounts later
 * (a chart that was hidden) is observed too. `initial` is used before layout and on the server.
 */
export function useWidth<T extends HTMLElement>(initial = 640): [(el: T | null) => void, number] {
  const [el, setEl] = useState<T | null>(null);
  const [width, setWidth] = useState(initial);
  const ref = useCallback((node: T | null) => setEl(node), []);
  useLayoutEffect(() => {
    if (!el) return;
    const measure = (w: number) => {
      const px = Math.floor(w);
      if (px > 0) setWidth(px);
    };
    measure(el.getBoundingClientRect().width);
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) measure(entry.contentRect.width);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  return [ref, width];
}
