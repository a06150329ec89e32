import type { ViewBox } from '../../engine';

/** Whether (x, y) is finite and inside the closed box. */
export function inBox(b: ViewBox, x: number, y: number): boolean {
  return x >= b.xMin && x <= b.xMax && y >= b.yMin && y <= b.yMax;
}

/** Exact power-of-two rescale used when coordinate differences would overflow float64. */
const TINY = 2 ** -600;

/**
 * Liang–Barsky: the part [t0, t1] ⊂ [0, 1] of the segment p0 → p1 inside the box, or null when
 * it misses the box (or an end is not finite). Coordinates up to ±1.8e308 are handled: when a
 * difference overflows, the whole problem is rescaled by 2⁻⁶⁰⁰ (exact), which leaves t unchanged.
 */
export function clipSegment(x0: number, y0: number, x1: number, y1: number, b: ViewBox): [number, number] | null {
  if (!(Number.isFinite(x0) && Number.isFinite(y0) && Number.isFinite(x1) && Number.isFinite(y1))) return null;
  let dx = x1 - x0;
  let dy = y1 - y0;
  let s = 1;
  if (!Number.isFinite(dx) || !Number.isFinite(dy)) {
    s = TINY;
    dx = x1 * s - x0 * s;
    dy = y1 * s - y0 * s;
  }
  const X0 = x0 * s;
  const Y0 = y0 * s;
  const p = [-dx, dx, -dy, dy];
  const q = [X0 - b.xMin * s, b.xMax * s - X0, Y0 - b.yMin * s, b.yMax * s - Y0];
  let t0 = 0;
  let t1 = 1;
  for (let i = 0; i < 4; i++) {
    const pi = p[i]!;
    const qi = q[i]!;
    if (pi === 0) {
      if (qi < 0) return null;
    } else {
      const r = qi / pi;
      if (pi < 0) {
        if (r > t0) t0 = r;
      } else if (r < t1) t1 = r;
    }
  }
  return t0 <= t1 ? [t0, t1] : null;
}

/**
 * The point at parameter t of p0 → p1, measured from the nearer end so that a point next to a
 * finite, in-view end stays accurate even when the other end is astronomically far away.
 */
export function pointAt(x0: number, y0: number, x1: number, y1: number, t: number): [number, number] {
  if (t <= 0) return [x0, y0];
  if (t >= 1) return [x1, y1];
  let dx = x1 - x0;
  let dy = y1 - y0;
  if (Number.isFinite(dx) && Number.isFinite(dy)) {
    return t <= 0.5 ? [x0 + t * dx, y0 + t * dy] : [x1 - (1 - t) * dx, y1 - (1 - t) * dy];
  }
  dx = x1 * TINY - x0 * TINY;
  dy = y1 * TINY - y0 * TINY;
  return t <= 0.5
    ? [x0 + (t * dx) / TINY, y0 + (t * dy) / TINY]
    : [x1 - ((1 - t) * dx) / TINY, y1 - ((1 - t) * dy) / TINY];
}

/**
 * Where the ray from the box's centre towards (x, y) meets the box's edge: for a point that is
 * outside without a drawn segment leading there (e.g. a start outside the view).
 */
export function edgeToward(b: ViewBox, x: number, y: number): { x: number; y: number; angle: number } | null {
  const cx = b.xMin / 2 + b.xMax / 2;
  const cy = b.yMin / 2 + b.yMax / 2;
  const c = clipSegment(cx, cy, x, y, b);
  if (!c) return null;
  const [ex, ey] = pointAt(cx, cy, x, y, c[1]);
  return { x: ex, y: ey, angle: Math.atan2(y * TINY - cy * TINY, x * TINY - cx * TINY) };
}
