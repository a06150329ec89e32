/**
 * Floating-point formats a training run may keep its numbers in, emulated exactly in float64:
 * every function rounds a double to the nearest value of the format, ties to even (IEEE 754's
 * default), with the format's overflow to ±∞ and its subnormals.
 *   fp32  binary32: 24-bit significand, max ≈ 3.40e38          (Math.fround)
 *   fp16  binary16: 11-bit significand, max 65504, subnormals down to 2⁻²⁴
 *   bf16  bfloat16:  8-bit significand, fp32's exponent range (max ≈ 3.39e38)
 * Rounding is done from the double directly (never via fp32), so there is no double rounding.
 */

export type Precision = 'fp64' | 'fp32' | 'fp16' | 'bf16';

export interface FormatInfo {
  /** Significand bits, the implicit leading bit included. */
  significandBits: number;
  /** Smallest positive normal number, 2^(1 − bias). */
  minNormal: number;
  /** Largest finite number. */
  max: number;
  /** Smallest positive subnormal number. */
  minSubnormal: number;
  /** Unit roundoff: half the gap between 1 and the next number. */
  unitRoundoff: number;
}

function info(p: number, emin: number, emax: number): FormatInfo {
  return {
    significandBits: p,
    minNormal: 2 ** emin,
    max: (2 - 2 ** (1 - p)) * 2 ** emax,
    minSubnormal: 2 ** (emin - p + 1),
    unitRoundoff: 2 ** -p,
  };
}

export const FORMATS: Record<Precision, FormatInfo> = {
  fp64: info(53, -1022, 1023),
  fp32: info(24, -126, 127),
  fp16: info(11, -14, 15),
  bf16: info(8, -126, 127),
};

/** Rounds y ≥ 0 (an exact double) to the nearest whole number, ties to even. */
function roundHalfEven(y: number): number {
  const f = Math.floor(y);
  const d = y - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** ⌊log2 a⌋ for a finite a > 0, exact (Math.log2 can be off by one next to powers of two). */
function exponentOf(a: number): number {
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e -= 1;
  else if (2 ** (e + 1) <= a) e += 1;
  return e;
}

function roundToFormat(x: number, f: FormatInfo): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const a = Math.abs(x);
  // The gap between neighbours: 2^(e − p + 1) for normals, the subnormal step below minNormal.
  const e = Math.max(exponentOf(a), Math.log2(f.minNormal));
  const quantum = 2 ** (e - f.significandBits + 1);
  const r = roundHalfEven(a / quantum) * quantum; // a / quantum and the product are exact
  const out = r > f.max ? Infinity : r;
  return x < 0 ? -out : out;
}

/** x rounded to the nearest value of `precision` (ties to even; overflow to ±∞; NaN stays NaN). */
export function roundTo(precision: Precision, x: number): number {
  switch (precision) {
    case 'fp64':
      return x;
    case 'fp32':
      return Math.fround(x);
    case 'fp16':
      return roundToFormat(x, FORMATS.fp16);
    case 'bf16':
      return roundToFormat(x, FORMATS.bf16);
  }
}
