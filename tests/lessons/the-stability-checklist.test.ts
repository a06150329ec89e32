import { describe, expect, it } from 'vitest';
import { classifyRun, createSurface, parseRunSpec, simulate, type RunSpec, type SimResult } from '../../src/engine';
import { CATALOG } from '../../src/lessons/catalog';
import { lesson } from '../../src/lessons/content/the-stability-checklist';
import { specOf } from '../../src/lessons/preset';
import { DECAY } from '../../src/engine/analysis/adam-sweeps';
import { CLIFF_LR, CLIP_NORM, FIX_DECAY, MILD_CUT, stepStats } from '../../src/lessons/ui/checklist-presets';
import { ROWS } from '../../src/lessons/ui/checklist-table';
import { COSINE, PEAK_LR, VALLEY_STEPS } from '../../src/lessons/ui/warmup-presets';

const doc = (id: string) => lesson.experiments.find((e) => e.id === id)!.doc();
const end = (r: SimResult): [number, number] => [r.w[2 * (r.length - 1)]!, r.w[2 * (r.length - 1) + 1]!];

describe('the stability checklist: the table', () => {
  it('has exactly the five rows of the notes, in their order', () => {
    expect(ROWS.map((r) => r.feature)).toEqual(['Architecture', 'Precision', 'Optimizer', 'Clipping', 'Warmup']);
    expect(ROWS.map((r) => r.recommendation)).toEqual([
      expect.stringMatching(/^Pre-LN/), 'BF16', 'AdamW', expect.stringMatching(/norm ≤ 1\.0/), expect.stringMatching(/^1–5 %/),
    ]);
  });

  it('links each row to a lesson that exists, and each button to an experiment of this lesson', () => {
    const slugs = new Set(CATALOG.map((c) => c.slug));
    for (const r of ROWS) {
      if (r.lesson) expect(slugs.has(r.lesson.slug), r.lesson.slug).toBe(true);
      if (r.lesson) expect(CATALOG.find((c) => c.slug === r.lesson!.slug)!.title).toBe(r.lesson.title);
      if (r.experiment) expect(lesson.experiments.some((e) => e.id === r.experiment), r.experiment).toBe(true);
    }
    expect(ROWS.filter((r) => r.experiment).map((r) => r.feature)).toEqual(['Precision', 'Optimizer', 'Clipping', 'Warmup']);
  });

  it('says honestly that the network lessons cover architecture, with no fake experiment', () => {
    const arch = ROWS[0]!;
    expect(arch.experiment).toBeNull();
    expect(arch.lesson).toBeNull();
    expect(arch.tryIt).toContain('the network lessons (pre-LN vs post-LN)');
  });

  it('the precision row opens the precision lesson’s overflow experiment and links that lesson', () => {
    const prec = ROWS[1]!;
    expect(prec.experiment).toBe('bf16');
    expect(prec.lesson).toEqual({ slug: 'precision-fp32-fp16-bf16', title: 'Precision: FP32, FP16, BF16' });
  });
});

describe('the stability checklist: every experiment does what its row says', () => {
  it('every preset is a valid run spec', () => {
    for (const e of lesson.experiments) {
      const d = e.doc();
      d.runs.forEach((_, i) => expect(parseRunSpec(specOf(d, i)).ok, `${e.id} run ${i + 1}`).toBe(true));
    }
  });

  it('clipping: the clipped run never steps further than α·c and converges; the unclipped one is thrown ≥ 10× further', () => {
    const d = doc('clip');
    const clipped = simulate(specOf(d, 0)), raw = simulate(specOf(d, 1));
    expect(specOf(d, 0).clip).toEqual({ maxNorm: 1 });
    expect(specOf(d, 1).clip).toBeNull();
    const c = stepStats(clipped), u = stepStats(raw);
    // closed form: ‖Δw‖ = α‖clip(g)‖ ≤ αc
    for (let k = 1; k < clipped.length; k++) {
      expect(Math.hypot(clipped.w[2 * k]! - clipped.w[2 * k - 2]!, clipped.w[2 * k + 1]! - clipped.w[2 * k - 1]!)).toBeLessThanOrEqual(CLIFF_LR * CLIP_NORM * (1 + 1e-12));
    }
    expect(clipped.nonFinite).toBeNull();
    expect(Math.hypot(...end(clipped))).toBeLessThan(1e-5); // from 2.55 away: converged to the minimum (0, 0)
    expect(u.maxStep).toBeGreaterThanOrEqual(10 * c.maxStep);
    expect(u.minX).toBeLessThan(-3); // thrown past the bowl's far side, from x = 2.5
    expect(c.minX).toBeGreaterThan(-1e-3); // the clipped run never overshoots the minimum at x = 0
  });

  it('precision: the FP16 run’s gradient overflows to +∞ at the bad batch; the BF16 run survives it and converges', () => {
    const d = doc('bf16');
    const fp16 = specOf(d, 0), bf16 = specOf(d, 1);
    expect(fp16.precision?.compute).toBe('fp16');
    expect(bf16.precision?.compute).toBe('bf16');
    expect(fp16.badBatch).toEqual(bf16.badBatch);
    const r16 = simulate(fp16), rb = simulate(bf16);
    // The bad batch multiplies the gradient by its scale; one component then exceeds FP16's 65504.
    const s = fp16.badBatch!.step;
    expect(rb.gradNorm[s]!).toBeGreaterThan(65504);
    expect(r16.nonFinite).toEqual({ step: s, what: 'gradient', value: Infinity });
    expect(rb.nonFinite).toBeNull();
    expect(rb.loss[rb.length - 1]!).toBeLessThan(rb.loss[0]! * 1e-3);
  });

  it('AdamW ends somewhere else than Adam + L2, which ends at the L2 minimum (H + wd·I)⁻¹Hc', () => {
    const d = doc('adamw');
    expect(d.runs.map((r) => r.optimizer.kind)).toEqual(['adam', 'adamw', 'sgd']);
    const adam = end(simulate(specOf(d, 0))), adamw = end(simulate(specOf(d, 1)));
    const [l1, l2] = DECAY.surface.eigenvalues, [c1, c2] = DECAY.surface.center;
    expect(adam[0]).toBeCloseTo((l1 * c1) / (l1 + DECAY.wd), 4);
    expect(adam[1]).toBeCloseTo((l2 * c2) / (l2 + DECAY.wd), 4);
    expect(Math.hypot(adamw[0] - adam[0], adamw[1] - adam[1])).toBeGreaterThan(0.1);
  });

  it('warmup: the warmup run survives and its cold twin diverges; the warmup is 1–5 % of the run', () => {
    const d = doc('warmup');
    const warm = specOf(d, 0), cold = specOf(d, 1);
    const rw = simulate(warm), rc = simulate(cold);
    expect(rw.nonFinite).toBeNull();
    expect(classifyRun(createSurface(warm.surface), rw)).not.toBe('diverging');
    expect(rw.loss[rw.length - 1]!).toBeLessThan(rw.loss[0]! * 1e-3);
    expect(rc.nonFinite).not.toBeNull();
    const share = COSINE.warmupSteps / VALLEY_STEPS;
    expect(share).toBeGreaterThanOrEqual(0.01);
    expect(share).toBeLessThanOrEqual(0.05);
  });
});

describe('the stability checklist: the question is graded by the engine', () => {
  const q = lesson.question;
  if (q.kind !== 'choice') throw new Error('expected a choice question');
  const cold = specOf(doc('warmup'), 1);
  const variants: Record<string, RunSpec> = {
    clip: { ...cold, clip: { maxNorm: 1 } },
    warmup: { ...cold, schedule: COSINE },
    tenth: { ...cold, optimizer: { ...cold.optimizer, lr: PEAK_LR / 10 } },
    mild: { ...cold, optimizer: { ...cold.optimizer, lr: PEAK_LR / MILD_CUT } },
    decay: { ...cold, optimizer: { ...cold.optimizer, weightDecay: FIX_DECAY } },
  };

  it('the question preset is the cold start plus the five fixes', () => {
    const d = doc('question');
    expect(specOf(d, 0)).toEqual(cold);
    expect(q.options.map((o) => o.value)).toEqual(Object.keys(variants));
    q.options.forEach((o, i) => expect(specOf(d, i + 1)).toEqual(variants[o.value]));
  });

  it('accepts exactly the fixes that survive when run: clip at 1, warmup, α/10; rejects α/1.5 and weight decay', () => {
    expect(simulate(cold).nonFinite).not.toBeNull();
    for (const [v, spec] of Object.entries(variants)) {
      const survives = simulate(spec).nonFinite === null;
      expect(q.grade(v).correct, v).toBe(survives);
    }
    expect(q.grade('clip').correct).toBe(true);
    expect(q.grade('warmup').correct).toBe(true);
    expect(q.grade('tenth').correct).toBe(true);
    expect(q.grade('mild').correct).toBe(false);
    expect(q.grade('decay').correct).toBe(false);
    expect(q.grade('nonsense').correct).toBe(false);
  });
});
