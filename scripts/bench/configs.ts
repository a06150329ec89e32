/**
 * What `npm run bench` measures: every optimizer configuration on two surfaces, with learning
 * rates small enough that 1e6 steps stay finite and still end away from the minimum's exact
 * float (so the engine/inline trajectory check compares real numbers, not 0 with 0).
 */
import { formatErrors, parseRunSpec, type RunSpec, type SimResult } from '../../src/engine';

export type Point = [number, number];
/** A hand-written compute-only loop: takes n steps from spec.start and returns the final point. */
export type InlineLoop = (spec: RunSpec, n: number) => Point;
/** The arrays a run records into: the engine's record type, preallocated once and reused. */
export type Rec = Pick<SimResult, 'w' | 'loss' | 'gradNorm' | 'lr'>;
/**
 * A hand-written recording loop: records points 0…n (or up to the first non-finite value) into
 * rec exactly as Run.advance does, and returns how many points it recorded.
 */
export type RecordLoop = (spec: RunSpec, n: number, rec: Rec) => number;

export const SURFACES = [
  { name: 'quadratic', input: { kind: 'quadratic', eigenvalues: [1, 20], angle: 0.6 } },
  { name: 'rosenbrock', input: { kind: 'rosenbrock', a: 1, b: 100 } },
] as const;

/** lr: [on the quadratic, on Rosenbrock]. Other hyperparameters are torch's defaults. */
export const OPTIMIZERS = [
  { name: 'sgd', input: { kind: 'sgd' }, lr: [1e-4, 1e-4] },
  { name: 'sgd momentum', input: { kind: 'sgd', momentum: 0.9 }, lr: [1e-5, 1e-4] },
  { name: 'sgd nesterov', input: { kind: 'sgd', momentum: 0.9, nesterov: true }, lr: [1e-5, 1e-4] },
  { name: 'adam', input: { kind: 'adam' }, lr: [1e-3, 1e-3] },
  { name: 'adamw', input: { kind: 'adamw' }, lr: [1e-3, 1e-3] },
  { name: 'adam amsgrad', input: { kind: 'adam', amsgrad: true }, lr: [1e-4, 1e-3] },
  { name: 'rmsprop', input: { kind: 'rmsprop' }, lr: [1e-3, 1e-4] },
  { name: 'rmsprop centered+momentum', input: { kind: 'rmsprop', centered: true, momentum: 0.9 }, lr: [1e-4, 1e-5] },
  { name: 'adagrad', input: { kind: 'adagrad' }, lr: [1e-2, 1e-1] },
] as const;

export type SurfaceName = (typeof SURFACES)[number]['name'];
export type OptimizerName = (typeof OPTIMIZERS)[number]['name'];
export type LoopTable = Record<OptimizerName, InlineLoop>;
export type RecordTable = Record<OptimizerName, RecordLoop>;

/** A validated spec, exactly as the UI would get it from parseRunSpec. */
export function specFor(surface: number, optimizer: number, steps: number): RunSpec {
  const s = SURFACES[surface]!;
  const o = OPTIMIZERS[optimizer]!;
  const parsed = parseRunSpec({ surface: s.input, optimizer: { ...o.input, lr: o.lr[surface] }, steps });
  if (!parsed.ok) throw new Error(`bench: bad spec for ${s.name}/${o.name}\n${formatErrors(parsed.errors)}`);
  return parsed.spec;
}
