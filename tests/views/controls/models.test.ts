import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRunSpec, type OptimizerKind, type ScheduleKind, type SgdSpec, type Vec2 } from '../../../src/engine';
import {
  defaultSchedule, extrasSummary, nesterovBlocker, patchSgd, switchOptimizer,
} from '../../../src/views/controls/optimizer-model';
import { defaultSurface, fromMaxKappa, maxKappaProblem, toMaxKappa } from '../../../src/views/controls/surface-model';

const valid = (input: Record<string, unknown>) => {
  const r = parseRunSpec(input);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
};
const base = { surface: { kind: 'quadratic', eigenvalues: [1, 10], angle: 0, center: [0, 0] }, steps: 100 };

describe('optimizer controls', () => {
  const sgd: SgdSpec = { kind: 'sgd', lr: 0.05, momentum: 0.8, dampening: 0, nesterov: false, weightDecay: 0 };

  it('switching kind keeps α and yields a valid spec with torch defaults', () => {
    for (const kind of ['sgd', 'adam', 'adamw', 'rmsprop', 'adagrad'] as OptimizerKind[]) {
      const o = switchOptimizer(sgd, kind);
      expect(o.kind).toBe(kind);
      expect(o.lr).toBe(0.05);
      valid({ ...base, optimizer: o });
    }
    expect(switchOptimizer(sgd, 'rmsprop')).toMatchObject({ momentum: 0.8, alpha: 0.99 });
    expect(switchOptimizer(sgd, 'adamw')).toMatchObject({ weightDecay: 0.01, betas: [0.9, 0.999] });
    expect(switchOptimizer(sgd, 'sgd')).toBe(sgd);
  });

  it('explains why Nesterov is unavailable (torch: momentum > 0, dampening = 0)', () => {
    expect(nesterovBlocker(sgd)).toBeNull();
    expect(nesterovBlocker({ ...sgd, momentum: 0 })).toContain('momentum > 0');
    expect(nesterovBlocker({ ...sgd, dampening: 0.1 })).toContain('dampening = 0');
    expect(nesterovBlocker({ ...sgd, momentum: 0, dampening: 0.1 })).toContain('momentum > 0 and dampening = 0');
  });

  it('never produces an invalid SGD spec, whatever the patches', () => {
    const patch = fc.record({
      momentum: fc.constantFrom(0, 0.5, 0.9), dampening: fc.constantFrom(0, 0.3), nesterov: fc.boolean(),
    }, { requiredKeys: [] });
    fc.assert(fc.property(fc.array(patch, { maxLength: 8 }), (patches) => {
      let o: SgdSpec = { ...sgd, momentum: 0 };
      for (const p of patches) o = patchSgd(o, p) ?? o;
      valid({ ...base, optimizer: o });
    }));
  });

  it('makes valid default schedules for any step count', () => {
    for (const kind of ['constant', 'linearWarmup', 'warmupCosine', 'step'] as ScheduleKind[]) {
      for (const steps of [1, 2, 7, 100, 5000]) valid({ ...base, steps, optimizer: sgd, schedule: defaultSchedule(kind, steps) });
    }
  });

  it('summarises the collapsed settings', () => {
    expect(extrasSummary({ schedule: { kind: 'constant' }, clip: null, noise: null, seed: 0 })).toBe('constant α, no clipping, no noise');
    expect(extrasSummary({ schedule: { kind: 'step', stepSize: 10, gamma: 0.1 }, clip: { maxNorm: 1 }, noise: { batchSize: 8 }, seed: 0 }))
      .toBe('step decay (StepLR), clip ‖g‖ ≤ 1, noise, batch 8');
  });
});

describe('surface controls', () => {
  it('gives valid default surfaces with fresh arrays', () => {
    for (const kind of ['quadratic', 'rosenbrock', 'cliff', 'wells'] as const) {
      const s = defaultSurface(kind);
      valid({ surface: s, optimizer: { kind: 'sgd', lr: 0.01 } });
    }
    const a = defaultSurface('quadratic');
    const b = defaultSurface('quadratic');
    expect(a).toEqual(b);
    if (a.kind === 'quadratic' && b.kind === 'quadratic') expect(a.eigenvalues).not.toBe(b.eigenvalues);
  });

  it('converts λ1, λ2 ↔ λmax, κ keeping λmax on its axis', () => {
    expect(toMaxKappa([1, 10])).toEqual({ lambdaMax: 10, kappa: 10 });
    expect(toMaxKappa([4, 2])).toEqual({ lambdaMax: 4, kappa: 2 });
    expect(toMaxKappa([-1, 10]).kappa).toBeNull();
    expect(fromMaxKappa(20, 10, [1, 10])).toEqual([2, 20]);
    expect(fromMaxKappa(20, 10, [10, 1])).toEqual([20, 2]);
    expect(fromMaxKappa(5, 1, [1, 10])).toEqual([5, 5]);
    expect(maxKappaProblem([1, 10])).toBeNull();
    expect(maxKappaProblem([0, 10])).toContain('κ needs both eigenvalues > 0');
  });

  it('round-trips λmax, κ for positive spectra', () => {
    fc.assert(fc.property(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (a, b) => {
      const e: Vec2 = [a, b];
      const { lambdaMax, kappa } = toMaxKappa(e);
      const back = fromMaxKappa(lambdaMax, kappa!, e);
      expect(back[0]).toBeCloseTo(a, 9);
      expect(back[1]).toBeCloseTo(b, 9);
    }));
  });
});
