import { describe, expect, it } from 'vitest';
import { createSurface, simulate, type SimResult } from '../../src/engine';
import { clipCoef, escapes, longestStep, stepLengths } from '../../src/engine/analysis/clip-steps';
import { lesson } from '../../src/lessons/content/exploding-gradients-and-clipping';
import { specOf } from '../../src/lessons/preset';
import { clipFacts, NEARBY_LR, PEAK } from '../../src/lessons/ui/clip-facts';
import { CLIFF, LOOSE, LR, MAX_NORM, QUESTION, SIDE_BY_SIDE } from '../../src/lessons/ui/clip-presets';

const surface = createSurface(CLIFF);
const pair = () => [simulate(specOf(SIDE_BY_SIDE, 0)), simulate(specOf(SIDE_BY_SIDE, 1))] as const;
const at = (r: SimResult, k: number): [number, number] => [r.w[2 * k]!, r.w[2 * k + 1]!];
const grad = (p: [number, number]) => { const g = new Float64Array(2); surface.gradient(p[0], p[1], g); return g; };

describe('exploding gradients and clipping: the cliff', () => {
  it('the face gradient peaks at h·s/4 = 125 at x = x0 (closed form), over 100× the bowl gradient there', () => {
    expect(PEAK).toBe(125);
    expect(Math.hypot(...grad([1, 0]))).toBeCloseTo(1 + 125, 9);
    // The face is ~4/s wide: at |x − x0| = 2/s the cliff term is h·s·σ(2)(1 − σ(2)) ≈ 0.42·h·s/4.
    const sig2 = 1 / (1 + Math.exp(-2));
    expect(grad([1 + 2 / 50, 0])[0]! - (1 + 2 / 50)).toBeCloseTo(10 * 50 * sig2 * (1 - sig2), 9);
    expect(grad([1 + 2 / 50, 0])[0]! - (1 + 2 / 50)).toBeLessThan(0.43 * PEAK);
    expect(PEAK).toBeGreaterThan(100 * 1);
  });

  it('the side-by-side experiment is one preset with the unclipped run and its clipped twin', () => {
    expect(SIDE_BY_SIDE.runs).toHaveLength(2);
    expect(SIDE_BY_SIDE.runs[0]!.clip).toBeNull();
    expect(SIDE_BY_SIDE.runs[1]!.clip).toEqual({ maxNorm: 1 });
    expect(lesson.experiments.map((e) => e.id)).toContain(lesson.question.experiment);
  });
});

describe('the unclipped run is thrown off the cliff', () => {
  it('its largest step is taken on the face, where ‖g‖ is a large fraction of h·s/4, and is α‖g‖ long', () => {
    const [raw] = pair();
    const j = longestStep(raw);
    expect(Math.abs(j.from[0] - CLIFF.position)).toBeLessThan(2 / CLIFF.steepness);
    expect(j.gradNorm).toBeGreaterThan(0.75 * PEAK);
    expect(j.gradNorm).toBeLessThanOrEqual(PEAK + 2);
    expect(j.length).toBeCloseTo(LR * j.gradNorm, 9); // plain SGD: step = α‖g‖
    expect(j.length).toBeGreaterThan(8);
  });

  it('it leaves the view box, and its largest step is > 10× the clipped run’s', () => {
    const [raw, clipped] = pair();
    expect(escapes(raw, surface.viewBox).left).toBe(true);
    expect(longestStep(raw).to[0]).toBeLessThan(surface.viewBox.xMin);
    expect(longestStep(raw).length).toBeGreaterThan(10 * longestStep(clipped).length);
    expect(longestStep(raw).gradNorm / MAX_NORM).toBeGreaterThan(50); // ‖g‖ at the cliff step ≫ maxNorm
    // The bowl is convex on that side, so it walks back ("on this convex bowl it walks back").
    expect(Math.hypot(...at(raw, raw.length - 1))).toBeLessThan(1e-3);
  });

  it('landing on the face is luck: at α = 0.08 the same start steps over it', () => {
    const f = clipFacts();
    expect(f.nearby.jump.gradNorm).toBeLessThan(0.1 * PEAK);
    expect(f.nearby.jump.length).toBeLessThan(1);
    expect(NEARBY_LR).toBe(0.08);
  });
});

describe('the clipped twin survives', () => {
  it('every step has length ≤ α·maxNorm (up to torch’s 1e-6), with the closed-form length α·‖g‖·min(1, c/(‖g‖+1e-6))', () => {
    const [, clipped] = pair();
    const lens = stepLengths(clipped);
    for (let k = 0; k < lens.length; k++) {
      expect(lens[k]!).toBeLessThanOrEqual(LR * MAX_NORM * (1 + 1e-12));
      const g = clipped.gradNorm[k]!;
      expect(lens[k]!).toBeCloseTo(LR * g * Math.min(1, MAX_NORM / (g + 1e-6)), 12);
    }
  });

  it('clipping leaves the direction unchanged: each step is a positive multiple of −g', () => {
    const [, clipped] = pair();
    for (let k = 0; k < clipped.length - 1; k++) {
      const g = grad(at(clipped, k));
      const p = at(clipped, k);
      const q = at(clipped, k + 1);
      const d = [q[0] - p[0], q[1] - p[1]];
      const gn = Math.hypot(g[0]!, g[1]!);
      const dn = Math.hypot(d[0]!, d[1]!);
      if (gn < 1e-9) continue;
      expect(Math.abs(d[0]! * g[1]! - d[1]! * g[0]!) / (gn * dn)).toBeLessThan(1e-9);
      expect(d[0]! * g[0]! + d[1]! * g[1]!).toBeLessThan(0);
    }
  });

  it('it crosses the face (‖g‖ ≫ maxNorm there), never leaves the view, and ends near the minimum at the origin', () => {
    const [, clipped] = pair();
    expect(Math.max(...clipped.gradNorm)).toBeGreaterThan(50 * MAX_NORM);
    expect(escapes(clipped, surface.viewBox).left).toBe(false);
    const end = at(clipped, clipped.length - 1);
    expect(Math.hypot(...end)).toBeLessThan(1e-3);
    expect(clipped.loss[clipped.length - 1]!).toBeLessThan(1e-6);
  });

  it('clipCoef matches torch’s formula', () => {
    expect(clipCoef(0.5, 1)).toBe(1);
    expect(clipCoef(100, 1)).toBeCloseTo(1 / (100 + 1e-6), 15);
  });
});

describe('the question: a loose clip at max-norm 20', () => {
  it('retraces the unclipped path until the face, then takes one step of α·20 and stays in view', () => {
    const [raw] = pair();
    const loose = simulate(specOf(QUESTION));
    const k = longestStep(raw).step;
    for (let i = 0; i <= k; i++) expect(at(loose, i)).toEqual(at(raw, i));
    expect(longestStep(loose).step).toBe(k);
    expect(longestStep(loose).length).toBeCloseTo(LR * LOOSE, 6);
    expect(escapes(loose, surface.viewBox).left).toBe(false);
  });

  it('grades a right and a wrong answer against the engine', () => {
    const q = lesson.question;
    if (q.kind !== 'choice') throw new Error('expected a choice question');
    expect(q.grade('stays').correct).toBe(true);
    expect(q.grade('thrown').correct).toBe(false);
    expect(q.grade('stays').explanation).toMatch(/α·20 = 1\.8/);
  });
});
