import { modeFactor, type Method } from '../../engine';
import type { RunResult } from '../../state/compute';
import { fmt } from '../../ui/format';

type V2 = readonly [number, number];

/** e(k) = ⟨v, w_k − w*⟩ for k < length, from interleaved parameters x0, y0, x1, y1, … */
export function projectErrors(w: ArrayLike<number>, length: number, v: V2, ref: V2): Float64Array {
  const out = new Float64Array(length);
  const [vx, vy] = v;
  const [rx, ry] = ref;
  for (let k = 0; k < length; k++) out[k] = vx * (w[2 * k]! - rx) + vy * (w[2 * k + 1]! - ry);
  return out;
}

/** Relative size below which a component of w − w* is float64 round-off (of the projection and of H). */
export const ROUND_OFF = 128 * Number.EPSILON;

/**
 * Sets to 0 every e(k) smaller than ROUND_OFF·‖w_k − w*‖: such a component is round-off leaking
 * from the other direction (e.g. a flat direction "growing" while the steep one explodes), not
 * motion. Returns how many values it zeroed.
 */
export function zeroRoundOff(e: Float64Array, w: ArrayLike<number>, ref: V2): number {
  let n = 0;
  for (let k = 0; k < e.length; k++) {
    const d = Math.hypot(w[2 * k]! - ref[0], w[2 * k + 1]! - ref[1]);
    const v = e[k]!;
    if (v !== 0 && Number.isFinite(v) && Number.isFinite(d) && Math.abs(v) < ROUND_OFF * d) {
      e[k] = 0;
      n++;
    }
  }
  return n;
}

/**
 * GD's closed-form envelope along one eigendirection: |e(0)|·∏_{j<k} |1 − α_j(λ + wd_j)|, which is
 * |e(0)|·|1 − αλ|ᵏ at a constant rate. `lr[j]` is the rate step j uses; `wdAt(j)` the weight decay.
 */
export function gdEnvelope(e0: number, lambda: number, lr: ArrayLike<number>, length: number, wdAt: (j: number) => number = () => 0): Float64Array {
  const out = new Float64Array(length);
  let m = Math.abs(e0);
  for (let k = 0; k < length; k++) {
    out[k] = m;
    m *= Math.abs(1 - lr[k]! * (lambda + wdAt(k)));
  }
  return out;
}

/** The per-step factor text: "×0.82 per step", "×1.31 per step — grows", plus a zig-zag note. */
export function factorText(rho: number, oscillates: boolean): string {
  if (!Number.isFinite(rho)) return '';
  const f = `×${fmt(rho, rho >= 0.995 && rho < 1 ? 4 : 2)} per step`;
  const trend = rho > 1 + 1e-12 ? ' — grows' : Math.abs(rho - 1) <= 1e-12 ? ' — never shrinks' : '';
  return f + trend + (oscillates ? ', flipping sign' : '');
}

/** Curvature λ seen by a run's optimizer along a direction (SGD weight decay adds to it). */
export function effectiveLambda(r: Pick<RunResult, 'spec'>, lambda: number): number {
  const o = r.spec.optimizer;
  return lambda + (o.kind === 'sgd' ? o.weightDecay : 0);
}

/** The run's factor along a direction, when its method has one (SGD at its base α); else null. */
export function runFactor(r: Pick<RunResult, 'spec' | 'report'>, lambda: number): { rho: number; oscillates: boolean } | null {
  const method: Method | null = r.report.method;
  if (!method) return null;
  const f = modeFactor(method, r.spec.optimizer.lr, effectiveLambda(r, lambda), r.report.momentum);
  return Number.isFinite(f.rho) ? f : null;
}

/**
 * Whether GD's closed form describes the run exactly: a quadratic, plain GD (no momentum, noise or
 * clipping) in every segment of its history, on one surface, and weight decay only when the
 * minimum is at the origin (otherwise decay shifts the fixed point away from w*).
 */
export function closedFormApplies(r: Pick<RunResult, 'history' | 'spec'>): boolean {
  const surface = JSON.stringify(r.spec.surface);
  return r.spec.surface.kind === 'quadratic' && r.history.every(({ spec }) => {
    const o = spec.optimizer;
    const s = spec.surface;
    return o.kind === 'sgd' && o.momentum === 0 && !spec.clip && !spec.noise && s.kind === 'quadratic'
      && JSON.stringify(s) === surface && (o.weightDecay === 0 || (s.center[0] === 0 && s.center[1] === 0));
  });
}

/** The weight decay in force at step j of a run (the last segment starting at or before j). */
export function weightDecayAt(r: Pick<RunResult, 'history'>): (j: number) => number {
  const segs = r.history.map((s) => ({ at: s.at, wd: s.spec.optimizer.kind === 'sgd' ? s.spec.optimizer.weightDecay : 0 }));
  return (j) => {
    let wd = segs[0]?.wd ?? 0;
    for (const s of segs) if (s.at <= j) wd = s.wd;
    return wd;
  };
}

/** The point errors are measured from: a quadratic's stationary point, else the report's w*. */
export function referencePoint(r: Pick<RunResult, 'spec' | 'report'>): { at: V2; what: string } {
  const s = r.spec.surface;
  if (s.kind === 'quadratic') {
    const saddle = s.eigenvalues[0] < 0 || s.eigenvalues[1] < 0;
    return { at: s.center, what: saddle ? 'the saddle point' : 'the minimum' };
  }
  const at = r.report.curvature.at;
  const atStart = at[0] === r.spec.start[0] && at[1] === r.spec.start[1];
  return { at, what: atStart ? 'the start (no minimum)' : 'the lowest minimum' };
}

/** How often a series changes sign (exact zeros skipped): the zig-zag count. */
export function signChanges(series: ArrayLike<number>): number {
  let last = 0;
  let n = 0;
  for (let i = 0; i < series.length; i++) {
    const s = Math.sign(series[i]!);
    if (s === 0 || Number.isNaN(s)) continue;
    if (last !== 0 && s !== last) n++;
    last = s;
  }
  return n;
}

export interface DirectionSeries {
  id: string;
  index: number;
  /** e(k) for k < the run's length. */
  e: Float64Array;
  /** GD's closed-form |e(k)| bound, or null when the closed form does not apply. */
  envelope: Float64Array | null;
  /** "×0.5 per step, flipping sign", or why there is none. */
  factor: string;
}

export interface Direction {
  key: 'steep' | 'flat';
  title: string;
  lambda: number;
  runs: DirectionSeries[];
}

/**
 * Both eigendirections of the reference curvature (the steep one, λmax, and the flat or downhill
 * one, λmin) with every run's error along them and, for plain GD on a quadratic, the closed form.
 */
export function eigenDirections(results: readonly Pick<RunResult, 'id' | 'index' | 'spec' | 'history' | 'report' | 'sim'>[]): { directions: Direction[]; ref: string } {
  const first = results[0];
  if (!first) return { directions: [], ref: '' };
  const c = first.report.curvature;
  const ref = referencePoint(first);
  const local = first.spec.surface.kind !== 'quadratic';
  const lam = (l: number) => `λ = ${fmt(l, 4)}${local ? ' at w*' : ''}`;
  const dirs: [Direction['key'], string, number, readonly [number, number]][] = [
    ['steep', c.lambdaMax > 0 ? 'Steep direction' : 'Direction of λmax', c.lambdaMax, c.vMax],
    ['flat', c.lambdaMin < 0 ? 'Downhill direction' : 'Flat direction', c.lambdaMin, c.vMin],
  ];
  const directions = dirs.map(([key, name, lambda, v]) => {
    // Everything a run's series along this direction depends on besides the result itself.
    const geometry = `${lambda}|${v[0]}|${v[1]}|${ref.at[0]}|${ref.at[1]}|${local}`;
    return {
      key, lambda, title: `${name} (${lam(lambda)})`,
      runs: results.map((r) => {
        const hit = SERIES[key].get(r);
        if (hit && hit.key === geometry) return hit.value;
        const value = directionSeries(r, lambda, v, ref.at, local);
        SERIES[key].set(r, { key: geometry, value });
        return value;
      }),
    };
  });
  return { directions, ref: ref.what };
}

type SeriesInput = Pick<RunResult, 'id' | 'index' | 'spec' | 'history' | 'report' | 'sim'>;

/**
 * Each run's series per direction, remembered per result object: when one run's α moves, the
 * others keep their arrays (and so their cached paths).
 */
const SERIES: Record<Direction['key'], WeakMap<SeriesInput, { key: string; value: DirectionSeries }>> = {
  steep: new WeakMap(),
  flat: new WeakMap(),
};

function directionSeries(r: SeriesInput, lambda: number, v: V2, at: V2, local: boolean): DirectionSeries {
  const e = projectErrors(r.sim.w, r.sim.length, v, at);
  zeroRoundOff(e, r.sim.w, at);
  const e0 = e.length ? e[0]! : NaN;
  const envelope = closedFormApplies(r) && Number.isFinite(e0) ? gdEnvelope(e0, lambda, r.sim.lr, r.sim.length, weightDecayAt(r)) : null;
  const f = runFactor(r, lambda);
  const scheduled = r.history.some((h) => h.spec.schedule.kind !== 'constant');
  const factor = !f ? 'adaptive step: no fixed factor' : (scheduled ? 'at the base α, ' : '') + factorText(f.rho, f.oscillates) + (local ? ' near w*' : '');
  return { id: r.id, index: r.index, e, envelope, factor };
}
