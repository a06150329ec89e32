/**
 * Pixels for the stability map: a square plot of side `size`, column i centred at (i + ½)/nx of the
 * width, row j (β or κ, row 0 the lowest) at (j + ½)/ny of the height from the bottom. Pure.
 */
import {
  alphaUnitsAt, boundaryUnitsAt, columnOf, lambdaUnit, rowOf, rowValueAt, type MapSpec,
} from '../../engine/analysis/stability-map';

export interface PlotFrame {
  spec: MapSpec;
  size: number;
}

export const xOfColumn = (f: PlotFrame, col: number): number => ((col + 0.5) / f.spec.nx) * f.size;
export const yOfRow = (f: PlotFrame, row: number): number => f.size - ((row + 0.5) / f.spec.ny) * f.size;
export const columnOfX = (f: PlotFrame, x: number): number => (x / f.size) * f.spec.nx - 0.5;
export const rowOfY = (f: PlotFrame, y: number): number => ((f.size - y) / f.size) * f.spec.ny - 0.5;

/** Pixel x of αλmax (log axis). */
export const xOfAlphaUnits = (f: PlotFrame, a: number): number => xOfColumn(f, columnOf(f.spec, a / lambdaUnit(f.spec)));
/** Pixel y of β or κ. */
export const yOfValue = (f: PlotFrame, v: number): number => yOfRow(f, rowOf(f.spec, v));

/** The plot point (pixels, clamped to the plot) as αλmax and β/κ. */
export function valueAt(f: PlotFrame, x: number, y: number): { alphaUnits: number; y: number } {
  const cx = Math.max(0, Math.min(f.spec.nx - 1, columnOfX(f, x)));
  const cy = Math.max(0, Math.min(f.spec.ny - 1, rowOfY(f, y)));
  return { alphaUnits: alphaUnitsAt(f.spec, cx), y: rowValueAt(f.spec, cy) };
}

export interface Tick {
  at: number;
  label: string;
}

const pow10 = (e: number) => (e === 0 ? '1' : e === 1 ? '10' : `10${e < 0 ? '⁻' : ''}${'⁰¹²³⁴⁵⁶⁷⁸⁹'[Math.abs(e)] ?? Math.abs(e)}`);

/** αλmax ticks at the decades in range (pixels). */
export function alphaTicks(f: PlotFrame): Tick[] {
  const [lo, hi] = f.spec.alphaRange;
  const out: Tick[] = [];
  for (let e = Math.ceil(Math.log10(lo) - 1e-9); e <= Math.floor(Math.log10(hi) + 1e-9); e++) out.push({ at: xOfAlphaUnits(f, 10 ** e), label: e === -1 ? '0.1' : e === -2 ? '0.01' : pow10(e) });
  return out;
}

/** β ticks every 0.2 (and 0.999 at the top), or κ ticks at the decades. */
export function yTicks(f: PlotFrame): Tick[] {
  const [lo, hi] = f.spec.yRange;
  if (f.spec.kind === 'alphaBeta') {
    const out: Tick[] = [];
    for (let b = 0; b <= hi + 1e-9; b += 0.2) if (b >= lo - 1e-9) out.push({ at: yOfValue(f, b), label: b === 0 ? '0' : b.toFixed(1) });
    if (hi - (out.length - 1) * 0.2 > 0.1) out.push({ at: yOfValue(f, hi), label: String(hi) });
    return out;
  }
  const out: Tick[] = [];
  for (let e = Math.ceil(Math.log10(lo) - 1e-9); e <= Math.floor(Math.log10(hi) + 1e-9); e++) out.push({ at: yOfValue(f, 10 ** e), label: pow10(e) });
  return out;
}

/**
 * The analytic boundary αλmax(β) of a family, sampled at every row, as pixel points (the (α, κ)
 * map's boundary does not depend on κ: a vertical line). Points off the plot's α range are dropped.
 */
export function boundaryPoints(f: PlotFrame, family: 'heavyBall' | 'nesterov'): [number, number][] {
  const s = { ...f.spec, family, dampening: family === 'nesterov' ? 0 : f.spec.dampening };
  const g = { ...f, spec: s };
  const out: [number, number][] = [];
  const [a0, a1] = s.alphaRange;
  for (let j = 0; j < s.ny; j++) {
    const beta = s.kind === 'alphaBeta' ? rowValueAt(s, j) : s.beta;
    const a = boundaryUnitsAt(s, beta);
    if (a >= a0 && a <= a1) out.push([xOfAlphaUnits(g, a), yOfRow(g, j)]);
  }
  if (s.kind === 'alphaKappa' && out.length) {
    // A straight vertical line across the whole plot.
    return [[out[0]![0], f.size], [out[0]![0], 0]];
  }
  return out;
}
