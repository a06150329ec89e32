/**
 * The training doctor (src/engine/analysis/doctor*.ts): every case is diagnosable — over a thousand
 * seeds each hidden cause shows the symptom it claims and its fix removes it — and each case's
 * settings do what its explanation says, checked against GD's closed form on the bowl and the
 * Rosenbrock Hessian written out here by hand.
 */
import { describe, expect, it } from 'vitest';
import { EVENT, parseRunSpec, simulate, type QuadraticSpec, type RunSpec } from '../../src/engine';
import { CAUSES, caseOf, diagnose, doctorCase, FP16_MAX, type Cause } from '../../src/engine/analysis/doctor';

const SEEDS = 1000;

/** λmax of the Rosenbrock Hessian [[2 − 4b(y − x²) + 8bx², −4bx], [−4bx, 2b]] (a = 1), by the 2×2 formula. */
function rosenLambdaMax(b: number, x: number, y: number): number {
  const p = 2 - 4 * b * (y - x * x) + 8 * b * x * x, q = -4 * b * x, r = 2 * b;
  return (p + r) / 2 + Math.sqrt(((p - r) / 2) ** 2 + q * q);
}

/** GD on a bowl, by hand: the eigen-coordinates of w − c, each multiplied by (1 − αλᵢ) per step. */
function bowlLoss(s: QuadraticSpec, start: [number, number], lr: number, k: number): number {
  const [l1, l2] = s.eigenvalues;
  const dx = start[0] - s.center[0], dy = start[1] - s.center[1];
  const u = dx * Math.cos(s.angle) - dy * Math.sin(s.angle); // along (cos θ, −sin θ)
  const v = dx * Math.sin(s.angle) + dy * Math.cos(s.angle); // along (sin θ, cos θ)
  return 0.5 * (l1 * (u * (1 - lr * l1) ** k) ** 2 + l2 * (v * (1 - lr * l2) ** k) ** 2);
}

const bowl = (spec: RunSpec) => spec.surface as QuadraticSpec;
const lambdaMax = (spec: RunSpec) => Math.max(...bowl(spec).eigenvalues);
const lambdaMin = (spec: RunSpec) => Math.min(...bowl(spec).eigenvalues);

describe('every training-doctor case is diagnosable', () => {
  it(`over seeds 0–${SEEDS - 1}: each case shows its claimed symptom, and its fix makes the run healthy`, () => {
    const seen = new Map<Cause, number>();
    for (let seed = 0; seed < SEEDS; seed++) {
      const c = doctorCase(seed);
      seen.set(c.cause, (seen.get(c.cause) ?? 0) + 1);
      expect(c.symptom, `seed ${seed}`).toBe(CAUSES.find((x) => x.cause === c.cause)!.symptom);
      expect(diagnose(simulate(c.spec)), `seed ${seed} (${c.cause})`).toBe(c.symptom);
      expect(diagnose(simulate(c.fix)), `seed ${seed} (${c.cause}) fixed`).toBe('healthy');
    }
    // The cause is drawn uniformly: every cause appears, about 1000/8 = 125 times each.
    expect([...seen.keys()].sort()).toEqual(CAUSES.map((c) => c.cause).sort());
    for (const [cause, n] of seen) expect(n, cause).toBeGreaterThan(80);
  });

  for (const { cause, symptom } of CAUSES) {
    it(`${cause}: 250 more cases each show "${symptom}", and the fix removes it`, () => {
      for (let seed = 5000; seed < 5250; seed++) {
        const c = caseOf(cause, seed);
        expect(diagnose(simulate(c.spec)), `seed ${seed}`).toBe(symptom);
        expect(diagnose(simulate(c.fix)), `seed ${seed} fixed`).not.toBe(symptom);
      }
    });
  }

  it('a case is a pure function of its seed; spec and fix are valid, normalised run specs', () => {
    for (let seed = 0; seed < 200; seed++) {
      const c = doctorCase(seed);
      expect(doctorCase(seed)).toEqual(c);
      expect(caseOf(c.cause, seed)).toEqual(c);
      for (const s of [c.spec, c.fix]) {
        const p = parseRunSpec(JSON.parse(JSON.stringify(s)));
        expect(p.ok && p.spec).toEqual(s);
      }
      // The fix keeps the surface, the start, the steps and the data.
      expect([c.fix.surface, c.fix.start, c.fix.steps, c.fix.badBatch]).toEqual([c.spec.surface, c.spec.start, c.spec.steps, c.spec.badBatch]);
    }
    expect(doctorCase(2 ** 32 + 5).seed).toBe(5);
  });
});

describe('each cause does what its explanation says', () => {
  const seeds = Array.from({ length: 40 }, (_, i) => 100 + i);

  it('α far too high: α > 2/λmax, and the loss grows by (αλmax − 1)² per step at the end (closed form)', () => {
    for (const seed of seeds) {
      const { spec } = caseOf('lr-too-high', seed);
      const lr = spec.optimizer.lr, L = lambdaMax(spec);
      expect(lr * L).toBeGreaterThan(2);
      const r = simulate(spec);
      const n = r.length - 1;
      expect(r.loss[n]! / r.loss[n - 1]!).toBeCloseTo((lr * L - 1) ** 2, 4);
    }
  });

  it('α far too low: every direction keeps at least 60 % of its loss (closed form), and the engine agrees', () => {
    for (const seed of seeds) {
      const { spec } = caseOf('lr-too-low', seed);
      const lr = spec.optimizer.lr;
      expect((1 - lr * lambdaMax(spec)) ** (2 * spec.steps)).toBeGreaterThanOrEqual(0.6 - 1e-9);
      const r = simulate(spec);
      const expected = bowlLoss(bowl(spec), spec.start, lr, spec.steps);
      expect(r.loss[spec.steps]! / expected).toBeCloseTo(1, 9);
    }
  });

  it('ill-conditioning: κ ≥ 90, α under 2/λmax, GD still holds 3–30 % of its loss; momentum 0.9 is stable (α < 3.8/λmax)', () => {
    for (const seed of seeds) {
      const { spec, fix } = caseOf('ill-conditioned', seed);
      const lr = spec.optimizer.lr;
      expect(lambdaMax(spec) / lambdaMin(spec)).toBeGreaterThan(90);
      expect(lr * lambdaMax(spec)).toBeLessThan(2);
      const ratio = bowlLoss(bowl(spec), spec.start, lr, spec.steps) / bowlLoss(bowl(spec), spec.start, lr, 0);
      expect(ratio).toBeGreaterThan(0.01);
      expect(ratio).toBeLessThan(0.4);
      expect(fix.optimizer).toMatchObject({ kind: 'sgd', lr, momentum: 0.9 });
      expect(lr * lambdaMax(spec)).toBeLessThan(2 * (1 + 0.9));
    }
  });

  it('a bad batch: the jump at step s + 1 is GD with α·c for that one step; the skip rule skips exactly that step', () => {
    for (const seed of seeds) {
      const { spec, fix } = caseOf('bad-batch', seed);
      const { step: s, scale: c } = spec.badBatch!;
      const lr = spec.optimizer.lr, b = bowl(spec);
      const r = simulate(spec);
      // Step s is taken with α·c: a bowl run of one step at rate α·c from w_s.
      const ws: [number, number] = [r.w[2 * s]!, r.w[2 * s + 1]!];
      expect(r.loss[s + 1]! / bowlLoss(b, ws, lr * c, 1)).toBeCloseTo(1, 8);
      expect(r.loss[s + 1]!).toBeGreaterThan(10 * r.loss[Math.max(0, s - 9)]!);
      const f = simulate(fix);
      const skipped = Array.from(f.events!).flatMap((e, k) => ((e & EVENT.skipped) !== 0 ? [k] : []));
      expect(skipped).toEqual([s]);
    }
  });

  it('a NaN/Inf batch: the run stops at that very step, on the gradient; filtering skips it and nothing else', () => {
    for (const seed of seeds) {
      const { spec, fix } = caseOf('nan-batch', seed);
      const s = spec.badBatch!.step;
      const r = simulate(spec);
      expect(r.stoppedAt).toBe(s);
      expect(r.nonFinite!.what).toBe('gradient');
      for (let k = 1; k < s; k++) expect(r.loss[k]!).toBeLessThan(r.loss[k - 1]!); // no warning before
      const f = simulate(fix);
      expect(f.stoppedAt).toBeNull();
      expect(Array.from(f.events!).filter((e) => (e & EVENT.skipped) !== 0)).toHaveLength(1);
    }
  });

  it('FP16 overflow: values fit FP16 until the batch, whose largest gradient entry (H·(w − c), by hand) passes 65504; in FP32 that step is stable', () => {
    for (const seed of seeds) {
      const { spec } = caseOf('fp16-overflow', seed);
      const { step: s, scale: c } = spec.badBatch!;
      const b = bowl(spec);
      const r16 = simulate(spec);
      expect(r16.stoppedAt).toBe(s);
      expect(r16.nonFinite).toMatchObject({ step: s, what: 'gradient' });
      expect(Math.abs(r16.nonFinite!.value)).toBe(Infinity); // ±∞, the sign of the entry that overflowed
      for (let k = 0; k < s; k++) expect(r16.loss[k]!).toBeLessThan(FP16_MAX);
      // H = λ1·v1v1ᵀ + λ2·v2v2ᵀ with the README's v1 = (cos θ, −sin θ), v2 = (sin θ, cos θ); g = H(w − c) at w_s.
      const [l1, l2] = b.eigenvalues, co = Math.cos(b.angle), si = Math.sin(b.angle);
      const hxx = l1 * co * co + l2 * si * si, hxy = (l2 - l1) * co * si, hyy = l1 * si * si + l2 * co * co;
      const dx = r16.w[2 * s]! - b.center[0], dy = r16.w[2 * s + 1]! - b.center[1];
      const g = [hxx * dx + hxy * dy, hxy * dx + hyy * dy];
      expect(Math.max(...g.map(Math.abs)) * c).toBeGreaterThan(65520); // FP16 rounds ≥ 65520 to ∞
      expect(Math.max(...g.map(Math.abs))).toBeLessThan(FP16_MAX);
      // The same batch in float64: α·c·λmax < 2, so even that step lowers the loss.
      const r64 = simulate({ ...spec, precision: null });
      expect(spec.optimizer.lr * c * lambdaMax(spec)).toBeLessThan(2);
      expect(r64.loss[s + 1]!).toBeLessThan(r64.loss[s]!);
    }
  });

  it('no warmup: α is 4–8× the start’s limit 2/λmax(start) yet below the minimum’s limit 2/λmax(1, 1)', () => {
    for (const seed of seeds) {
      const { spec, fix } = caseOf('no-warmup', seed);
      const lr = spec.optimizer.lr;
      const [x, y] = spec.start;
      const b = (spec.surface as { b: number }).b;
      expect(lr * rosenLambdaMax(b, x, y) / 2).toBeGreaterThanOrEqual(4);
      expect(lr * rosenLambdaMax(b, x, y) / 2).toBeLessThanOrEqual(8);
      expect(lr * rosenLambdaMax(b, 1, 1) / 2).toBeLessThan(1);
      expect(fix.schedule.kind).toBe('linearWarmup');
      expect(simulate(spec).stoppedAt).toBeLessThan(20); // within a handful of steps
    }
  });

  it('α a bit too high: 1.7–2.1× the limit at the minimum; lowering α alone stops the zig-zag but leaves a slow crawl', () => {
    for (const seed of seeds.slice(0, 20)) {
      const { spec, fix } = caseOf('lr-bit-high', seed);
      const b = (spec.surface as { b: number }).b;
      const ratio = (spec.optimizer.lr * rosenLambdaMax(b, 1, 1)) / 2;
      expect(ratio).toBeGreaterThan(1.69);
      expect(ratio).toBeLessThan(2.11);
      if (fix.optimizer.kind !== 'sgd') throw new Error('expected SGD');
      expect(fix.optimizer.momentum).toBe(0.9);
      const lowerOnly = simulate({ ...spec, optimizer: { ...fix.optimizer, momentum: 0 } });
      expect(diagnose(lowerOnly)).toBe('slow');
    }
  });
});
