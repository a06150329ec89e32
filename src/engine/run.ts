import { createOptimizer, type Optimizer } from './optimizers';
import { Gaussian } from './random';
import { scheduleFactor } from './schedule';
import type { RunSpec } from './spec/types';
import { createSurface, type Objective } from './surfaces';

/** What went non-finite first at the step where a run stopped. */
export type NonFiniteKind = 'parameters' | 'loss' | 'gradient' | 'gradNorm' | 'lr';

export interface NonFinite {
  step: number;
  what: NonFiniteKind;
  /** The offending value: NaN, Infinity or −Infinity. */
  value: number;
}

/**
 * One run's record. Index k holds the state before step k: w_k, f(w_k), ‖g_k‖ (the gradient after
 * noise, before clipping — what clip_grad_norm_ returns) and the learning rate step k uses (the
 * last index holds the rate the next step would use). `length` = steps + 1, or stoppedAt + 1 when
 * the run stopped; the arrays are views of that length.
 */
export interface SimResult {
  length: number;
  /** Parameters per point (2 for a surface). */
  dim: number;
  /** Interleaved parameters: x0, y0, x1, y1, … (dim per point). */
  w: Float64Array;
  loss: Float64Array;
  gradNorm: Float64Array;
  lr: Float64Array;
  stoppedAt: number | null;
  nonFinite: NonFinite | null;
}

const CLIP_EPS = 1e-6; // torch.nn.utils.clip_grad_norm_: coef = max_norm / (total_norm + 1e-6)

/**
 * A run in progress: the surface, the optimizer state and the current point. `advance` takes
 * steps without allocating; `simulate` below drives it for a whole spec.
 */
export class Run {
  spec: RunSpec;
  objective: Objective;
  optimizer: Optimizer;
  readonly w: Float64Array;
  readonly g: Float64Array;
  /** Index of the current point (steps taken so far). */
  k = 0;
  private readonly rng: Gaussian;

  constructor(spec: RunSpec, objective: Objective = createSurface(spec.surface)) {
    this.spec = spec;
    this.objective = objective;
    this.optimizer = createOptimizer(spec.optimizer, objective.dim);
    this.w = Float64Array.from(spec.start);
    this.g = new Float64Array(objective.dim);
    this.rng = new Gaussian(spec.seed);
  }

  /**
   * Changes the settings mid-run, as editing a param group between torch steps would: the point,
   * the step count and (for the same optimizer kind) the optimizer's state carry on. A different
   * optimizer kind starts with fresh state; a different surface or seed takes effect from here.
   */
  reconfigure(spec: RunSpec, objective?: Objective): void {
    const old = this.spec;
    if (objective || JSON.stringify(spec.surface) !== JSON.stringify(old.surface)) {
      this.objective = objective ?? createSurface(spec.surface);
    }
    if (spec.optimizer.kind !== old.optimizer.kind) this.optimizer = createOptimizer(spec.optimizer, this.objective.dim);
    else this.optimizer.configure(spec.optimizer);
    if (spec.seed !== old.seed) this.rng.reseed(spec.seed);
    this.spec = spec;
  }

  /**
   * Records points k, k+1, … into `out` (starting at the current k) until `until` steps have been
   * taken or a value goes non-finite. Returns the NonFinite report or null.
   */
  advance(out: SimResult, until: number): NonFinite | null {
    const { spec, objective, optimizer, w, g, rng } = this;
    const n = w.length;
    const base = spec.optimizer.lr;
    const schedule = spec.schedule;
    const constant = schedule.kind === 'constant';
    const noiseStd = spec.noise ? spec.noise.std / Math.sqrt(spec.noise.batchSize) : 0;
    const maxNorm = spec.clip ? spec.clip.maxNorm : 0;
    const { w: ws, loss, gradNorm, lr } = out;
    // The hot loop keeps its counter in a local and its rare paths (overflow-safe norm, naming
    // what went non-finite) out of line, so V8 can inline the surface and optimizer calls.
    for (let k = this.k; ; k++) {
      const loss_k = objective.valueAndGrad(w, g);
      if (noiseStd !== 0) for (let i = 0; i < n; i++) g[i] = g[i]! + noiseStd * rng.normal();
      let sq = 0;
      for (let i = 0; i < n; i++) sq += g[i]! * g[i]!;
      const norm = sq === Infinity ? norm2(g) : Math.sqrt(sq);
      const lr_k = constant ? base : base * scheduleFactor(schedule, k);
      // Any NaN or ±∞ among w, the loss, ‖g‖ (hence g) or the rate makes `check` non-finite.
      let check = loss_k + norm + lr_k;
      for (let i = 0; i < n; i++) {
        const wi = w[i]!;
        ws[n * k + i] = wi;
        check += wi * 0;
      }
      loss[k] = loss_k;
      gradNorm[k] = norm;
      lr[k] = lr_k;
      out.length = k + 1;
      if (!Number.isFinite(check)) {
        this.k = k;
        return nonFiniteAt(k, w, loss_k, g, norm, lr_k);
      }
      if (k >= until) {
        this.k = k;
        return null;
      }
      if (maxNorm !== 0) {
        const coef = maxNorm / (norm + CLIP_EPS);
        if (coef < 1) for (let i = 0; i < n; i++) g[i] = g[i]! * coef;
      }
      optimizer.step(w, g, lr_k);
    }
  }
}

/** ‖g‖₂ as torch computes it, rescaled only when the plain sum of squares would overflow. */
function norm2(g: Float64Array): number {
  let sq = 0;
  for (let i = 0; i < g.length; i++) sq += g[i]! * g[i]!;
  if (sq !== Infinity) return Math.sqrt(sq);
  let big = 0;
  for (let i = 0; i < g.length; i++) big = Math.max(big, Math.abs(g[i]!));
  if (big === Infinity) return Infinity;
  sq = 0;
  for (let i = 0; i < g.length; i++) sq += (g[i]! / big) ** 2;
  return big * Math.sqrt(sq);
}

/** Names the first non-finite value at step k: parameters, then loss, gradient, its norm, the rate. */
function nonFiniteAt(k: number, w: Float64Array, loss: number, g: Float64Array, norm: number, lr: number): NonFinite {
  const bad = (a: Float64Array) => a.find((v) => !Number.isFinite(v));
  const wBad = bad(w);
  if (wBad !== undefined) return { step: k, what: 'parameters', value: wBad };
  if (!Number.isFinite(loss)) return { step: k, what: 'loss', value: loss };
  const gBad = bad(g);
  if (gBad !== undefined) return { step: k, what: 'gradient', value: gBad };
  if (!Number.isFinite(norm)) return { step: k, what: 'gradNorm', value: norm };
  return { step: k, what: 'lr', value: lr };
}

/** Allocates the record for a run of `steps` steps (once per run, never per step). */
export function allocateResult(steps: number, dim = 2): SimResult {
  const size = steps + 1;
  return {
    length: 0,
    dim,
    w: new Float64Array(dim * size),
    loss: new Float64Array(size),
    gradNorm: new Float64Array(size),
    lr: new Float64Array(size),
    stoppedAt: null,
    nonFinite: null,
  };
}

/** Runs a validated spec from its start for spec.steps steps (or until a value goes non-finite). */
export function simulate(spec: RunSpec, objective?: Objective): SimResult {
  const run = new Run(spec, objective);
  const out = allocateResult(spec.steps, run.objective.dim);
  const bad = run.advance(out, spec.steps);
  return finish(out, bad);
}

function finish(out: SimResult, bad: NonFinite | null): SimResult {
  const n = out.length;
  return {
    length: n,
    dim: out.dim,
    w: out.w.subarray(0, out.dim * n),
    loss: out.loss.subarray(0, n),
    gradNorm: out.gradNorm.subarray(0, n),
    lr: out.lr.subarray(0, n),
    stoppedAt: bad ? bad.step : null,
    nonFinite: bad,
  };
}

/** A sentence for the lab and the CLI: what went non-finite, and when. */
export function describeNonFinite(nf: NonFinite): string {
  const what = { parameters: 'the parameters', loss: 'the loss', gradient: 'the gradient', gradNorm: 'the gradient norm', lr: 'the scheduled learning rate' }[nf.what];
  const became = Number.isNaN(nf.value) ? 'became NaN' : `overflowed to ${nf.value > 0 ? '+' : '−'}Infinity`;
  return `${what} ${became} at step ${nf.step}`;
}
