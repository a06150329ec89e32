import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emaSmooth } from '../../../src/views/charts/ema';

/** TensorBoard's classic smoothing, transcribed step by step as the reference. */
function tensorboard(ys: number[], w: number): number[] {
  let last = ys.length > 0 ? 0 : NaN;
  let numAccum = 0;
  const isConstant = ys.every((v) => v == ys[0]);
  return ys.map((next) => {
    if (isConstant || !Number.isFinite(next)) return next;
    last = last * w + (1 - w) * next;
    numAccum++;
    const debias = w !== 1 ? 1 - Math.pow(w, numAccum) : 1;
    return last / debias;
  });
}

describe('emaSmooth (TensorBoard ≥ 2.x, debiased, zero-initialised)', () => {
  it('matches hand-computed values', () => {
    const s = emaSmooth([1, 2, 3], 0.5);
    expect(s[0]).toBeCloseTo(1, 15); // 0.5 / (1 − 0.5)
    expect(s[1]).toBeCloseTo(1.25 / 0.75, 15);
    expect(s[2]).toBeCloseTo(2.125 / 0.875, 15);
  });

  it('starts at the first value (the debias removes the zero start)', () => {
    for (const w of [0.1, 0.6, 0.9, 0.99]) expect(emaSmooth([7, 1, 1], w)[0]).toBeCloseTo(7, 12);
  });

  it('passes non-finite values through without counting them', () => {
    const s = emaSmooth([1, NaN, 3, Infinity, -Infinity], 0.5);
    expect(s[0]).toBe(1);
    expect(s[1]).toBeNaN();
    expect(s[2]).toBeCloseTo(1.75 / 0.75, 15); // second finite value: debias 1 − 0.5²
    expect(s[3]).toBe(Infinity);
    expect(s[4]).toBe(-Infinity);
  });

  it('returns a constant series unchanged and w = 0 as the identity', () => {
    expect(Array.from(emaSmooth([4, 4, 4], 0.9))).toEqual([4, 4, 4]);
    expect(Array.from(emaSmooth([3, 1, 2], 0))).toEqual([3, 1, 2]);
    expect(emaSmooth([], 0.5).length).toBe(0);
  });

  it('stays finite on huge values', () => {
    const s = emaSmooth([1, 1e300, 1e300, 1], 0.9);
    expect(Array.from(s).every(Number.isFinite)).toBe(true);
  });

  it('equals the transcribed TensorBoard algorithm on arbitrary series', () => {
    const value = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom(NaN, Infinity, -Infinity, 0));
    fc.assert(fc.property(fc.array(value, { maxLength: 60 }), fc.double({ min: 0, max: 0.99, noNaN: true }), (ys, w) => {
      const got = Array.from(emaSmooth(ys, w));
      const want = tensorboard(ys, w);
      want.forEach((v, i) => {
        if (Number.isNaN(v)) expect(got[i]).toBeNaN();
        else if (!Number.isFinite(v)) expect(got[i]).toBe(v);
        else expect(Math.abs(got[i]! - v)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(v)));
      });
    }));
  });
});
