import { describe, expect, it } from 'vitest';
import { classifyRun, createSurface, simulate, type QuadraticSpec } from '../../src/engine';
import { bowl, factorCurves, factors, gdSpec, kappaRow, probeRates } from '../../src/engine/analysis/bound-factors';
import { divergesAt, largestStableLr, measuredRate, stepsToShrink } from '../../src/engine/analysis/bound-search';
import { BOWL, EDGE, LR_ABOVE, LR_BELOW, OPT, experiments, lesson } from '../../src/lessons/content/the-stability-boundary';
import { specOf } from '../../src/lessons/preset';
import { currentBowl } from '../../src/lessons/ui/bound-curvature';
import { KAPPAS } from '../../src/lessons/ui/bound-steps-table';
import { defaultDoc } from '../../src/state/doc';

const DEG = Math.PI / 180;
const quad = (eigenvalues: [number, number], angle: number, center: [number, number] = [0, 0]): QuadraticSpec => ({ kind: 'quadratic', eigenvalues, angle, center });
const run = (id: string, i = 0) => {
  const spec = specOf(experiments.find((e) => e.id === id)!.doc(), i);
  const r = simulate(spec);
  return { spec, r, regime: classifyRun(createSurface(spec.surface), r) };
};

describe('bound-search: the largest stable α found by running the engine is 2/λmax', () => {
  const cases: [number, number, number][] = [[1, 10, 0], [1, 10, 30], [1, 10, 73], [10, 1, 15], [2, 25, 40], [1, 100, 60], [1, 1000, 110], [3, 3.5, 20]];
  for (const [l1, l2, deg] of cases) {
    it(`λ = [${l1}, ${l2}], θ = ${deg}°: bisection lands within 1e-4 of 2/λmax`, () => {
      const spec = gdSpec(quad([l1, l2], deg * DEG, [0.5, -1]), 0.01, 0, [-2, 1.5]);
      const found = largestStableLr(spec);
      const truth = 2 / Math.max(l1, l2);
      expect(Math.abs(found.lr / truth - 1)).toBeLessThan(1e-4);
      expect(found.stable).toBeLessThan(found.unstable);
      expect(divergesAt(spec, found.stable, found.steps)).toBe(false);
      expect(divergesAt(spec, found.unstable, found.steps)).toBe(true);
    });
  }

  it('the flat direction does not matter: only λmax moves the edge', () => {
    const a = largestStableLr(gdSpec(quad([0.1, 8], 0.3), 0.05, 0)).lr;
    const b = largestStableLr(gdSpec(quad([7.9, 8], 0.3), 0.05, 0)).lr;
    expect(Math.abs(a / b - 1)).toBeLessThan(1e-4);
    expect(Math.abs(a / 0.25 - 1)).toBeLessThan(1e-4);
  });

  it('measures a run’s rate and its steps to shrink from the trajectory alone', () => {
    // GD at α = 0.05 on λ = 1, 10: factors 0.95 and 0.5; the slow one rules by the end.
    const r = simulate(gdSpec(quad([1, 10], 0.4), 0.05, 300));
    expect(measuredRate(r)).toBeCloseTo(0.95, 10);
    // One direction only: the distance is exactly 0.95^k of the start, so ⌈ln 10⁻³ / ln 0.95⌉ = 135 steps.
    const one = simulate(gdSpec(quad([1, 10], 0), 0.05, 300, [1, 0]));
    expect(stepsToShrink(one, [0, 0], 1e-3)).toBe(Math.ceil(Math.log(1e-3) / Math.log(0.95)));
    expect(stepsToShrink(one, [0, 0], 1e-300)).toBe(Infinity);
    // A run that overflows (×4 per step) or underflows (×1/11 per step) is measured before it does.
    const blown = simulate(gdSpec(quad([1, 10], 0.4), 0.5, 2000));
    expect(blown.nonFinite).not.toBeNull();
    expect(measuredRate(blown)).toBeCloseTo(4, 9);
    expect(measuredRate(simulate(gdSpec(quad([1, 1.2], 0.4), 1 / 1.1, 2000)))).toBeCloseTo(1 / 11, 9);
  });
});

describe('the optimal step α* = 2/(λmin + λmax)', () => {
  for (const [lmin, lmax] of [[1, 10], [2, 25], [1, 100], [0.5, 3]] as const) {
    it(`λ = ${lmin}, ${lmax}: the measured rate at α* is (κ − 1)/(κ + 1), and nearby α are slower`, () => {
      const k = lmax / lmin;
      const rho = (k - 1) / (k + 1);
      const lr = 2 / (lmin + lmax);
      const steps = Math.min(400, Math.ceil(Math.log(1e-12) / Math.log(rho)));
      const rate = (a: number) => measuredRate(simulate(gdSpec(bowl(lmin, lmax), a, steps)));
      expect(Math.abs(rate(lr) - rho)).toBeLessThan(1e-9);
      for (const f of [0.8, 0.9, 0.97, 1.03, 1.05]) expect(rate(lr * f)).toBeGreaterThan(rho + 1e-4);
    });
  }

  it('no α on a grid up to the edge beats α*’s rate', () => {
    const probes = probeRates(2, 25, Array.from({ length: 40 }, (_, i) => (0.08 * (i + 1)) / 41), 300);
    for (const p of probes) expect(p.measured).toBeGreaterThanOrEqual(23 / 27 - 1e-9);
  });

  it('sits just under the edge: α*/(2/λmax) = κ/(κ + 1)', () => {
    expect(OPT.lr / EDGE).toBeCloseTo(25 / 27, 12);
    expect(OPT.rate).toBeCloseTo(23 / 27, 12);
  });
});

describe('steps to shrink the error by 10⁻³ grow linearly with κ', () => {
  for (const k of KAPPAS) {
    it(`κ = ${k}: the engine's count at α* matches ⌈ln 10⁻³ / ln((κ−1)/(κ+1))⌉ within ±1`, () => {
      const row = kappaRow(k);
      const rho = (k - 1) / (k + 1);
      const closed = k === 1 ? 1 : Math.ceil(Math.log(1e-3) / Math.log(rho));
      expect(row.closedForm).toBe(closed);
      expect(Math.abs(row.measured - closed)).toBeLessThanOrEqual(1);
      expect(row.lr).toBeCloseTo(2 / (1 + k), 14);
      expect(row.estimate).toBeCloseTo((k / 2) * Math.log(1000), 9);
      if (k > 1) expect(Math.abs(row.measuredRate - rho)).toBeLessThan(1e-9);
      // The large-κ estimate (κ/2)·ln 10³ is within 1 step once κ ≥ 10.
      if (k >= 10) expect(Math.abs(row.closedForm - row.estimate)).toBeLessThanOrEqual(1);
    });
  }
});

describe('the factors figure: curves and dots against the closed forms', () => {
  it('samples |1 − αλ| exactly, with the kinks at 1/λmax and α* included', () => {
    const pts = factorCurves(2, 25, 0.104, 50);
    for (const p of pts) {
      expect(p.slow).toBeCloseTo(Math.abs(1 - 2 * p.lr), 14);
      expect(p.steep).toBeCloseTo(Math.abs(1 - 25 * p.lr), 14);
      expect(p.worst).toBe(Math.max(p.slow, p.steep));
    }
    expect(pts.find((p) => p.lr === 1 / 25)?.steep).toBe(0);
    const best = pts.reduce((a, b) => (b.worst < a.worst ? b : a));
    expect(best.lr).toBeCloseTo(2 / 27, 14);
    expect(best.worst).toBeCloseTo(23 / 27, 12);
  });

  it('the engine’s measured rates sit on max |1 − αλᵢ|, inside and outside the boundary', () => {
    const probes = probeRates(2, 25, [0.01, 0.03, 0.05, 2 / 27, 0.078, 0.082, 0.1]);
    for (const p of probes) expect(Math.abs(p.measured - Math.max(Math.abs(1 - 2 * p.lr), Math.abs(1 - 25 * p.lr)))).toBeLessThan(1e-4);
    expect(factors(0.09, 2, 25).worst).toBeCloseTo(1.25, 14);
    // The figure's dots: a dense grid from 0 to 2.5 × the edge, on three conditionings.
    for (const [lmin, lmax] of [[2, 25], [1, 100], [2, 3]] as const) {
      const lrs = Array.from({ length: 100 }, (_, i) => ((i + 1) / 100) * 2.5 * (2 / lmax));
      for (const p of probeRates(lmin, lmax, lrs)) expect(Math.abs(p.measured - p.predicted), `${lmin}, ${lmax}, α = ${p.lr}`).toBeLessThan(2e-3);
    }
  });

  it('takes the curvature from the lab: the default bowl, a Rosenbrock valley, or the lesson’s bowl for a saddle', () => {
    const doc = defaultDoc();
    const b = currentBowl(doc, BOWL);
    expect(b.source).toBe('lab');
    expect([b.lambdaMin, b.lambdaMax].map((x) => Number(x.toFixed(12)))).toEqual([1, 10]);
    expect(b.gdRuns).toEqual([{ index: 0, lr: 0.15 }]);
    // f = (1 − x)² + 100(y − x²)² at (1, 1): H = [[802, −400], [−400, 200]], λ = 501 ± √(301² + 400²).
    const ros = currentBowl({ ...doc, surface: { kind: 'rosenbrock', a: 1, b: 100 } }, BOWL);
    expect(ros.hessian).toEqual([802, -400, 200]);
    expect(ros.lambdaMax).toBeCloseTo(501 + Math.hypot(301, 400), 9);
    expect(ros.lambdaMin).toBeCloseTo(501 - Math.hypot(301, 400), 9);
    const saddle = currentBowl({ ...doc, surface: quad([-1, 4], 0) }, BOWL);
    expect(saddle.source).toBe('lesson');
    expect(saddle.lambdaMax).toBeCloseTo(25, 12);
    expect(saddle.lambdaMin).toBeCloseTo(2, 12);
  });
});

describe('the experiments do what the lesson says', () => {
  it('just below the edge the steep coordinate zig-zags but shrinks; the run converges', () => {
    expect(LR_BELOW).toBe(0.078);
    const { r, regime } = run('below');
    expect(regime).toBe('oscillating');
    expect(r.stoppedAt).toBeNull();
    expect(r.loss[r.length - 1]!).toBeLessThan(r.loss[0]! * 1e-6);
    // Its coordinate along v_max = (sin θ, cos θ) flips sign at every step and shrinks by |1 − αλmax| = 0.95.
    const v = [Math.sin(BOWL.angle), Math.cos(BOWL.angle)];
    const e = (k: number) => r.w[2 * k]! * v[0]! + r.w[2 * k + 1]! * v[1]!;
    for (let k = 0; k < 50; k++) expect(e(k + 1) / e(k)).toBeCloseTo(1 - LR_BELOW * 25, 10);
  });

  it('just past the edge it diverges: the error grows ×|1 − αλmax| = 1.05 per step', () => {
    expect(LR_ABOVE).toBe(0.082);
    const { r, regime } = run('above');
    expect(regime).toBe('diverging');
    expect(measuredRate(r)).toBeCloseTo(Math.abs(1 - LR_ABOVE * 25), 9);
    expect(r.loss[r.length - 1]!).toBeGreaterThan(r.loss[0]! * 1e6);
  });

  it('side by side, α* converges fastest: α*/2 and 0.078 are slower', () => {
    const counts = [0, 1, 2].map((i) => {
      const { spec, r } = run('sweep', i);
      return stepsToShrink(r, spec.surface.kind === 'quadratic' ? spec.surface.center : [0, 0], 1e-3);
    });
    expect(counts[1]).toBeLessThan(counts[0]!);
    expect(counts[1]).toBeLessThan(counts[2]!);
  });
});

describe('the question: the largest α that still converges on λ = 2, 25 (40°)', () => {
  const q = lesson.question;
  if (q.kind !== 'number') throw new Error('expected a number question');

  it('grades against the engine’s bisection, which agrees with 2/λmax = 0.08', () => {
    const found = largestStableLr(specOf(experiments.find((e) => e.id === q.experiment)!.doc()));
    expect(Math.abs(found.lr / 0.08 - 1)).toBeLessThan(1e-4);
    for (const right of [0.08, 0.079, 0.0805, 0.078]) expect(q.grade(right).correct, String(right)).toBe(true);
    for (const wrong of [1, 0.5, 0.16, 0.04, 0.0741, 0.09, 0, -0.08]) expect(q.grade(wrong).correct, String(wrong)).toBe(false);
  });

  it('explains with the live numbers', () => {
    const g = q.grade(0.16);
    expect(g.truth).toMatch(/0\.08/);
    expect(g.explanation).toMatch(/2\/λmax = 0\.08/);
    expect(g.explanation).toMatch(/2\/λmin = 1\b/);
    expect(g.explanation).toMatch(/\|1 − αλmax\| = 3 per step/);
    expect(q.grade(0.04).explanation).toMatch(/converges, but a larger α would too/);
    expect(q.grade(0.08).explanation).toMatch(/= 1 per step .*bounces for ever, right on the edge/);
    expect(q.grade(0.0805).explanation).toMatch(/One grows, so it diverges/);
  });
});
