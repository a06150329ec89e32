import { describe, expect, it } from 'vitest';
import { classifyRun, createSurface, parseRunSpec, simulate, type RunSpec, type SimResult } from '../../src/engine';
import { distances, measuredRate, modeError, race, sgdSpec, stepsToStayBelow, valley, VALLEY_START } from '../../src/engine/analysis/momentum-race';
import { grade, lesson, questionRace } from '../../src/lessons/content/ill-conditioning-and-momentum';
import { specOf } from '../../src/lessons/preset';
import { KAPPAS } from '../../src/lessons/ui/momentum-scaling';

const EPS = 1e-3;
const doc = (id: string) => lesson.experiments.find((e) => e.id === id)!.doc();
/** ⌈ln ε / ln ρ⌉, written out here rather than imported. */
const rateCount = (rho: number) => Math.ceil(Math.log(EPS) / Math.log(rho));
/** Polyak's tuning for λ = 1 and κ, from the formulas in the lesson. */
const polyak = (kappa: number) => {
  const rho = (Math.sqrt(kappa) - 1) / (Math.sqrt(kappa) + 1);
  return { lr: (2 / (1 + Math.sqrt(kappa))) ** 2, beta: rho * rho, rho };
};
/**
 * Heavy ball at Polyak's tuning has a double root in the flat and the steep direction:
 * e_k = (1 + (1 − ρ)k) ρᵏ e₀ along the floor, (1 + (1 + ρ)k)(−ρ)ᵏ e₀ up the wall. The first k after
 * which the distance stays below ε of the start, from that closed form.
 */
function polyakCount(kappa: number, [x0, y0] = VALLEY_START): number {
  const { rho } = polyak(kappa);
  const d = (k: number) => Math.hypot((1 + (1 - rho) * k) * rho ** k * x0, (1 + (1 + rho) * k) * (-rho) ** k * y0) / Math.hypot(x0, y0);
  let last = 0;
  for (let k = 0; k < 40 * Math.sqrt(kappa) + 200; k++) if (d(k) > EPS) last = k;
  return last + 1;
}
const runRel = (spec: RunSpec) => distances(simulate(spec), [0, 0]);
const regime = (spec: RunSpec): { r: SimResult; regime: string } => {
  const r = simulate(spec);
  return { r, regime: classifyRun(createSurface(spec.surface), r) };
};

describe('lesson 4: ill-conditioning and momentum', () => {
  it('every experiment is a valid run spec for every run', () => {
    for (const e of lesson.experiments) {
      const d = e.doc();
      d.runs.forEach((_, i) => expect(parseRunSpec(specOf(d, i)).ok, `${e.id} run ${i + 1}`).toBe(true));
    }
  });

  it('GD in the κ = 100 valley: at α* the wall error flips sign every step and the floor shrinks by (κ−1)/(κ+1); at 1/λmax no zig-zag, floor ×(1 − 1/κ)', () => {
    const d = doc('crawl');
    const [slow, best] = [simulate(specOf(d, 0)), simulate(specOf(d, 1))];
    for (let k = 1; k < 200; k++) {
      expect(Math.sign(best.w[2 * k + 1]!)).toBe(-Math.sign(best.w[2 * k - 1]!));
      expect(best.w[2 * k]! / best.w[2 * k - 2]!).toBeCloseTo(99 / 101, 12);
      expect(slow.w[2 * k]! / slow.w[2 * k - 2]!).toBeCloseTo(0.99, 12);
      expect(Math.abs(slow.w[2 * k + 1]!)).toBeLessThan(1e-12);
    }
    // Any stable α leaves the floor's factor above 1 − 2/κ.
    for (const lr of [0.005, 0.0198, 0.0199]) {
      const r = simulate(sgdSpec(valley(100), lr, 0, 10));
      expect(r.w[20]! / r.w[18]!).toBeGreaterThan(1 - 2 / 100);
    }
  });

  it('torch heavy ball is w_{k+1} = w_k − α∇f(w_k) + β(w_k − w_{k−1}); nesterov=True adds −αβ(∇f(w_k) − ∇f(w_{k−1})) (on Rosenbrock, not just a bowl)', () => {
    const surface = { kind: 'rosenbrock' as const, a: 1, b: 100 };
    const f = createSurface(surface);
    const grad = (r: SimResult, k: number) => {
      const g = new Float64Array(2);
      f.gradient(r.w[2 * k]!, r.w[2 * k + 1]!, g);
      return g;
    };
    for (const nesterov of [false, true]) {
      const [lr, beta] = [2e-4, 0.8];
      const r = simulate({ surface, start: [-1.5, 2], steps: 60, seed: 0, clip: null, noise: null, badBatch: null, guard: null, precision: null, schedule: { kind: 'constant' }, optimizer: { kind: 'sgd', lr, momentum: beta, dampening: 0, nesterov, weightDecay: 0 } });
      for (let k = 0; k < 60; k++) {
        const km = Math.max(0, k - 1);
        const [g, gPrev] = [grad(r, k), k === 0 ? new Float64Array(2) : grad(r, km)];
        for (const i of [0, 1]) {
          const wk = r.w[2 * k + i]!;
          const prev = r.w[2 * km + i]!;
          let next = wk - lr * g[i]! + beta * (wk - prev);
          if (nesterov) next -= lr * beta * (g[i]! - gPrev[i]!);
          expect(r.w[2 * (k + 1) + i]!).toBeCloseTo(next, 9);
        }
      }
    }
  });

  it('boundaries: heavy ball 2(1+β)/λmax and Nesterov 2(1+β)/((1+2β)λmax) — 0.99× converges, 1.01× diverges, at several β', () => {
    for (const beta of [0, 0.3, 0.6, 0.9, 0.95]) {
      for (const nesterov of [false, true]) {
        const edge = nesterov ? (2 * (1 + beta)) / ((1 + 2 * beta) * 100) : (2 * (1 + beta)) / 100;
        const inside = regime(sgdSpec(valley(100), 0.99 * edge, beta, 4000, VALLEY_START, nesterov));
        const outside = regime(sgdSpec(valley(100), 1.01 * edge, beta, 4000, VALLEY_START, nesterov));
        expect(inside.regime, `β=${beta} nesterov=${nesterov} inside`).not.toBe('diverging');
        expect(distances(inside.r, [0, 0])[4000]!).toBeLessThan(1e-6);
        expect(outside.regime, `β=${beta} nesterov=${nesterov} outside`).toBe('diverging');
      }
    }
    const edges = doc('edges');
    expect(edges.runs.map((_, i) => regime(specOf(edges, i)).regime === 'diverging')).toEqual([false, true, false, true]);
  });

  it('Polyak’s α and β are optimal: the engine’s rate is (√κ−1)/(√κ+1), and detuning either one either way slows it', () => {
    const { lr, beta, rho } = polyak(100);
    const r = race(100).hb;
    expect(r.lr).toBeCloseTo(lr, 14);
    expect(r.momentum).toBeCloseTo(beta, 14);
    const rate = (fa: number, fb: number) => measuredRate(runRel(sgdSpec(valley(100), fa * lr, fb * beta, 1000)), 400, 1000);
    const best = rate(1, 1);
    expect(Math.abs(best / rho - 1)).toBeLessThan(0.005);
    const gentle = [rate(0.98, 1), rate(1, 1.02)];
    const sharp = [rate(1.005, 1), rate(1, 0.98)];
    for (const slower of [...gentle, ...sharp]) expect(slower).toBeGreaterThan(best * 1.005);
    expect(Math.min(...sharp)).toBeGreaterThan(Math.max(...gentle));
    expect(regime(sgdSpec(valley(100), 1.02 * lr, beta, 1000)).regime).toBe('diverging');
    expect(regime(sgdSpec(valley(100), lr, 0.95 * beta, 1000)).regime).toBe('diverging');
    // Polyak's α sits at (1+ρ)²/(2(1+ρ²)) of the heavy-ball boundary: 400/404 at κ = 100.
    expect(lr / ((2 * (1 + beta)) / 100)).toBeCloseTo(400 / 404, 12);
  });

  it('at Polyak’s tuning every curvature inside [λmin, λmax] shrinks at √β: the engine’s rate on valleys with λ between 1 and 100', () => {
    const { lr, beta } = polyak(100);
    for (const eigenvalues of [[1.5, 3], [5, 40], [20, 90]] as const) {
      const s = { kind: 'quadratic' as const, eigenvalues: [...eigenvalues] as [number, number], angle: 0.3, center: [0, 0] as [number, number] };
      const rate = measuredRate(runRel(sgdSpec(s, lr, beta, 1000)), 400, 1000);
      expect(Math.abs(rate / Math.sqrt(beta) - 1), `λ = ${eigenvalues}`).toBeLessThan(0.005);
    }
  });

  it('heavy ball’s polynomial factor swings the run up the wall first (the wall error more than triples before it decays)', () => {
    const r = simulate(specOf(doc('race'), 1));
    let peak = 0;
    for (let k = 0; k < 20; k++) peak = Math.max(peak, Math.abs(r.w[2 * k + 1]!));
    expect(peak).toBeGreaterThan(3 * Math.abs(VALLEY_START[1]));
    // …which the closed form (1 + (1+ρ)k)ρᵏ predicts: its peak over k.
    const rho = polyak(100).rho;
    const predicted = Math.max(...Array.from({ length: 20 }, (_, k) => (1 + (1 + rho) * k) * rho ** k)) * Math.abs(VALLEY_START[1]);
    expect(peak).toBeCloseTo(predicted, 9);
  });

  it('for a tighter target (10⁻⁹) the measured speed-up climbs towards the ratio of the rate counts', () => {
    const loose = race(100);
    const tight = race(100, VALLEY_START, 1e-9);
    const rateRatio = Math.log(99 / 101) ** -1 / Math.log(9 / 11) ** -1;
    const gap = (r: typeof loose) => Math.abs(r.gd.measured / r.hb.measured - rateRatio);
    expect(tight.gd.measured / tight.hb.measured).toBeGreaterThan(loose.gd.measured / loose.hb.measured);
    expect(gap(tight)).toBeLessThan(0.6 * gap(loose));
  });

  it('the race at κ = 100: GD needs ⌈ln 10⁻³/ln(99/101)⌉ = 346 steps; heavy ball 35 by its rate, and the run matches the double-root closed form (±1)', () => {
    const { gd, hb } = race(100);
    expect(rateCount(99 / 101)).toBe(346);
    expect(rateCount(9 / 11)).toBe(35);
    expect(Math.abs(gd.measured - 346)).toBeLessThanOrEqual(1);
    expect(gd.rateCount).toBe(346);
    expect(hb.rateCount).toBe(35);
    // The polynomial factor makes the run take more than ±1 of 35, so it is held to the closed form that includes it.
    expect(hb.measured - 35).toBeGreaterThan(1);
    expect(Math.abs(hb.measured - polyakCount(100))).toBeLessThanOrEqual(1);
    expect(hb.exactCount).toBe(polyakCount(100));
    // The race experiment is exactly these two runs, and its steps cover GD's count.
    const d = doc('race');
    expect(stepsToStayBelow(runRel(specOf(d, 0)))).toBe(gd.measured);
    expect(stepsToStayBelow(runRel(specOf(d, 1)))).toBe(hb.measured);
  });

  it('κ = 100 → 10⁴: GD’s count grows ×100 (∝ κ), heavy ball’s ×10 by its rate (∝ √κ), the runs matching the closed forms', () => {
    const [a, b] = [race(100), race(10_000)];
    expect(Math.abs(b.gd.measured - rateCount(9999 / 10001))).toBeLessThanOrEqual(1);
    expect(b.gd.measured / a.gd.measured).toBeGreaterThan(99);
    expect(b.gd.measured / a.gd.measured).toBeLessThan(101);
    expect(rateCount(99 / 101) / rateCount(9 / 11)).toBeCloseTo(10, 0);
    expect(Math.abs(b.hb.measured - polyakCount(10_000))).toBeLessThanOrEqual(1);
    // √κ times a slowly growing log factor from the double root: nowhere near GD's ×100.
    expect(b.hb.measured / a.hb.measured).toBeGreaterThan(10);
    expect(b.hb.measured / a.hb.measured).toBeLessThan(14);
  });

  it('the scaling figure: at every κ it plots, GD and heavy-ball runs match the closed forms (±1)', () => {
    for (const kappa of KAPPAS) {
      const { gd, hb } = race(kappa);
      const gdRate = (kappa - 1) / (kappa + 1);
      expect(Math.abs(gd.measured - (gdRate === 0 ? 1 : rateCount(gdRate))), `GD κ=${kappa}`).toBeLessThanOrEqual(1);
      expect(Math.abs(hb.measured - (kappa === 1 ? 1 : polyakCount(kappa))), `HB κ=${kappa}`).toBeLessThanOrEqual(1);
    }
  });

  it('modeError is the heavy-ball recurrence with torch’s start, in every root regime (real, complex, double, diverging)', () => {
    for (const [lr, lambda, beta] of [[0.01, 100, 0], [0.03, 100, 0.5], [0.001, 1, 0.9], [0.05, 100, 0.2], [0.0331, 1, 0.669], [4 / 121, 1, 81 / 121], [4 / 121, 100, 81 / 121]] as const) {
      let [prev, cur] = [1, 1 - lr * lambda];
      for (let k = 1; k < 60; k++) {
        expect(Math.abs(modeError(lr, lambda, beta, k) - cur)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(cur)));
        [prev, cur] = [cur, (1 + beta - lr * lambda) * cur - beta * prev];
      }
    }
  });

  it('the question: graded against the engine’s heavy-ball count at κ = 400 (±20 %)', () => {
    const { gd, hb } = questionRace();
    expect(Math.abs(gd.measured - rateCount(399 / 401))).toBeLessThanOrEqual(1);
    expect(Math.abs(hb.measured - polyakCount(400))).toBeLessThanOrEqual(1);
    // What the lesson says: √κ doubled, so heavy ball's count roughly doubles and GD's quadruples.
    expect(hb.measured / race(100).hb.measured).toBeGreaterThan(1.8);
    expect(hb.measured / race(100).hb.measured).toBeLessThan(2.4);
    expect(gd.measured / race(100).gd.measured).toBeCloseTo(4, 1);
    expect(grade(hb.measured).correct).toBe(true);
    expect(grade(Math.round(hb.measured * 1.15)).correct).toBe(true);
    for (const wrong of [rateCount(19 / 21), gd.measured, Math.round(hb.measured * 1.3), 10]) expect(grade(wrong).correct, `${wrong}`).toBe(false);
    expect(grade(rateCount(19 / 21)).explanation).toMatch(/rate alone/);
    expect(grade(hb.measured).truth).toContain(String(hb.measured));
    expect(lesson.question.prompt).toContain(gd.measured.toLocaleString('en'));
    const q = doc('question');
    expect(stepsToStayBelow(runRel(specOf(q, 1)))).toBe(hb.measured);
    expect(stepsToStayBelow(runRel(specOf(q, 0)))).toBe(gd.measured);
  });
});
