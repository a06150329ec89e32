/** From a run to its map, and from a map point back to the run's hyperparameters; Adam's map. */
import { describe, expect, it } from 'vitest';
import { empiricalMap, RowFiller } from '../../src/engine/analysis/map-empirical';
import { applyPoint, familyOf, mapKey, mapSpecFor, runPoint } from '../../src/engine/analysis/map-spec';
import type { OptimizerSpec, RunSpec } from '../../src/engine/spec/types';
import { spec } from './helpers';

const sgd = (lr: number, momentum = 0, nesterov = false): OptimizerSpec => ({ kind: 'sgd', lr, momentum, dampening: 0, nesterov, weightDecay: 0 });
const adam = (lr: number, b1 = 0.9): OptimizerSpec => ({ kind: 'adam', lr, betas: [b1, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false });

/** A full run spec (every default filled in by the engine's own parser). */
function run(optimizer: OptimizerSpec, over: Partial<RunSpec> = {}): RunSpec {
  return spec({
    surface: { kind: 'quadratic', eigenvalues: [1, 10], angle: Math.PI / 6, center: [0.5, -1] },
    optimizer, start: [-2, 1.5], steps: 100, ...over,
  });
}

describe('mapSpecFor', () => {
  it('takes the family, the curvatures and the eigenvector from the run', () => {
    const r = mapSpecFor(run(sgd(0.1, 0.5)), 'alphaBeta');
    if (!r.ok) throw new Error(r.reason);
    expect(r.spec.family).toBe('heavyBall');
    expect([r.spec.lambdaMax, r.spec.lambdaMin]).toEqual([10, 1]);
    // λ2 = 10's eigenvector is (sin θ, cos θ).
    expect(r.spec.vMax[0]).toBeCloseTo(0.5, 14);
    expect(r.spec.vMax[1]).toBeCloseTo(Math.sqrt(3) / 2, 14);
    expect([r.spec.nx, r.spec.ny, r.spec.steps]).toEqual([200, 200, 1000]);
    expect(r.notes).toEqual([]);
    expect(familyOf(sgd(0.1, 0.5, true))).toBe('nesterov');
    expect(familyOf(adam(0.1))).toBe('adam');
  });

  it('keeps Adam’s start (relative to the minimum) and says what it leaves out', () => {
    const r = mapSpecFor(run({ kind: 'adamw', lr: 0.1, betas: [0.8, 0.99], eps: 1e-6, weightDecay: 0.01, amsgrad: true }), 'alphaKappa');
    if (!r.ok) throw new Error(r.reason);
    expect(r.spec.start).toEqual([-2.5, 2.5]);
    expect([r.spec.beta, r.spec.beta2, r.spec.eps, r.spec.amsgrad]).toEqual([0.8, 0.99, 1e-6, true]);
    expect(r.notes.join(' ')).toMatch(/weight decay/);
  });

  it('refuses RMSprop and Adagrad, and surfaces with no positive curvature, with a reason', () => {
    const r = mapSpecFor(run({ kind: 'rmsprop', lr: 0.01, alpha: 0.99, eps: 1e-8, momentum: 0, centered: false, weightDecay: 0 }), 'alphaBeta');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/RMSprop/);
    const flat = mapSpecFor(run(sgd(0.1), { surface: { kind: 'quadratic', eigenvalues: [-1, -2], angle: 0, center: [0, 0] } }), 'alphaBeta');
    expect(flat.ok).toBe(false);
  });

  it('non-quadratic surfaces: the curvature at the minimum, with a note', () => {
    const r = mapSpecFor(run(sgd(0.001), { surface: { kind: 'rosenbrock', a: 1, b: 100 } }), 'alphaBeta');
    if (!r.ok) throw new Error(r.reason);
    // Rosenbrock's Hessian at (1, 1) is [[802, −400], [−400, 200]].
    const tr = 1002;
    const det = 802 * 200 - 400 * 400;
    expect(r.spec.lambdaMax).toBeCloseTo((tr + Math.sqrt(tr * tr - 4 * det)) / 2, 9);
    expect(r.notes.join(' ')).toMatch(/not a quadratic/);
  });

  it('the key ignores what the map does not depend on: the run’s α, and β on the (α, β) map', () => {
    const key = (o: OptimizerSpec, kind: 'alphaBeta' | 'alphaKappa', start: [number, number] = [-2, 1.5]) => {
      const r = mapSpecFor(run(o, { start }), kind);
      return r.ok ? mapKey(r.spec) : r.reason;
    };
    expect(key(sgd(0.1, 0.5), 'alphaBeta')).toBe(key(sgd(0.3, 0.9), 'alphaBeta'));
    expect(key(sgd(0.1, 0.5), 'alphaBeta', [3, 3])).toBe(key(sgd(0.1, 0.5), 'alphaBeta'));
    expect(key(sgd(0.1, 0.5), 'alphaKappa')).not.toBe(key(sgd(0.1, 0.9), 'alphaKappa'));
    expect(key(adam(0.1), 'alphaBeta', [3, 3])).not.toBe(key(adam(0.1), 'alphaBeta'));
  });
});

describe('the run’s point and back', () => {
  it('(αλmax, β) and (αλmax, κ)', () => {
    const r = mapSpecFor(run(sgd(0.15, 0.8)), 'alphaBeta');
    const k = mapSpecFor(run(sgd(0.15, 0.8)), 'alphaKappa');
    if (!r.ok || !k.ok) throw new Error('no map');
    expect(runPoint(r.spec, sgd(0.15, 0.8))).toEqual({ alphaUnits: 1.5, y: 0.8 });
    expect(runPoint(k.spec, sgd(0.15, 0.8))).toEqual({ alphaUnits: 1.5, y: 10 });
  });

  it('applyPoint sets α and SGD’s momentum or Adam’s β1, nothing else', () => {
    expect(applyPoint(sgd(0.1, 0.5, true), 0.2, 0.7)).toEqual(sgd(0.2, 0.7, true));
    expect(applyPoint(sgd(0.1, 0.5, true), 0.2, 0)).toEqual(sgd(0.2, 0, false));
    expect(applyPoint(sgd(0.1, 0.5), 0.2, null)).toEqual(sgd(0.2, 0.5));
    expect(applyPoint(adam(0.1, 0.9), 0.05, 0.5)).toEqual(adam(0.05, 0.5));
  });
});

describe('Adam’s empirical map (no closed form)', () => {
  const r = mapSpecFor(run(adam(0.1)), 'alphaBeta', { nx: 24, ny: 12, steps: 400 });
  if (!r.ok) throw new Error(r.reason);
  const m = empiricalMap(r.spec);

  it('fills every cell with a finite positive rate', () => {
    for (const v of m) expect(v > 0 && Number.isFinite(v)).toBe(true);
  });

  it('tiny steps barely move the error (rate ≈ 1); Adam’s steps are ≈ α each, so it never blows up', () => {
    // At αλmax = 0.01 (α = 0.001) 400 steps of ≈ α per coordinate move ‖e‖ = 3.5 by about 0.6 at most.
    for (let j = 0; j < 12; j++) expect(Math.abs(m[j * 24]! - 1)).toBeLessThan(0.002);
    for (const v of m) expect(v).toBeLessThan(1.01);
  });

  it('the row filler checks its row and buffer', () => {
    const f = new RowFiller(r.spec);
    expect(() => f.fill(12, new Float64Array(24))).toThrow(/row 12 outside 0 … 11/);
    expect(() => f.fill(0, new Float64Array(23))).toThrow(/23 cells, the map has 24 columns/);
  });
});
