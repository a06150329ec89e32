import { describe, expect, it } from 'vitest';
import { classifyRun, createSurface, scheduleFactor, simulate, stabilityReport, type RunSpec } from '../../src/engine';
import { crossoverLr, expectedChange, stepTerms } from '../../src/engine/analysis/warmup-expected-change';
import { pathLimits } from '../../src/engine/analysis/warmup-path';
import { lesson, questionOutcome } from '../../src/lessons/content/warmup';
import { specOf } from '../../src/lessons/preset';
import {
  BOWL, BOWL_CROSSOVER, BOWL_NOISE, BOWL_START, COSINE, NOISY_STEP, PEAK_LR, QUESTION, QUESTION_WARMUP, SHORT,
  VALLEY_START, WARMUP_COSINE,
} from '../../src/lessons/ui/warmup-presets';

const doc = (id: string) => lesson.experiments.find((e) => e.id === id)!.doc();

/** The bowl's Hessian written out from the README's definition H = R(θ)ᵀ diag(λ1, λ2) R(θ). */
function bowlHessian(): [[number, number], [number, number]] {
  const [l1, l2] = BOWL.eigenvalues;
  const c = Math.cos(BOWL.angle), s = Math.sin(BOWL.angle);
  // R = [[c, −s], [s, c]]; Rᵀ D R
  return [[l1 * c * c + l2 * s * s, (l2 - l1) * c * s], [(l2 - l1) * c * s, l1 * s * s + l2 * c * c]];
}

/** Closed-form λmax of the Rosenbrock (a = 1, b = 100) Hessian at (x, y). */
function rosenbrockLambdaMax(x: number, y: number): number {
  const b = 100;
  const hxx = 2 - 4 * b * (y - x * x) + 8 * b * x * x, hxy = -4 * b * x, hyy = 2 * b;
  return (hxx + hyy) / 2 + Math.sqrt(((hxx - hyy) / 2) ** 2 + hxy * hxy);
}

/** Mean and standard error of f(w₁) − f(w₀) over `n` seeds of one noisy SGD step of the engine. */
function monteCarlo(spec: RunSpec, n: number) {
  let sum = 0, sq = 0;
  for (let seed = 0; seed < n; seed++) {
    const r = simulate({ ...spec, steps: 1, seed });
    const d = r.loss[1]! - r.loss[0]!;
    sum += d;
    sq += d * d;
  }
  const mean = sum / n;
  return { mean, se: Math.sqrt((sq / n - mean * mean) / (n - 1)) };
}

describe('warmup: the expected one-step change', () => {
  const surface = createSurface(BOWL);
  const t = stepTerms(surface, BOWL_START[0], BOWL_START[1], BOWL_NOISE);

  it('computes ‖∇f‖², ∇fᵀH∇f and tr(HΣ) as the closed forms with Σ = (σ²/B)·I', () => {
    const H = bowlHessian();
    const [x, y] = BOWL_START;
    const g = [H[0][0] * x + H[0][1] * y, H[1][0] * x + H[1][1] * y];
    const Hg = [H[0][0] * g[0]! + H[0][1] * g[1]!, H[1][0] * g[0]! + H[1][1] * g[1]!];
    expect(t.gradSq).toBeCloseTo(g[0]! ** 2 + g[1]! ** 2, 12);
    expect(t.gHg).toBeCloseTo(g[0]! * Hg[0]! + g[1]! * Hg[1]!, 12);
    expect(t.trHSigma).toBeCloseTo((BOWL_NOISE.std ** 2 / BOWL_NOISE.batchSize) * (BOWL.eigenvalues[0] + BOWL.eigenvalues[1]), 12);
    expect(BOWL_CROSSOVER).toBeCloseTo((2 * t.gradSq) / (t.gHg + t.trHSigma), 14);
    expect(expectedChange(t, BOWL_CROSSOVER).net).toBeCloseTo(0, 12);
  });

  it('matches the engine: 20 000 seeded one-step runs average to the formula within 4 standard errors', () => {
    for (const m of [0.5, 1.5]) {
      const lr = m * BOWL_CROSSOVER;
      const spec = { ...specOf(NOISY_STEP, 0), optimizer: { ...specOf(NOISY_STEP, 0).optimizer, lr } };
      const { mean, se } = monteCarlo(spec, 20000);
      expect(Math.abs(mean - expectedChange(t, lr).net)).toBeLessThan(4 * se);
    }
    // A gradient-dominated point with large noise too: the formula holds there as well.
    const far = { ...specOf(NOISY_STEP, 0), start: [-1.5, 1] as [number, number], noise: { batchSize: 1, std: 2 } };
    const tf = stepTerms(surface, -1.5, 1, far.noise);
    const lr = 0.7 * crossoverLr(tf);
    const mc = monteCarlo({ ...far, optimizer: { ...far.optimizer, lr } }, 20000);
    expect(Math.abs(mc.mean - expectedChange(tf, lr).net)).toBeLessThan(4 * mc.se);
  });

  it('the net change is negative at 0.8 α* and positive at 1.2 α* (the experiment’s two runs, Monte Carlo)', () => {
    expect(NOISY_STEP.runs.map((r) => r.optimizer.lr / BOWL_CROSSOVER)).toEqual([expect.closeTo(0.8, 12), expect.closeTo(1.2, 12)]);
    const below = monteCarlo(specOf(NOISY_STEP, 0), 20000);
    const above = monteCarlo(specOf(NOISY_STEP, 1), 20000);
    expect(below.mean + 4 * below.se).toBeLessThan(0);
    expect(above.mean - 4 * above.se).toBeGreaterThan(0);
    // The noise is what pulls α* in: without it the crossover would be 2‖∇f‖²/∇fᵀH∇f, far larger.
    expect(crossoverLr({ ...t, trHSigma: 0 })).toBeGreaterThan(5 * BOWL_CROSSOVER);
    // Smaller batches, more noise, a smaller crossover.
    const at = (batchSize: number) => crossoverLr(stepTerms(surface, BOWL_START[0], BOWL_START[1], { batchSize, std: 1 }));
    expect(at(1)).toBeLessThan(at(2));
    expect(at(2)).toBeLessThan(at(64));
  });
});

describe('warmup: a peak α that survives only with warmup', () => {
  const valley = createSurface(WARMUP_COSINE.surface);
  const twins = [['warmup-cosine', WARMUP_COSINE], ['question', QUESTION]] as const;

  it('the peak α is above 2/λmax at the start and below it at the minimum (closed-form Hessian)', () => {
    expect(PEAK_LR).toBeGreaterThan(2 / rosenbrockLambdaMax(...VALLEY_START));
    expect(PEAK_LR).toBeLessThan(2 / rosenbrockLambdaMax(1, 1));
    const r = simulate(specOf(WARMUP_COSINE, 0));
    const l = pathLimits(valley, r);
    for (const k of [0, 3, 50, 99, 1234, r.length - 1]) {
      const lmax = rosenbrockLambdaMax(r.w[2 * k]!, r.w[2 * k + 1]!);
      expect(l.limit[k]! * lmax / 2).toBeCloseTo(1, 12);
      expect(l.ratio[k]! / (r.lr[k]! * lmax / 2)).toBeCloseTo(1, 12);
    }
  });

  for (const [id, twin] of twins) {
    it(`${id}: the warmup run survives and converges near (1, 1); its cold-start twin diverges`, () => {
      expect(doc(id)).toEqual(twin);
      const warm = specOf(twin, 0), cold = specOf(twin, 1);
      expect({ ...cold, schedule: warm.schedule }).toEqual(warm); // twins: only the schedule differs
      expect(cold.schedule).toEqual({ kind: 'constant' });
      const w = simulate(warm);
      const n = w.length - 1;
      expect(w.stoppedAt).toBeNull();
      expect(classifyRun(valley, w)).not.toBe('diverging');
      expect(Math.max(...w.lr)).toBeCloseTo(PEAK_LR, 15);
      expect(w.loss[n]!).toBeLessThan(0.05);
      expect(w.loss[n]!).toBeLessThan(1e-4 * w.loss[0]!);
      expect(Math.hypot(w.w[2 * n]! - 1, w.w[2 * n + 1]! - 1)).toBeLessThan(0.3);
      const c = simulate(cold);
      expect(c.nonFinite).not.toBeNull();
      expect(c.nonFinite!.step).toBeLessThan(10);
      expect(c.nonFinite!.what).toBe('loss'); // "the loss overflows within a few steps"
      expect(c.nonFinite!.value).toBe(Infinity);
      expect(classifyRun(valley, c)).toBe('diverging');
    });

    it(`${id}: why — α(k) stays under the local 2/λmax(w_k) with warmup, and starts far above it cold`, () => {
      const w = simulate(specOf(twin, 0));
      const lw = pathLimits(valley, w);
      expect(lw.firstAbove).toBeNull();
      expect(lw.maxRatio).toBeLessThan(0.9);
      const peakAt = (twin.runs[0]!.schedule as { warmupSteps: number }).warmupSteps - 1;
      expect(w.lr[peakAt]).toBeCloseTo(PEAK_LR, 15);
      expect(lw.limit[peakAt]!).toBeGreaterThan(2 * PEAK_LR); // flatter ground when α peaks
      const c = simulate(specOf(twin, 1));
      const lc = pathLimits(valley, c);
      expect(lc.firstAbove).toBe(0);
      expect(lc.ratio[0]).toBeGreaterThan(4);
      expect(lc.limit[1]!).toBeLessThan(lc.limit[0]!); // it overshoots to steeper ground
    });
  }

  it('the schedule strip’s line (2/λmax at the minimum) is above the peak α: under it, the cold start still diverges', () => {
    for (const i of [0, 1]) {
      const report = stabilityReport(specOf(WARMUP_COSINE, i), valley);
      expect(report.boundary).toBeCloseTo(2 / rosenbrockLambdaMax(1, 1), 12);
      expect(PEAK_LR).toBeLessThan(report.boundary);
    }
    expect(simulate(specOf(WARMUP_COSINE, 1)).nonFinite).not.toBeNull();
  });

  it('the schedule factors are the formulas: min(1, (k+1)/W) and warmup-then-cosine', () => {
    const { warmupSteps: W, totalSteps: T, minFactor: m } = COSINE;
    const cosine = (k: number) => (k < W ? (k + 1) / W : m + (1 - m) * 0.5 * (1 + Math.cos((Math.PI * Math.min(k - W, T - W)) / (T - W))));
    const linear = (k: number) => Math.min(1, (k + 1) / SHORT.warmupSteps);
    for (const k of [0, 1, 5, 9, 10, 50, 98, 99, 100, 101, 1000, 1550, 2999, 3000, 3100]) {
      expect(scheduleFactor(COSINE, k)).toBeCloseTo(cosine(k), 14);
      expect(scheduleFactor(SHORT, k)).toBeCloseTo(linear(k), 14);
    }
    expect(scheduleFactor(COSINE, W - 1)).toBe(1);
    expect(scheduleFactor(COSINE, T)).toBeCloseTo(m, 14);
    expect(SHORT.warmupSteps).toBe(QUESTION_WARMUP);
    const a = simulate(specOf(WARMUP_COSINE, 0)), b = simulate(specOf(QUESTION, 0));
    for (let k = 0; k < a.length; k += 37) expect(a.lr[k]).toBeCloseTo(PEAK_LR * cosine(k), 15);
    for (let k = 0; k < b.length; k += 37) expect(b.lr[k]).toBeCloseTo(PEAK_LR * linear(k), 15);
  });

  it('grades the question against the engine: a 10-step warmup survives', () => {
    const q = lesson.question;
    if (q.kind !== 'choice') throw new Error('expected a choice question');
    expect(questionOutcome().outcome).toBe('survives');
    expect(q.grade('survives').correct).toBe(true);
    expect(q.grade('during').correct).toBe(false);
    expect(q.grade('after').correct).toBe(false);
    expect(q.grade('survives').truth).toMatch(/non-finite at step \d/);
    expect(q.grade('after').explanation).toMatch(/stays below the local limit/);
  });
});
