/**
 * The precision lesson's format table, number widget and parser, against IEEE 754 constants
 * (binary32 from Float32Array, binary16 and bfloat16 from their definitions).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundTo } from '../../src/engine';
import { layout, overflowThreshold, store, ulp } from '../../src/engine/analysis/prec-formats';
import { knownValues } from '../../src/lessons/ui/prec-body';
import { parseValue } from '../../src/lessons/ui/prec-parse';
import { EXAMPLES, showValue, verdict } from '../../src/lessons/ui/prec-probe';

/** binary32 constants from the hardware format itself. */
const f32 = (bits: number) => new Float32Array(new Uint32Array([bits]).buffer)[0]!;
const FP32_MAX = f32(0x7f7fffff), FP32_MIN_NORMAL = f32(0x00800000), FP32_MIN_SUB = f32(0x00000001), FP32_ONE_UP = f32(0x3f800001);

describe('the format table', () => {
  it('FP32: 32 bits = 1 + 8 + 23; max, smallest normal and subnormal and ulp(1) are binary32’s', () => {
    const l = layout('fp32');
    expect([l.totalBits, l.exponentBits, l.significandBits - 1]).toEqual([32, 8, 23]);
    expect(l.max).toBe(FP32_MAX);
    expect(l.minNormal).toBe(FP32_MIN_NORMAL);
    expect(l.minSubnormal).toBe(FP32_MIN_SUB);
    expect(l.ulpAtOne).toBe(FP32_ONE_UP - 1);
  });

  it('FP16: 16 = 1 + 5 + 10, max 65504, smallest normal 2⁻¹⁴, subnormal 2⁻²⁴, ulp(1) = 2⁻¹⁰', () => {
    const l = layout('fp16');
    expect([l.totalBits, l.exponentBits, l.significandBits - 1]).toEqual([16, 5, 10]);
    expect([l.max, l.minNormal, l.minSubnormal, l.ulpAtOne]).toEqual([65504, 2 ** -14, 2 ** -24, 2 ** -10]);
  });

  it('BF16: 16 = 1 + 8 + 7 — FP32’s exponent (same smallest normal, max within 0.4 %) with 8 significand bits', () => {
    const l = layout('bf16');
    expect([l.totalBits, l.exponentBits, l.significandBits]).toEqual([16, 8, 8]);
    expect(l.minNormal).toBe(FP32_MIN_NORMAL);
    expect(l.max).toBe((2 - 2 ** -7) * 2 ** 127);
    expect(l.max / FP32_MAX).toBeGreaterThan(0.996);
    expect(l.ulpAtOne).toBe(2 ** -7);
  });

  it('the values the prose quotes: 65504 max, 65519 → 65504, 65520 → ∞, 1 + 2⁻¹¹ → 1; BF16 65520 → 65536, 257 → 256', () => {
    const k = knownValues();
    expect(k.fp16Max).toBe(65504);
    expect(k.r65519).toBe(65504);
    expect(k.r65520).toBe(Infinity);
    expect(overflowThreshold('fp16')).toBe(65520);
    expect(k.oneTie).toBe(1);
    expect(k.bf65520).toBe(65536);
    expect(k.bfOnePlus).toBe(1);
    expect(k.bf257).toBe(256);
    expect(k.fp32Max).toBe(FP32_MAX);
  });
});

describe('ulp: the gap to the next value of the format', () => {
  it('on known values', () => {
    expect(ulp('bf16', 3)).toBe(2 ** -6);
    expect(ulp('bf16', 6)).toBe(2 ** -5);
    expect(ulp('fp16', 1)).toBe(2 ** -10);
    expect(ulp('fp16', 40000)).toBe(32);
    expect(ulp('fp16', 1e-7)).toBe(2 ** -24); // subnormal range: a fixed step
    expect(ulp('fp32', 3)).toBe(2 ** -22);
    expect(ulp('fp16', 0)).toBe(2 ** -24);
  });

  it('v + ulp(v) is the next stored value: roundTo keeps it, and anything under half the gap rounds back to v', () => {
    fc.assert(fc.property(fc.double({ min: 1e-6, max: 6e4, noNaN: true }), fc.constantFrom('fp16' as const, 'bf16' as const, 'fp32' as const), (x, f) => {
      const v = roundTo(f, x);
      const u = ulp(f, v);
      expect(roundTo(f, v + u)).toBe(v + u);
      expect(roundTo(f, v + 0.499 * u)).toBe(v);
      expect(roundTo(f, v + 0.501 * u)).toBe(v + u);
    }), { numRuns: 2000 });
  });
});

describe('the number widget', () => {
  it('says what happened: tie to even, overflow, flush, subnormal, exact', () => {
    expect(store('fp16', 1 + 2 ** -11)).toMatchObject({ stored: 1, outcome: 'rounded' });
    expect(verdict(store('fp16', 1 + 2 ** -11))).toMatch(/tie.*even/);
    expect(store('fp16', 65520).outcome).toBe('overflow');
    expect(store('fp16', 65519)).toMatchObject({ stored: 65504, outcome: 'rounded' });
    expect(store('fp16', 2 ** -25).outcome).toBe('flushed');
    expect(store('fp16', 1e-7).outcome).toBe('subnormal');
    expect(store('fp16', 0.1).stored).toBe(0.0999755859375);
    expect(store('bf16', 65520)).toMatchObject({ stored: 65536, outcome: 'rounded' });
    expect(store('fp32', 0.5).outcome).toBe('exact');
    expect(store('bf16', 1e-7).outcome).toBe('rounded'); // BF16's normal range reaches 1.2e-38
    const r = store('fp16', 65519);
    expect(r.relError).toBeCloseTo(15 / 65519, 12);
  });

  it('shows stored values so that FP32 neighbours differ and ∞ and NaN are spelled out', () => {
    expect(showValue(Math.fround(0.1))).not.toBe(showValue(0.1));
    expect(showValue(65504)).toBe('65504');
    expect(showValue(Infinity)).toBe('+∞');
    expect(showValue(-Infinity)).toBe('−∞');
    expect(showValue(NaN)).toBe('NaN');
    expect(showValue(0.0999755859375)).toBe('0.0999755859375');
  });

  it('every example parses', () => {
    for (const x of EXAMPLES) expect(parseValue(x).ok, x).toBe(true);
  });
});

describe('parsing what a learner types', () => {
  const value = (t: string) => { const p = parseValue(t); if (!p.ok) throw new Error(p.message); return p.value; };
  it('reads decimals, scientific notation, powers, sums and products exactly as doubles', () => {
    expect(value('65504')).toBe(65504);
    expect(value(' 1e-8 ')).toBe(1e-8);
    expect(value('1 + 2^-11')).toBe(1 + 2 ** -11);
    expect(value('1+2⁻¹¹')).toBe(1 + 2 ** -11);
    expect(value('3·2^-24')).toBe(3 * 2 ** -24);
    expect(value('2**10 - 1')).toBe(1023);
    expect(value('−0.5')).toBe(-0.5);
    expect(value('(1 + 1) * 3')).toBe(6);
    expect(value('-2^2')).toBe(-4);
  });

  it('rejects bad input with a message that says what to type', () => {
    for (const t of ['', 'abc', '1 +', '2^1.5', '(1', '1e400', '0/0', '65504x']) {
      const p = parseValue(t);
      expect(p.ok, t).toBe(false);
      if (!p.ok) expect(p.message).toMatch(/Type a decimal|FP64’s range/);
    }
  });
});
