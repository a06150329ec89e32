import type { QuadraticSpec, Vec2 } from '../spec/types';

/**
 * The k-th gradient-descent iterate on a quadratic, in closed form:
 *   w_k = c + (I − αH)ᵏ (w0 − c) = c + Σᵢ (1 − αλᵢ)ᵏ ⟨vᵢ, w0 − c⟩ vᵢ
 * with vᵢ the eigenvectors (cos θ, −sin θ), (sin θ, cos θ).
 */
export function gdIterate(s: QuadraticSpec, lr: number, start: Vec2, k: number): Vec2 {
  const c = Math.cos(s.angle);
  const sn = Math.sin(s.angle);
  const ex = start[0] - s.center[0];
  const ey = start[1] - s.center[1];
  const a1 = (c * ex - sn * ey) * (1 - lr * s.eigenvalues[0]) ** k;
  const a2 = (sn * ex + c * ey) * (1 - lr * s.eigenvalues[1]) ** k;
  return [s.center[0] + a1 * c + a2 * sn, s.center[1] - a1 * sn + a2 * c];
}
