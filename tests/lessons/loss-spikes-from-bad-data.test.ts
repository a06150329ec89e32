/**
 * Loss spikes from bad data: every claim of the lesson against the Rosenbrock/quadratic closed forms,
 * IEEE arithmetic worked by hand, and the guard's rule recomputed from the record.
 */
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EVENT, createOptimizer, createSurface, parseRunSpec, simulate, type RunSpec } from '../../src/engine';
import { bowlForecast, lambdaMaxAt, lambdaPath, pointAt, spikeReport } from '../../src/engine/analysis/spike-outlier';
import { StateShadow, health, poisonTrace } from '../../src/engine/analysis/spike-poison';
import { fmt } from '../../src/ui/format';
import { lesson, questionTruth } from '../../src/lessons/content/loss-spikes-from-bad-data';
import { specOf } from '../../src/lessons/preset';
import { SpikeBody, bodyFacts } from '../../src/lessons/ui/spike-body';
import { TABLE_BATCHES, TABLE_GUARDS, cellOutcome, outlierFacts } from '../../src/lessons/ui/spike-facts';
import {
  BOWL_CASE, bowlSpec, DESTROYS, LR, NAN_FILTER, NAN_STEP, OUTLIERS, POISON_OPTIMIZERS, RECOVERS, SCALES, SKIP, SKIP_RULE, STEP, STEP_RANGE,
  nonFinite, outlier, runSpec,
} from '../../src/lessons/ui/spike-presets';

/** Rosenbrock a = 1, b = 100 by hand: f, ∇f and the Hessian's λmax. */
const f = (x: number, y: number) => (1 - x) ** 2 + 100 * (y - x * x) ** 2;
const grad = (x: number, y: number): [number, number] => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)];
function lmax(x: number, y: number): number {
  const a = 1200 * x * x - 400 * y + 2, b = -400 * x, c = 200;
  return (a + c) / 2 + Math.sqrt(((a - c) / 2) ** 2 + b * b);
}
const clean = () => simulate(runSpec(null));

describe('an outlier batch is one oversized step', () => {
  it('the bad update is w_s − α·c·∇f(w_s), of length α·c·‖∇f(w_s)‖; before it the run is the clean run', () => {
    const r = simulate(runSpec(outlier(STEP, RECOVERS)));
    const c = clean();
    for (const k of [0, 100, STEP]) expect(pointAt(r, k)).toStrictEqual(pointAt(c, k));
    const [x, y] = pointAt(r, STEP);
    const g = grad(x, y);
    const [x1, y1] = pointAt(r, STEP + 1);
    expect(x1).toBeCloseTo(x - LR * RECOVERS * g[0], 9);
    expect(y1).toBeCloseTo(y - LR * RECOVERS * g[1], 9);
    const rep = spikeReport(runSpec(outlier(STEP, RECOVERS)), r);
    expect(rep.jump).toBeCloseTo(LR * RECOVERS * Math.hypot(...g), 9);
    expect(rep.badNorm).toBeCloseTo(RECOVERS * Math.hypot(...g), 6);
    expect(rep.before).toBeCloseTo(f(x, y), 12);
    expect(rep.after).toBeCloseTo(f(x1, y1), 6);
  });

  it('λmax is the Hessian’s by hand (∂²f/∂x² = 1200x² − 400y + 2), and 2/α is about twice λmax at the minimum', () => {
    const s = createSurface(runSpec(null).surface);
    for (const p of [[1, 1], [0.62, -3.1], [5, -14], [-1.5, 2]] as [number, number][]) {
      expect(lambdaMaxAt(s, p) / lmax(...p)).toBeCloseTo(1, 12);
    }
    expect(lmax(1, 1)).toBeCloseTo(1001.6, 1);
    expect(2 / LR / lmax(1, 1)).toBeGreaterThan(1.99);
    expect(2 / LR / lmax(1, 1)).toBeLessThan(2.01);
  });

  it(`×${RECOVERS} at step ${STEP}: lands under 2/α, the loss jumps over 100× and comes back; no overflow`, () => {
    const rep = outlierFacts(STEP, RECOVERS).report;
    expect(rep.landingLambda).toBeLessThan(2 / LR);
    expect(rep.landingLambda).toBeCloseTo(lmax(...rep.landing!), 6);
    expect(rep.ratio).toBeGreaterThan(100);
    expect(rep.stoppedAt).toBeNull();
    expect(rep.recoveredAfter).not.toBeNull();
    expect(rep.recoveredAfter!).toBeLessThan(30);
  });

  it(`×${DESTROYS} at step ${STEP}: lands at > 10 × 2/α, then every step lands steeper still until the loss overflows`, () => {
    const spec = runSpec(outlier(STEP, DESTROYS));
    const r = simulate(spec);
    const rep = spikeReport(spec, r);
    expect(rep.landingLambda).toBeGreaterThan(10 * 2 / LR);
    expect(r.nonFinite).toStrictEqual({ step: rep.stoppedAt, what: 'loss', value: Infinity });
    expect(rep.stoppedAt! - STEP).toBeLessThan(10);
    const path = lambdaPath(spec, r, STEP + 1).filter(Number.isFinite);
    expect(path.length).toBeGreaterThan(3);
    for (let i = 1; i < path.length; i++) expect(path[i]!).toBeGreaterThan(path[i - 1]!);
  });

  it('over the whole slider grid: landing under 2/α always recovers, over 10 × 2/α always overflows, in between both happen', () => {
    const tally = { below: [0, 0], above: [0, 0], between: [0, 0] };
    for (let s = STEP_RANGE.min; s <= STEP_RANGE.max; s += 70) {
      for (const c of SCALES) {
        const rep = spikeReport(runSpec(outlier(s, c)));
        const t = rep.landingLambda / rep.limit;
        const dead = rep.stoppedAt !== null ? 1 : 0;
        tally[t < 1 ? 'below' : t > 10 ? 'above' : 'between'][dead]!++;
        if (!dead) expect(rep.recoveredAfter, `step ${s} ×${c}`).not.toBeNull();
      }
    }
    expect(tally.below[1]).toBe(0);
    expect(tally.above[0]).toBe(0);
    expect(tally.below[0]).toBeGreaterThan(50);
    expect(tally.above[1]).toBeGreaterThan(10);
    expect(tally.between[0]).toBeGreaterThan(0);
    expect(tally.between[1]).toBeGreaterThan(0);
  });

  it('on the convex bowl the spike is (1 − αcλ₁)² and it is back 1 + ⌈ln|1 − αcλ₁| / −ln(1 − αλ₁)⌉ steps later', () => {
    const { lr, scale } = BOWL_CASE;
    const kick = Math.abs(1 - lr * scale * 1); // λ₁ = 1: |1 − 5| = 4
    expect(kick).toBe(4);
    const back = 1 + Math.ceil(Math.log(4) / -Math.log(0.95)); // 1 + 28
    expect(back).toBe(29);
    const { bowl, forecast } = bodyFacts();
    expect(bowl.ratio).toBeCloseTo(16, 6); // the λ₂ = 10 direction is ~1e-9 by step 30
    expect(bowl.recoveredAfter).toBe(back);
    expect(forecast).toStrictEqual({ ratio: 16, recoveredAfter: 29 });
    expect(bowlForecast(0.05, 1, 1).recoveredAfter).toBe(1);
    // "It costs some progress, nothing more": e₁ is 4/0.95 times the clean run's from then on, so the loss stays
    // (4/0.95)² ≈ 17.7 times the clean loss (a lag of about 28 steps) and never blows up.
    const spec = bowlSpec();
    const bad = simulate(spec);
    const cleanBowl = simulate({ ...spec, badBatch: null });
    expect(bad.stoppedAt).toBeNull();
    expect(bad.loss[bad.length - 1]! / cleanBowl.loss[cleanBowl.length - 1]!).toBeCloseTo((4 / 0.95) ** 2, 6);
  });
});

describe('the skip rule', () => {
  it('its threshold is 10 × the running average (β = 0.9) of the clean norms before the step, recomputed by hand', () => {
    const c = clean();
    let avg = c.gradNorm[0]!;
    for (let k = 1; k < STEP; k++) avg = 0.9 * avg + 0.1 * c.gradNorm[k]!;
    const facts = outlierFacts(STEP, RECOVERS);
    expect(facts.threshold).toBeCloseTo(10 * avg, 9);
    expect(facts.report.badNorm).toBeGreaterThan(facts.threshold);
    expect(facts.guard.skipped).toBe(true);
    // A ×3 batch is well under 10× the average there: it passes.
    const mild = outlierFacts(STEP, 3);
    expect(3 * c.gradNorm[STEP]!).toBeLessThan(10 * avg);
    expect(mild.guard.skipped).toBe(false);
  });

  it('a skipped batch costs exactly one step: the guarded run repeats w_s, then is the clean run one step late', () => {
    const g = simulate(runSpec(outlier(STEP, DESTROYS), SKIP));
    const c = clean();
    expect(g.stoppedAt).toBeNull();
    expect(g.events![STEP]).toBe(EVENT.badBatch | EVENT.skipped);
    expect(pointAt(g, STEP + 1)).toStrictEqual(pointAt(c, STEP));
    for (let k = STEP + 1; k < g.length; k++) expect(g.loss[k]).toBe(c.loss[k - 1]);
    expect(outlierFacts(STEP, DESTROYS).guard.lateBy1).toBe(0);
  });

  it('the fixes table: the ratio rule catches outliers and Inf (∞ > anything) but not NaN; the isfinite filter catches both', () => {
    const cell = (b: string, g: string) => cellOutcome(TABLE_BATCHES.find((x) => x.id === b)!.batch, TABLE_GUARDS.find((x) => x.id === g)!.guard);
    expect(cell('small', 'none')).toMatchObject({ kind: 'recovered' });
    expect(cell('big', 'none')).toMatchObject({ kind: 'stopped', value: Infinity });
    expect(cell('nan', 'none')).toMatchObject({ kind: 'stopped', step: STEP });
    expect(cell('inf', 'none')).toMatchObject({ kind: 'stopped', step: STEP, value: Infinity });
    expect(cell('nan', 'skip')).toMatchObject({ kind: 'stopped', step: STEP });
    expect(NaN > 10 * 1.7).toBe(false);
    expect(Infinity > 10 * 1.7).toBe(true);
    for (const b of ['small', 'big', 'inf']) expect(cell(b, 'skip')).toStrictEqual({ kind: 'skipped', lateBy1: 0 });
    for (const b of ['small', 'big', 'nan', 'inf']) expect(cell(b, 'filter')).toStrictEqual({ kind: 'skipped', lateBy1: 0 });
  });
});

describe('a NaN poisons everything after it', () => {
  const quad = (optimizer: Record<string, unknown>, kind: 'nan' | 'inf', steps = 30): RunSpec => {
    const r = parseRunSpec({ surface: { kind: 'quadratic', eigenvalues: [1, 10], angle: 0, center: [0, 0] }, optimizer, start: [-2, 1.5], steps, badBatch: { step: 10, kind } });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.spec;
  };

  it('the engine stops where it entered: the gradient at step s, with w and the loss still finite', () => {
    const r = simulate(runSpec(nonFinite(NAN_STEP, 'nan')));
    expect(r.stoppedAt).toBe(NAN_STEP);
    expect(r.nonFinite!.what).toBe('gradient');
    expect(Number.isNaN(r.nonFinite!.value)).toBe(true);
    expect(Number.isFinite(r.loss[NAN_STEP]!)).toBe(true);
    expect(pointAt(r, NAN_STEP).every(Number.isFinite)).toBe(true);
    for (const o of POISON_OPTIMIZERS) expect(poisonTrace(runSpec(nonFinite(NAN_STEP, 'nan'), null, o.spec)).entered).toBe(NAN_STEP);
  });

  it('a too-large α looks different: the loss climbs for several steps, then the loss (not the gradient) overflows', () => {
    const r = simulate({ ...runSpec(null), optimizer: { ...runSpec(null).optimizer, lr: 3e-3 } });
    expect(r.nonFinite?.what).toBe('loss');
    const k = r.stoppedAt!;
    for (let i = k - 5; i < k; i++) expect(r.loss[i]!).toBeGreaterThan(r.loss[i - 1]!);
  });

  it('plain SGD, NaN: g_s is NaN; w_{s+1} = w_s − α·NaN is NaN, then f(NaN) and ∇f(NaN) are NaN, for good', () => {
    const t = poisonTrace(quad({ kind: 'sgd', lr: 0.05 }, 'nan'), 40);
    expect(t.entered).toBe(10);
    expect(t.rows[0]).toStrictEqual({ step: 9, w: 'finite', loss: 'finite', g: 'finite', state: [] });
    expect(t.rows[1]).toStrictEqual({ step: 10, w: 'finite', loss: 'finite', g: 'NaN', state: [] });
    for (const row of t.rows.slice(2)) expect([row.w, row.loss, row.g]).toStrictEqual(['NaN', 'NaN', 'NaN']);
    expect(t.rows.at(-1)!.step).toBe(30); // spec.steps caps the trace
  });

  it('plain SGD, Inf: w_{s+1} = w_s − α·∞ = −∞; then ∞ meets 0·∞ or ∞ − ∞ and turns into NaN', () => {
    // Bowl (angle 0, so H's off-diagonal is 0): f and ∇f at w = (−∞, −∞) contain 0·(−∞) = NaN at once.
    const t = poisonTrace(quad({ kind: 'sgd', lr: 0.05 }, 'inf'), 3);
    expect(t.rows.map((r) => [r.step, r.w, r.loss, r.g])).toStrictEqual([
      [9, 'finite', 'finite', 'finite'], [10, 'finite', 'finite', '+∞'], [11, '−∞', 'NaN', 'NaN'], [12, 'NaN', 'NaN', 'NaN'], [13, 'NaN', 'NaN', 'NaN'],
    ]);
    // Rosenbrock: f(−∞, −∞) = (1 + ∞)² + 100(−∞ − ∞)² = +∞, ∂f/∂x = −2(1 − x) − 400x(y − x²) = −∞ − ∞ = −∞,
    // ∂f/∂y = 200(y − x²) = −∞; the next step is −∞ − α·(−∞) = −∞ + ∞ = NaN.
    const r = poisonTrace(runSpec(nonFinite(NAN_STEP, 'inf')), 3);
    expect(r.rows.map((x) => [x.step, x.w, x.loss, x.g])).toStrictEqual([
      [39, 'finite', 'finite', 'finite'], [40, 'finite', 'finite', '+∞'], [41, '−∞', '+∞', '−∞'], [42, 'NaN', 'NaN', 'NaN'], [43, 'NaN', 'NaN', 'NaN'],
    ]);
  });

  it('momentum and Adam: the NaN enters the state at step s itself (b, m, v), and never leaves', () => {
    const mom = poisonTrace(quad({ kind: 'sgd', lr: 0.05, momentum: 0.9 }, 'nan'), 15);
    expect(mom.rows[0]!.state).toStrictEqual([{ name: 'momentum_buffer', health: 'finite' }]);
    for (const r of mom.rows.slice(1)) expect(r.state).toStrictEqual([{ name: 'momentum_buffer', health: 'NaN' }]);
    const adam = poisonTrace(quad({ kind: 'adam', lr: 0.05 }, 'nan'), 15);
    expect(adam.rows[1]!.state).toStrictEqual([{ name: 'exp_avg', health: 'NaN' }, { name: 'exp_avg_sq', health: 'NaN' }]);
    expect(adam.rows[1]!.w).toBe('finite');
    for (const r of adam.rows.slice(2)) expect([r.w, r.loss, r.g, ...r.state.map((s) => s.health)]).toStrictEqual(['NaN', 'NaN', 'NaN', 'NaN', 'NaN']);
    // Inf: m = β₁m + (1 − β₁)·∞ = ∞, v = ∞; the next update is m/√v = ∞/∞ = NaN. Momentum: b = μ·b + ∞ = ∞, w → −∞, then b = μ·∞ + NaN = NaN.
    const adamInf = poisonTrace(quad({ kind: 'adam', lr: 0.05 }, 'inf'), 2);
    expect(adamInf.rows[1]!.state.map((s) => s.health)).toStrictEqual(['+∞', '+∞']);
    expect(adamInf.rows[2]!.w).toBe('NaN');
    const momInf = poisonTrace(quad({ kind: 'sgd', lr: 0.05, momentum: 0.9 }, 'inf'), 2);
    expect(momInf.rows[1]!.state[0]!.health).toBe('+∞');
    expect(momInf.rows[2]).toMatchObject({ w: '−∞', g: 'NaN', state: [{ name: 'momentum_buffer', health: 'NaN' }] });
  });

  it('the state shadow is torch’s state: it predicts every update of the engine’s SGD-momentum and Adam', () => {
    const s = createSurface({ kind: 'rosenbrock', a: 1, b: 100 });
    for (const hp of [POISON_OPTIMIZERS[1].spec, POISON_OPTIMIZERS[2].spec]) {
      const opt = createOptimizer(hp, 2);
      const sh = new StateShadow(hp, 2);
      const w = Float64Array.from([-1.5, 2]);
      const g = new Float64Array(2);
      for (let t = 1; t <= 50; t++) {
        s.valueAndGrad(w, g);
        const before = Float64Array.from(w);
        sh.update(w, g);
        opt.step(w, g, hp.lr);
        for (let i = 0; i < 2; i++) {
          let d: number;
          if (hp.kind === 'sgd') d = hp.lr * sh.value('momentum_buffer')![i]!;
          else if (hp.kind !== 'adam') throw new Error('SGD momentum and Adam only');
          else {
            const [b1, b2] = hp.betas;
            d = (hp.lr / (1 - b1 ** t)) * sh.value('exp_avg')![i]! / (Math.sqrt(sh.value('exp_avg_sq')![i]!) / Math.sqrt(1 - b2 ** t) + hp.eps);
          }
          expect(before[i]! - d).toBeCloseTo(w[i]!, 12);
        }
      }
    }
    expect(health([1, -Infinity, Infinity])).toBe('+∞');
    expect(health([Infinity, NaN])).toBe('NaN');
  });
});

describe('the lesson', () => {
  it('its experiments are the presets the prose describes', () => {
    expect(lesson.experiments.map((e) => e.id)).toContain(lesson.question.experiment);
    const [c, small, big] = [0, 1, 2].map((i) => simulate(specOf(OUTLIERS, i)));
    expect(c!.stoppedAt).toBeNull();
    expect(small!.stoppedAt).toBeNull();
    expect(big!.stoppedAt).not.toBeNull();
    expect(specOf(SKIP_RULE, 1).guard).toStrictEqual({ skipFactor: 10, beta: 0.9, skipNonFinite: false });
    expect(simulate(specOf(SKIP_RULE, 1)).stoppedAt).toBeNull();
    expect(simulate(specOf(NAN_FILTER, 0)).stoppedAt).toBe(NAN_STEP);
    const filtered = simulate(specOf(NAN_FILTER, 1));
    expect(filtered.stoppedAt).toBeNull();
    expect(filtered.events![NAN_STEP]).toBe(EVENT.badBatch | EVENT.skipped);
  });

  it('grades the question against the engine: the NaN passes the skip rule and stops the run', () => {
    const q = lesson.question;
    if (q.kind !== 'choice') throw new Error('expected a choice question');
    expect(questionTruth()).toBe('stops');
    expect(q.grade('stops').correct).toBe(true);
    expect(q.grade('skipped').correct).toBe(false);
    expect(q.grade('recovers').correct).toBe(false);
    expect(q.grade('stops').truth).toContain(`the gradient became NaN at step ${NAN_STEP}`);
  });

  it('renders the engine’s numbers into the page', () => {
    const html = renderToString(createElement(SpikeBody));
    const { small, big } = bodyFacts();
    expect(html).toContain(`the loss overflows at step ${big.stoppedAt}`);
    const text = html.replace(/<!-- -->/g, '');
    expect(text).toContain(`is back ${small.recoveredAfter} steps later`);
    expect(text).toContain(`λmax = ${fmt(big.landingLambda)}`);
    expect(html).toContain(`the gradient became NaN at step ${NAN_STEP}`);
    expect(text).toContain('In all 7 skipped cases the run from step 301 on is the clean run one step late');
    expect(text).toContain('the largest coordinate difference between');
    expect(text).toContain(`(${fmt(bodyFacts().small.endLoss)} against ${fmt(bodyFacts().cleanEnd)})`);
    expect(html).toContain('role="img"');
  });
});
