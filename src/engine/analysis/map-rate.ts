/**
 * How the empirical map turns a run into one number (see map-empirical.ts): the envelope rate, or the
 * rate up to an early exit. Shared by the SGD and Adam loops.
 */

/** ‖e‖² leaving [LO², HI²]·‖e_0‖² ends a run early. */
export const BAND_HI = 1e200;
export const BAND_LO = 1e-200;

/** The second half's first step: k > half counts towards M₂. */
export const halfOf = (steps: number): number => Math.floor(steps / 2);

/** The value of a run that left the band at step k with ‖e_k‖² = n2 (‖e_0‖² = n0). */
export function exitValue(n2: number, n0: number, k: number): number {
  return Number.isFinite(n2) ? (n2 / n0) ** (0.5 / k) : Infinity;
}

/** The envelope rate from the two halves' largest squared norms. */
export function envelopeValue(m1: number, m2: number, steps: number): number {
  if (steps - halfOf(steps) <= 0 || !(m1 > 0)) return 1;
  return (m2 / m1) ** (0.5 / (steps - halfOf(steps)));
}
