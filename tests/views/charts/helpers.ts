import type { RunResult } from '../../../src/state/compute';
import { defaultDoc, type LabDoc, type RunDoc } from '../../../src/state/doc';
import { createLab } from '../../../src/state/store';
import type { QuadraticSpec, ScheduleSpec, SurfaceSpec } from '../../../src/engine';

export const QUAD: QuadraticSpec = { kind: 'quadratic', eigenvalues: [1, 10], angle: Math.PI / 6, center: [0, 0] };

export interface Opts {
  surface?: SurfaceSpec;
  lr?: number[];
  momentum?: number;
  weightDecay?: number;
  schedule?: ScheduleSpec;
  steps?: number;
}

/** A lab document with plain SGD runs at the given rates. */
export function docWith(o: Opts = {}): LabDoc {
  const base = defaultDoc();
  const runs: RunDoc[] = (o.lr ?? [0.1]).map((lr, i) => ({
    id: `r${i + 1}`,
    optimizer: { kind: 'sgd', lr, momentum: o.momentum ?? 0, dampening: 0, nesterov: false, weightDecay: o.weightDecay ?? 0 },
    schedule: o.schedule ?? { kind: 'constant' }, clip: null, noise: null, seed: 0,
  }));
  return { ...base, surface: o.surface ?? QUAD, steps: o.steps ?? 100, runs };
}

export function labResults(o: Opts = {}): RunResult[] {
  return createLab(docWith(o)).store.getState().results;
}
