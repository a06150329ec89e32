import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

export interface Size {
  width: number;
  windowHeight: number;
  dpr: number;
}

/** Follows an element's content width (ResizeObserver), the window's height and devicePixelRatio. */
export function useSize<T extends HTMLElement>(): [RefObject<T | null>, Size] {
  const ref = useRef<T>(null);
  const [size, setSize] = useState<Size>({ width: 0, windowHeight: 0, dpr: 1 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const next = { width: Math.floor(el.clientWidth), windowHeight: window.innerHeight, dpr: window.devicePixelRatio || 1 };
      setSize((s) => (s.width === next.width && s.windowHeight === next.windowHeight && s.dpr === next.dpr ? s : next));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    window.addEventListener('resize', measure);
    return () => {
      ro.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, []);
  return [ref, size];
}
