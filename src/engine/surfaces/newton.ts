import type { Minimum } from './surface';

interface Differentiable {
  value(x: number, y: number): number;
  gradient(x: number, y: number, out: Float64Array): void;
  hessian(x: number, y: number, out: Float64Array): void;
}

/**
 * Refines a guess into a local minimum with damped Newton steps on the analytic gradient and
 * Hessian. Returns null when it does not land on a point with zero gradient and a positive
 * definite Hessian. Used once per surface to list its minima, never per step.
 */
export function refineMinimum(f: Differentiable, x0: number, y0: number, scale = 1): Minimum | null {
  const g = new Float64Array(2);
  const h = new Float64Array(3);
  let x = x0;
  let y = y0;
  for (let i = 0; i < 200; i++) {
    f.gradient(x, y, g);
    f.hessian(x, y, h);
    const [gx, gy] = [g[0]!, g[1]!];
    const [a, b, c] = [h[0]!, h[1]!, h[2]!];
    const det = a * c - b * b;
    let dx: number;
    let dy: number;
    if (a > 0 && det > 0) {
      dx = (c * gx - b * gy) / det;
      dy = (a * gy - b * gx) / det;
    } else {
      // Not convex here: fall back to a small gradient step toward lower loss.
      const n = Math.hypot(gx, gy) || 1;
      dx = (0.1 * scale * gx) / n;
      dy = (0.1 * scale * gy) / n;
    }
    const step = Math.hypot(dx, dy);
    if (step > scale) {
      dx *= scale / step;
      dy *= scale / step;
    }
    x -= dx;
    y -= dy;
    if (Math.hypot(dx, dy) <= 1e-15 * (1 + Math.hypot(x, y))) break;
  }
  f.gradient(x, y, g);
  f.hessian(x, y, h);
  const pd = h[0]! > 0 && h[0]! * h[2]! - h[1]! * h[1]! > 0;
  if (!pd || !(Math.hypot(g[0]!, g[1]!) < 1e-9) || !Number.isFinite(x + y)) return null;
  return { x, y, value: f.value(x, y) };
}

/** Refines every guess, drops failures and duplicates, and sorts lowest first. */
export function findMinima(f: Differentiable, guesses: readonly [number, number][], scale = 1): Minimum[] {
  const found: Minimum[] = [];
  for (const [gx, gy] of guesses) {
    const m = refineMinimum(f, gx, gy, scale);
    if (m && !found.some((o) => Math.hypot(o.x - m.x, o.y - m.y) < 1e-6)) found.push(m);
  }
  return found.sort((p, q) => p.value - q.value);
}
