import type { QuadraticSpec } from '../../src/engine';
import { defaultDoc, type LabDoc, type RunDoc } from '../../src/state/doc';
import { encodeDoc } from '../../src/state/url-encode';

/** A lab page path that loads `doc` (the default document with the given overrides). */
export function labPath(over: Partial<LabDoc> = {}): string {
  return `/?lab=${encodeURIComponent(encodeDoc({ ...defaultDoc(), ...over }))}`;
}

/** One plain gradient-descent run. */
export function gdRun(lr: number, id = 'r1'): RunDoc {
  return {
    id, schedule: { kind: 'constant' }, clip: null, noise: null, seed: 0,
    optimizer: { kind: 'sgd', lr, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0 },
  };
}

/** f = ½(x² + 10y²): λmax = 10, so GD's boundary is 2/λmax = 0.2. */
export const QUAD_10: QuadraticSpec = { kind: 'quadratic', eigenvalues: [1, 10], angle: 0, center: [0, 0] };
