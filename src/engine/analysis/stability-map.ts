/**
 * The stability map: a grid over (α, β) — α on a log axis in units of 1/λmax, β from 0 to 0.999 —
 * or over (α, κ) at a fixed β, each cell coloured by how fast the error shrinks on a 2D quadratic.
 * This file holds the grid, its validation and the analytic fill (the spectral radius from
 * stability.ts); map-empirical.ts runs every cell. Output is data (Float64Array, row-major, row 0
 * at the lowest β or κ), never DOM.
 */
import { heavyBallBoundary, heavyBallOptimal, modeFactor, nesterovBoundary, type Method } from './stability';

/** (α, β): rows are β (linear). (α, κ): rows are κ (log) at the spec's fixed β. */
export type MapKind = 'alphaBeta' | 'alphaKappa';
/** Which update rule the map is for: torch SGD with momentum (plain or Nesterov), or Adam. */
export type MapFamily = 'heavyBall' | 'nesterov' | 'adam';

export interface MapSpec {
  kind: MapKind;
  family: MapFamily;
  /** Columns (α) and rows (β or κ). */
  nx: number;
  ny: number;
  /** Steps every empirical cell runs (K). */
  steps: number;
  /** αλmax at the first and last column centre (log axis); λmax includes SGD's weight decay. */
  alphaRange: [number, number];
  /** β (linear) or κ (log) at the first and last row centre. */
  yRange: [number, number];
  /** The quadratic's curvatures (without weight decay). */
  lambdaMax: number;
  lambdaMin: number;
  /** Unit eigenvector of λmax in the (x, y) plane; λmin's is (−v[1], v[0]). */
  vMax: [number, number];
  /** The start's error w0 − c (Adam only: its steps have a size of their own, so scale matters). */
  start: [number, number];
  /** β on the (α, κ) map: SGD's momentum or Adam's β1. */
  beta: number;
  /** SGD only. */
  dampening: number;
  weightDecay: number;
  /** Adam only. */
  beta2: number;
  eps: number;
  amsgrad: boolean;
}

/** The defaults the panel uses: 200×200 cells, K = 1000, αλmax from 10⁻² to 10, β to 0.999, κ to 10⁴. */
export const MAP_DEFAULTS = {
  nx: 200, ny: 200, steps: 1000,
  alphaRange: [1e-2, 10] as [number, number],
  betaRange: [0, 0.999] as [number, number],
  kappaRange: [1, 1e4] as [number, number],
} as const;

export const MAP_LIMITS = { maxCells: 1000, maxSteps: 100_000 } as const;

/** Every problem with a spec, as readable strings (empty when it is valid). */
export function mapSpecProblems(s: MapSpec): string[] {
  const out: string[] = [];
  const int = (name: string, v: number, lo: number, hi: number) => {
    if (!(Number.isInteger(v) && v >= lo && v <= hi)) out.push(`${name}: expected a whole number in [${lo}, ${hi}], got ${v}`);
  };
  const finite = (name: string, v: number, ok: (v: number) => boolean, what: string) => {
    if (!(Number.isFinite(v) && ok(v))) out.push(`${name}: expected ${what}, got ${v}`);
  };
  if (s.kind !== 'alphaBeta' && s.kind !== 'alphaKappa') out.push(`kind: expected "alphaBeta" or "alphaKappa", got ${String(s.kind)}`);
  if (s.family !== 'heavyBall' && s.family !== 'nesterov' && s.family !== 'adam') out.push(`family: unknown ${String(s.family)}`);
  int('nx', s.nx, 2, MAP_LIMITS.maxCells);
  int('ny', s.ny, 2, MAP_LIMITS.maxCells);
  int('steps', s.steps, 1, MAP_LIMITS.maxSteps);
  const [a0, a1] = s.alphaRange ?? [NaN, NaN];
  finite('alphaRange', a0, (v) => v > 0, 'a positive start');
  finite('alphaRange', a1, (v) => v > a0, 'an end above the start');
  const [y0, y1] = s.yRange ?? [NaN, NaN];
  if (s.kind === 'alphaBeta') {
    finite('yRange', y0, (v) => v >= 0 && v < 1, 'β in [0, 1)');
    finite('yRange', y1, (v) => v > y0 && v < 1, 'β above the start and below 1');
  } else {
    finite('yRange', y0, (v) => v >= 1, 'κ ≥ 1');
    finite('yRange', y1, (v) => v > y0, 'κ above the start');
  }
  finite('lambdaMax', s.lambdaMax, (v) => v > 0, 'a positive curvature (the map is in units of 1/λmax)');
  finite('lambdaMin', s.lambdaMin, (v) => v <= s.lambdaMax, 'a curvature ≤ λmax');
  const [vx, vy] = s.vMax ?? [NaN, NaN];
  finite('vMax', Math.hypot(vx, vy), (v) => Math.abs(v - 1) < 1e-9, 'a unit vector');
  finite('start', Math.hypot(...(s.start ?? [NaN, NaN])), () => true, 'a finite point');
  finite('beta', s.beta, (v) => v >= 0 && v < 1, 'β in [0, 1)');
  finite('dampening', s.dampening, (v) => v >= 0 && v < 1, 'dampening in [0, 1)');
  finite('weightDecay', s.weightDecay, (v) => v >= 0, 'weight decay ≥ 0');
  finite('beta2', s.beta2, (v) => v >= 0 && v < 1, 'β2 in [0, 1)');
  finite('eps', s.eps, (v) => v >= 0, 'eps ≥ 0');
  if (s.family === 'nesterov' && s.dampening !== 0) out.push(`dampening: Nesterov needs dampening 0 (as torch), got ${s.dampening}`);
  return out;
}

/** Throws one error naming every problem: a bad size must never become a wrong picture. */
export function assertMapSpec(s: MapSpec): void {
  const p = mapSpecProblems(s);
  if (p.length) throw new Error(`invalid stability map: ${p.join('; ')}`);
}

/** The λ that α is measured in: λmax, plus SGD's weight decay (which adds to every curvature). */
export function lambdaUnit(s: MapSpec): number {
  return s.lambdaMax + (s.family === 'adam' ? 0 : s.weightDecay);
}

const logLerp = (lo: number, hi: number, t: number) => 10 ** (Math.log10(lo) + t * (Math.log10(hi) - Math.log10(lo)));

/** αλmax at column i (0 … nx − 1; fractional i allowed). */
export function alphaUnitsAt(s: MapSpec, i: number): number {
  return logLerp(s.alphaRange[0], s.alphaRange[1], i / (s.nx - 1));
}

/** α itself at column i. */
export function alphaAt(s: MapSpec, i: number): number {
  return alphaUnitsAt(s, i) / lambdaUnit(s);
}

/** Fractional column of α (may fall outside 0 … nx − 1). */
export function columnOf(s: MapSpec, alpha: number): number {
  const [lo, hi] = s.alphaRange;
  return ((Math.log10(alpha * lambdaUnit(s)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * (s.nx - 1);
}

/** β (α, β map) or κ (α, κ map) at row j. */
export function rowValueAt(s: MapSpec, j: number): number {
  const [lo, hi] = s.yRange;
  const t = j / (s.ny - 1);
  return s.kind === 'alphaBeta' ? lo + t * (hi - lo) : logLerp(lo, hi, t);
}

/** Fractional row of a β or κ value. */
export function rowOf(s: MapSpec, v: number): number {
  const [lo, hi] = s.yRange;
  const t = s.kind === 'alphaBeta' ? (v - lo) / (hi - lo) : (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
  return t * (s.ny - 1);
}

/** What is fixed along row j: the momentum β and the two curvatures (weight decay not included). */
export interface RowProblem {
  beta: number;
  lambdaMax: number;
  lambdaMin: number;
}

export function rowProblem(s: MapSpec, j: number): RowProblem {
  if (s.kind === 'alphaBeta') return { beta: rowValueAt(s, j), lambdaMax: s.lambdaMax, lambdaMin: s.lambdaMin };
  // κ of the effective spectrum (weight decay included), λmax held: λmin + wd = (λmax + wd)/κ.
  const wd = s.family === 'adam' ? 0 : s.weightDecay;
  return { beta: s.beta, lambdaMax: s.lambdaMax, lambdaMin: lambdaUnit(s) / rowValueAt(s, j) - wd };
}

/** The closed-form method for an SGD family at momentum β (β = 0 is plain GD). */
export function methodFor(family: MapFamily, beta: number): Method | null {
  if (family === 'adam') return null;
  if (beta === 0) return 'gd';
  return family;
}

/**
 * The spectral radius of cell (row j, column i): the worst eigendirection's per-step factor.
 * Heavy ball with dampening τ feeds (1 − τ)·g to its buffer, so it steps by α(1 − τ) in effect.
 * NaN for Adam (no closed form).
 */
export function analyticRate(s: MapSpec, j: number, i: number): number {
  const row = rowProblem(s, j);
  const method = methodFor(s.family, row.beta);
  if (!method) return NaN;
  const lr = alphaAt(s, i) * (method === 'heavyBall' ? 1 - s.dampening : 1);
  const a = modeFactor(method, lr, row.lambdaMax + s.weightDecay, row.beta).rho;
  const b = modeFactor(method, lr, row.lambdaMin + s.weightDecay, row.beta).rho;
  return Math.max(a, b);
}

/** The whole analytic map (row-major, nx·ny), or null for Adam. */
export function analyticMap(s: MapSpec): Float64Array | null {
  assertMapSpec(s);
  if (s.family === 'adam') return null;
  const out = new Float64Array(s.nx * s.ny);
  for (let j = 0; j < s.ny; j++) for (let i = 0; i < s.nx; i++) out[j * s.nx + i] = analyticRate(s, j, i);
  return out;
}

/**
 * The largest stable αλmax for row j's momentum (the boundary curve), from stability.ts:
 * GD 2, heavy ball 2(1 + β)/(1 − τ), Nesterov 2(1 + β)/(1 + 2β). NaN for Adam.
 */
export function boundaryUnitsAt(s: MapSpec, beta: number): number {
  const method = methodFor(s.family, beta);
  if (!method) return NaN;
  if (method === 'nesterov') return nesterovBoundary(1, beta);
  return heavyBallBoundary(1, method === 'gd' ? 0 : beta) / (method === 'heavyBall' ? 1 - s.dampening : 1);
}

/** Polyak's optimum (α*λmax, β*) for heavy ball on the (α, β) map, when the spectrum is positive definite. */
export function polyakOptimum(s: MapSpec): { alphaUnits: number; beta: number; rate: number } | null {
  const wd = s.weightDecay;
  if (s.family !== 'heavyBall' || !(s.lambdaMin + wd > 0)) return null;
  const o = heavyBallOptimal(s.lambdaMin + wd, s.lambdaMax + wd);
  return { alphaUnits: (o.lr / (1 - s.dampening)) * lambdaUnit(s), beta: o.momentum, rate: o.rate };
}

/** The cell with the smallest finite value of a map (first one on ties); null when none is finite. */
export function bestCell(values: ArrayLike<number>, nx: number): { row: number; col: number; value: number } | null {
  let best = -1;
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    if (Number.isFinite(v) && (best < 0 || v < values[best]!)) best = k;
  }
  return best < 0 ? null : { row: Math.floor(best / nx), col: best % nx, value: values[best]! };
}
