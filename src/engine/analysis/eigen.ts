/** Eigen-decomposition of the symmetric 2×2 matrix [[a, b], [b, c]], in float64. */
export interface Eigen2 {
  /** Larger eigenvalue and its unit eigenvector. */
  lambdaMax: number;
  vMax: [number, number];
  /** Smaller eigenvalue and its unit eigenvector (orthogonal to vMax). */
  lambdaMin: number;
  vMin: [number, number];
}

export function symmetricEigen2(a: number, b: number, c: number): Eigen2 {
  const mean = 0.5 * (a + c);
  const half = 0.5 * (a - c);
  const r = Math.hypot(half, b);
  // The eigenvector of the larger eigenvalue makes angle φ = ½·atan2(2b, a − c) with the x axis.
  const phi = 0.5 * Math.atan2(b, half);
  const cx = Math.cos(phi);
  const sy = Math.sin(phi);
  return { lambdaMax: mean + r, vMax: [cx, sy], lambdaMin: mean - r, vMin: [-sy, cx] };
}

/** κ = λmax/λmin for a positive definite spectrum; Infinity when λmin ≤ 0 (flat or saddle). */
export function conditionNumber(lambdaMax: number, lambdaMin: number): number {
  return lambdaMin > 0 ? lambdaMax / lambdaMin : Infinity;
}
