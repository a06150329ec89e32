/** Pure helpers for the surface controls: kinds, defaults, and the λ1, λ2 ↔ λmax, κ entry. */
import { SURFACE_DEFAULTS, type SurfaceKind, type SurfaceSpec, type Vec2 } from '../../engine';
import type { RangeScale } from '../../ui/range-scale';

export const SURFACE_OPTIONS: readonly { value: SurfaceKind; label: string }[] = [
  { value: 'quadratic', label: 'Quadratic bowl' },
  { value: 'rosenbrock', label: 'Rosenbrock valley' },
  { value: 'cliff', label: 'Cliff' },
  { value: 'wells', label: 'Wells (several minima)' },
  { value: 'product', label: 'Product valley (x·y = 1)' },
];

/** A fresh spec of a kind with the engine's defaults (arrays copied, never shared). */
export function defaultSurface(kind: SurfaceKind): SurfaceSpec {
  switch (kind) {
    case 'quadratic': {
      const d = SURFACE_DEFAULTS.quadratic;
      return { kind, eigenvalues: [...d.eigenvalues], angle: d.angle, center: [...d.center] };
    }
    case 'rosenbrock':
      return { kind, ...SURFACE_DEFAULTS.rosenbrock };
    case 'cliff':
      return { kind, ...SURFACE_DEFAULTS.cliff };
    case 'wells':
      return {
        kind, bowl: SURFACE_DEFAULTS.wells.bowl,
        wells: SURFACE_DEFAULTS.wells.wells.map((w) => ({ center: [...w.center] as Vec2, depth: w.depth, width: w.width })),
      };
    case 'product':
      return { kind, ...SURFACE_DEFAULTS.product };
  }
}

export type LambdaMode = 'pair' | 'maxKappa';

/** λmax and κ = λmax/λmin; κ is null unless both eigenvalues are positive. */
export function toMaxKappa(eigenvalues: Vec2): { lambdaMax: number; kappa: number | null } {
  const [a, b] = eigenvalues;
  const lambdaMax = Math.max(a, b);
  const lambdaMin = Math.min(a, b);
  return { lambdaMax, kappa: lambdaMin > 0 ? lambdaMax / lambdaMin : null };
}

/**
 * Eigenvalues from λmax and κ ≥ 1, keeping λmax on the axis that had it (θ keeps its meaning):
 * λmin = λmax/κ. With κ = 1 both are λmax.
 */
export function fromMaxKappa(lambdaMax: number, kappa: number, previous: Vec2): Vec2 {
  const lambdaMin = lambdaMax / kappa;
  return previous[0] >= previous[1] ? [lambdaMax, lambdaMin] : [lambdaMin, lambdaMax];
}

/** Why the λmax, κ entry is unavailable, or null when it can be used. */
export function maxKappaProblem(eigenvalues: Vec2): string | null {
  return toMaxKappa(eigenvalues).kappa === null
    ? 'κ needs both eigenvalues > 0 (this surface has a flat or downward direction).'
    : null;
}

/** Slider ranges where the range is natural; the boxes take any valid value. */
export const SCALES = {
  lambda: { min: 0.01, max: 1000, step: 0.005, log: true, digits: 3 },
  kappa: { min: 1, max: 10000, step: 0.005, log: true, digits: 3 },
  angle: { min: -90, max: 90, step: 1 },
  center: { min: -3, max: 3, step: 0.05 },
  rosenA: { min: -2, max: 2, step: 0.05 },
  rosenB: { min: 0.1, max: 1000, step: 0.01, log: true, digits: 3 },
  cliffHeight: { min: 0, max: 50, step: 0.5 },
  cliffSteepness: { min: 0.5, max: 500, step: 0.01, log: true, digits: 3 },
  cliffPosition: { min: -3, max: 3, step: 0.05 },
  bowl: { min: 0, max: 2, step: 0.01 },
  target: { min: 0.1, max: 4, step: 0.05 },
} as const satisfies Record<string, RangeScale>;
