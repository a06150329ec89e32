import { useMemo } from 'react';
import { createSurface, symmetricEigen2, type QuadraticSpec, type Vec2 } from '../../engine';
import type { LabDoc } from '../../state/doc';
import { useLabState } from '../../state/context';

/** A plain gradient-descent run of the lab (SGD without momentum or weight decay). */
export interface GdRun {
  /** 0-based position in the lab, as runColor and "run 1, 2, …" count. */
  index: number;
  lr: number;
}

/** The numbers the lesson's figures are drawn for: the lab's surface when it has a minimum. */
export interface CurrentBowl {
  /** 'lab': the lab's own surface; 'lesson': the lesson's bowl, because the lab's has no minimum. */
  source: 'lab' | 'lesson';
  /** Why the lab's surface was not used (when source is 'lesson'). */
  reason: string | null;
  surfaceKind: string;
  /** Where the Hessian was taken (the lowest minimum), and its entries [∂xx, ∂xy, ∂yy]. */
  at: Vec2;
  hessian: [number, number, number];
  lambdaMin: number;
  lambdaMax: number;
  vMin: Vec2;
  vMax: Vec2;
  /** The lab's plain-GD runs (only when source is 'lab'). */
  gdRuns: GdRun[];
}

function hessianAt(spec: LabDoc['surface'], at: Vec2) {
  const h = new Float64Array(3);
  createSurface(spec).hessian(at[0], at[1], h);
  const e = symmetricEigen2(h[0]!, h[1]!, h[2]!);
  return { hessian: [h[0]!, h[1]!, h[2]!] as [number, number, number], ...e };
}

/**
 * The Hessian at the lab surface's lowest minimum and its eigen-decomposition (the engine's
 * surface.hessian and symmetricEigen2), or the lesson's bowl when the lab's surface has no
 * minimum with positive curvature in both directions.
 */
export function currentBowl(doc: Pick<LabDoc, 'surface' | 'runs'>, fallback: QuadraticSpec): CurrentBowl {
  const surface = createSurface(doc.surface);
  const m = surface.minima[0];
  let reason: string | null = null;
  if (m) {
    const e = hessianAt(doc.surface, [m.x, m.y]);
    if (e.lambdaMin > 0 && Number.isFinite(e.lambdaMax)) {
      const gdRuns = doc.runs.flatMap((r, index) =>
        r.optimizer.kind === 'sgd' && r.optimizer.momentum === 0 && r.optimizer.weightDecay === 0 ? [{ index, lr: r.optimizer.lr }] : [],
      );
      return { source: 'lab', reason, surfaceKind: doc.surface.kind, at: [m.x, m.y], ...e, gdRuns };
    }
    reason = 'its Hessian at the minimum is not positive in both directions';
  } else {
    reason = 'it has no minimum (a saddle or a flat direction)';
  }
  const e = hessianAt(fallback, fallback.center);
  return { source: 'lesson', reason, surfaceKind: 'quadratic', at: fallback.center, ...e, gdRuns: [] };
}

/** currentBowl for the live lab: recomputed whenever the lab's surface or runs change. */
export function useCurrentBowl(fallback: QuadraticSpec): CurrentBowl {
  const surface = useLabState((s) => s.doc.surface);
  const runs = useLabState((s) => s.doc.runs);
  return useMemo(() => currentBowl({ surface, runs }, fallback), [surface, runs, fallback]);
}
