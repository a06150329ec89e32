/**
 * Training-loop extras (src/engine/extended.ts): a bad batch, the skip-batch guard and the
 * non-finite filter, reduced precision and dynamic loss scaling. Expected values come from the
 * GD recurrence and from ulp arithmetic worked out by hand, not from the loop itself.
 */
import { describe, expect, it } from 'vitest';
import { EVENT, parseRunSpec, simulate, type RunSpec } from '../../src/engine';

function spec(input: Record<string, unknown>): RunSpec {
  const r = parseRunSpec({ surface: { kind: 'quadratic', eigenvalues: [1, 4], angle: 0, center: [0, 0] }, optimizer: { kind: 'sgd', lr: 0.1 }, start: [2, 1], steps: 60, ...input });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.spec;
}
const at = (w: Float64Array, k: number): [number, number] => [w[2 * k]!, w[2 * k + 1]!];

describe('badBatch', () => {
  it('an outlier multiplies that step\'s gradient: w_{s+1} = w_s − α·scale·H·w_s, and GD resumes from there', () => {
    const s = 10, scale = 30, lr = 0.1;
    const r = simulate(spec({ badBatch: { kind: 'outlier', step: s, scale } }));
    // Plain GD on diag(1, 4) from (2, 1): w_k = ((1 − α)^k·2, (1 − 4α)^k·1).
    const ws: [number, number] = [2 * 0.9 ** s, 0.6 ** s];
    expect(at(r.w, s)[0]).toBeCloseTo(ws[0], 12);
    const jump: [number, number] = [ws[0] * (1 - lr * scale * 1), ws[1] * (1 - lr * scale * 4)];
    expect(at(r.w, s + 1)[0]).toBeCloseTo(jump[0], 12);
    expect(at(r.w, s + 1)[1]).toBeCloseTo(jump[1], 12);
    expect(at(r.w, s + 5)[1]).toBeCloseTo(jump[1] * 0.6 ** 4, 12);
    const f = ([x, y]: [number, number]) => 0.5 * (x * x + 4 * y * y);
    expect(r.loss[s + 1]! / r.loss[s]!, 'the loss spikes').toBeCloseTo(f(jump) / f(ws), 10);
    expect(r.events![s]).toBe(EVENT.badBatch);
    expect(r.events!.filter((e) => e !== 0).length).toBe(1);
    expect(r.stoppedAt).toBeNull();
  });

  it('a NaN batch with no guard stops the run where it entered: the gradient at step s', () => {
    const r = simulate(spec({ badBatch: { kind: 'nan', step: 12 } }));
    expect(r.stoppedAt).toBe(12);
    expect(r.nonFinite?.what).toBe('gradient');
    expect(Number.isNaN(r.nonFinite!.value)).toBe(true);
  });

  it('the ratio rule alone lets a NaN through (NaN > 10·avg is false); the isfinite filter catches it', () => {
    const ratioOnly = simulate(spec({ badBatch: { kind: 'nan', step: 12 }, guard: { skipFactor: 10 } }));
    expect(ratioOnly.stoppedAt).toBe(12);
    const filtered = simulate(spec({ badBatch: { kind: 'inf', step: 12 }, guard: { skipFactor: 10, skipNonFinite: true } }));
    expect(filtered.stoppedAt).toBeNull();
    expect(filtered.events![12]).toBe(EVENT.badBatch | EVENT.skipped);
  });

  it('a skipped batch costs exactly one step: afterwards the run is plain GD one step late', () => {
    const plain = simulate(spec({}));
    for (const bad of [{ kind: 'outlier', step: 20, scale: 100 }, { kind: 'nan', step: 20 }]) {
      const r = simulate(spec({ badBatch: bad, guard: { skipFactor: 10, skipNonFinite: true } }));
      expect(r.events![20]! & EVENT.skipped).toBe(EVENT.skipped);
      expect(at(r.w, 21)).toStrictEqual(at(r.w, 20));
      for (const k of [21, 30, 60]) expect(at(r.w, k)).toStrictEqual(at(plain.w, k - 1));
    }
  });

  it('the skip rule compares with the running average of accepted norms, so a 5× outlier passes and a 100× one does not', () => {
    const mild = simulate(spec({ badBatch: { kind: 'outlier', step: 20, scale: 5 }, guard: {} }));
    expect(mild.events![20]).toBe(EVENT.badBatch);
    const wild = simulate(spec({ badBatch: { kind: 'outlier', step: 20, scale: 100 }, guard: {} }));
    expect(wild.events![20]).toBe(EVENT.badBatch | EVENT.skipped);
    // On a converging run ‖g‖ falls, so no ordinary step is ever skipped.
    expect(wild.events!.filter((e) => (e & EVENT.skipped) !== 0).length).toBe(1);
  });
});

describe('precision', () => {
  const slow = (precision: unknown, steps = 3000) => simulate(spec({
    surface: { kind: 'quadratic', eigenvalues: [1, 1], angle: 0, center: [3, 3] }, optimizer: { kind: 'sgd', lr: 0.01 },
    start: [0, 0], steps, precision,
  }));

  it('BF16 parameters stall where α·|g| falls below half an ulp: in [2, 4) the ulp is 2⁻⁶, so |w − 3| stays ≥ 0.78', () => {
    const r = slow({ params: 'bf16' });
    const x = at(r.w, r.length - 1)[0];
    expect(at(r.w, r.length - 500)[0], 'stalled').toBe(x);
    // Stalled: 0.01·|x − 3| ≤ 2⁻⁷; and the step before the stall was still large enough to move.
    expect(0.01 * Math.abs(x - 3)).toBeLessThanOrEqual(2 ** -7);
    expect(Math.abs(x - 3)).toBeGreaterThan(0.78125 - 2 ** -6);
    expect(x).toBeLessThan(3);
    // FP32 stalls by the same rule, five orders of magnitude closer: ulp(3) = 2⁻²², so |w − 3| ≤ 2⁻²³/0.01.
    const fp32 = slow({ params: 'fp32' }, 4000);
    const x32 = at(fp32.w, fp32.length - 1)[0];
    expect(0.01 * Math.abs(x32 - 3)).toBeLessThanOrEqual(2 ** -23);
    expect(Math.abs(x - 3) / Math.abs(x32 - 3)).toBeGreaterThan(1e4);
  });

  it('every stored parameter is a value of its format', () => {
    const r = slow({ params: 'fp16' }, 300);
    for (let i = 0; i < r.w.length; i++) {
      const v = r.w[i]!;
      const scaled = v * 2 ** 9; // fp16 values in [1, 4) are multiples of 2⁻¹⁰… for [2, 4) 2⁻⁹
      if (Math.abs(v) >= 2 && Math.abs(v) < 4) expect(Number.isInteger(scaled)).toBe(true);
    }
  });

  const steep = (precision: unknown) => simulate(spec({
    surface: { kind: 'quadratic', eigenvalues: [1, 1000], angle: 0, center: [0, 0] }, optimizer: { kind: 'sgd', lr: 1e-3 },
    start: [1, 100], steps: 200, precision,
  }));

  it('FP16 values above 65504 overflow to +Inf and stop the run; BF16 has FP32\'s range and survives', () => {
    const r16 = steep({ params: 'fp32', compute: 'fp16' });
    expect(r16.stoppedAt).toBe(0); // f = ½·1000·100² = 5e6 and ∂f/∂y = 1e5, both > 65504
    expect(r16.nonFinite).toStrictEqual({ step: 0, what: 'loss', value: Infinity });
    // A loss that fits (64800 < 65504) with a gradient that does not (72000): the gradient overflows.
    const g16 = simulate(spec({
      surface: { kind: 'quadratic', eigenvalues: [1, 40000], angle: 0, center: [0, 0] }, optimizer: { kind: 'sgd', lr: 4e-5 },
      start: [1, 1.8], steps: 100, precision: { params: 'fp32', compute: 'fp16' },
    }));
    expect(g16.nonFinite).toStrictEqual({ step: 0, what: 'gradient', value: Infinity });
    expect(g16.loss[0]).toBe(64800);
    const rb = steep({ params: 'fp32', compute: 'bf16' });
    expect(rb.stoppedAt).toBeNull();
    expect(rb.loss[rb.length - 1]!).toBeLessThan(rb.loss[0]! * 1e-3);
  });

  it('FP16 flushes gradients below 2⁻²⁵ to zero (no progress); a loss scale of 2¹⁶ brings them back', () => {
    // f = ½·1e-6·‖w‖² from (0.02, 0.01): gradients ≤ 2e-8 < 2⁻²⁵ ≈ 2.98e-8, half the smallest subnormal.
    const tiny = (precision: unknown) => simulate(spec({
      surface: { kind: 'quadratic', eigenvalues: [1e-6, 1e-6], angle: 0, center: [0, 0] }, optimizer: { kind: 'sgd', lr: 1e4 },
      start: [0.02, 0.01], steps: 50, precision,
    }));
    const flushed = tiny({ params: 'fp32', compute: 'fp16' });
    expect(flushed.gradNorm.every((g) => g === 0)).toBe(true);
    expect(at(flushed.w, 50)).toStrictEqual(at(flushed.w, 0));
    const scaled = tiny({ params: 'fp32', compute: 'fp16', lossScale: {} });
    expect(scaled.events!.every((e) => e === 0), 'no overflow at 2¹⁶ with gradients ~1e-8').toBe(true);
    const x50 = at(scaled.w, 50)[0];
    expect(x50).toBeLessThan(0.02 * 0.7);
    expect(x50).toBeCloseTo(0.02 * (1 - 1e4 * 1e-6) ** 50, 4); // GD's (1 − αλ)^k, up to FP16 rounding of g
  });

  it('dynamic loss scaling: skip and halve until the scaled gradient fits, grow after growthInterval clean steps', () => {
    // ∇f = (1, 4)·w at (2, 1): max |g|·S = 4·S overflows FP16 (≥ 65520) for S ≥ 2¹⁴·(65520/65536)…: S = 2¹⁶ and 2¹⁵ and 2¹⁴
    // (4·2¹⁴ = 65536 ≥ 65520) overflow; S = 2¹³ gives 32768, fine. So steps 0–2 are skipped.
    const r = simulate(spec({ precision: { params: 'fp32', compute: 'fp16', lossScale: { growthInterval: 5 } }, steps: 20 }));
    expect(Array.from(r.lossScale!.subarray(0, 4))).toStrictEqual([2 ** 16, 2 ** 15, 2 ** 14, 2 ** 13]);
    expect(Array.from(r.events!.subarray(0, 4))).toStrictEqual([EVENT.overflow | EVENT.skipped, EVENT.overflow | EVENT.skipped, EVENT.overflow | EVENT.skipped, 0]);
    expect(at(r.w, 3)).toStrictEqual([2, 1]);
    expect(at(r.w, 4)[0]).not.toBe(2);
    // Clean steps 3–7 (five): the scale doubles for step 8 and stays (gradients have shrunk since).
    expect(r.lossScale![7]).toBe(2 ** 13);
    expect(r.lossScale![8]).toBe(2 ** 14);
    expect(r.lossScale![13]).toBe(2 ** 15);
  });
});

describe('toJson (what `npm run simulate` prints) carries the events and the loss scale of runs with extras', () => {
  it('adds events and lossScale only when the run has them', async () => {
    const { toJson, createSurface } = await import('../../src/engine');
    const plainSpec = spec({});
    const plain = toJson(plainSpec, createSurface(plainSpec.surface), simulate(plainSpec));
    expect('events' in plain || 'lossScale' in plain).toBe(false);
    const s = spec({ badBatch: { kind: 'nan', step: 5 }, guard: { skipNonFinite: true }, steps: 8 });
    const j = toJson(s, createSurface(s.surface), simulate(s));
    expect(j.events).toStrictEqual([0, 0, 0, 0, 0, EVENT.badBatch | EVENT.skipped, 0, 0, 0]);
    expect(j.lossScale).toStrictEqual([1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(j.gradNorm[5]).toBeNull(); // the skipped NaN batch's ‖g‖, written as null like every non-finite number
  });
});
