import { describe, expect, it } from 'vitest';
import { describeNonFinite, Run, allocateResult, simulate } from '../../src/engine';
import { quadratic, sgd, spec } from './helpers';

describe('clipping follows torch.nn.utils.clip_grad_norm_ (coef = max/(‖g‖ + 1e-6), applied when < 1)', () => {
  // On ½‖w‖² the gradient at w is w itself, so the first step is easy to write down by hand.
  const base = { surface: quadratic([1, 1]), optimizer: sgd(1), steps: 1 };

  it('scales a gradient of norm 5 to norm max·5/(5 + 1e-6)', () => {
    const r = simulate(spec({ ...base, start: [3, 4], clip: { maxNorm: 1 } }));
    const coef = 1 / (5 + 1e-6);
    expect(r.gradNorm[0]).toBe(5);
    expect(r.w[2]).toBe(3 - 3 * coef);
    expect(r.w[3]).toBe(4 - 4 * coef);
  });
  it('clips (slightly) when ‖g‖ equals maxNorm, because of the 1e-6', () => {
    const r = simulate(spec({ ...base, start: [0.6, 0.8], clip: { maxNorm: 1 } }));
    const coef = 1 / (1 + 1e-6);
    expect(coef).toBeLessThan(1);
    expect(r.w[2]).toBe(0.6 - 0.6 * coef);
    expect(r.w[2]).not.toBe(0);
  });
  it('leaves the gradient alone when max/(‖g‖ + 1e-6) ≥ 1', () => {
    const r = simulate(spec({ ...base, start: [0.6, 0.8], clip: { maxNorm: 1 + 2e-6 } }));
    expect(r.w[2]).toBe(0);
    expect(r.w[3]).toBe(0);
  });
});

describe('the runner stops at the first non-finite value and says what and when', () => {
  it('stops at exactly the step where the float64 loss overflows', () => {
    // λ = 1, α = 3: w_k = (−2)^k exactly, loss ½w² = 2^(2k−1) is finite up to k = 512 (2^1023)
    // and overflows at k = 513 (2^1025), while w and the gradient (2^513) are still finite.
    const r = simulate(spec({ surface: quadratic([1, 1]), optimizer: sgd(3), start: [1, 0], steps: 2000 }));
    expect(r.stoppedAt).toBe(513);
    expect(r.length).toBe(514);
    expect(r.loss[512]).toBe(2 ** 1023);
    expect(r.w[2 * 513]).toBe(-(2 ** 513));
    expect(r.nonFinite).toEqual({ step: 513, what: 'loss', value: Infinity });
    expect(describeNonFinite(r.nonFinite!)).toBe('the loss overflowed to +Infinity at step 513');
  });

  it('reports NaN parameters when a step turns them into NaN', () => {
    // Rosenbrock with a huge step: x³ overflows, then Inf − Inf makes NaN.
    const r = simulate(spec({ surface: { kind: 'rosenbrock' }, optimizer: sgd(0.5), start: [2, 2], steps: 100 }));
    expect(r.stoppedAt).not.toBeNull();
    const k = r.stoppedAt!;
    for (let i = 0; i < k; i++) expect(Number.isFinite(r.loss[i])).toBe(true);
    expect(r.nonFinite!.step).toBe(k);
    expect(Number.isFinite(r.nonFinite!.value)).toBe(false);
  });

  it('runs 1e6 steps into preallocated typed arrays', () => {
    const s = spec({ surface: quadratic([1e-4, 1], 0.3), optimizer: sgd(1), start: [1, 1], steps: 1_000_000 });
    const r = simulate(s);
    expect(r.length).toBe(1_000_001);
    expect(r.stoppedAt).toBeNull();
    expect(r.w).toBeInstanceOf(Float64Array);
    // The flat direction decays as (1 − 1e-4)^k: after 1e6 steps, e^−100 of where it began.
    expect(Math.hypot(r.w[2e6]!, r.w[2e6 + 1]!)).toBeLessThan(1e-40);
  });

  it('Run.advance continues a run where it left off', () => {
    const s = spec({ surface: { kind: 'rosenbrock' }, optimizer: { kind: 'adam', lr: 0.02 }, steps: 300 });
    const whole = simulate(s);
    const out = allocateResult(300);
    const run = new Run(s);
    run.advance(out, 120);
    run.advance(out, 300);
    expect(Array.from(out.w)).toEqual(Array.from(whole.w));
    expect(out.length).toBe(301);
  });
});

describe('gradient noise models a mini-batch of size B', () => {
  const at = (batchSize: number, seed: number, std = 1.5) =>
    spec({ surface: quadratic([1, 3]), optimizer: sgd(0), start: [0, 0], steps: 40_000, seed, noise: { batchSize, std } });

  it('has variance std²/B per coordinate (measured at the minimum with lr = 0)', () => {
    for (const B of [1, 4, 64]) {
      const r = simulate(at(B, 7));
      let sum = 0;
      for (let k = 0; k < r.length; k++) sum += r.gradNorm[k]! ** 2;
      const mean = sum / r.length; // E‖ξ‖² = 2·std²/B
      expect(mean / ((2 * 1.5 ** 2) / B)).toBeGreaterThan(0.97);
      expect(mean / ((2 * 1.5 ** 2) / B)).toBeLessThan(1.03);
    }
  });
  it('is reproducible from its seed and changes with it', () => {
    const a = simulate(at(8, 42)).gradNorm;
    const b = simulate(at(8, 42)).gradNorm;
    const c = simulate(at(8, 43)).gradNorm;
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });
});

describe('the finiteness check', () => {
  it('does not stop a run whose loss and gradient norm are both huge but finite', () => {
    // λ = 1, α = 0 (nothing moves): loss ½x² ≈ 1.6e308 and ‖g‖ = x ≈ 1.8e154 are finite; their sum is too.
    // With a loss near the top of float64 and lr = 1e308 the sum loss + lr would overflow.
    const x = Math.SQRT2 * Math.sqrt(1.6e308);
    const r = simulate(spec({ surface: quadratic([1, 1]), optimizer: { kind: 'sgd', lr: 0 }, start: [x, 0], steps: 3 }));
    expect(r.stoppedAt).toBeNull();
    const big = simulate(spec({ surface: quadratic([1, 1]), optimizer: { kind: 'sgd', lr: 1.7e308 }, start: [x, 0], steps: 0 }));
    expect(big.loss[0]! + big.lr[0]!).toBe(Infinity);
    expect(big.stoppedAt).toBeNull();
  });
});
