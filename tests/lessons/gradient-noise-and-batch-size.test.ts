import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine';
import {
  measuredCosine, measuredFloor, noiseFloor, noisyGradients, predictedCosine, probeSpec,
} from '../../src/engine/analysis/noise-batch';
import { experiments, floorRatio, lesson } from '../../src/lessons/content/gradient-noise-and-batch-size';
import { specOf } from '../../src/lessons/preset';
import { BATCHES, BOWL, COS_POINT, COS_STD, EIGS, FLOOR_LRS, floorSpec } from '../../src/lessons/ui/noise-presets';

describe('gradient noise and batch size', () => {
  it('the engine’s noise has variance σ²/B per coordinate (measured at the minimum, where ∇f = 0)', () => {
    for (const [std, B] of [[1, 1], [2, 4], [3, 64]] as const) {
      // Standing still at the centre (α = 0): ‖g̃ₖ‖² = ξₓ² + ξᵧ², mean 2σ²/B. The simulate record is the engine's own.
      const r = simulate(probeSpec(BOWL, [0, 0], std, B, 5, 40000));
      let sq = 0;
      for (const n of r.gradNorm) sq += n * n;
      const perCoord = sq / r.length / 2;
      // Relative standard error of a mean of 80 000 squared normals: √(2/80000) ≈ 0.5 %; 3 % is > 5 SE.
      expect(Math.abs(perCoord / ((std * std) / B) - 1)).toBeLessThan(0.03);
    }
    // And each coordinate separately, with mean zero, from the draws the figure uses.
    const g = noisyGradients(BOWL, [0, 0], 2, 8, 3, 40000);
    for (const c of [0, 1]) {
      let m = 0, v = 0;
      for (let i = c; i < g.length; i += 2) { m += g[i]!; v += g[i]! ** 2; }
      m /= 40000; v = v / 40000 - m * m;
      expect(Math.abs(m)).toBeLessThan(0.03); // SE √(0.5/40000) ≈ 0.0035
      expect(Math.abs(v / 0.5 - 1)).toBeLessThan(0.04);
    }
  });

  it('the ratio-of-expectations prediction matches its closed form and rises monotonically with B', () => {
    expect(predictedCosine(1, 2, 8)).toBeCloseTo(1 / (1 + (2 * 4) / 8), 12); // d = 2, σ² = 4, B = 8
    expect(predictedCosine(1, 2, 1)).toBeCloseTo(1 / 9, 12);
    for (let i = 1; i < BATCHES.length; i++) expect(predictedCosine(1, COS_STD, BATCHES[i]!)).toBeGreaterThan(predictedCosine(1, COS_STD, BATCHES[i - 1]!));
  });

  it('the measured mean cosine rises with B and approaches the prediction', () => {
    const pairs = 8000;
    const m = BATCHES.map((b) => measuredCosine(BOWL, COS_POINT, COS_STD, b, pairs, 9));
    for (let i = 1; i < m.length; i++) expect(m[i]!).toBeGreaterThan(m[i - 1]!);
    // ‖∇f‖ = 1 at the point, σ = 2: the small-noise gap E[cos] − ρ ≈ σ²/(B‖g‖²) = 4/B. Monte-Carlo SE ≤ 0.4/√8000 ≈ 0.005.
    BATCHES.forEach((b, i) => {
      const gap = m[i]! - predictedCosine(1, COS_STD, b);
      if (b >= 128) expect(Math.abs(gap)).toBeLessThan(0.03);
      if (b >= 64) expect(Math.abs(gap - 4 / b)).toBeLessThan(0.01 + 0.3 * (4 / b));
    });
    expect(Math.abs(m[m.length - 1]! - predictedCosine(1, COS_STD, 1024))).toBeLessThan(0.006);
  });

  it('the floor formula is the stationary variance of the linear recursion, Σ ασ²/(2B(2 − αλᵢ))', () => {
    // Direct closed form, written independently.
    const f = (a: number, B: number) => EIGS.reduce((s, l) => s + a / (B * 2 * (2 - a * l)), 0);
    for (const a of FLOOR_LRS) for (const B of [4, 16]) expect(noiseFloor(EIGS, a, 1, B)).toBeCloseTo(f(a, B), 12);
    expect(noiseFloor(EIGS, 0.2, 1, 4)).toBe(Infinity);
  });

  it('the engine’s noise floor matches the formula within 5 %, grows with α and shrinks ∝ 1/B', () => {
    const measured = (a: number, B: number) => measuredFloor(floorSpec(a, B, 100000, 13), 1000);
    for (const B of [4, 16]) {
      let prev = 0;
      for (const a of [0.05, 0.1, 0.15]) {
        const m = measured(a, B);
        expect(Math.abs(m / noiseFloor(EIGS, a, 1, B) - 1)).toBeLessThan(0.05);
        expect(m).toBeGreaterThan(prev);
        prev = m;
      }
    }
    const ratio = measured(0.1, 4) / measuredFloor(floorSpec(0.1, 16, 100000, 14), 1000);
    expect(Math.abs(ratio / 4 - 1)).toBeLessThan(0.08);
  });

  it('the experiments load noisy runs that settle at the floor: smaller B and smaller α sit lower', () => {
    const tailMean = (id: string, i: number) => {
      const r = simulate(specOf(experiments.find((e) => e.id === id)!.doc(), i));
      const tail = Array.from(r.loss).slice(200);
      return tail.reduce((s, v) => s + v, 0) / tail.length;
    };
    expect(tailMean('batch', 1)).toBeLessThan(tailMean('batch', 0));
    expect(tailMean('lr', 0)).toBeLessThan(tailMean('lr', 1));
    expect(specOf(experiments[0]!.doc(), 0).noise).toEqual({ batchSize: 4, std: 1 });
    expect(specOf(experiments[0]!.doc(), 1).noise).toEqual({ batchSize: 16, std: 1 });
  });

  it('grades the question by running the engine: quadrupling B divides the floor by ≈ 4', () => {
    const q = lesson.question;
    if (q.kind !== 'number') throw new Error('expected a number question');
    const { ratio } = floorRatio();
    expect(Math.abs(ratio / 4 - 1)).toBeLessThan(0.08);
    expect(q.grade(4).correct).toBe(true);
    expect(q.grade(2).correct).toBe(false);
    expect(q.grade(16).correct).toBe(false);
    expect(q.grade(Number.NaN).correct).toBe(false);
    expect(q.grade(4).truth).toMatch(/divides the floor by/);
  });
});
