/**
 * Colours for the stability map. A cell whose error shrinks by ρ per step takes n = −1/log₁₀ρ steps
 * to shrink it tenfold; the colour is log₁₀ n on the blue-to-yellow map of the landscape (bright =
 * fast, 1 step; dark = slow, 10⁴ steps or more). A cell whose error grows (ρ > 1) is transparent
 * so the panel's hatching shows; a row not filled yet is a flat light grey.
 */
import { cividisLut, interpolateCividis, rasterize } from '../landscape/colormap';
import type { LogScale } from '../landscape/field';
import { unstable } from '../../engine/analysis/map-compare';

/** Steps per tenfold shrink at the two ends of the colour scale. */
export const FASTEST = 1;
export const SLOWEST = 1e4;

const SCALE: LogScale = { fMin: 0, delta: 0, lo: -Math.log10(SLOWEST), hi: -Math.log10(FASTEST), gridMin: FASTEST, gridMax: SLOWEST };

/** −log₁₀(steps per tenfold shrink) = log₁₀(−log₁₀ ρ); NaN where the error grows or ρ is unknown. */
export function speedOf(rho: number): number {
  if (!(rho >= 0) || unstable(rho)) return NaN;
  if (rho >= 1) return -Infinity; // flat: never shrinks
  return Math.log10(-Math.log10(rho));
}

/** Steps to shrink the error tenfold at rate ρ (∞ at ρ ≥ 1). */
export const stepsPerDecade = (rho: number): number => (rho < 1 ? -1 / Math.log10(rho) : Infinity);

const PENDING = [230, 232, 239, 255];

/**
 * RGBA pixels for map rows [from, to) as a block of canvas rows: the canvas has row 0 at the top,
 * so map row j lands on canvas row ny − 1 − j and the block starts at canvas row ny − to.
 */
export function mapRowPixels(values: ArrayLike<number>, nx: number, ny: number, from: number, to: number): Uint8ClampedArray<ArrayBuffer> {
  if (values.length !== nx * ny) throw new Error(`mapPixels: ${values.length} values for ${nx}×${ny} cells`);
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from <= to && to <= ny)) throw new Error(`mapRowPixels: rows ${from}–${to} outside 0 … ${ny}`);
  const speeds = new Float64Array(nx * (to - from));
  for (let j = from; j < to; j++) {
    const src = j * nx;
    const dst = (to - 1 - j) * nx;
    for (let i = 0; i < nx; i++) speeds[dst + i] = speedOf(values[src + i]!);
  }
  return rasterize(speeds, SCALE, cividisLut());
}

/** The whole map's pixels; rows at or above `filled` are drawn as not yet computed. */
export function mapPixels(values: ArrayLike<number>, nx: number, ny: number, filled = ny): Uint8ClampedArray<ArrayBuffer> {
  const px = new Uint8ClampedArray(nx * ny * 4);
  px.set(mapRowPixels(values, nx, ny, 0, filled), (ny - filled) * nx * 4);
  for (let j = filled; j < ny; j++) {
    const row = (ny - 1 - j) * nx * 4;
    for (let i = 0; i < nx; i++) px.set(PENDING, row + 4 * i);
  }
  return px;
}

/** Colour-bar stops, slow (dark) to fast (bright). */
export function legendStops(n = 9): { offset: number; color: string }[] {
  return Array.from({ length: n }, (_, k) => ({ offset: k / (n - 1), color: interpolateCividis(k / (n - 1)) }));
}
