import { useCallback, useEffect, useRef } from 'react';
import { useLab } from '../../state/context';
import { setAttr as set } from '../set-attr';
import { px } from './chart-frame';

/**
 * Follows the playback cursor without re-rendering: `paint(k)` runs now and on every change of
 * k, from a transient store subscription. Re-subscribes when `paint` changes (new scales).
 */
export function usePlaybackPaint(paint: (k: number) => void): void {
  const lab = useLab();
  useEffect(() => {
    let last = lab.playback.getState().k;
    paint(last);
    return lab.playback.subscribe((s) => {
      if (s.k === last) return;
      last = s.k;
      paint(s.k);
    });
  }, [lab, paint]);
}

/** Clips reach this far past the plot so line caps at step 0 and the last step are not cut. */
const PAD = 4;

/** The cursor's x, clamped into the plot (the right edge when unknown). */
export function cursorX(xk: number | null, left: number, right: number): number {
  return xk === null ? right : Math.max(left, Math.min(right, xk));
}

/** Sets the cursor's geometry: the line at `at` and the veil over the steps after it. */
export function paintCursor(at: number, right: number, line: SVGLineElement | null, veil: SVGRectElement | null): void {
  const a = String(at);
  if (line) {
    set(line, 'x1', a);
    set(line, 'x2', a);
  }
  if (veil) {
    set(veil, 'x', a);
    set(veil, 'width', String(Math.max(0, right - at + PAD)));
  }
}

/**
 * The playback cursor of one chart: a vertical line at step k and a veil in the panel's colour
 * over the steps after k, so the future is drawn faint (as at opacity 0.28 on the white panel)
 * while every curve is drawn once. Per frame only the veil's and the line's x change; React
 * renders the elements once per data or size change.
 */
export function useCursor(_id: string, x: (k: number) => number, left: number, right: number, top: number, bottom: number) {
  const lab = useLab();
  const line = useRef<SVGLineElement>(null);
  const veil = useRef<SVGRectElement>(null);
  const paint = useCallback(
    (k: number) => paintCursor(cursorX(px(x(k)), left, right), right, line.current, veil.current),
    [x, left, right],
  );
  usePlaybackPaint(paint);
  const k0 = cursorX(px(x(lab.playback.getState().k)), left, right);
  return {
    defs: null,
    veil: <rect ref={veil} className="cursor-veil" x={k0} y={top - PAD} width={Math.max(0, right - k0 + PAD)} height={bottom - top + 2 * PAD} />,
    line: <line ref={line} className="cursor" x1={k0} x2={k0} y1={top} y2={bottom} />,
  };
}
