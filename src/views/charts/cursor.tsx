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

/** Sets the cursor's geometry: the line, the clip of steps 0..k and the clip of the rest. */
export function paintCursor(at: number, left: number, right: number, line: SVGLineElement | null, past: SVGRectElement | null, future: SVGRectElement | null): void {
  const a = String(at);
  if (line) {
    set(line, 'x1', a);
    set(line, 'x2', a);
  }
  if (past) set(past, 'width', String(Math.max(0, at - left + PAD)));
  if (future) {
    set(future, 'x', a);
    set(future, 'width', String(Math.max(0, right - at + PAD)));
  }
}

/**
 * The playback cursor of one chart: a vertical line at step k, a clip for steps 0..k (drawn at
 * full strength) and one for the steps after k (drawn faint). Per frame only three attributes
 * change; React renders the elements once per data or size change.
 */
export function useCursor(id: string, x: (k: number) => number, left: number, right: number, top: number, bottom: number) {
  const lab = useLab();
  const line = useRef<SVGLineElement>(null);
  const past = useRef<SVGRectElement>(null);
  const future = useRef<SVGRectElement>(null);
  const paint = useCallback(
    (k: number) => paintCursor(cursorX(px(x(k)), left, right), left, right, line.current, past.current, future.current),
    [x, left, right],
  );
  usePlaybackPaint(paint);
  const k0 = cursorX(px(x(lab.playback.getState().k)), left, right);
  return {
    defs: (
      <defs>
        <clipPath id={`${id}-past`}><rect ref={past} x={left - PAD} y={0} width={k0 - left + PAD} height={bottom + 40} /></clipPath>
        <clipPath id={`${id}-future`}><rect ref={future} x={k0} y={0} width={right - k0 + PAD} height={bottom + 40} /></clipPath>
      </defs>
    ),
    line: <line ref={line} className="cursor" x1={k0} x2={k0} y1={top} y2={bottom} />,
    clip: (part: 'past' | 'future') => `url(#${id}-${part})`,
  };
}
