import { describe, expect, it } from 'vitest';
import {
  boundary, classifyRun, createSurface, gdIterate, predictRegime, simulate, type Method, type QuadraticSpec,
} from '../../src/engine';
import { quadratic, sgd, spec } from './helpers';

describe('gdIterate: GD on a quadratic equals c + (I − αH)ᵏ(w0 − c)', () => {
  const cases: [[number, number], number, number][] = [
    [[1, 10], 0.3, 0.15], [[2, 50], -1.1, 0.035], [[1, 1e4], 0.7, 1.5e-4], [[0, 3], 0.4, 0.2], [[-0.5, 4], 2, 0.1],
  ];
  for (const [eig, angle, lr] of cases) {
    it(`λ = ${eig}, θ = ${angle}, α = ${lr}`, () => {
      const s = spec({ surface: quadratic(eig, angle, [0.5, -1]), optimizer: sgd(lr), start: [3, 2], steps: 300 });
      const r = simulate(s);
      for (let k = 0; k < r.length; k++) {
        const [x, y] = gdIterate(s.surface as QuadraticSpec, lr, s.start, k);
        const scale = Math.hypot(x - 0.5, y + 1) + Math.hypot(2.5, 3);
        expect(Math.abs(r.w[2 * k]! - x), `x at k=${k}`).toBeLessThan(1e-12 * scale);
        expect(Math.abs(r.w[2 * k + 1]! - y), `y at k=${k}`).toBeLessThan(1e-12 * scale);
      }
    });
  }
});

/** Steps for a run at `rho` per step to move its error by 1e3 in either direction. */
function stepsFor(rho: number): number {
  return Math.min(400_000, Math.ceil(Math.log(1e3) / Math.abs(Math.log(rho))) + 50);
}

function optimizerFor(method: Method, lr: number, beta: number) {
  return method === 'gd' ? sgd(lr) : sgd(lr, beta, method === 'nesterov');
}

describe('the stability boundary: 0.99 × bound converges, 1.01 × bound diverges', () => {
  const methods: [Method, number][] = [['gd', 0], ['heavyBall', 0.5], ['heavyBall', 0.9], ['nesterov', 0.5], ['nesterov', 0.9]];
  for (const kappa of [1, 100, 1e4]) {
    for (const angle of [0, 0.4, Math.PI / 4, -1.2]) {
      for (const [method, beta] of methods) {
        it(`${method} β=${beta}, κ=${kappa}, θ=${angle.toFixed(2)}`, () => {
          const lambdaMax = 4;
          const bound = boundary(method, lambdaMax, beta);
          for (const [factor, expected] of [[0.99, 'converges'], [1.01, 'diverges']] as const) {
            const base = { surface: quadratic([lambdaMax / kappa, lambdaMax], angle, [1, -2]), start: [3, 1] };
            const probe = predictRegime(spec({ ...base, optimizer: optimizerFor(method, factor * bound, beta) }))!;
            const s = spec({ ...base, optimizer: optimizerFor(method, factor * bound, beta), steps: stepsFor(probe.rho) });
            const r = simulate(s);
            const e0 = Math.hypot(3 - 1, 1 + 2);
            const n = r.length - 1;
            const eN = Math.hypot(r.w[2 * n]! - 1, r.w[2 * n + 1]! + 2);
            if (expected === 'converges') {
              expect(r.stoppedAt).toBeNull();
              expect(eN, 'final error').toBeLessThan(1e-2 * e0);
              expect(probe.rho).toBeLessThan(1);
            } else {
              expect(r.stoppedAt !== null || eN > 1e2 * e0, 'grows').toBe(true);
              expect(probe.rho).toBeGreaterThan(1);
              expect(probe.regime).toBe('diverging');
            }
            expect(classifyRun(createSurface(s.surface), r), `classifier at ${factor} × bound`).toBe(probe.regime);
          }
        });
      }
    }
  }
});

describe('predictRegime agrees with classifyTrajectory across step sizes', () => {
  const grid = [0.05, 0.2, 0.45, 0.55, 0.8, 0.95, 0.999, 1.001, 1.2];
  for (const [method, beta] of [['gd', 0], ['heavyBall', 0.1], ['heavyBall', 0.6], ['nesterov', 0.3]] as [Method, number][]) {
    for (const kappa of [1, 10, 300]) {
      it(`${method} β=${beta} κ=${kappa}`, () => {
        const lambdaMax = 2;
        const bound = boundary(method, lambdaMax, beta);
        for (const f of grid) {
          const base = { surface: quadratic([lambdaMax / kappa, lambdaMax], 0.3), start: [-2, 1.5], optimizer: optimizerFor(method, f * bound, beta) };
          const p = predictRegime(spec(base))!;
          const s = spec({ ...base, steps: Math.min(stepsFor(p.rho), 20_000) });
          const r = simulate(s);
          expect(classifyRun(createSurface(s.surface), r), `α = ${f} × bound (predicted ${p.regime}, ρ = ${p.rho})`).toBe(p.regime);
        }
      });
    }
  }
});

describe('dampening', () => {
  it('scales the heavy-ball boundary by 1/(1 − τ) and does nothing without momentum', async () => {
    const { stabilityReport } = await import('../../src/engine');
    const base = { surface: quadratic([1, 10], 0.2), start: [2, 1] };
    const damped = spec({ ...base, optimizer: { kind: 'sgd', lr: 0.1, momentum: 0.5, dampening: 0.5 } });
    const report = stabilityReport(damped, createSurface(damped.surface));
    expect(report.boundary).toBeCloseTo((2 * 1.5) / 10 / 0.5, 12);
    for (const f of [0.98, 1.02]) {
      const s = spec({ ...base, optimizer: { kind: 'sgd', lr: f * report.boundary, momentum: 0.5, dampening: 0.5 }, steps: 3000 });
      const expected = f < 1 ? 'oscillating' : 'diverging';
      expect(predictRegime(s)!.regime).toBe(expected);
      expect(classifyRun(createSurface(s.surface), simulate(s))).toBe(expected);
    }
    const plain = spec({ ...base, optimizer: { kind: 'sgd', lr: 0.19, dampening: 0.9 } });
    expect(predictRegime(plain)!.regime).toBe('oscillating');
    expect(classifyRun(createSurface(plain.surface), simulate(plain))).toBe('oscillating');
  });
});
