import type { Minimum, ViewBox } from '../../engine';

/**
 * The loss sampled on a grid over the view, and the log scale the heatmap and the contours share:
 * colour by log(f − f_min + δ), f_min the lowest minimum (or the grid's minimum when lower, e.g. on
 * a saddle, which has none), δ a small fraction of the visible range (see balancedDelta).
 */

/** Samples f at cell centres: row 0 is the top (yMax), column 0 the left (xMin). */
export function sampleField(f: (x: number, y: number) => number, box: ViewBox, nx: number, ny: number): Float64Array {
  const out = new Float64Array(nx * ny);
  const dx = (box.xMax - box.xMin) / nx;
  const dy = (box.yMax - box.yMin) / ny;
  for (let j = 0; j < ny; j++) {
    const y = box.yMax - (j + 0.5) * dy;
    const row = j * nx;
    for (let i = 0; i < nx; i++) out[row + i] = f(box.xMin + (i + 0.5) * dx, y);
  }
  return out;
}

export interface LogScale {
  fMin: number;
  delta: number;
  /** log-space ends of the visible values. */
  lo: number;
  hi: number;
  /** Finite extremes of the grid (for the colour bar's labels). */
  gridMin: number;
  gridMax: number;
}

/** δ stays between these fractions of the visible range: four to two decades of contrast. */
export const DELTA_MIN = 1e-4;
export const DELTA_MAX = 1e-2;

/**
 * The δ that puts the median visible value (m above f_min) mid-scale, so neither end of the colour
 * map swamps the view: log(m + δ) = ½(log δ + log(R + δ)) ⇔ δ = m² / (R − 2m), clamped.
 */
export function balancedDelta(median: number, range: number): number {
  if (!(range > 0) || !Number.isFinite(range)) return range > 0 ? range * DELTA_MIN : 1;
  const m = Math.max(0, Math.min(range, Number.isFinite(median) ? median : range / 2));
  const d = range - 2 * m > 0 ? (m * m) / (range - 2 * m) : Infinity;
  return Math.max(range * DELTA_MIN, Math.min(range * DELTA_MAX, d), 1e-300);
}

/** Median of the finite values, from at most ~4096 evenly strided samples. */
export function sampledMedian(values: ArrayLike<number>): number {
  const stride = Math.max(1, Math.floor(values.length / 4096));
  const s: number[] = [];
  for (let i = 0; i < values.length; i += stride) if (Number.isFinite(values[i]!)) s.push(values[i]!);
  if (s.length === 0) return NaN;
  s.sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export function logScaleFor(values: ArrayLike<number>, minima: readonly Minimum[] = []): LogScale {
  let gridMin = Infinity;
  let gridMax = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) {
      if (v < gridMin) gridMin = v;
      if (v > gridMax) gridMax = v;
    }
  }
  if (gridMin > gridMax) return { fMin: 0, delta: 1, lo: 0, hi: 1, gridMin: NaN, gridMax: NaN };
  const lowest = minima[0]?.value;
  const fMin = lowest !== undefined && Number.isFinite(lowest) ? Math.min(lowest, gridMin) : gridMin;
  let range = gridMax - fMin;
  if (!Number.isFinite(range)) range = Number.MAX_VALUE;
  const delta = range > 0 ? balancedDelta(sampledMedian(values) - fMin, range) : 1;
  const lo = Math.log(gridMin - fMin + delta);
  let hi = Math.log(Math.min(Number.MAX_VALUE, range + delta));
  if (!(hi - lo > 1e-9)) hi = lo + 1;
  return { fMin, delta, lo, hi, gridMin, gridMax };
}

/**
 * log(f − f_min + δ). +∞ stays +∞ (above every level), −∞ becomes the floor, NaN stays NaN
 * (no colour; below every contour level in d3-contour).
 */
export function logValue(f: number, s: LogScale): number {
  if (Number.isNaN(f)) return NaN;
  if (f === Infinity) return Infinity;
  const v = f - s.fMin + s.delta;
  if (!(v > s.delta)) return Math.log(s.delta);
  return Math.log(v);
}

export function logField(values: ArrayLike<number>, s: LogScale): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = logValue(values[i]!, s);
  return out;
}

/** `count` contour levels evenly spaced strictly inside (lo, hi). */
export function contourThresholds(lo: number, hi: number, count = 12): number[] {
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo) || count < 1) return [];
  const step = (hi - lo) / (count + 1);
  return Array.from({ length: count }, (_, i) => lo + step * (i + 1));
}

/** Position in [0, 1] of a log value on the scale; NaN for NaN. */
export function unit(l: number, s: LogScale): number {
  if (Number.isNaN(l)) return NaN;
  const t = (l - s.lo) / (s.hi - s.lo);
  return t <= 0 ? 0 : t >= 1 ? 1 : t;
}
