import { expect } from 'vitest';

/** |actual − expected| ≤ tol·max(1, |expected|) — relative for large values, absolute near 0. */
export function expectClose(actual: number, expected: number, tol: number, what = ''): void {
  const err = Math.abs(actual - expected);
  const bound = tol * Math.max(1, Math.abs(expected));
  if (!(err <= bound)) {
    expect.fail(`${what}: expected ${expected}, got ${actual} (error ${err.toExponential(2)} > ${bound.toExponential(2)})`);
  }
}

/** Largest relative error between two arrays, relative to max(1, |expected|) element-wise. */
export function maxRelError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    worst = Math.max(worst, Math.abs(actual[i]! - e) / Math.max(1, Math.abs(e)));
  }
  return worst;
}
