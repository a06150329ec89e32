import { describe, expect, it } from 'vitest';
import { classifyRun, createSurface, predictRegime, Quadratic, simulate, type Vec2 } from '../../src/engine';
import { compareWithFlow, quadraticFlow } from '../../src/engine/analysis/step-flow';
import { largestLrWhere, parabolaRun, parabolaSpec, parabolaSurface } from '../../src/engine/analysis/step-parabola';
import { largestMonotoneLr, lesson } from '../../src/lessons/content/anatomy-of-a-step';
import { specOf } from '../../src/lessons/preset';
import { regimeWords } from '../../src/lessons/ui/step-parabola';
import { EULER_BOWL, EULER_HORIZON, EULER_START } from '../../src/lessons/ui/step-settings';

const regimeOf = (spec: ReturnType<typeof parabolaSpec>) => ({
  predicted: predictRegime(spec)!.regime,
  observed: classifyRun(createSurface(spec.surface), simulate(spec)),
});

/** e^{A} for a 2×2 matrix by scaling and squaring a Taylor series: independent of any eigenvectors. */
function expm2(a: number[]): number[] {
  const mul = (p: number[], q: number[]) => [p[0]! * q[0]! + p[1]! * q[2]!, p[0]! * q[1]! + p[1]! * q[3]!, p[2]! * q[0]! + p[3]! * q[2]!, p[2]! * q[1]! + p[3]! * q[3]!];
  const norm = Math.max(...a.map(Math.abs));
  const s = Math.max(0, Math.ceil(Math.log2(norm / 0.25)));
  const b = a.map((v) => v / 2 ** s);
  let sum = [1, 0, 0, 1];
  let term = [1, 0, 0, 1];
  for (let n = 1; n <= 25; n++) {
    term = mul(term, b).map((v) => v / n);
    sum = sum.map((v, i) => v + term[i]!);
  }
  for (let i = 0; i < s; i++) sum = mul(sum, sum);
  return sum;
}

describe('anatomy of a step: GD on the parabola ½λx² is xₖ = (1 − αλ)ᵏ x₀', () => {
  it('the engine’s iterates equal (1 − αλ)ᵏ x₀ to 1e-12', () => {
    for (const lambda of [0.5, 1, 4, 30]) {
      for (const h of [0.1, 0.6, 0.999, 1, 1.3, 1.6, 1.999, 2, 2.3, 2.6]) {
        const x0 = 1.7;
        const { x } = parabolaRun(lambda, h / lambda, x0, 60);
        expect(x.length).toBe(61);
        x.forEach((v, k) => {
          const exact = (1 - (h / lambda) * lambda) ** k * x0;
          expect(Math.abs(v - exact), `λ=${lambda} αλ=${h} k=${k}`).toBeLessThanOrEqual(1e-12 * Math.max(Math.abs(x0), Math.abs(exact)));
        });
      }
    }
  });

  it('αλ = 1 reaches the minimum in one step, exactly, and stays', () => {
    for (const lambda of [1, 4, 0.5]) {
      const { x, predicted, observed } = parabolaRun(lambda, 1 / lambda, 2, 30);
      expect(x[1]).toBe(0);
      expect(x.slice(1).every((v) => v === 0)).toBe(true);
      expect([predicted, observed]).toEqual(['monotone', 'monotone']);
    }
  });

  it('three regimes by prediction and by the trajectory classifier, in the right places', () => {
    const cases: [number, string][] = [[0.3, 'monotone'], [0.9, 'monotone'], [1.1, 'oscillating'], [1.9, 'oscillating'], [2, 'oscillating'], [2.1, 'diverging'], [3, 'diverging']];
    for (const [h, regime] of cases) {
      expect(regimeOf(parabolaSpec(4, h / 4, 2, 400)), `αλ = ${h}`).toEqual({ predicted: regime, observed: regime });
      const { x } = parabolaRun(4, h / 4, 2, 20);
      const flips = x.slice(1).every((v, k) => Math.sign(v) === -Math.sign(x[k]!));
      expect(flips, `sign flips at αλ = ${h}`).toBe(h > 1);
      if (h < 2) expect(Math.abs(x[20]!)).toBeLessThan(Math.abs(x[0]!));
      if (h === 2) expect(Math.abs(x[20]!)).toBe(Math.abs(x[0]!));
      if (h > 2) expect(Math.abs(x[20]!)).toBeCloseTo(Math.abs(x[0]!) * (h - 1) ** 20, 9);
    }
  });

  it('the regimes switch exactly at αλ = 1 and αλ = 2', () => {
    const at = (h: number, steps = 400) => regimeOf(parabolaSpec(4, h / 4, 2, steps));
    // the closed-form prediction switches at the boundaries to within 1e-9
    expect(at(1 - 1e-9).predicted).toBe('monotone');
    expect(at(1 + 1e-9).predicted).toBe('oscillating');
    expect(at(2 - 1e-9).predicted).toBe('oscillating');
    expect(at(2 + 1e-9).predicted).toBe('diverging');
    // the classifier reads it from the trajectory: a sign flip of 1e-6 is seen; growth of 2 % per step is too
    expect(at(1 - 1e-6).observed).toBe('monotone');
    expect(at(1 + 1e-6).observed).toBe('oscillating');
    expect(at(2 - 0.02).observed).toBe('oscillating');
    expect(at(2 + 0.02).observed).toBe('diverging');
  });

  it('only αλ matters, and the flow e^{−λt}x₀ never changes sign while the steps can', () => {
    for (const h of [0.4, 1.6, 2.4]) {
      const a = parabolaRun(1, h, 2, 30).x;
      const b = parabolaRun(8, h / 8, 2, 30).x;
      a.forEach((v, k) => expect(b[k]!).toBeCloseTo(v, 10));
    }
    const s = parabolaSurface(4);
    for (const t of [0, 0.1, 1, 5, 20]) {
      const w = quadraticFlow(s, [2, 0], t);
      expect(w[0]).toBeGreaterThan(0);
      expect(w[0]).toBeCloseTo(2 * Math.exp(-4 * t), 14);
      expect(w[1]).toBe(0);
    }
  });

  it('the figure’s words follow the engine’s run', () => {
    const words = (h: number) => { const r = parabolaRun(1, h, 2, 200); return regimeWords(r.x, r.observed); };
    expect(words(0.6)).toMatch(/^Monotone.*×0\.4 per step/);
    expect(words(1)).toMatch(/^One step: x₁ = 0/);
    expect(words(1.6)).toMatch(/^Oscillating.*×0\.6 per step/);
    expect(words(2)).toMatch(/^On the edge: x bounces between \+2 and −2/);
    expect(words(2.5)).toMatch(/^Diverging.*×1\.5 per step/);
  });
});

describe('anatomy of a step: gradient descent is explicit Euler on the gradient flow', () => {
  it('the flow helper matches e^{−Ht}(w₀ − c) computed from the engine’s Hessian', () => {
    const s = { kind: 'quadratic' as const, eigenvalues: [0.7, 9] as Vec2, angle: 0.4, center: [0.3, -0.5] as Vec2 };
    const q = new Quadratic(s);
    const w0: Vec2 = [-2, 1.3];
    for (const t of [0, 0.05, 0.3, 1, 2.5]) {
      const e = expm2([-q.hxx * t, -q.hxy * t, -q.hxy * t, -q.hyy * t]);
      const d = [w0[0] - s.center[0], w0[1] - s.center[1]];
      const want = [s.center[0] + e[0]! * d[0]! + e[1]! * d[1]!, s.center[1] + e[2]! * d[0]! + e[3]! * d[1]!];
      const got = quadraticFlow(s, w0, t);
      expect(got[0]).toBeCloseTo(want[0]!, 12);
      expect(got[1]).toBeCloseTo(want[1]!, 12);
    }
  });

  it('the flow solves ẇ = −∇f(w) (central difference against the engine’s gradient)', () => {
    const surf = createSurface(EULER_BOWL);
    const g = new Float64Array(2);
    for (const t of [0.1, 0.7, 2]) {
      const dt = 1e-5;
      const a = quadraticFlow(EULER_BOWL, EULER_START, t - dt);
      const b = quadraticFlow(EULER_BOWL, EULER_START, t + dt);
      const w = quadraticFlow(EULER_BOWL, EULER_START, t);
      surf.gradient(w[0], w[1], g);
      expect((b[0] - a[0]) / (2 * dt)).toBeCloseTo(-g[0]!, 6);
      expect((b[1] - a[1]) / (2 * dt)).toBeCloseTo(-g[1]!, 6);
    }
  });

  it('GD’s k-th iterate is within O(α) of the flow at t = kα: halving a small α halves the largest gap', () => {
    const gap = (lr: number) => compareWithFlow(EULER_BOWL, lr, EULER_START, EULER_HORIZON).maxGap;
    for (const lr of [0.01, 0.005, 0.0025]) {
      const ratio = gap(lr) / gap(lr / 2);
      expect(ratio, `α = ${lr}`).toBeGreaterThan(1.95);
      expect(ratio, `α = ${lr}`).toBeLessThan(2.05);
    }
    // O(α) with a bounded constant, and the gap is large once α·λmax is near 2
    expect(gap(0.0025) / 0.0025).toBeLessThan(2);
    expect(gap(0.2)).toBeGreaterThan(100 * gap(0.0025));
  });

  it('the compared iterates are the engine’s GD run, at the times kα up to the horizon', () => {
    const c = compareWithFlow(EULER_BOWL, 0.05, EULER_START, EULER_HORIZON);
    expect(c.gd.length).toBe(61);
    const r = simulate({ ...specOf(lesson.experiments[1]!.doc(), 0), optimizer: { kind: 'sgd', lr: 0.05, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0 }, steps: 60 });
    c.gd.forEach((w, k) => expect(w).toEqual([r.w[2 * k], r.w[2 * k + 1]]));
  });
});

describe('anatomy of a step: the question and the experiments', () => {
  it('the engine’s answer is α = 1/λ = 0.25, by its classifier and by its prediction', () => {
    const { byRun, byPrediction } = largestMonotoneLr();
    expect(byRun).toBeCloseTo(0.25, 6);
    expect(byPrediction).toBeCloseTo(0.25, 12);
    expect(() => largestLrWhere(() => true, 0, 1)).toThrow();
  });

  it('grades a right and a wrong answer against the engine', () => {
    const q = lesson.question;
    if (q.kind !== 'number') throw new Error('expected a number question');
    for (const a of [0.25, 0.24, 0.26]) expect(q.grade(a).correct, `${a}`).toBe(true);
    for (const a of [0.5, 0.125, 0.2, 0.3, 0, -1]) expect(q.grade(a).correct, `${a}`).toBe(false);
    expect(q.grade(0.5).truth).toMatch(/α = 0\.25\b/);
    expect(q.grade(0.3).explanation).toMatch(/αλ = 1\.2: .*x₁ = −0\.4 and is oscillating/);
  });

  it('the experiments show what their labels say', () => {
    const run = (id: string, i: number) => {
      const spec = specOf(lesson.experiments.find((e) => e.id === id)!.doc(), i);
      return classifyRun(createSurface(spec.surface), simulate(spec));
    };
    expect([0, 1, 2, 3].map((i) => run('regimes', i))).toEqual(['monotone', 'monotone', 'oscillating', 'diverging']);
    expect([0, 1].map((i) => run('euler', i))).toEqual(['monotone', 'oscillating']);
    expect([0, 1, 2].map((i) => run('question', i))).toEqual(['monotone', 'monotone', 'oscillating']);
  });
});
