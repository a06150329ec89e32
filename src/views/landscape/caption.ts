import type { Minimum, SurfaceSpec, Vec2 } from '../../engine';
import { fmtPlain } from '../../ui/format';

const p = (x: number) => fmtPlain(x);

/** One phrase naming the surface and its parameters. */
export function describeSurface(s: SurfaceSpec): string {
  switch (s.kind) {
    case 'quadratic': {
      const [a, b] = s.eigenvalues;
      const shape = a < 0 || b < 0 ? (a < 0 && b < 0 ? 'Quadratic hill' : 'Quadratic saddle') : 'Quadratic bowl';
      const deg = Math.round((s.angle * 180) / Math.PI);
      return `${shape}, curvatures λ = ${p(a)} and ${p(b)}${deg ? `, rotated ${deg}°` : ''}`;
    }
    case 'rosenbrock':
      return `Rosenbrock valley, a = ${p(s.a)}, b = ${p(s.b)}`;
    case 'cliff':
      return `Bowl with a cliff of height ${p(s.height)} at x = ${p(s.position)}`;
    case 'wells':
      return `Bowl with ${s.wells.length} well${s.wells.length === 1 ? '' : 's'}`;
    case 'product':
      return s.power === 1 ? `Product valley ½(xy − ${p(s.target)})²` : `Product valley ¼((xy)² − ${p(s.target)})²`;
  }
}

export interface RunSummary {
  label: string;
  /** e.g. "leaves the view at step 14", "overflows to ∞ at step 137", "ends at (0.1, 0)". */
  fate: string;
}

/** The figure's text alternative: what is drawn, where the minima and the start are, each run. */
export function summarize(s: SurfaceSpec, minima: readonly Minimum[], start: Vec2, runs: readonly RunSummary[]): string {
  const mins = minima.length === 0
    ? 'It has no minimum.'
    : `${minima.length === 1 ? 'Minimum' : `${minima.length} minima, the lowest`} at (${p(minima[0]!.x)}, ${p(minima[0]!.y)}), loss ${p(minima[0]!.value)}.`;
  const list = runs.map((r) => `${r.label}: ${r.fate}`).join('; ');
  return `${describeSurface(s)}. Colour and contour lines show the loss on a log scale, dark = low. ${mins} `
    + `Arrows show the Hessian's eigenvectors. Start point at (${p(start[0])}, ${p(start[1])}). `
    + `${runs.length} run${runs.length === 1 ? '' : 's'}: ${list}.`;
}
