import { describe, expect, it } from 'vitest';
import {
  gdOptimal, heavyBallOptimal, modeFactor, nesterovBoundary, heavyBallBoundary, gdBoundary, simulate,
  spectralRadius, stepsToReduce, type Method,
} from '../../src/engine';
import { expectClose } from './assert';
import { quadratic, sgd, spec } from './helpers';

/** The error's measured per-step factor: the growth of its envelope over the second half of a run. */
function measuredRate(method: Method, lr: number, lambdas: [number, number], beta: number, steps: number): number {
  const optimizer = method === 'gd' ? sgd(lr) : sgd(lr, beta, method === 'nesterov');
  const r = simulate(spec({ surface: quadratic(lambdas, 0.5, [0, 0]), optimizer, start: [1.3, -0.7], steps }));
  const envelope = (from: number) => {
    let m = 0;
    for (let k = from; k < from + 40; k++) m = Math.max(m, Math.hypot(r.w[2 * k]!, r.w[2 * k + 1]!));
    return m;
  };
  const a = Math.floor(steps / 2);
  const b = steps - 40;
  return (envelope(b) / envelope(a)) ** (1 / (b - a));
}

describe('spectralRadius matches the engine’s measured rate', () => {
  const cases: [Method, number, [number, number], number][] = [
    ['gd', 0.1, [1, 10], 0], ['gd', 0.19, [1, 10], 0], ['gd', 0.205, [1, 10], 0],
    ['heavyBall', 0.05, [1, 10], 0.5], ['heavyBall', 0.3, [1, 10], 0.8], ['heavyBall', 0.01, [1, 50], 0.2],
    ['nesterov', 0.05, [1, 10], 0.5], ['nesterov', 0.14, [1, 10], 0.9], ['nesterov', 0.02, [2, 30], 0.3],
  ];
  for (const [method, lr, lambdas, beta] of cases) {
    it(`${method} α=${lr} λ=${lambdas} β=${beta}`, () => {
      const predicted = spectralRadius(method, lr, lambdas, beta);
      const measured = measuredRate(method, lr, lambdas, beta, 600);
      expectClose(measured, predicted, 2e-3, 'per-step factor');
    });
  }
});

describe('boundaries are where the spectral radius reaches 1', () => {
  for (const beta of [0, 0.3, 0.9]) {
    it(`β = ${beta}`, () => {
      const lmax = 7;
      for (const [method, bound] of [['heavyBall', heavyBallBoundary(lmax, beta)], ['nesterov', nesterovBoundary(lmax, beta)]] as const) {
        expect(modeFactor(method, bound * (1 - 1e-9), lmax, beta).rho).toBeLessThan(1);
        expect(modeFactor(method, bound * (1 + 1e-9), lmax, beta).rho).toBeGreaterThan(1);
      }
      if (beta === 0) expect(heavyBallBoundary(lmax, 0)).toBe(gdBoundary(lmax));
    });
  }
});

describe('optimal tunings', () => {
  it('GD: α* = 2/(λmin+λmax) gives rate (κ−1)/(κ+1), and nearby α are slower in the engine', () => {
    const [lmin, lmax] = [1, 100];
    const { lr, rate } = gdOptimal(lmin, lmax);
    expect(rate).toBeCloseTo(99 / 101, 15);
    expect(spectralRadius('gd', lr, [lmin, lmax])).toBeCloseTo(rate, 14);
    const m = (a: number) => measuredRate('gd', a, [lmin, lmax], 0, 1200);
    expectClose(m(lr), rate, 2e-3, 'measured at α*');
    expect(m(lr * 0.97)).toBeGreaterThan(m(lr));
    expect(m(lr * 1.01)).toBeGreaterThan(m(lr));
  });

  it('heavy ball: Polyak’s α and β give rate (√κ−1)/(√κ+1), and detuning either is slower', () => {
    const [lmin, lmax] = [1, 100];
    const { lr, momentum, rate } = heavyBallOptimal(lmin, lmax);
    expect(lr).toBeCloseTo(4 / 121, 15);
    expect(momentum).toBeCloseTo((9 / 11) ** 2, 15);
    expect(rate).toBeCloseTo(9 / 11, 15);
    expect(spectralRadius('heavyBall', lr, [lmin, lmax], momentum)).toBeCloseTo(rate, 6);
    const m = (a: number, b: number) => measuredRate('heavyBall', a, [lmin, lmax], b, 400);
    // At the optimum both extreme modes have a double root, so the envelope carries a factor k: allow 2%.
    expectClose(m(lr, momentum), rate, 2e-2, 'measured at the optimum');
    expect(m(lr * 0.9, momentum)).toBeGreaterThan(rate);
    expect(m(lr, momentum * 1.05)).toBeGreaterThan(rate);
  });

  it('steps to gain 10⁻³ at κ = 100: GD at α* ≈ 345, tuned heavy ball ≈ 35', () => {
    expect(stepsToReduce(gdOptimal(1, 100).rate, 1e-3)).toBe(346);
    expect(stepsToReduce(heavyBallOptimal(1, 100).rate, 1e-3)).toBe(35);
  });
});
