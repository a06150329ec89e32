import { describe, expect, it } from 'vitest';
import { classifyRun, createOptimizer, createSurface, OPTIMIZER_DEFAULTS, parseRunSpec, simulate, type AdamSpec, type RunSpec, type SimResult } from '../../src/engine';
import { plainSpec } from '../../src/engine/analysis/adam-steps';
import { BOWL, BOWL_START, DECAY, HOVER_ALPHAS, ROTATION, rotatedStart, rotatedValley } from '../../src/engine/analysis/adam-sweeps';
import { grade, lesson } from '../../src/lessons/content/adam-and-adaptive-steps';
import { specOf } from '../../src/lessons/preset';
import { MAX_LAB_STEPS } from '../../src/state/doc';
import { B_INF, decayData, firstStepData, hoverData, questionData, rotationData } from '../../src/lessons/ui/adam-data';

const doc = (id: string) => lesson.experiments.find((e) => e.id === id)!.doc();
const at = (r: SimResult, k: number): [number, number] => [r.w[2 * k]!, r.w[2 * k + 1]!];
const dist = (r: SimResult, k: number, c: readonly number[] = [0, 0]) => Math.hypot(r.w[2 * k]! - c[0]!, r.w[2 * k + 1]! - c[1]!);
/** H of a quadratic spec written out here: R(θ)ᵀ diag(λ1, λ2) R(θ). */
const hessian = (l1: number, l2: number, th: number) => {
  const c = Math.cos(th);
  const s = Math.sin(th);
  return { xx: l1 * c * c + l2 * s * s, xy: (l2 - l1) * c * s, yy: l1 * s * s + l2 * c * c };
};
/** Torch's default betas, written out (not imported). */
const B1 = 0.9;
const B2 = 0.999;

describe('lesson 5: Adam and adaptive steps', () => {
  it('every experiment is a valid run spec for every run, within the lab’s step limit', () => {
    for (const e of lesson.experiments) {
      const d = e.doc();
      expect(d.steps).toBeLessThanOrEqual(MAX_LAB_STEPS);
      d.runs.forEach((_, i) => expect(parseRunSpec(specOf(d, i)).ok, `${e.id} run ${i + 1}`).toBe(true));
    }
  });

  it('the first Adam step is −α·g/(|g| + ε) per coordinate exactly, and ≈ −α·sign(g)', () => {
    const cases: { spec: RunSpec; label: string }[] = [{ spec: specOf(doc('first'), 0), label: 'the lesson’s start' }];
    const betas: [number, number][] = [[0.9, 0.999], [0.5, 0.9], [0, 0.99], [0.99, 0.9999]];
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 8 - 4;
    for (let n = 0; n < 40; n++) {
      const surface = { kind: 'quadratic' as const, eigenvalues: [Math.abs(rand()) + 0.01, 10 * Math.abs(rand()) + 0.01] as [number, number], angle: rand(), center: [rand(), rand()] as [number, number] };
      const o: AdamSpec = { ...OPTIMIZER_DEFAULTS.adam, betas: betas[n % 4]!, lr: 10 ** (rand() / 2), kind: n % 2 ? 'adam' : 'adamw', weightDecay: 0 };
      cases.push({ spec: plainSpec(surface, [rand(), rand()], 1, o), label: `case ${n}` });
    }
    for (const { spec, label } of cases) {
      const { eigenvalues: [l1, l2], angle, center } = spec.surface as typeof BOWL;
      const h = hessian(l1, l2, angle);
      const dx = spec.start[0] - center[0];
      const dy = spec.start[1] - center[1];
      const g = [h.xx * dx + h.xy * dy, h.xy * dx + h.yy * dy];
      const { lr, eps } = spec.optimizer as AdamSpec;
      const r = simulate({ ...spec, steps: 1 });
      for (let i = 0; i < 2; i++) {
        const step = r.w[2 + i]! - r.w[i]!;
        const closed = (-lr * g[i]!) / (Math.abs(g[i]!) + eps);
        expect(Math.abs(step - closed), `${label} coordinate ${i}`).toBeLessThanOrEqual(1e-12 * lr);
        expect(Math.abs(step + lr * Math.sign(g[i]!))).toBeLessThanOrEqual((lr * eps) / Math.abs(g[i]!) + 1e-12 * lr);
      }
    }
    const s = firstStepData();
    s.engine.forEach((x, i) => expect(x).toBeCloseTo(-0.1 * Math.sign(s.g[i]!), 8));
    // GD's first step is tilted towards the steep coordinate; Adam's is a diagonal.
    expect(Math.abs(s.gd[1] / s.gd[0])).toBeGreaterThan(5);
    expect(Math.abs(s.engine[1] / s.engine[0])).toBeCloseTo(1, 6);
  });

  it('along the axes Adam ignores the conditioning: the κ = 100 valley’s path is the round bowl’s (to ε)', () => {
    const path = (kappa: number) => simulate(plainSpec(rotatedValley(0, kappa), rotatedStart(0), 3000, { kind: 'adam', lr: ROTATION.lr }));
    const round = path(1);
    for (const kappa of [10, 100, 1000]) {
      const r = path(kappa);
      let worst = 0;
      for (let k = 0; k < r.length; k++) worst = Math.max(worst, Math.hypot(r.w[2 * k]! - round.w[2 * k]!, r.w[2 * k + 1]! - round.w[2 * k + 1]!));
      expect(worst, `κ = ${kappa}`).toBeLessThan(1e-7);
    }
    const rot = rotationData();
    expect(rot.rows[0]!.adam).toBe(rot.round);
  });

  it('rotation hurts Adam: steps to a 10⁴-fold shrink grow from θ = 0 to 45°, while GD’s stay at the closed form', () => {
    const { rows, gdClosed } = rotationData();
    const rho = (ROTATION.kappa - 1) / (ROTATION.kappa + 1);
    const closed = Math.ceil(Math.log(1e-4) / Math.log(rho));
    expect(ROTATION.shrink).toBe(1e-4);
    expect(gdClosed).toBe(closed);
    for (const r of rows) expect(r.gd, `GD at ${r.deg}°`).toBe(closed);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.adam!, `${rows[i]!.deg}°`).toBeGreaterThan(rows[i - 1]!.adam!);
    const [first, last] = [rows[0]!, rows[rows.length - 1]!];
    expect(first.deg).toBe(0);
    expect(last.deg).toBe(45);
    expect(first.adam!).toBeLessThan(closed);
    expect(last.adam!).toBeGreaterThan(3 * first.adam!);
    expect(last.adam!).toBeGreaterThan(closed);
    // The two lab presets are the sweep's ends, and the counts are read off runs of them.
    const count = (r: SimResult) => { for (let k = 0; k < r.length; k++) if (dist(r, k) <= 1e-4 * dist(r, 0)) return k; return null; };
    expect(count(simulate(specOf(doc('aligned'), 0)))).toBe(first.adam);
    expect(count(simulate(specOf(doc('rotated'), 0)))).toBe(last.adam);
    expect(doc('rotated').surface).toEqual(rotatedValley(45));
  });

  it('no Adam step exceeds α·Bₜ (Cauchy–Schwarz), and gradients growing by β₂/β₁ per step reach it', () => {
    const r2 = (B1 * B1) / B2;
    const bound = (t: number) => ((1 - B1) * Math.sqrt(1 - B2 ** t) / ((1 - B1 ** t) * Math.sqrt(1 - B2))) * Math.sqrt((1 - r2 ** t) / (1 - r2));
    expect(B_INF).toBeCloseTo((1 - B1) / Math.sqrt((1 - B2) * (1 - r2)), 12);
    expect(B_INF).toBeCloseTo(7.27, 2);
    for (const lr of [0.5, 3]) {
      const r = simulate(plainSpec(BOWL, BOWL_START, 3000, { kind: 'adam', lr }));
      for (let k = 0; k + 1 < r.length; k++) {
        for (let i = 0; i < 2; i++) expect(Math.abs(r.w[2 * (k + 1) + i]! - r.w[2 * k + i]!)).toBeLessThanOrEqual(lr * bound(k + 1) * (1 + 1e-12));
      }
    }
    const opt = createOptimizer({ ...OPTIMIZER_DEFAULTS.adam, kind: 'adam', lr: 1, eps: 0 }, 1);
    const p = new Float64Array(1);
    for (let t = 1; t <= 150; t++) {
      const before = p[0]!;
      opt.step(p, Float64Array.of((B2 / B1) ** t), 1);
      expect(Math.abs(p[0]! - before) / bound(t), `t = ${t}`).toBeCloseTo(1, 9);
    }
  });

  it('too large an α: Adam stays bounded and hovers at a distance ∝ α; GD past 2/λmax overflows', () => {
    const q = simulate(specOf(doc('question'), 0));
    expect(q.stoppedAt).toBeNull();
    expect(classifyRun(createSurface(BOWL), q)).not.toBe('diverging');
    const gd = simulate(specOf(doc('question'), 1));
    expect(gd.nonFinite).not.toBeNull();
    expect(classifyRun(createSurface(BOWL), gd)).toBe('diverging');
    const rows = hoverData();
    expect(rows.map((r) => r.lr)).toEqual([...HOVER_ALPHAS]);
    for (let i = 0; i < rows.length; i++) {
      const { lr, adam, gd: g } = rows[i]!;
      expect(adam.stoppedAt).toBeNull();
      expect(adam.verdict).toBe('hovers');
      expect(adam.largest).toBeLessThanOrEqual(B_INF * lr);
      expect(g.verdict).toBe(lr < 2 / 10 ? 'converges' : 'diverges');
      if (i > 0) expect(adam.late).toBeGreaterThan(rows[i - 1]!.adam.late);
    }
    const ratios = rows.map((r) => r.adam.late / r.lr);
    expect(Math.max(...ratios) / Math.min(...ratios)).toBeLessThan(1.25);
  });

  it('Adam closes in far past machine precision, then √v̂ has shrunk enough that it is thrown back out', () => {
    const r = simulate(plainSpec(BOWL, BOWL_START, 12000, { kind: 'adam', lr: 0.1 }));
    let closest = Infinity;
    let at = 0;
    for (let k = 0; k < r.length; k++) if (dist(r, k) < closest) [closest, at] = [dist(r, k), k];
    expect(closest).toBeLessThan(1e-30);
    let after = 0;
    for (let k = at; k < r.length; k++) after = Math.max(after, dist(r, k));
    expect(after).toBeGreaterThan(1e-3);
  });

  it('weight decay: GD + L2 and Adam + L2 end at (H + wd·I)⁻¹Hc; AdamW ends elsewhere, where its decay balances its step', () => {
    const { wd, surface } = DECAY;
    const [l1, l2] = surface.eigenvalues;
    const [cx, cy] = surface.center;
    expect(surface.angle).toBe(0);
    const l2End = [(l1 * cx) / (l1 + wd), (l2 * cy) / (l2 + wd)];
    const d = doc('decay');
    const runs = [0, 1, 2].map((i) => simulate(specOf(d, i)));
    const last = d.steps;
    const [adam, adamw, gd] = runs.map((r) => at(r, last));
    for (let i = 0; i < 2; i++) {
      expect(Math.abs(gd![i]! - l2End[i]!)).toBeLessThan(1e-6);
      expect(Math.abs(adam![i]! - l2End[i]!)).toBeLessThan(1e-6);
    }
    expect(Math.hypot(adamw![0] - l2End[0]!, adamw![1] - l2End[1]!)).toBeGreaterThan(0.1);
    expect(Math.hypot(adamw![0] - cx, adamw![1] - cy)).toBeGreaterThan(0.1);
    // Replay AdamW's √v̂ from its points with the gradient written out here, then the balance point.
    const r = runs[1]!;
    const v = [0, 0];
    for (let t = 1; t <= last; t++) {
      const g = [l1 * (r.w[2 * (t - 1)]! - cx), l2 * (r.w[2 * (t - 1) + 1]! - cy)];
      for (let i = 0; i < 2; i++) v[i] = B2 * v[i]! + (1 - B2) * g[i]! ** 2;
    }
    const root = v.map((x) => Math.sqrt(x / (1 - B2 ** last)));
    const predicted = [(l1 * cx) / (l1 + wd * (root[0]! + 1e-8)), (l2 * cy) / (l2 + wd * (root[1]! + 1e-8))];
    for (let i = 0; i < 2; i++) expect(Math.abs(adamw![i]! - predicted[i]!)).toBeLessThan(1e-3);
    const shown = decayData();
    for (let i = 0; i < 2; i++) {
      expect(shown.l2Closed[i]).toBeCloseTo(l2End[i]!, 12);
      expect(shown.root[i]).toBeCloseTo(root[i]!, 10);
      expect(shown.adamwPredicted[i]).toBeCloseTo(predicted[i]!, 10);
    }
    // AdamW keeps creeping towards c as √v̂ shrinks.
    const toC = [1000, 2000, 3000].map((k) => dist(r, k, surface.center));
    expect(toC[1]!).toBeLessThan(toC[0]!);
    expect(toC[2]!).toBeLessThan(toC[1]!);
  });

  it('with no gradient, AdamW shrinks a weight by exactly (1 − α·wd) while Adam’s L2 moves it by α·sign(w)', () => {
    const lr = 0.05;
    const wd = 0.01;
    for (const w0 of [3, -0.2]) {
      const p = Float64Array.of(w0);
      createOptimizer({ ...OPTIMIZER_DEFAULTS.adamw, kind: 'adamw', lr, weightDecay: wd }, 1).step(p, Float64Array.of(0), lr);
      expect(p[0]).toBe(w0 * (1 - lr * wd));
      const q = Float64Array.of(w0);
      createOptimizer({ ...OPTIMIZER_DEFAULTS.adam, kind: 'adam', lr, weightDecay: wd }, 1).step(q, Float64Array.of(0), lr);
      expect(q[0]! - w0).toBeCloseTo(-lr * Math.sign(w0), 6);
    }
  });

  it('grades the question against the engine: Adam at α = 0.5 hovers', () => {
    const q = lesson.question;
    if (q.kind !== 'choice') throw new Error('expected a choice question');
    expect(q.grade('hovers').correct).toBe(true);
    expect(q.grade('diverges').correct).toBe(false);
    expect(q.grade('converges').correct).toBe(false);
    expect(grade('hovers').explanation).toMatch(/∞ at step \d+/);
    const { adam } = questionData();
    expect(adam.late).toBeGreaterThan(1e-3 * adam.start);
    expect(adam.late).toBeLessThan(adam.start);
  });
});
