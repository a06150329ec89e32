import type { SurfaceSpec } from '../spec/types';

/**
 * Anything the runner can minimise: a loss of `dim` parameters with its gradient.
 * 2D surfaces implement it today; a small network will implement it later.
 */
export interface Objective {
  readonly dim: number;
  /** Returns f(w) and writes ∇f(w) into g (length dim). Must not allocate. */
  valueAndGrad(w: Float64Array, g: Float64Array): number;
}

export interface ViewBox {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export interface Minimum {
  x: number;
  y: number;
  value: number;
}

/** A 2D loss surface with analytic value, gradient and Hessian in float64. */
export interface Surface extends Objective {
  readonly dim: 2;
  readonly spec: SurfaceSpec;
  value(x: number, y: number): number;
  /** Writes (∂f/∂x, ∂f/∂y) into out[0], out[1]. */
  gradient(x: number, y: number, out: Float64Array): void;
  /** Writes (∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y²) into out[0], out[1], out[2]. */
  hessian(x: number, y: number, out: Float64Array): void;
  /** A window that shows the interesting part of the surface. */
  readonly viewBox: ViewBox;
  /** Local minima, lowest first (empty when there is none, e.g. a saddle). */
  readonly minima: readonly Minimum[];
}

/** Shared plumbing: valueAndGrad over a typed array in terms of value() and gradient(). */
export abstract class Surface2D implements Surface {
  readonly dim = 2 as const;
  abstract readonly spec: SurfaceSpec;
  abstract readonly viewBox: ViewBox;
  abstract readonly minima: readonly Minimum[];
  abstract value(x: number, y: number): number;
  abstract gradient(x: number, y: number, out: Float64Array): void;
  abstract hessian(x: number, y: number, out: Float64Array): void;

  valueAndGrad(w: Float64Array, g: Float64Array): number {
    const x = w[0]!;
    const y = w[1]!;
    this.gradient(x, y, g);
    return this.value(x, y);
  }
}

export function boxAround(cx: number, cy: number, half: number): ViewBox {
  return { xMin: cx - half, xMax: cx + half, yMin: cy - half, yMax: cy + half };
}
