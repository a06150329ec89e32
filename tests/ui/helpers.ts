import { createSurface, parseRunSpec, stabilityReport, type RunSpec, type StabilityReport } from '../../src/engine';

/** A validated spec from partial input (throws with the messages if invalid). */
export function runSpec(input: Record<string, unknown>): RunSpec {
  const r = parseRunSpec(input);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return r.spec;
}

/** Quadratic with eigenvalues [l1, l2] (θ = 0), SGD with the given settings, and its report. */
export function quadReport(
  eigenvalues: [number, number],
  optimizer: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): { spec: RunSpec; report: StabilityReport } {
  const spec = runSpec({ surface: { kind: 'quadratic', eigenvalues, angle: 0, center: [0, 0] }, optimizer, start: [1, 1], steps: 50, ...extra });
  return { spec, report: stabilityReport(spec, createSurface(spec.surface)) };
}
