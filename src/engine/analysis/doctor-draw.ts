import { Gaussian } from '../random';
import { OPTIMIZER_DEFAULTS, PLAIN_LOOP } from '../spec/defaults';
import type { QuadraticSpec, RunSpec, SgdSpec, SurfaceSpec, Vec2 } from '../spec/types';

/*
 * Helpers for drawing the training doctor's hidden configurations: a seeded uniform source (the
 * engine's xoshiro128**, never Math.random), rounding for readable settings, a plain SGD run spec,
 * and quadratic bowls built from their eigen-coordinates so a case can fix how much of the loss sits
 * in the steep and in the flat direction.
 */

export class Draw {
  private readonly g: Gaussian;
  constructor(seed: number) {
    this.g = new Gaussian(seed);
  }
  /** Uniform on [a, b). */
  between(a: number, b: number): number {
    return a + (b - a) * this.g.uniform();
  }
  /** Log-uniform on [a, b). */
  logBetween(a: number, b: number): number {
    return a * (b / a) ** this.g.uniform();
  }
  /** A whole number in [a, b]. */
  int(a: number, b: number): number {
    return a + Math.floor(this.g.uniform() * (b - a + 1));
  }
  sign(): 1 | -1 {
    return this.g.uniform() < 0.5 ? -1 : 1;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.g.uniform() * xs.length)]!;
  }
}

/** Three significant digits, as a number (what the case's settings show). */
export function sig(x: number, digits = 3): number {
  return Number(x.toPrecision(digits));
}

/** Rounded up to `digits` significant digits. */
export function ceilSig(x: number, digits = 2): number {
  const unit = 10 ** (Math.floor(Math.log10(x)) - digits + 1);
  return sig(Math.ceil(x / unit) * unit, digits + 1);
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

const SUP: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** A number for the explanation: three significant digits, no exponent for ordinary sizes. */
export function num(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? '∞' : '−∞';
  const a = Math.abs(x);
  if (a !== 0 && (a >= 1e6 || a < 1e-4)) {
    const [m, e] = x.toExponential(digits - 1).split('e');
    return `${Number(m)}×10${String(Number(e)).split('').map((ch) => SUP[ch] ?? ch).join('')}`;
  }
  return String(sig(x, digits));
}

export function sgd(lr: number, momentum = 0): SgdSpec {
  return { kind: 'sgd', ...OPTIMIZER_DEFAULTS.sgd, lr, momentum };
}

/** A full run spec: plain SGD at a constant rate, no extras (a case then adds what it needs). */
export function plainRun(surface: SurfaceSpec, start: Vec2, steps: number, lr: number): RunSpec {
  return { ...PLAIN_LOOP, surface, optimizer: sgd(lr), start, steps };
}

export interface Bowl {
  surface: QuadraticSpec;
  start: Vec2;
  lambdaMax: number;
  lambdaMin: number;
}

/**
 * A bowl with eigenvalues [λmin, λmax] (flat eigenvector v1 = (cos θ, −sin θ), steep v2 = (sin θ, cos θ))
 * and a start at distance `radius` from the centre whose loss has the share `flatShare` in the flat
 * direction: λmin·e1² = flatShare·(λmin·e1² + λmax·e2²).
 */
export function drawBowl(d: Draw, lambdaMax: number, kappa: number, flatShare: number, radius: number): Bowl {
  const lmax = sig(lambdaMax);
  const lmin = sig(lambdaMax / kappa);
  const angle = round2(d.between(-1.5, 1.5));
  const center: Vec2 = [round2(d.between(-1, 1)), round2(d.between(-1, 1))];
  // e2/e1 from the share: λmax e2² / (λmin e1²) = (1 − s)/s.
  const q = Math.sqrt(((1 - flatShare) / flatShare) * (lmin / lmax));
  const e1 = d.sign() * radius / Math.sqrt(1 + q * q);
  const e2 = d.sign() * Math.abs(e1) * q;
  const c = Math.cos(angle), s = Math.sin(angle);
  const start: Vec2 = [round2(center[0] + e1 * c + e2 * s), round2(center[1] - e1 * s + e2 * c)];
  return { surface: { kind: 'quadratic', eigenvalues: [lmin, lmax], angle, center }, start, lambdaMax: lmax, lambdaMin: lmin };
}

/** Eigen-coordinates (flat, steep) of a point on a bowl. */
export function eigenCoords(b: QuadraticSpec, w: Vec2): [number, number] {
  const c = Math.cos(b.angle), s = Math.sin(b.angle);
  const dx = w[0] - b.center[0], dy = w[1] - b.center[1];
  return [dx * c - dy * s, dx * s + dy * c];
}

/** Plain GD on a bowl in closed form: after k steps each eigen-coordinate is (1 − αλᵢ)^k times its start. */
export function gdAfter(b: QuadraticSpec, start: Vec2, lr: number, k: number): { e: [number, number]; loss: number; grad: Vec2 } {
  const [l1, l2] = b.eigenvalues;
  const [a, bb] = eigenCoords(b, start);
  const e: [number, number] = [a * (1 - lr * l1) ** k, bb * (1 - lr * l2) ** k];
  const c = Math.cos(b.angle), s = Math.sin(b.angle);
  // ∇f = λ1 e1 v1 + λ2 e2 v2.
  const grad: Vec2 = [l1 * e[0] * c + l2 * e[1] * s, -l1 * e[0] * s + l2 * e[1] * c];
  return { e, loss: 0.5 * (l1 * e[0] ** 2 + l2 * e[1] ** 2), grad };
}
