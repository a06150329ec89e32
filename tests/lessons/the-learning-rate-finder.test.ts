import { describe, expect, it } from 'vitest';
import { scheduleFactor, simulate } from '../../src/engine';
import {
  FASTAI_FINDER, finderSpec, lrFind, recordSweep, smoothLosses, suggest, suggestMinimum, suggestSteep, sweepGamma, sweepLr,
} from '../../src/engine/analysis/finder';
import { lesson } from '../../src/lessons/content/the-learning-rate-finder';
import { specOf } from '../../src/lessons/preset';
import { finderFacts, GAMMA, KAPPA, LAMBDA, LAMBDAS, START, stopBand, suggestedDoc, sweepBase, sweepDoc } from '../../src/lessons/ui/finder-presets';

const S = FASTAI_FINDER;
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('the sweep: fastai’s exponential schedule is ExponentialLR from lr = start_lr', () => {
  it('γ = (end/start)^(1/num_it) = 10^0.08 and start·γ^i = start·(end/start)^(i/num_it) for every iteration', () => {
    expect(S).toEqual({ startLr: 1e-7, endLr: 10, numIt: 100, beta: 0.98, divFactor: 4 });
    expect(rel(sweepGamma(S), 10 ** 0.08)).toBeLessThan(1e-14);
    for (let i = 0; i <= 100; i++) {
      const fastai = 1e-7 * (10 / 1e-7) ** (i / 100);
      expect(rel(1e-7 * scheduleFactor({ kind: 'exponential', gamma: GAMMA }, i), fastai)).toBeLessThan(1e-12);
      expect(rel(sweepLr(i, S), fastai)).toBeLessThan(1e-15);
    }
  });

  it('the engine’s recorded rates are the sweep’s (the run spec of the lab preset)', () => {
    const spec = specOf(sweepDoc());
    expect(spec).toEqual(finderSpec(sweepBase()));
    const r = simulate(spec);
    for (let i = 0; i < 100; i++) expect(rel(r.lr[i]!, 1e-7 * 10 ** (8 * i / 100))).toBeLessThan(1e-12);
  });
});

describe('the Recorder’s smoothing and stop_div', () => {
  const beta = 0.98;
  it('the debiased EMA is the normalised weighted mean Σ β^(i−j)(1−β)Lⱼ / (1 − β^(i+1))', () => {
    const L = [4, 2, 1, 0.5, 3, 7, 0.1];
    const s = smoothLosses(L, beta);
    L.forEach((_, i) => {
      let num = 0;
      for (let j = 0; j <= i; j++) num += beta ** (i - j) * (1 - beta) * L[j]!;
      expect(s[i]).toBeCloseTo(num / (1 - beta ** (i + 1)), 12);
    });
    expect(s[0]).toBeCloseTo(4, 14); // debiased: the first value is the first loss
    expect(Array.from(smoothLosses([3, 3, 3, 3], beta)).every((v) => Math.abs(v - 3) < 1e-12)).toBe(true);
  });

  it('stops at the first iteration whose smoothed loss exceeds 4× the best (threshold derived by hand)', () => {
    // L = 1 for i < 10, then X: L̄₉ = 1 = best, L̄₁₀ = (β(1 − β¹⁰) + (1 − β)X)/(1 − β¹¹) > 4 ⇔ X > X*.
    const xStar = (4 * (1 - beta ** 11) - beta * (1 - beta ** 10)) / (1 - beta);
    const run = (X: number) => recordSweep((i) => (i < 10 ? 1 : i === 10 ? X : 1), (i) => sweepLr(i, S), S);
    const over = run(1.001 * xStar);
    expect(over.reason).toBe('diverged');
    expect(over.stopIndex).toBe(10);
    expect(over.lrs).toHaveLength(11); // the point that tripped the rule is recorded, as fastai's Recorder keeps it
    const under = run(0.999 * xStar);
    expect(under.reason).toBe('finished');
    expect(under.lrs).toHaveLength(100);
  });

  it('stops on a non-finite loss without recording it', () => {
    const s = recordSweep((i) => (i === 5 ? NaN : 1), (i) => sweepLr(i, S), S);
    expect(s.reason).toBe('nonFinite');
    expect(s.stopIndex).toBe(5);
    expect(s.smooth).toHaveLength(5);
  });
});

describe('the suggestion rules on a hand-made curve', () => {
  const lrs = Array.from({ length: 10 }, (_, i) => 10 ** (i / 2 - 4));
  it('minimum: the rate at the lowest loss, ÷10; steep: the left end of the biggest drop per unit of ln α', () => {
    const L = [5, 5, 4, 2, 1.5, 1.4, 1.45, 3, 9, 20];
    expect(suggestMinimum(lrs, L)).toEqual({ lr: lrs[5]! / 10, index: 5 });
    expect(suggestSteep(lrs, L)).toEqual({ lr: lrs[2]!, index: 2 }); // 4 → 2 is the largest fall, equal spacing in ln α
    const uneven = [1e-3, 2e-3, 1e-2, 1e-1]; // falls of 1 over ln 2 (slope −1.44) beat 2 over ln 5 (−1.24)
    expect(suggestSteep(uneven, [10, 9, 7, 6.9]).index).toBe(0);
  });

  it('suggest() leaves out the first num_it/10 and the last 5 recorded points, as lr_find does', () => {
    // A 20-point sweep with numIt = 20: the deepest point (index 17) and the steepest drop (0 → 1) are both left out.
    const L = [100, 10, 9, 7.5, 7, 6.5, 6, 5.5, 5, 4.5, 4, 3.6, 3.3, 3.1, 3.0, 2.9, 2.8, 0.1, 50, 90];
    const sweep = { lrs: L.map((_, i) => 10 ** (i / 4 - 5)), raw: L, smooth: L, reason: 'diverged' as const, stopIndex: 19, best: 0.1, bestIndex: 17 };
    const s = suggest(sweep, 20)!;
    expect(s.minimum.index).toBe(14); // lowest among indices 2 … 14
    expect(s.steep.index).toBe(2); // 9 → 7.5, the largest fall once 100 → 10 is dropped
  });
});

/** GD on the quadratic in closed form: per eigendirection e ← (1 − αᵢλ)e, loss = ½Σλe², then the stop rule by hand. */
function closedFormStop(lmax: number, kappa: number) {
  const th = 0.5;
  const v1: [number, number] = [Math.cos(th), -Math.sin(th)], v2: [number, number] = [Math.sin(th), Math.cos(th)];
  const lam = [lmax / kappa, lmax];
  const e = [START[0] * v1[0] + START[1] * v1[1], START[0] * v2[0] + START[1] * v2[1]];
  let avg = 0, best = Infinity;
  for (let i = 0; i < 100; i++) {
    const loss = 0.5 * (lam[0]! * e[0]! ** 2 + lam[1]! * e[1]! ** 2);
    avg = 0.98 * avg + 0.02 * loss;
    const sm = avg / (1 - 0.98 ** (i + 1));
    best = Math.min(best, sm);
    if (sm > 4 * best) return i;
    const a = 1e-7 * 10 ** (0.08 * i);
    e[0] = (1 - a * lam[0]!) * e[0]!;
    e[1] = (1 - a * lam[1]!) * e[1]!;
  }
  return 99;
}

describe('on quadratics the blow-up comes several times past 2/λmax, the suggestions below it', () => {
  const cases = LAMBDAS.flatMap((l) => [1, KAPPA].map((k) => [l, k] as const));

  it.each(cases)('λmax %d, κ %d: the stop iteration matches GD’s closed form', (l, k) => {
    expect(lrFind(sweepBase(l, k)).stopIndex).toBe(closedFormStop(l, k));
  });

  it.each(cases)('λmax %d, κ %d: nothing rises before 2/λmax; the sharp error turns at the first α past it', (l, k) => {
    const f = finderFacts(l, k);
    const b = 2 / l;
    expect(f.past).not.toBeNull();
    const p = f.past!;
    expect(f.sweep.lrs[p]!).toBeGreaterThan(b);
    expect(f.sweep.lrs[p - 1]!).toBeLessThan(b);
    for (let i = 1; i <= p; i++) {
      expect(f.sweep.raw[i]!).toBeLessThanOrEqual(f.sweep.raw[i - 1]!);
      expect(f.sweep.smooth[i]!).toBeLessThanOrEqual(f.sweep.smooth[i - 1]! * (1 + 1e-12));
    }
    for (let i = 1; i <= f.stop.index; i++) {
      if (i <= p) expect(f.sharp[i]!).toBeLessThanOrEqual(f.sharp[i - 1]!);
      else expect(f.sharp[i]!).toBeGreaterThan(f.sharp[i - 1]!);
    }
    expect(rel(f.sharp[p + 1]! / f.sharp[p]!, (f.sweep.lrs[p]! * l - 1) ** 2)).toBeLessThan(1e-6);
  });

  it.each(cases)('λmax %d, κ %d: the stop is 8–12 × 2/λmax, min/10 and steep below 0.6 × 2/λmax', (l, k) => {
    const f = finderFacts(l, k);
    expect(f.stop.reason).toBe('diverged');
    expect(f.stop.ratio).toBeGreaterThan(8);
    expect(f.stop.ratio).toBeLessThan(12);
    expect(f.stepsPast).toBeGreaterThanOrEqual(10);
    expect(rel(f.stop.lr / f.sweep.lrs[f.past!]!, GAMMA ** f.stepsPast)).toBeLessThan(1e-9);
    expect(f.picks.minimum.lr).toBeLessThan(0.6 * f.boundary);
    expect(f.picks.steep.lr).toBeLessThan(0.6 * f.boundary);
    expect(10 * f.picks.minimum.lr).toBeGreaterThan(f.boundary); // the smoothed minimum itself lies past the edge
  });

  it('with mini-batch noise the stop comes sooner: 3–6.5 × 2/λmax over 10 seeds, suggestions still below 2/λmax', () => {
    for (const l of LAMBDAS) for (const k of [1, KAPPA]) for (let seed = 0; seed < 10; seed++) {
      const s = lrFind({ ...sweepBase(l, k, true), seed });
      const ratio = s.lrs[s.lrs.length - 1]! / (2 / l);
      expect(s.reason).toBe('diverged');
      expect(ratio).toBeGreaterThan(3);
      expect(ratio).toBeLessThan(6.5);
      const p = suggest(s, 100)!;
      expect(p.minimum.lr).toBeLessThan(2 / l);
      expect(p.steep.lr).toBeLessThan(2 / l);
      expect(10 * p.minimum.lr).toBeGreaterThan(2 / l);
    }
    // Noise refills the sharp direction: it is far less depleted when α crosses 2/λmax than without noise.
    for (const l of LAMBDAS) expect(finderFacts(l, KAPPA, true).depth).toBeGreaterThan(100 * finderFacts(l, KAPPA, false).depth);
  });

  it('at κ = 30 the flat direction holds most of the loss and steep lands past 2/λmax (the pitfall the lesson shows)', () => {
    for (const l of LAMBDAS) {
      const f = finderFacts(l, 30);
      expect(f.flatShare).toBeGreaterThan(0.5);
      expect(f.picks.steep.lr).toBeGreaterThan(2 * f.boundary);
      expect(f.picks.minimum.lr).toBeLessThan(f.boundary);
      expect(10 * f.picks.minimum.lr).toBeGreaterThan(f.boundary);
      // The flat direction has barely learned when α crosses 2/λmax: its loss is still over a quarter of its start.
      const flat = (i: number) => f.sweep.record.loss[i]! - f.sharp[i]!;
      expect(flat(f.past!) / flat(0)).toBeGreaterThan(0.25);
      // A constant α at the steep suggestion diverges.
      const r = simulate({ ...f.base, schedule: { kind: 'constant' }, optimizer: { ...f.base.optimizer, lr: f.picks.steep.lr }, steps: 200 });
      expect(r.nonFinite !== null || r.loss[r.length - 1]! > 1e6 * r.loss[0]!).toBe(true);
    }
  });
});

describe('the lesson', () => {
  it('its experiments exist, and the question’s is one of them', () => {
    expect(lesson.experiments.map((e) => e.id)).toEqual(['sweep', 'noisy', 'suggested']);
    expect(lesson.experiments.map((e) => e.id)).toContain(lesson.question.experiment);
    for (const e of lesson.experiments) expect(e.doc().runs.length).toBeGreaterThan(0);
    const sug = suggestedDoc();
    const f = finderFacts();
    expect(sug.runs.map((r) => r.optimizer.lr)).toEqual([f.picks.minimum.lr, f.picks.steep.lr, f.stop.lr]);
    expect(simulate(specOf(sug, 0)).loss[60]!).toBeLessThan(1e-3 * simulate(specOf(sug, 0)).loss[0]!);
    expect(simulate(specOf(sug, 2)).loss[60]!).toBeGreaterThan(1e6);
  });

  it('grades the engine’s answer right and the others wrong', () => {
    const f = finderFacts(LAMBDA, KAPPA, false);
    expect(f.stop.ratio).toBeGreaterThan(2);
    const truth = stopBand(f.stop.ratio);
    expect(truth).toBe('far');
    if (lesson.question.kind !== 'choice') throw new Error('expected a choice question');
    expect(lesson.question.grade('far').correct).toBe(true);
    expect(lesson.question.grade('near').correct).toBe(false);
    expect(lesson.question.grade('before').correct).toBe(false);
    expect(lesson.question.grade('far').truth).toContain(f.stop.ratio.toPrecision(3));
  });
});
