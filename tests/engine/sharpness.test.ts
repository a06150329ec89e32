/** The sharpness along a run: λmax(∇²f(w_k)), Adam's preconditioned λmax(P⁻¹H), and their thresholds. */
import { describe, expect, it } from 'vitest';
import { createSurface, parseRunSpec, Run, allocateResult, trimResult, simulate, type RunSpec } from '../../src/engine';
import {
  adamReplay, lambdaMax2, preconditionedLambdaMax, sharpnessRule, sharpnessTrace, type SpecSegment,
} from '../../src/engine/analysis/sharpness';

function spec(input: Record<string, unknown>): RunSpec {
  const p = parseRunSpec(input);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.spec;
}
const one = (s: RunSpec): SpecSegment[] => [{ at: 0, spec: s }];

/** Largest eigenvalue of a (possibly non-symmetric) 2×2 [[a, b], [c, d]] from its trace and determinant. */
function charMax(a: number, b: number, c: number, d: number): number {
  const T = a + d, D = a * d - b * c;
  return (T + Math.sqrt(T * T - 4 * D)) / 2;
}

describe('sharpness on a quadratic is λmax, at every step', () => {
  for (const [eigenvalues, angle] of [[[1, 10], 0.5], [[3, -2], 1.1], [[0.5, 0.5], 0.3], [[-1, -4], 2]] as const) {
    it(`λ = ${eigenvalues.join(', ')}, θ = ${angle}`, () => {
      const s = spec({ surface: { kind: 'quadratic', eigenvalues, angle, center: [0.5, -1] }, optimizer: { kind: 'sgd', lr: 0.05 }, start: [1, 2], steps: 40 });
      const tr = sharpnessTrace(simulate(s), one(s));
      expect(tr.length).toBe(41);
      const want = Math.max(...eigenvalues);
      for (let k = 0; k < tr.length; k++) expect(tr.sharpness[k]!).toBeCloseTo(want, 12);
      for (let k = 0; k < tr.length; k++) expect(tr.threshold[k]!).toBeCloseTo(2 / 0.05, 10);
    });
  }
});

describe('sharpness on the product surface', () => {
  for (const power of [1, 2] as const) {
    for (const target of [1, 2.5]) {
      it(`p = ${power}, t = ${target}: on the valley it is F″(u)(x² + y²) with F″ = p·u^(2p−2)`, () => {
        const surf = createSurface({ kind: 'product', target, power });
        const h = new Float64Array(3);
        const u = target ** (1 / power);
        for (const x of [0.4, 1, 1.7, 2.3, -3]) {
          const y = u / x;
          surf.hessian(x, y, h);
          const want = power * u ** (2 * power - 2) * (x * x + y * y);
          expect(Math.abs(lambdaMax2(h[0]!, h[1]!, h[2]!) / want - 1)).toBeLessThan(1e-12);
        }
      });
    }
  }
  it('off the valley λmax agrees with the root of the characteristic polynomial', () => {
    const surf = createSurface({ kind: 'product', target: 1, power: 2 });
    const h = new Float64Array(3);
    for (const [x, y] of [[2.25, 0.1], [0.3, -1.2], [1.5, 0.2], [0.01, 0.02]] as const) {
      surf.hessian(x, y, h);
      expect(lambdaMax2(h[0]!, h[1]!, h[2]!)).toBeCloseTo(charMax(h[0]!, h[1]!, h[1]!, h[2]!), 10);
    }
  });
});

describe('preconditioned sharpness λmax(P⁻¹H)', () => {
  it('matches the largest eigenvalue of the non-symmetric P⁻¹H', () => {
    for (const [a, b, c, p0, p1] of [[10, 3, 1, 0.2, 5], [1, -2, 4, 1e-3, 2], [5, 0, 1, 1, 1]] as const) {
      expect(preconditionedLambdaMax(a, b, c, p0, p1)).toBeCloseTo(charMax(a / p0, b / p0, b / p1, c / p1), 9);
    }
  });
});

describe('thresholds', () => {
  it('GD 2/α, heavy ball 2(1+β)/α, Nesterov 2(1+β)/((1+2β)α), Adam (2+2β1)/((1−β1)α) = 38/α at β1 = 0.9', () => {
    const o = (x: Record<string, unknown>) => spec({ surface: { kind: 'quadratic' }, optimizer: x }).optimizer;
    expect(sharpnessRule(o({ kind: 'sgd', lr: 0.1 }))).toEqual({ factor: 2, formula: '2/α', preconditioned: false });
    expect(sharpnessRule(o({ kind: 'sgd', lr: 0.1, momentum: 0.5 }))!.factor).toBeCloseTo(3, 14);
    expect(sharpnessRule(o({ kind: 'sgd', lr: 0.1, momentum: 0.5, nesterov: true }))!.factor).toBeCloseTo(1.5, 14);
    const adam = sharpnessRule(o({ kind: 'adam', lr: 0.1 }))!;
    expect(adam.factor).toBeCloseTo(38, 12);
    expect(adam.formula).toBe('38/α');
    expect(adam.preconditioned).toBe(true);
    expect(sharpnessRule(o({ kind: 'rmsprop', lr: 0.1 }))).toBeNull();
  });

  it('38/α is the boundary of Adam with a frozen preconditioner, i.e. SGD with momentum 0.9 and dampening 0.9 (engine runs)', () => {
    // m ← β1·m + (1−β1)·g, w ← w − α·m/P is torch SGD(momentum = β1, dampening = β1) on the gradient / P.
    const rule = sharpnessRule(spec({ surface: { kind: 'quadratic' }, optimizer: { kind: 'sgd', lr: 0.1, momentum: 0.9, dampening: 0.9 } }).optimizer)!;
    expect(rule.factor).toBeCloseTo(38, 12);
    const lr = 0.1;
    const run = (lambda: number) => simulate(spec({
      surface: { kind: 'quadratic', eigenvalues: [lambda, 1], angle: 0, center: [0, 0] },
      optimizer: { kind: 'sgd', lr, momentum: 0.9, dampening: 0.9 }, start: [1, 0], steps: 20000,
    }));
    const below = run((0.99 * 38) / lr), above = run((1.01 * 38) / lr);
    expect(Math.abs(below.w[2 * (below.length - 1)]!)).toBeLessThan(1e-3);
    expect(above.stoppedAt !== null || Math.abs(above.w[2 * (above.length - 1)]!) > 1e3).toBe(true);
  });
});

describe("Adam's preconditioner rebuilt from the record re-derives every recorded step", () => {
  const cases: [string, Record<string, unknown>][] = [
    ['Adam, defaults, product', { surface: { kind: 'product' }, optimizer: { kind: 'adam', lr: 0.05 }, steps: 300 }],
    ['Adam β2 = 0.95, bowl', { surface: { kind: 'quadratic', eigenvalues: [1, 10], angle: 0.5 }, start: [2, 1], optimizer: { kind: 'adam', lr: 0.1, betas: [0.9, 0.95] }, steps: 600 }],
    ['AMSGrad + L2 + clipping + cosine', {
      surface: { kind: 'rosenbrock' }, optimizer: { kind: 'adam', lr: 0.02, weightDecay: 0.01, amsgrad: true }, clip: { maxNorm: 1 },
      schedule: { kind: 'warmupCosine', warmupSteps: 10, totalSteps: 200, minFactor: 0.1 }, steps: 200,
    }],
    ['AdamW', { surface: { kind: 'wells' }, optimizer: { kind: 'adamw', lr: 0.05, weightDecay: 0.1 }, steps: 200 }],
  ];
  for (const [name, input] of cases) {
    it(name, () => {
      const s = spec(input);
      const sim = simulate(s);
      const { m, p, known } = adamReplay(sim, one(s));
      const o = s.optimizer;
      if (o.kind !== 'adam' && o.kind !== 'adamw') throw new Error('not adam');
      let worst = 0;
      for (let k = 0; k + 1 < sim.length; k++) {
        expect(known[k]).toBe(1);
        const decay = o.kind === 'adamw' ? 1 - sim.lr[k]! * o.weightDecay : 1;
        for (let i = 0; i < 2; i++) {
          const w = sim.w[2 * k + i]!;
          const next = w * decay - (sim.lr[k]! * m[2 * k + i]!) / p[2 * k + i]!;
          const rec = sim.w[2 * (k + 1) + i]!;
          worst = Math.max(worst, Math.abs(next - rec) / Math.max(1e-300, Math.abs(rec - w), Math.abs(rec) * 1e-3));
        }
      }
      expect(worst).toBeLessThan(1e-9);
    });
  }

  it('a run changed mid-way (lr, then a different optimizer kind) restarts the state as the runner does', () => {
    const a = spec({ surface: { kind: 'product' }, optimizer: { kind: 'adam', lr: 0.05 }, steps: 120 });
    const b = { ...a, optimizer: { ...a.optimizer, lr: 0.02 } } as RunSpec;
    const c = { ...a, optimizer: { ...a.optimizer, kind: 'adamw', weightDecay: 0 } } as RunSpec;
    const segments: SpecSegment[] = [{ at: 0, spec: a }, { at: 40, spec: b }, { at: 80, spec: c }];
    const out = allocateResult(120, 2, false);
    const run = new Run(a);
    run.advance(out, 40);
    run.reconfigure(b);
    run.advance(out, 80);
    run.reconfigure(c);
    const sim = trimResult(out, run.advance(out, 120));
    const { m, p } = adamReplay(sim, segments);
    for (let k = 0; k + 1 < sim.length; k++) {
      for (let i = 0; i < 2; i++) {
        const next = sim.w[2 * k + i]! - (sim.lr[k]! * m[2 * k + i]!) / p[2 * k + i]!;
        expect(next).toBeCloseTo(sim.w[2 * (k + 1) + i]!, 12);
      }
    }
    // At the AdamW segment the state restarts: t = 1, so P = (1 − β1)·(|g| + ε) and m = (1 − β1)·g.
    const g = new Float64Array(2);
    createSurface(a.surface).gradient(sim.w[160]!, sim.w[161]!, g);
    expect(m[160]!).toBeCloseTo(0.1 * g[0]!, 14);
    expect(p[160]!).toBeCloseTo(0.1 * (Math.abs(g[0]!) + 1e-8), 14);
  });

  it('with gradient noise Adam’s P is unknown (NaN), while plain sharpness is still exact', () => {
    const base = { surface: { kind: 'product' }, noise: { batchSize: 8, std: 0.1 }, steps: 50 };
    const sa = spec({ ...base, optimizer: { kind: 'adam', lr: 0.05 } });
    const sg = spec({ ...base, optimizer: { kind: 'sgd', lr: 0.05 } });
    const ta = sharpnessTrace(simulate(sa), one(sa));
    const tg = sharpnessTrace(simulate(sg), one(sg));
    expect(Array.from(ta.sharpness).every(Number.isNaN)).toBe(true);
    expect(Array.from(tg.sharpness).every(Number.isFinite)).toBe(true);
  });
});

describe('a run whose settings changed mid-way', () => {
  it('GD then heavy ball: each step has its own rule (2/α, then 2(1+β)/α) and λmax at w_k', () => {
    const a = spec({ surface: { kind: 'product' }, optimizer: { kind: 'sgd', lr: 0.05 }, steps: 80 });
    const b = { ...a, optimizer: { ...a.optimizer, lr: 0.1, momentum: 0.5 } } as RunSpec;
    const out = allocateResult(80, 2, false);
    const run = new Run(a);
    run.advance(out, 30);
    run.reconfigure(b);
    const sim = trimResult(out, run.advance(out, 80));
    const tr = sharpnessTrace(sim, [{ at: 0, spec: a }, { at: 30, spec: b }]);
    const surf = createSurface(a.surface);
    const h = new Float64Array(3);
    for (let k = 0; k < tr.length; k++) {
      expect(tr.threshold[k]!).toBeCloseTo(k < 30 ? 2 / 0.05 : 3 / 0.1, 10);
      surf.hessian(sim.w[2 * k]!, sim.w[2 * k + 1]!, h);
      expect(tr.sharpness[k]!).toBeCloseTo(charMax(h[0]!, h[1]!, h[1]!, h[2]!), 9);
    }
    expect(tr.rule?.formula).toBe('2(1+β)/α');
  });
});

describe('runs that stop', () => {
  it('a diverging run is cut at its stop step: every value before it is finite', () => {
    const s = spec({ surface: { kind: 'product' }, optimizer: { kind: 'sgd', lr: 0.25 }, start: [3, 0.1], steps: 200 });
    const sim = simulate(s);
    expect(sim.stoppedAt).not.toBeNull();
    const tr = sharpnessTrace(sim, one(s));
    expect(tr.length).toBe(sim.stoppedAt);
    for (let k = 0; k < tr.length; k++) expect(Number.isFinite(tr.threshold[k]!)).toBe(true);
  });
});
