import { FORMATS, roundTo, type Precision } from '../precision';

/*
 * Facts about the floating-point formats, derived from FORMATS (significand bits and exponent range)
 * so that a table built from them cannot drift from what roundTo does.
 */

export const FORMAT_NAMES: Record<Precision, string> = { fp64: 'FP64', fp32: 'FP32', fp16: 'FP16', bf16: 'BF16' };

export interface Layout {
  /** Sign + exponent + stored significand bits. */
  totalBits: number;
  exponentBits: number;
  /** Significand bits with the implicit leading 1 (stored bits + 1). */
  significandBits: number;
  max: number;
  minNormal: number;
  minSubnormal: number;
  /** The gap between 1 and the next larger number, 2^(1 − p). */
  ulpAtOne: number;
  /** About how many decimal digits the significand holds, p·log10(2). */
  decimalDigits: number;
}

/** Bit layout and range of a format. The bias is 1 − emin = 2^(k−1) − 1 for k exponent bits. */
export function layout(format: Precision): Layout {
  const f = FORMATS[format];
  const bias = 1 - Math.log2(f.minNormal);
  const exponentBits = Math.log2(bias + 1) + 1;
  return {
    totalBits: exponentBits + f.significandBits,
    exponentBits,
    significandBits: f.significandBits,
    max: f.max,
    minNormal: f.minNormal,
    minSubnormal: f.minSubnormal,
    ulpAtOne: 2 ** (1 - f.significandBits),
    decimalDigits: f.significandBits * Math.log10(2),
  };
}

/** ⌊log2 a⌋ for a finite a > 0, exact. */
export function binade(a: number): number {
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e -= 1;
  else if (2 ** (e + 1) <= a) e += 1;
  return e;
}

/**
 * The gap between |x| and the next larger number of the format: 2^(e − p + 1) for |x| in the binade
 * [2^e, 2^(e+1)), and the subnormal step below the smallest normal number.
 */
export function ulp(format: Precision, x: number): number {
  const f = FORMATS[format];
  const a = Math.abs(x);
  const e = Math.max(a > 0 ? binade(a) : -Infinity, Math.log2(f.minNormal));
  return 2 ** (e - f.significandBits + 1);
}

export type Outcome = 'exact' | 'rounded' | 'subnormal' | 'flushed' | 'overflow' | 'nonfinite';

export interface Stored {
  format: Precision;
  input: number;
  stored: number;
  /** stored − input (NaN when either is not finite). */
  error: number;
  /** |error| / |input| (0 for an exact value). */
  relError: number;
  outcome: Outcome;
  /** The gap to the next larger number at the stored value (NaN when not finite). */
  gap: number;
}

/** What happens to x when it is stored in a format: the value kept, the error, and why. */
export function store(format: Precision, x: number): Stored {
  const stored = roundTo(format, x);
  const f = FORMATS[format];
  let outcome: Outcome;
  if (!Number.isFinite(x)) outcome = 'nonfinite';
  else if (!Number.isFinite(stored)) outcome = 'overflow';
  else if (stored === 0 && x !== 0) outcome = 'flushed';
  else if (stored !== 0 && Math.abs(stored) < f.minNormal) outcome = 'subnormal';
  else outcome = stored === x ? 'exact' : 'rounded';
  const finite = Number.isFinite(x) && Number.isFinite(stored);
  const error = finite ? stored - x : NaN;
  return {
    format, input: x, stored, error,
    relError: finite ? (x === 0 ? 0 : Math.abs(error) / Math.abs(x)) : NaN,
    outcome,
    gap: Number.isFinite(stored) ? ulp(format, stored) : NaN,
  };
}

/** The smallest value that rounds to +∞: halfway between the max and the next power of two (a tie, rounded to the even 2^(emax+1)). */
export function overflowThreshold(format: Precision): number {
  const f = FORMATS[format];
  return f.max + ulp(format, f.max) / 2;
}
