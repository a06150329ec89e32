/** The run spec's field rules as the property tests see them, and generators of valid specs. */
import fc from 'fast-check';
import { expect } from 'vitest';
import { EVENT, MAX_STEPS, formatErrors, parseRunSpec, roundTo, type RunSpec, type SimResult } from '../../../src/engine';
export type Obj = Record<string, unknown>;
export type Arb<T = unknown> = fc.Arbitrary<T>;

// ---------------------------------------------------------------------------------------------
// Field rules (the spec's contract), shared by the generators of valid, corrupted and wild specs.

export interface NumRule {
  t: 'num';
  min?: number;
  /** min is excluded (value must be > min). */
  minEx?: boolean;
  max?: number;
  maxEx?: boolean;
  int?: boolean;
  /** Must be present (no default). */
  req?: boolean;
}
export type Rule = NumRule | { t: 'bool' } | { t: 'vec'; elem: NumRule } | { t: 'enum'; values: string[] };
export type Fields = Record<string, Rule>;

export const ANY: NumRule = { t: 'num' };
export const NONNEG: NumRule = { t: 'num', min: 0 };
export const POS: NumRule = { t: 'num', min: 0, minEx: true };
export const BETA: NumRule = { t: 'num', min: 0, max: 1, maxEx: true };
export const BOOL: Rule = { t: 'bool' };
export const vec = (elem: NumRule): Rule => ({ t: 'vec', elem });

export const SURFACE_FIELDS: Record<string, Fields> = {
  quadratic: { eigenvalues: vec(ANY), angle: ANY, center: vec(ANY) },
  rosenbrock: { a: ANY, b: NONNEG },
  cliff: { height: NONNEG, steepness: POS, position: ANY },
  wells: { bowl: NONNEG }, // plus `wells`, a list handled on its own
  product: { target: POS, power: { t: 'num', min: 1, max: 2, int: true } },
};
export const WELL_FIELDS: Fields = { center: vec(ANY), depth: { ...POS, req: true }, width: { ...POS, req: true } };
export const ADAM_FIELDS: Fields = { lr: NONNEG, betas: vec(BETA), eps: NONNEG, weightDecay: NONNEG, amsgrad: BOOL };
export const OPTIMIZER_FIELDS: Record<string, Fields> = {
  sgd: { lr: NONNEG, momentum: NONNEG, dampening: ANY, nesterov: BOOL, weightDecay: NONNEG },
  adam: ADAM_FIELDS,
  adamw: ADAM_FIELDS,
  rmsprop: { lr: NONNEG, alpha: NONNEG, eps: NONNEG, momentum: NONNEG, centered: BOOL, weightDecay: NONNEG },
  adagrad: { lr: NONNEG, lrDecay: NONNEG, initialAccumulatorValue: NONNEG, eps: NONNEG, weightDecay: NONNEG },
};
export const SCHEDULE_FIELDS: Record<string, Fields> = {
  constant: {},
  linearWarmup: { warmupSteps: { t: 'num', min: 1, int: true, req: true } },
  warmupCosine: {
    warmupSteps: { t: 'num', min: 0, int: true, req: true },
    totalSteps: { t: 'num', min: 1, int: true, req: true },
    minFactor: { t: 'num', min: 0, max: 1 },
  },
  step: { stepSize: { t: 'num', min: 1, int: true, req: true }, gamma: POS },
  exponential: { gamma: { ...POS, req: true } },
  cosineRestarts: {
    t0: { t: 'num', min: 1, int: true, req: true },
    tMult: { t: 'num', min: 1, max: 16, int: true },
    minFactor: { t: 'num', min: 0, max: 1 },
  },
};
export const CLIP_FIELDS: Fields = { maxNorm: { ...POS, req: true } };
export const NOISE_FIELDS: Fields = { batchSize: { t: 'num', min: 1, int: true, req: true }, std: NONNEG };
export const BAD_BATCH_KINDS = ['outlier', 'nan', 'inf'];
export const BAD_BATCH_FIELDS: Fields = { step: { t: 'num', min: 0, int: true, req: true }, scale: ANY };
export const GUARD_FIELDS: Fields = { skipFactor: NONNEG, beta: BETA, skipNonFinite: BOOL };
export const FORMAT: Rule = { t: 'enum', values: ['fp64', 'fp32', 'fp16', 'bf16'] };
export const PRECISION_FIELDS: Fields = { params: FORMAT, compute: FORMAT }; // plus `lossScale`, nullable, below
export const LOSS_SCALE_FIELDS: Fields = {
  init: POS,
  growthFactor: { t: 'num', min: 1, minEx: true },
  backoffFactor: { t: 'num', min: 0, minEx: true, max: 1, maxEx: true },
  growthInterval: { t: 'num', min: 1, int: true },
};
export const TOP_FIELDS: Fields = {
  start: vec(ANY),
  steps: { t: 'num', min: 0, max: MAX_STEPS, int: true },
  seed: { t: 'num', min: 0, max: 2 ** 32 - 1, int: true },
};
export const TOP_KEYS = ['surface', 'optimizer', 'schedule', 'clip', 'noise', 'badBatch', 'guard', 'precision', 'start', 'steps', 'seed'];
export const SURFACE_KINDS = Object.keys(SURFACE_FIELDS);
export const OPTIMIZER_KINDS = Object.keys(OPTIMIZER_FIELDS);
export const SCHEDULE_KINDS = Object.keys(SCHEDULE_FIELDS);
/** Every field name the spec knows anywhere: good material for "a field in the wrong place". */
export const ALL_FIELD_NAMES = [...new Set([
  'kind', 'wells', ...TOP_KEYS,
  ...[SURFACE_FIELDS, OPTIMIZER_FIELDS, SCHEDULE_FIELDS].flatMap((m) => Object.values(m).flatMap((f) => Object.keys(f))),
  ...Object.keys(WELL_FIELDS), ...Object.keys(CLIP_FIELDS), ...Object.keys(NOISE_FIELDS),
  ...[BAD_BATCH_FIELDS, GUARD_FIELDS, PRECISION_FIELDS, LOSS_SCALE_FIELDS].flatMap((f) => Object.keys(f)), 'lossScale',
])];
export const TYPOS = ['learningRate', 'learning_rate', 'weight_decay', 'max_norm', 'batch_size', 'beta1', 'Lr', 'lr ', 'momentun', 'type', 'name', 'steps_'];

// ---------------------------------------------------------------------------------------------
// Valid specs.

export const real = (min: number, max: number, c: { minExcluded?: boolean; maxExcluded?: boolean } = {}) =>
  fc.double({ min, max, noNaN: true, ...c });
export const rec = <T extends Record<string, Arb>>(model: T, requiredKeys: (keyof T & string)[]) =>
  fc.record(model, { requiredKeys, noNullPrototype: true }) as unknown as Arb<Obj>;

export const eigenvalue = fc.oneof(fc.constant(0), real(-10, 1e4), real(-10, 10));
export const anyReal = fc.oneof(real(-3, 3), fc.constant(0));
export const pair = (a: Arb<number>) => fc.tuple(a, a);

export const validSurface: Arb<Obj> = fc.oneof(
  rec({ kind: fc.constant('quadratic'), eigenvalues: pair(eigenvalue), angle: real(-7, 7), center: pair(anyReal) }, ['kind']),
  rec({ kind: fc.constant('rosenbrock'), a: anyReal, b: real(0, 200) }, ['kind']),
  rec({ kind: fc.constant('cliff'), height: real(0, 100), steepness: real(0, 200, { minExcluded: true }), position: anyReal }, ['kind']),
  rec({
    kind: fc.constant('wells'),
    bowl: real(0, 2),
    wells: fc.array(
      rec({ center: pair(real(-4, 4)), depth: real(0, 5, { minExcluded: true }), width: real(0, 3, { minExcluded: true }) }, ['center', 'depth', 'width']),
      { minLength: 1, maxLength: 4 },
    ),
  }, ['kind']),
  rec({ kind: fc.constant('product'), target: real(0, 4, { minExcluded: true }), power: fc.constantFrom(1, 2) }, ['kind']),
);

export const lr = fc.oneof(real(0, 1), real(0, 1e3), fc.constantFrom(0, 1e-3, 1e3));
export const decay = fc.oneof(fc.constant(0), real(0, 1));
export const eps = fc.oneof(fc.constantFrom(0, 1e-8, 1e-10), real(0, 1e-3));
export const beta = fc.oneof(fc.constantFrom(0, 0.9, 0.999), real(0, 1, { maxExcluded: true }));

export const validOptimizer: Arb<Obj> = fc.oneof(
  rec({ kind: fc.constant('sgd'), lr, momentum: fc.oneof(fc.constant(0), real(0, 2)), dampening: real(-1, 1), nesterov: fc.constant(false), weightDecay: decay }, ['kind']),
  rec({ kind: fc.constant('sgd'), lr, momentum: real(0, 2, { minExcluded: true }), dampening: fc.constant(0), nesterov: fc.constant(true), weightDecay: decay }, ['kind', 'momentum', 'nesterov']),
  rec({ kind: fc.constantFrom('adam', 'adamw'), lr, betas: pair(beta), eps, weightDecay: decay, amsgrad: fc.boolean() }, ['kind']),
  rec({ kind: fc.constant('rmsprop'), lr, alpha: fc.oneof(real(0, 1), real(0, 2)), eps, momentum: fc.oneof(fc.constant(0), real(0, 2)), centered: fc.boolean(), weightDecay: decay }, ['kind']),
  rec({ kind: fc.constant('adagrad'), lr, lrDecay: decay, initialAccumulatorValue: fc.oneof(fc.constant(0), real(0, 1)), eps, weightDecay: decay }, ['kind']),
);

export const validSchedule: Arb<Obj> = fc.oneof(
  fc.constant({ kind: 'constant' }),
  rec({ kind: fc.constant('linearWarmup'), warmupSteps: fc.integer({ min: 1, max: 400 }) }, ['kind', 'warmupSteps']),
  fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 300 })).chain(([warmupSteps, extra]) =>
    rec({ kind: fc.constant('warmupCosine'), warmupSteps: fc.constant(warmupSteps), totalSteps: fc.constant(warmupSteps + extra), minFactor: real(0, 1) },
      ['kind', 'warmupSteps', 'totalSteps'])),
  rec({
    kind: fc.constant('step'),
    stepSize: fc.integer({ min: 1, max: 100 }),
    gamma: fc.oneof(real(0, 1, { minExcluded: true }), real(0, 2, { minExcluded: true }), real(0, 1e3, { minExcluded: true })),
  }, ['kind', 'stepSize']),
  rec({ kind: fc.constant('exponential'), gamma: fc.oneof(real(0.5, 1.5), real(0, 1e3, { minExcluded: true })) }, ['kind', 'gamma']),
  rec({ kind: fc.constant('cosineRestarts'), t0: fc.integer({ min: 1, max: 100 }), tMult: fc.integer({ min: 1, max: 16 }), minFactor: real(0, 1) }, ['kind', 't0']),
);

const format = fc.constantFrom('fp64', 'fp32', 'fp16', 'bf16');
export const validBadBatch: Arb<Obj> = rec({
  kind: fc.constantFrom('outlier', 'nan', 'inf'), step: fc.integer({ min: 0, max: 300 }), scale: fc.oneof(real(-1e3, 1e3), fc.constant(100)),
}, ['kind', 'step']);
export const validGuard: Arb<Obj> = rec({ skipFactor: fc.oneof(fc.constant(0), real(0, 20)), beta: real(0, 1, { maxExcluded: true }), skipNonFinite: fc.boolean() }, []);
export const validPrecision: Arb<Obj> = rec({
  params: format,
  compute: format,
  lossScale: fc.option(rec({
    init: real(0, 2 ** 24, { minExcluded: true }), growthFactor: real(1, 4, { minExcluded: true }),
    backoffFactor: real(0, 1, { minExcluded: true, maxExcluded: true }), growthInterval: fc.integer({ min: 1, max: 3000 }),
  }, []), { nil: null }),
}, []);

export const validSpec: Arb<Obj> = rec({
  surface: validSurface,
  optimizer: validOptimizer,
  schedule: validSchedule,
  clip: fc.option(rec({ maxNorm: real(0, 100, { minExcluded: true }) }, ['maxNorm']), { nil: null }),
  noise: fc.option(rec({ batchSize: fc.integer({ min: 1, max: 256 }), std: real(0, 3) }, ['batchSize']), { nil: null }),
  badBatch: fc.option(validBadBatch, { nil: null }),
  guard: fc.option(validGuard, { nil: null }),
  precision: fc.option(validPrecision, { nil: null }),
  start: pair(real(-5, 5)),
  steps: fc.integer({ min: 0, max: 300 }),
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
}, ['surface', 'optimizer']);

// ---------------------------------------------------------------------------------------------
// Helpers.

export function parsed(input: unknown): RunSpec {
  const r = parseRunSpec(input);
  if (!r.ok) expect.fail(`a valid spec was rejected:\n${formatErrors(r.errors)}\ninput: ${show(input)}`);
  return r.spec;
}

export function show(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x));
}

export const jsonClone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Every value present in `input` is in `output` unchanged (a given value is never replaced). */
export function expectKept(input: unknown, output: unknown, path = 'spec'): void {
  if (input !== null && typeof input === 'object') {
    expect(output !== null && typeof output === 'object', `${path} is kept as ${Array.isArray(input) ? 'an array' : 'an object'}`).toBe(true);
    if (Array.isArray(input)) {
      expect(Array.isArray(output) && output.length === input.length, `${path} keeps its length`).toBe(true);
    }
    for (const [k, v] of Object.entries(input)) expectKept(v, (output as Obj)[k], `${path}.${k}`);
    return;
  }
  expect(Object.is(input, output), `${path}: given ${String(input)}, parsed ${String(output)}`).toBe(true);
}

/** The runner's contract for a record (see SimResult in src/engine/run.ts). */
export function expectWellFormedRun(spec: RunSpec, r: SimResult): void {
  const n = r.length;
  expect(r.dim).toBe(2);
  expect([r.w.length, r.loss.length, r.gradNorm.length, r.lr.length]).toStrictEqual([2 * n, n, n, n]);
  expect(n).toBeGreaterThanOrEqual(1);
  const fmt = spec.precision?.params ?? 'fp64';
  expect([r.w[0], r.w[1]], 'w[0] is the start (in the parameters\' format)').toStrictEqual([roundTo(fmt, spec.start[0]), roundTo(fmt, spec.start[1])]);
  const extras = spec.badBatch !== null || spec.guard !== null || spec.precision !== null;
  expect(r.events !== null && r.events.length === n, 'runs with extras record events').toBe(extras);
  // A step the loop skipped (a guard or the loss scaler caught it) may record a non-finite ‖g‖.
  const skipped = (k: number) => r.events !== null && (r.events[k]! & EVENT.skipped) !== 0;
  const firstBad = (upTo: number): string | null => {
    for (let k = 0; k < upTo; k++) {
      const rec = { x: r.w[2 * k]!, y: r.w[2 * k + 1]!, loss: r.loss[k]!, gradNorm: skipped(k) ? 0 : r.gradNorm[k]!, lr: r.lr[k]! };
      for (const [name, v] of Object.entries(rec)) if (!Number.isFinite(v)) return `${name}[${k}] = ${v}`;
    }
    return null;
  };
  if (r.stoppedAt === null) {
    expect(r.nonFinite).toBeNull();
    expect(n, 'a finished run has steps + 1 records').toBe(spec.steps + 1);
    expect(firstBad(n), 'a run that did not stop has only finite records').toBeNull();
    return;
  }
  const k = r.stoppedAt;
  expect(k).toBeGreaterThanOrEqual(0);
  expect(k).toBeLessThanOrEqual(spec.steps);
  expect(n, 'a stopped run has stoppedAt + 1 records').toBe(k + 1);
  const nf = r.nonFinite;
  if (nf === null) return expect.fail(`stoppedAt ${k} without a nonFinite report`);
  expect(nf.step).toBe(k);
  expect(typeof nf.what).toBe('string');
  expect(Number.isFinite(nf.value), 'the reported value is non-finite').toBe(false);
  expect(firstBad(k), `every record before the stop at ${k} is finite`).toBeNull();
  // The report points at a value actually recorded at step k; what it names went non-finite first
  // (in the order parameters, loss, gradient, gradient norm).
  const xy = [r.w[2 * k]!, r.w[2 * k + 1]!];
  const finiteXY = xy.every(Number.isFinite);
  switch (nf.what) {
    case 'parameters':
      expect(xy.some((v) => Object.is(v, nf.value)), `parameters ${xy} hold ${nf.value}`).toBe(true);
      break;
    case 'loss':
      expect(finiteXY, 'the parameters are finite').toBe(true);
      expect(Object.is(r.loss[k], nf.value)).toBe(true);
      break;
    case 'gradient':
      expect(finiteXY && Number.isFinite(r.loss[k]!), 'parameters and loss are finite').toBe(true);
      expect(Number.isFinite(r.gradNorm[k]!), 'a non-finite gradient has a non-finite norm').toBe(false);
      break;
    case 'gradNorm':
      expect(finiteXY && Number.isFinite(r.loss[k]!), 'parameters and loss are finite').toBe(true);
      expect(Object.is(r.gradNorm[k], nf.value)).toBe(true);
      break;
    default:
      // Any other kind (e.g. a learning-rate check added later) must name the recorded rate.
      expect(Object.is(r.lr[k], nf.value), `what = ${String(nf.what)} names lr[${k}] = ${r.lr[k]}`).toBe(true);
  }
}
