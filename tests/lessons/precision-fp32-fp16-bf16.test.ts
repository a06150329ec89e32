/**
 * The precision lesson's claims, each checked against IEEE constants, hand reasoning about ∞ and
 * NaN, GD's closed form or ulp arithmetic — not against the lesson's helpers alone.
 */
import { describe, expect, it } from 'vitest';
import { EVENT, LOSS_SCALE_DEFAULTS, parseRunSpec, roundTo, simulate, type RunSpec, type SimResult } from '../../src/engine';
import { chainRun, summarize } from '../../src/engine/analysis/prec-chain';
import { stallThreshold } from '../../src/engine/analysis/prec-stall';
import { experiments, lesson, TOLERANCE } from '../../src/lessons/content/precision-fp32-fp16-bf16';
import { specOf } from '../../src/lessons/preset';
import { overflowFacts, scalerFacts, stallFacts, underflowFacts } from '../../src/lessons/ui/prec-facts';
import {
  BAD_SCALE, BAD_STEP, DEMO_INTERVAL, GRAD_SCALER, OVERFLOW, PURE_BF16, QUESTION_CENTER, SCALER, SPIKE_BOWL, SPIKE_LR, SPIKE_START,
  STALL, STALL_CENTER, STALL_LR, STALL_STEPS, TINY_LR, TINY_START, TINY_STEPS, UNDERFLOW,
} from '../../src/lessons/ui/prec-presets';

const at = (r: SimResult, k: number): [number, number] => [r.w[2 * k]!, r.w[2 * k + 1]!];
const end = (r: SimResult) => at(r, r.length - 1);
/** H of the spike bowl from its definition R(θ)ᵀdiag(λ)R(θ), written out here. */
const [l1, l2] = SPIKE_BOWL.eigenvalues;
const [c, s] = [Math.cos(SPIKE_BOWL.angle), Math.sin(SPIKE_BOWL.angle)];
const H = { xx: l1 * c * c + l2 * s * s, xy: (l2 - l1) * c * s, yy: l1 * s * s + l2 * c * c };

describe('precision lesson: the presets', () => {
  it('every experiment is a valid run spec, and the question’s experiment is one of them', () => {
    for (const e of experiments) {
      const d = e.doc();
      d.runs.forEach((_, i) => expect(parseRunSpec(specOf(d, i)).ok, `${e.id} run ${i + 1}`).toBe(true));
    }
    expect(experiments.map((e) => e.id)).toContain(lesson.question.experiment);
  });

  it('GradScaler’s constants are torch’s defaults, and the demo’s growth interval is shorter (and says so)', () => {
    expect(GRAD_SCALER).toEqual({ ...LOSS_SCALE_DEFAULTS });
    expect(GRAD_SCALER).toEqual({ init: 65536, growthFactor: 2, backoffFactor: 0.5, growthInterval: 2000 });
    expect(specOf(SCALER).precision?.lossScale?.growthInterval).toBe(DEMO_INTERVAL);
    expect(experiments.find((e) => e.id === 'scaler')!.label).toContain(`growthInterval ${DEMO_INTERVAL}`);
  });
});

describe('overflow: a 100× bad batch gives FP16 ∞, then NaN; BF16 survives', () => {
  const fp16 = specOf(OVERFLOW, 0);

  it('at the bad step one gradient component exceeds 65504 and the other does not, so the engine stops on a +∞ gradient', () => {
    const r = simulate(fp16);
    const [x, y] = at(r, BAD_STEP); // the record keeps w at the stopping step
    const gx = BAD_SCALE * (H.xx * x + H.xy * y), gy = BAD_SCALE * (H.xy * x + H.yy * y);
    expect(gy).toBeGreaterThanOrEqual(65520); // rounds to ∞ in binary16
    expect(Math.abs(gx)).toBeLessThan(65504);
    expect(r.nonFinite).toEqual({ step: BAD_STEP, what: 'gradient', value: Infinity });
    expect(r.stoppedAt).toBe(BAD_STEP);
  });

  it('the chain replays the engine exactly up to the stop', () => {
    const r = simulate(fp16);
    const chain = chainRun(fp16, BAD_STEP + 4);
    for (let k = 0; k <= BAD_STEP; k++) {
      expect(chain[k]!.w).toEqual(at(r, k));
      expect(chain[k]!.loss).toBe(r.loss[k]);
    }
  });

  it('then, by the rules of ∞: y = y − α·∞ = −∞; loss +∞ and g = (−∞, −∞); −∞ − α·(−∞) = NaN; then all NaN', () => {
    expect(-Infinity + Infinity).toBeNaN(); // the one IEEE fact the chain turns on
    const chain = chainRun(fp16, BAD_STEP + 4);
    const [x, y] = chain[BAD_STEP]!.w;
    const gx = roundTo('fp16', BAD_SCALE * (H.xx * x! + H.xy * y!));
    expect(chain[BAD_STEP]!.grad).toEqual([gx, Infinity]);
    const s1 = chain[BAD_STEP + 1]!;
    const x1 = Math.fround(x! - SPIKE_LR * gx);
    expect(s1.w).toEqual([x1, -Infinity]);
    expect(s1.loss).toBe(Infinity); // ½·dy·gy with dy = gy = −∞
    expect(s1.grad).toEqual([-Infinity, -Infinity]); // hxy > 0 and hyy > 0 times −∞; x1 finite
    const s2 = chain[BAD_STEP + 2]!;
    expect(s2.w[0]).toBe(Infinity); // x1 − α·(−∞)
    expect(s2.w[1]).toBeNaN(); // −∞ − α·(−∞)
    expect(s2.loss).toBeNaN();
    for (const st of chain.slice(BAD_STEP + 3)) {
      expect(st.w.every(Number.isNaN)).toBe(true);
      expect(st.grad.every(Number.isNaN)).toBe(true);
    }
    expect(summarize(chain)).toEqual({ firstNonFinite: BAD_STEP, firstInfParam: BAD_STEP + 1, firstNaN: BAD_STEP + 2, allNaN: BAD_STEP + 3 });
    expect(overflowFacts().summary).toEqual(summarize(chain));
  });

  it('float64 follows GD’s closed form with one step of 100α at the bad step', () => {
    const r = simulate(specOf(OVERFLOW, 2));
    const v1 = [c, -s], v2 = [s, c];
    const a1 = SPIKE_START[0] * v1[0]! + SPIKE_START[1] * v1[1]!, a2 = SPIKE_START[0] * v2[0]! + SPIKE_START[1] * v2[1]!;
    const K = r.length - 1;
    const e = (a: number, l: number) => a * (1 - SPIKE_LR * l) ** (K - 1) * (1 - BAD_SCALE * SPIKE_LR * l);
    const [e1, e2] = [e(a1, l1), e(a2, l2)];
    const want = [e1 * v1[0]! + e2 * v2[0]!, e1 * v1[1]! + e2 * v2[1]!];
    expect(end(r)[0]).toBeCloseTo(want[0]!, 9);
    expect(end(r)[1]).toBeCloseTo(want[1]!, 9);
  });

  it('BF16 stores the bad gradient finitely, spikes, recovers, and ends within 10 % of float64', () => {
    const f = overflowFacts();
    expect(f.bf16.nonFinite).toBeNull();
    expect(f.bf16Bad.every(Number.isFinite)).toBe(true);
    expect(f.bf16Bad[1]).toBe(roundTo('bf16', f.bf16Bad[1]!));
    expect(f.peakStep).toBe(BAD_STEP + 1);
    expect(f.peak).toBeGreaterThan(10 * f.bf16.loss[BAD_STEP]!);
    expect(f.recovered).toBeGreaterThan(BAD_STEP + 1);
    expect(f.bf16End).toBeLessThan(f.bf16.loss[0]! * 1e-4);
    expect(Math.abs(f.bf16End / f.f64End - 1)).toBeLessThan(0.1);
    // The usual gradient is 1/100 of the bad one (the bad batch multiplies it).
    expect(f.usual * BAD_SCALE).toBeCloseTo(f.rawBad, 6);
  });

  it('the chain helper refuses runs whose arithmetic it does not replay', () => {
    expect(() => chainRun({ ...fp16, precision: { ...fp16.precision!, lossScale: GRAD_SCALER } })).toThrow();
    expect(() => chainRun({ ...fp16, clip: { maxNorm: 1 } })).toThrow();
  });
});

describe('underflow: FP16 flushes tiny gradients; loss scaling brings them back', () => {
  const lambda = 1e-6;

  it('FP16 stores 2e-7 as the subnormal 3·2⁻²⁴ and its loss 2.5e-8 as 0', () => {
    const f = underflowFacts();
    expect(f.g0).toBeCloseTo(lambda * TINY_START[0], 20);
    expect(f.g0fp16.stored).toBe(3 * 2 ** -24); // 2e-7 / 2⁻²⁴ = 3.36 → 3
    expect(f.g0fp16.outcome).toBe('subnormal');
    expect(f.trueLoss0).toBeCloseTo(0.5 * lambda * (0.04 + 0.01), 20);
    expect(f.trueLoss0).toBeLessThan(2 ** -25);
    expect(f.fp16Loss0).toBe(0);
  });

  it('without scaling x stops once λ|x| ≤ 2⁻²⁵, its last move one subnormal step α·2⁻²⁴', () => {
    const f = underflowFacts();
    const limit = 2 ** -25 / lambda;
    expect(f.flushDistance).toBe(limit);
    expect(f.fp16End).toBeLessThanOrEqual(limit);
    expect(f.fp16End).toBeGreaterThan(limit - TINY_LR * 2 ** -24 * (1 + 1e-6));
    expect(f.stall.step).toBeLessThan(TINY_STEPS);
    for (let k = f.stall.step; k < f.fp16.length; k++) expect(f.fp16.gradNorm[k]).toBe(0);
  });

  it('with GradScaler (2¹⁶, no overflow) and in BF16 the run follows GD’s (1 − αλ)^k to 1 %', () => {
    const f = underflowFacts();
    const gd = TINY_START[0] * (1 - TINY_LR * lambda) ** TINY_STEPS;
    expect(f.scaledOverflows).toBe(0);
    expect(f.scale).toBe(2 ** 16);
    expect(Math.abs(f.scaledEnd / gd - 1)).toBeLessThan(0.01);
    expect(Math.abs(f.bf16End / gd - 1)).toBeLessThan(0.01);
    expect(f.fp16End / gd).toBeGreaterThan(10);
    expect(specOf(UNDERFLOW, 1).precision?.lossScale).toEqual(GRAD_SCALER);
  });
});

describe('dynamic loss scaling', () => {
  it('the recorded scale is GradScaler’s rule replayed on the recorded overflows: ×½ and skip, ×2 after 25 clean steps', () => {
    const { r, scale, skipped } = scalerFacts();
    let S = GRAD_SCALER.init, clean = 0;
    for (let k = 0; k < r.length; k++) {
      expect(scale[k], `step ${k}`).toBe(S);
      const overflow = !Number.isFinite(r.gradNorm[k]!);
      expect(((r.events![k]! & EVENT.overflow) !== 0)).toBe(overflow);
      expect(((r.events![k]! & EVENT.skipped) !== 0)).toBe(overflow);
      if (overflow) { S *= 0.5; clean = 0; } else if (++clean === DEMO_INTERVAL) { S *= 2; clean = 0; }
      // A clean step's scaled gradient fits in FP16: its largest component ≥ ‖g‖/√2 is below 65520.
      if (!overflow) expect((r.gradNorm[k]! * scale[k]!) / Math.SQRT2).toBeLessThan(65520);
    }
    expect(skipped.length).toBeGreaterThan(3);
    expect(skipped.slice(0, 3)).toEqual([0, 1, 2]); // 2¹⁶ → 2¹³ before the first step is taken
    // A skipped step leaves w alone.
    for (const k of skipped) if (k + 1 < r.length) expect(at(r, k + 1)).toEqual(at(r, k));
  });

  it('after the start the scale keeps probing: it grows and is cut back again more than once', () => {
    const { log2, skipped } = scalerFacts();
    const later = skipped.filter((k) => k > 2);
    expect(later.length).toBeGreaterThanOrEqual(5);
    for (const k of later) expect(log2[k + 1]).toBe(log2[k]! - 1);
  });
});

describe('stagnation in BF16 weights: α·λ·|w − c| ≤ ulp(w)/2', () => {
  const bf = (center: number) => simulate({ ...specOf(STALL, 0), surface: { ...specOf(STALL, 0).surface, center: [center, center] } as RunSpec['surface'] });

  for (const [center, binadeLo] of [[STALL_CENTER, 2], [QUESTION_CENTER, 4]] as const) {
    it(`c = ${center}: x stops within one ulp below c − ulp/(2αλ), ulp = 2^(e − 7) in [${binadeLo}, ${2 * binadeLo})`, () => {
      const gap = binadeLo * 2 ** -7; // 8-bit significand: 2^(e − 8 + 1)
      const dStar = gap / (2 * STALL_LR);
      expect(center - dStar).toBeGreaterThanOrEqual(binadeLo); // the stall is in that binade
      expect(stallThreshold('bf16', STALL_LR, 1, center, 0)).toBe(center - dStar);
      const r = bf(center);
      const x = end(r)[0];
      expect(center - x).toBeLessThanOrEqual(dStar);
      expect(center - x).toBeGreaterThan(dStar - gap);
      expect(roundTo('bf16', x + STALL_LR * (center - x))).toBe(x); // the next update rounds away
      const f = stallFacts(center);
      expect(f.distance).toBe(center - x);
      expect(f.predicted).toBe(dStar);
      expect(f.stall.step).toBeLessThan(STALL_STEPS / 2);
    });
  }

  it('pure FP32 and FP32 master weights get within ulp_fp32(c)/(2αλ) = 2⁻²²/0.02 of 3', () => {
    const f = stallFacts(STALL_CENTER);
    const bound = 2 ** -22 / (2 * STALL_LR);
    for (const d of [f.masterEnd, f.fp32End]) {
      expect(d).toBeLessThanOrEqual(bound);
      expect(d).toBeGreaterThanOrEqual(0);
    }
    expect(f.distance / f.masterEnd).toBeGreaterThan(1e4);
  });

  it('neither more steps nor loss scaling moves a stalled BF16 weight', () => {
    const base = specOf(STALL, 0);
    const x = end(simulate(base))[0];
    expect(end(simulate({ ...base, steps: 2 * STALL_STEPS }))[0]).toBe(x);
    expect(end(simulate({ ...base, precision: { ...PURE_BF16, lossScale: GRAD_SCALER } }))[0]).toBe(x);
  });
});

describe('the question: the minimum at 6', () => {
  const q = lesson.question;
  if (q.kind !== 'number') throw new Error('expected a number question');

  it('grades the ulp answer 1.5625 right and the naive “same distance” 0.78 wrong', () => {
    const truth = 2 ** -5 / (2 * STALL_LR);
    expect(q.grade(truth).correct).toBe(true);
    expect(q.grade(truth * (1 - TOLERANCE / 2)).correct).toBe(true);
    expect(q.grade(2 ** -6 / (2 * STALL_LR)).correct).toBe(false);
    expect(q.grade(0).correct).toBe(false);
    expect(q.grade(NaN).correct).toBe(false);
    expect(q.grade(truth).truth).toContain('1.5625');
  });
});
