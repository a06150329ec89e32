/** Hover and keyboard reading of a step axis. Pure: no DOM. */

/** The step under a pointer at `px` (chart pixels) on a step axis of [0, last] drawn over [x0, x1]. */
export function stepAtPixel(px: number, x0: number, x1: number, last: number): number | null {
  if (!Number.isFinite(px) || !(x1 > x0) || !(last >= 0)) return null;
  const t = (px - x0) / (x1 - x0);
  return Math.max(0, Math.min(last, Math.round(t * last)));
}

/** Moves a hovered step with the keyboard; returns null for keys it does not handle. */
export function stepForKey(key: string, current: number | null, last: number, fallback: number): number | null {
  const at = current ?? fallback;
  const big = Math.max(1, Math.round(last / 10));
  switch (key) {
    case 'ArrowRight': case 'ArrowUp': return Math.min(last, at + (current === null ? 0 : 1));
    case 'ArrowLeft': case 'ArrowDown': return Math.max(0, at - (current === null ? 0 : 1));
    case 'PageUp': return Math.min(last, at + big);
    case 'PageDown': return Math.max(0, at - big);
    case 'Home': return 0;
    case 'End': return last;
    default: return null;
  }
}

/** The value of a run's series at a step, or undefined when the run stopped before it. */
export function valueAt(series: ArrayLike<number>, step: number): number | undefined {
  return step >= 0 && step < series.length ? series[step] : undefined;
}
