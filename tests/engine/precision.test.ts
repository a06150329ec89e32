import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMATS, roundTo } from '../../src/engine/precision';

describe('roundTo: IEEE binary16 on known values', () => {
  const h = (x: number) => roundTo('fp16', x);
  it('has 65504 as its largest finite value; 65519 rounds down to it and 65520 rounds to ∞', () => {
    expect(FORMATS.fp16.max).toBe(65504);
    expect(h(65504)).toBe(65504);
    expect(h(65519.99)).toBe(65504);
    expect(h(65520)).toBe(Infinity);
    expect(h(-65520)).toBe(-Infinity);
    expect(h(1e6)).toBe(Infinity);
  });
  it('rounds 1 + 2⁻¹¹ (a tie) to 1 (even) and 1 + 3·2⁻¹¹ to 1 + 2⁻⁹ (even)', () => {
    expect(h(1 + 2 ** -11)).toBe(1);
    expect(h(1 + 3 * 2 ** -11)).toBe(1 + 2 ** -9);
    expect(h(1 + 2 ** -10)).toBe(1 + 2 ** -10);
    expect(h(1 + 2 ** -11 + 2 ** -30)).toBe(1 + 2 ** -10); // just above the tie
  });
  it('has subnormals down to 2⁻²⁴ and flushes below half of that to zero', () => {
    expect(FORMATS.fp16.minSubnormal).toBe(2 ** -24);
    expect(FORMATS.fp16.minNormal).toBe(2 ** -14);
    expect(h(2 ** -24)).toBe(2 ** -24);
    expect(h(3 * 2 ** -25)).toBe(2 ** -23); // tie between 1 and 2 steps → 2 (even)
    expect(h(2 ** -25)).toBe(0); // tie between 0 and 1 step → 0 (even)
    expect(h(2 ** -25 + 2 ** -40)).toBe(2 ** -24);
    expect(h(1.5 * 2 ** -20)).toBe(1.5 * 2 ** -20);
    expect(Object.is(h(-(2 ** -26)), -0)).toBe(true);
  });
  it('keeps NaN and ±∞', () => {
    expect(h(NaN)).toBeNaN();
    expect(h(Infinity)).toBe(Infinity);
    expect(h(-Infinity)).toBe(-Infinity);
  });
  it('represents 0.1 as 0.0999755859375', () => {
    expect(h(0.1)).toBe(0.0999755859375);
  });
});

describe('roundTo: bfloat16 on known values', () => {
  const b = (x: number) => roundTo('bf16', x);
  it('has fp32’s range: 65520 and 1e38 are finite; the largest is (2 − 2⁻⁷)·2¹²⁷', () => {
    expect(b(65520)).toBe(65536);
    expect(Number.isFinite(b(1e38))).toBe(true);
    expect(FORMATS.bf16.max).toBe((2 - 2 ** -7) * 2 ** 127);
    expect(b(3.4e38)).toBe(Infinity);
  });
  it('has an 8-bit significand: 1 + 2⁻⁸ rounds to 1 (tie, even), 1 + 2⁻⁷ is kept', () => {
    expect(b(1 + 2 ** -8)).toBe(1);
    expect(b(1 + 3 * 2 ** -8)).toBe(1 + 2 ** -6);
    expect(b(1 + 2 ** -7)).toBe(1 + 2 ** -7);
  });
  it('loses small updates: 256 + 1 = 256 in bf16', () => {
    expect(b(256 + 1)).toBe(256);
  });
});

/** Bit-level reference: a float32 (exactly representable) to binary16, round to nearest even. */
function fp16FromFloat32Bits(x: number): number {
  const f = new Float32Array([x]);
  const u = new Uint32Array(f.buffer)[0]!;
  const sign = u >>> 31 ? -1 : 1;
  const exp = (u >>> 23) & 0xff;
  let mant = u & 0x7fffff;
  if (exp === 0xff) return mant ? NaN : sign * Infinity;
  let e = exp - 127;
  if (exp === 0) return sign * 0; // float32 subnormals are far below fp16's range
  mant |= 0x800000; // 24-bit significand
  let shift = 13; // keep 11 bits
  if (e < -14) shift += -14 - e; // subnormal in fp16
  if (shift > 24) return sign * 0;
  const kept = mant >>> shift;
  const rem = mant & ((1 << shift) - 1);
  const half = 1 << (shift - 1);
  const q = kept + (rem > half || (rem === half && (kept & 1)) ? 1 : 0);
  if (e < -14) e = -14;
  const value = q * 2 ** (e - 10);
  return value > 65504 ? sign * Infinity : sign * value;
}

/** Bit-level reference: a float32 to bfloat16 by rounding its bit pattern (the usual hardware trick). */
function bf16FromFloat32Bits(x: number): number {
  const f = new Float32Array([x]);
  const u32 = new Uint32Array(f.buffer);
  const u = u32[0]!;
  if (((u >>> 23) & 0xff) === 0xff) return x;
  const rounded = (u + 0x7fff + ((u >>> 16) & 1)) >>> 0;
  u32[0] = (rounded & 0xffff0000) >>> 0;
  return f[0]!;
}

describe('roundTo agrees with independent references', () => {
  const float32 = fc.float({ noNaN: true }).map((v) => Math.fround(v));
  it('fp16 matches a bit-level conversion of float32 inputs', () => {
    const near = fc.oneof(float32, fc.double({ min: -70000, max: 70000, noNaN: true }).map(Math.fround), fc.double({ min: -1e-3, max: 1e-3, noNaN: true }).map(Math.fround));
    fc.assert(fc.property(near, (x) => {
      const want = fp16FromFloat32Bits(x);
      const got = roundTo('fp16', x);
      return Object.is(got, want) || (got === 0 && want === 0);
    }), { numRuns: 5000 });
  });
  it('bf16 matches the float32 bit-pattern rounding', () => {
    fc.assert(fc.property(float32, (x) => {
      const got = roundTo('bf16', x);
      const want = bf16FromFloat32Bits(x);
      return Object.is(got, want) || (got === 0 && want === 0);
    }), { numRuns: 5000 });
  });
  it('every result is a fixed point, and rounding is monotone', () => {
    fc.assert(fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), fc.constantFrom('fp16' as const, 'bf16' as const), (a, b, p) => {
      const ra = roundTo(p, a);
      expect(roundTo(p, ra)).toBe(ra);
      if (a <= b) expect(ra).toBeLessThanOrEqual(roundTo(p, b));
    }), { numRuns: 3000 });
  });
});
