import { Gaussian } from '../random';
import { allocateResult, Run, type SimResult } from '../run';
import type { RunSpec, Vec2 } from '../spec/types';
import type { Surface, ViewBox } from '../surfaces';

/**
 * Which basin a point belongs to, and where many seeded runs end up. A point's basin is the local
 * minimum that small-step gradient descent ("polishing") from it reaches: the basin of attraction
 * of the gradient flow, up to the discretisation of the small step.
 */
export interface PolishSettings {
  /** GD step for polishing: small enough that stepLr·λmax < 1 everywhere it goes (no overshoot). */
  step: number;
  /** Stop once ‖∇f‖ is below this. */
  tol: number;
  maxIter: number;
  /** A polished point farther than this from every listed minimum has no basin (−1). */
  radius: number;
}

/** Suits the wells surface, whose curvature is at most about 3.3 (0.1·3.3 < 1). */
export const POLISH: PolishSettings = { step: 0.1, tol: 1e-7, maxIter: 20000, radius: 1e-3 };

/** Small-step GD from (x, y) until the gradient is tiny; returns the point reached and the iterations. */
export function polish(surface: Surface, x: number, y: number, p: PolishSettings = POLISH): { x: number; y: number; iterations: number } {
  const g = new Float64Array(2);
  let i = 0;
  for (; i < p.maxIter; i++) {
    surface.gradient(x, y, g);
    if (!(Math.hypot(g[0]!, g[1]!) >= p.tol)) break; // also stops on NaN
    x -= p.step * g[0]!;
    y -= p.step * g[1]!;
  }
  return { x, y, iterations: i };
}

/** The index (into surface.minima, lowest first) of the minimum the point polishes to, or −1. */
export function basinOf(surface: Surface, w: Vec2, p: PolishSettings = POLISH): number {
  if (!Number.isFinite(w[0]) || !Number.isFinite(w[1])) return -1;
  const end = polish(surface, w[0], w[1], p);
  let best = -1;
  let bestD = Infinity;
  surface.minima.forEach((m, i) => {
    const d = Math.hypot(m.x - end.x, m.y - end.y);
    if (d < bestD) { bestD = d; best = i; }
  });
  return bestD <= p.radius ? best : -1;
}

/** n start points drawn uniformly in the box from a seeded stream (x then y per point). */
export function seededStarts(box: ViewBox, n: number, seed: number): Vec2[] {
  const rng = new Gaussian(seed);
  const out: Vec2[] = [];
  for (let i = 0; i < n; i++) {
    const x = box.xMin + (box.xMax - box.xMin) * rng.uniform();
    const y = box.yMin + (box.yMax - box.yMin) * rng.uniform();
    out.push([x, y]);
  }
  return out;
}

/** The last recorded point of a run. */
export function endPoint(r: SimResult): Vec2 {
  const k = r.length - 1;
  return [r.w[r.dim * k]!, r.w[r.dim * k + 1]!];
}

/**
 * Runs `spec` from each start (run i uses noise seed spec.seed + i) on the given surface, reusing
 * one record, and returns the basin each run ends in (−1: non-finite or no listed minimum). When
 * `endLoss` is given, each run's last loss (before polishing) is written into it.
 */
export function endBasins(surface: Surface, spec: RunSpec, starts: readonly Vec2[], p: PolishSettings = POLISH, endLoss?: Float64Array): Int16Array {
  const out = allocateResult(spec.steps, 2, false);
  const basins = new Int16Array(starts.length);
  for (let i = 0; i < starts.length; i++) {
    const s: RunSpec = { ...spec, start: starts[i]!, seed: (spec.seed + i) >>> 0 };
    const run = new Run(s, surface);
    const rec = run.extended ? allocateResult(s.steps, 2, true) : out;
    const bad = run.advance(rec, s.steps);
    basins[i] = bad ? -1 : basinOf(surface, [run.w[0]!, run.w[1]!], p);
    if (endLoss) endLoss[i] = rec.loss[rec.length - 1]!;
  }
  return basins;
}

/** The start points' own basins. */
export function startBasins(surface: Surface, starts: readonly Vec2[], p: PolishSettings = POLISH): Int16Array {
  return Int16Array.from(starts, (s) => basinOf(surface, s, p));
}

/** Counts per minimum (index i = surface.minima[i]) plus the runs with no basin in `none`. */
export function histogram(basins: ArrayLike<number>, minima: number): { counts: number[]; none: number } {
  const counts = new Array<number>(minima).fill(0);
  let none = 0;
  for (let i = 0; i < basins.length; i++) {
    const b = basins[i]!;
    if (b >= 0 && b < minima) counts[b]!++;
    else none++;
  }
  return { counts, none };
}

/** The fraction of runs whose end basin equals their start basin. */
export function sameBasinFraction(start: ArrayLike<number>, end: ArrayLike<number>): number {
  let same = 0;
  for (let i = 0; i < start.length; i++) if (start[i] === end[i] && start[i]! >= 0) same++;
  return start.length ? same / start.length : 0;
}

/** The basin of each recorded point of a run (for when it changes basin), every `every` steps. */
export function basinTrace(surface: Surface, r: SimResult, every = 1, p: PolishSettings = POLISH): Int16Array {
  const n = Math.floor((r.length - 1) / every) + 1;
  const out = new Int16Array(n);
  for (let j = 0; j < n; j++) {
    const k = j * every;
    out[j] = basinOf(surface, [r.w[r.dim * k]!, r.w[r.dim * k + 1]!], p);
  }
  return out;
}
