import { extendedLoop, hasExtras, LoopState } from './extended';
import { adagradLoop, adamLoop, CLIP_EPS, norm2, rmspropLoop, settings, sgdLoop } from './loops';
import { Adagrad, Adam, createOptimizer, Rmsprop, Sgd, type Optimizer } from './optimizers';
import { roundTo } from './precision';
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
  /** Runs with training-loop extras only: per step, EVENT flags (bad batch, skipped, overflow). */
  events: Uint8Array | null;
  /** Runs with extras only: the loss scale S in force at each step (1 without loss scaling). */
  lossScale: Float64Array | null;
}

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
  /** State of the extended loop (guards' running average, loss scale). */
  readonly loop: LoopState;
  /** Whether the spec uses training-loop extras (then every step takes extended.ts's loop). */
  extended: boolean;
  private readonly rng: Gaussian;

  constructor(spec: RunSpec, objective: Objective = createSurface(spec.surface)) {
    this.spec = spec;
    this.objective = objective;
    this.optimizer = createOptimizer(spec.optimizer, objective.dim);
    this.w = Float64Array.from(spec.start);
    this.g = new Float64Array(objective.dim);
    this.rng = new Gaussian(spec.seed);
    this.loop = new LoopState(spec);
    this.extended = hasExtras(spec);
    this.roundParams();
  }

  /** Stores w in the spec's parameter format (reduced precision only). */
  private roundParams(): void {
    const p = this.spec.precision;
    if (p) for (let i = 0; i < this.w.length; i++) this.w[i] = roundTo(p.params, this.w[i]!);
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
    this.loop.adopt(spec, old);
    this.extended = hasExtras(spec);
    this.roundParams();
  }

  /**
   * Records points k, k+1, … into `out` (starting at the current k) until `until` steps have been
   * taken or a value goes non-finite. Returns the NonFinite report or null.
   */
  advance(out: SimResult, until: number): NonFinite | null {
    const o = this.optimizer;
    if (this.extended) return extendedLoop(this, out, until);
    // Two parameters (every surface): one of loops.ts's loops, picked by optimizer class, so that
    // TurboFan inlines the step (see there). The same float operations as advanceAny.
    if (this.w.length === 2 && this.g.length === 2) {
      if (o instanceof Sgd) return sgdLoop(this, o, out, until);
      if (o instanceof Adam) return adamLoop(this, o, out, until);
      if (o instanceof Rmsprop) return rmspropLoop(this, o, out, until);
      if (o instanceof Adagrad) return adagradLoop(this, o, out, until);
    }
    return this.advanceAny(out, until);
  }

  /** Adds gradient noise, std·N(0, 1) per parameter in order, to g (for the stepping loops). */
  addNoise(g: Float64Array, std: number): void {
    for (let i = 0; i < this.w.length; i++) g[i] = g[i]! + std * this.rng.normal();
  }

  /**
   * Ends a stepping loop at point k, which the loop has recorded into `out` and checked: sets k
   * and out.length, and returns the NonFinite report when the check failed (null when k = until).
   */
  stopAt(out: SimResult, k: number): NonFinite | null {
    const { w, g } = this;
    const n = w.length;
    this.k = k;
    out.length = k + 1;
    const loss = out.loss[k]!;
    const norm = out.gradNorm[k]!;
    const lr = out.lr[k]!;
    let check = loss * 0 + norm * 0 + lr * 0;
    for (let i = 0; i < n; i++) check += w[i]! * 0;
    return Number.isFinite(check) ? null : nonFiniteAt(k, w, loss, g, norm, lr);
  }

  /** The stepping loop for any number of parameters and any Optimizer. */
  private advanceAny(out: SimResult, until: number): NonFinite | null {
    const { objective, optimizer, w, g } = this;
    const n = w.length;
    const { base, schedule, constant, noiseStd, maxNorm } = settings(this.spec);
    // The counter lives in a local and the rare paths (noise, the overflow-safe norm, naming what
    // went non-finite) out of line.
    for (let k = this.k; ; k++) {
      const loss_k = objective.valueAndGrad(w, g);
      if (noiseStd !== 0) this.addNoise(g, noiseStd);
      let sq = 0;
      for (let i = 0; i < n; i++) sq += g[i]! * g[i]!;
      const norm = sq === Infinity ? norm2(g) : Math.sqrt(sq);
      const lr_k = constant ? base : base * scheduleFactor(schedule, k);
      // A non-finite ‖g‖ (hence g) fails the check as well.
      const check = recordPoint(out, k, w, loss_k, norm, lr_k) + norm * 0;
      if (!Number.isFinite(check) || k >= until) return this.stopAt(out, k);
      if (maxNorm !== 0) {
        const coef = maxNorm / (norm + CLIP_EPS);
        if (coef < 1) for (let i = 0; i < n; i++) g[i] = g[i]! * coef;
      }
      optimizer.step(w, g, lr_k);
    }
  }
}

/**
 * Writes point k — w, the loss, ‖g‖ and the rate — into the record. Returns 0 when w, the loss
 * and the rate are finite, NaN otherwise: x·0 is 0 for finite x and NaN for ±∞ or NaN, and finite
 * values can never overflow the sum. (‖g‖ is recorded, not checked: the caller decides.)
 */
export function recordPoint(out: SimResult, k: number, w: Float64Array, loss: number, norm: number, lr: number): number {
  const n = w.length;
  let check = loss * 0 + lr * 0;
  for (let i = 0; i < n; i++) {
    const wi = w[i]!;
    out.w[n * k + i] = wi;
    check += wi * 0;
  }
  out.loss[k] = loss;
  out.gradNorm[k] = norm;
  out.lr[k] = lr;
  return check;
}

/** Names the first non-finite value at step k: parameters, then loss, gradient, its norm, the rate. */
export function nonFiniteAt(k: number, w: Float64Array, loss: number, g: Float64Array, norm: number, lr: number): NonFinite {
  const bad = (a: Float64Array) => a.find((v) => !Number.isFinite(v));
  const wBad = bad(w);
  if (wBad !== undefined) return { step: k, what: 'parameters', value: wBad };
  if (!Number.isFinite(loss)) return { step: k, what: 'loss', value: loss };
  const gBad = bad(g);
  if (gBad !== undefined) return { step: k, what: 'gradient', value: gBad };
  if (!Number.isFinite(norm)) return { step: k, what: 'gradNorm', value: norm };
  return { step: k, what: 'lr', value: lr };
}

/**
 * Allocates the record for a run of `steps` steps (once per run, never per step); `extras` adds the
 * per-step events and loss scale that runs with training-loop extras record.
 */
export function allocateResult(steps: number, dim = 2, extras = false): SimResult {
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
    events: extras ? new Uint8Array(size) : null,
    lossScale: extras ? new Float64Array(size) : null,
  };
}

/** Runs a validated spec from its start for spec.steps steps (or until a value goes non-finite). */
export function simulate(spec: RunSpec, objective?: Objective): SimResult {
  const run = new Run(spec, objective);
  const out = allocateResult(spec.steps, run.objective.dim, run.extended);
  const bad = run.advance(out, spec.steps);
  return trimResult(out, bad);
}

/** The record of a finished (or stopped) run: views of the recorded length, with the stop report. */
export function trimResult(out: SimResult, bad: NonFinite | null): SimResult {
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
    events: out.events ? out.events.subarray(0, n) : null,
    lossScale: out.lossScale ? out.lossScale.subarray(0, n) : null,
  };
}

/** A sentence for the lab and the CLI: what went non-finite, and when. */
export function describeNonFinite(nf: NonFinite): string {
  const what = { parameters: 'the parameters', loss: 'the loss', gradient: 'the gradient', gradNorm: 'the gradient norm', lr: 'the scheduled learning rate' }[nf.what];
  const became = Number.isNaN(nf.value) ? 'became NaN' : `overflowed to ${nf.value > 0 ? '+' : '−'}Infinity`;
  return `${what} ${became} at step ${nf.step}`;
}
