import { parseRunSpec, type RunSpec } from '../../src/engine';

/** A validated spec from partial input; throws with the messages if it is invalid. */
export function spec(input: Record<string, unknown>): RunSpec {
  const r = parseRunSpec(input);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return r.spec;
}

export function quadratic(eigenvalues: [number, number], angle = 0, center: [number, number] = [0, 0]) {
  return { kind: 'quadratic', eigenvalues, angle, center };
}

export function sgd(lr: number, momentum = 0, nesterov = false) {
  return { kind: 'sgd', lr, momentum, nesterov };
}
