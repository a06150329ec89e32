/**
 * Property tests for the run-spec validator and the runner:
 *  (a) every valid spec parses, keeps what it was given, and simulates without throwing, either to
 *      the end with finite records or to a clean stop at the first non-finite value;
 *  (b) corrupting exactly one field of a valid spec gives exactly one error, at that field;
 *  (c) nothing thrown at parseRunSpec / parseRunSpecJson makes them throw, and what they return
 *      is either a well-formed spec or a non-empty list of errors;
 *  (d) the normalised spec is a fixed point of parse, also through JSON.
 * The field rules below are written from torch.optim's argument checks and the spec's doc
 * comments, not copied from the parser.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_STEPS, formatErrors, parseRunSpec, parseRunSpecJson, simulate,
  type ParseResult, type RunSpec, type SimResult,
} from '../../../src/engine';

type Obj = Record<string, unknown>;
type Arb<T = unknown> = fc.Arbitrary<T>;

// ---------------------------------------------------------------------------------------------
// Field rules (the spec's contract), shared by the generators of valid, corrupted and wild specs.

interface NumRule {
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
type Rule = NumRule | { t: 'bool' } | { t: 'vec'; elem: NumRule };
type Fields = Record<string, Rule>;

const ANY: NumRule = { t: 'num' };
const NONNEG: NumRule = { t: 'num', min: 0 };
const POS: NumRule = { t: 'num', min: 0, minEx: true };
const BETA: NumRule = { t: 'num', min: 0, max: 1, maxEx: true };
const BOOL: Rule = { t: 'bool' };
const vec = (elem: NumRule): Rule => ({ t: 'vec', elem });

const SURFACE_FIELDS: Record<string, Fields> = {
  quadratic: { eigenvalues: vec(ANY), angle: ANY, center: vec(ANY) },
  rosenbrock: { a: ANY, b: NONNEG },
  cliff: { height: NONNEG, steepness: POS, position: ANY },
  wells: { bowl: NONNEG }, // plus `wells`, a list handled on its own
};
const WELL_FIELDS: Fields = { center: vec(ANY), depth: { ...POS, req: true }, width: { ...POS, req: true } };
const ADAM_FIELDS: Fields = { lr: NONNEG, betas: vec(BETA), eps: NONNEG, weightDecay: NONNEG, amsgrad: BOOL };
const OPTIMIZER_FIELDS: Record<string, Fields> = {
  sgd: { lr: NONNEG, momentum: NONNEG, dampening: ANY, nesterov: BOOL, weightDecay: NONNEG },
  adam: ADAM_FIELDS,
  adamw: ADAM_FIELDS,
  rmsprop: { lr: NONNEG, alpha: NONNEG, eps: NONNEG, momentum: NONNEG, centered: BOOL, weightDecay: NONNEG },
  adagrad: { lr: NONNEG, lrDecay: NONNEG, initialAccumulatorValue: NONNEG, eps: NONNEG, weightDecay: NONNEG },
};
const SCHEDULE_FIELDS: Record<string, Fields> = {
  constant: {},
  linearWarmup: { warmupSteps: { t: 'num', min: 1, int: true, req: true } },
  warmupCosine: {
    warmupSteps: { t: 'num', min: 0, int: true, req: true },
    totalSteps: { t: 'num', min: 1, int: true, req: true },
    minFactor: { t: 'num', min: 0, max: 1 },
  },
  step: { stepSize: { t: 'num', min: 1, int: true, req: true }, gamma: POS },
};
const CLIP_FIELDS: Fields = { maxNorm: { ...POS, req: true } };
const NOISE_FIELDS: Fields = { batchSize: { t: 'num', min: 1, int: true, req: true }, std: NONNEG };
const TOP_FIELDS: Fields = {
  start: vec(ANY),
  steps: { t: 'num', min: 0, max: MAX_STEPS, int: true },
  seed: { t: 'num', min: 0, max: 2 ** 32 - 1, int: true },
};
const TOP_KEYS = ['surface', 'optimizer', 'schedule', 'clip', 'noise', 'start', 'steps', 'seed'];
const SURFACE_KINDS = Object.keys(SURFACE_FIELDS);
const OPTIMIZER_KINDS = Object.keys(OPTIMIZER_FIELDS);
const SCHEDULE_KINDS = Object.keys(SCHEDULE_FIELDS);
/** Every field name the spec knows anywhere: good material for "a field in the wrong place". */
const ALL_FIELD_NAMES = [...new Set([
  'kind', 'wells', ...TOP_KEYS,
  ...[SURFACE_FIELDS, OPTIMIZER_FIELDS, SCHEDULE_FIELDS].flatMap((m) => Object.values(m).flatMap((f) => Object.keys(f))),
  ...Object.keys(WELL_FIELDS), ...Object.keys(CLIP_FIELDS), ...Object.keys(NOISE_FIELDS),
])];
const TYPOS = ['learningRate', 'learning_rate', 'weight_decay', 'max_norm', 'batch_size', 'beta1', 'Lr', 'lr ', 'momentun', 'type', 'name', 'steps_'];

// ---------------------------------------------------------------------------------------------
// Valid specs.

const real = (min: number, max: number, c: { minExcluded?: boolean; maxExcluded?: boolean } = {}) =>
  fc.double({ min, max, noNaN: true, ...c });
const rec = <T extends Record<string, Arb>>(model: T, requiredKeys: (keyof T & string)[]) =>
  fc.record(model, { requiredKeys, noNullPrototype: true }) as unknown as Arb<Obj>;

const eigenvalue = fc.oneof(fc.constant(0), real(-10, 1e4), real(-10, 10));
const anyReal = fc.oneof(real(-3, 3), fc.constant(0));
const pair = (a: Arb<number>) => fc.tuple(a, a);

const validSurface: Arb<Obj> = fc.oneof(
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
);

const lr = fc.oneof(real(0, 1), real(0, 1e3), fc.constantFrom(0, 1e-3, 1e3));
const decay = fc.oneof(fc.constant(0), real(0, 1));
const eps = fc.oneof(fc.constantFrom(0, 1e-8, 1e-10), real(0, 1e-3));
const beta = fc.oneof(fc.constantFrom(0, 0.9, 0.999), real(0, 1, { maxExcluded: true }));

const validOptimizer: Arb<Obj> = fc.oneof(
  rec({ kind: fc.constant('sgd'), lr, momentum: fc.oneof(fc.constant(0), real(0, 2)), dampening: real(-1, 1), nesterov: fc.constant(false), weightDecay: decay }, ['kind']),
  rec({ kind: fc.constant('sgd'), lr, momentum: real(0, 2, { minExcluded: true }), dampening: fc.constant(0), nesterov: fc.constant(true), weightDecay: decay }, ['kind', 'momentum', 'nesterov']),
  rec({ kind: fc.constantFrom('adam', 'adamw'), lr, betas: pair(beta), eps, weightDecay: decay, amsgrad: fc.boolean() }, ['kind']),
  rec({ kind: fc.constant('rmsprop'), lr, alpha: fc.oneof(real(0, 1), real(0, 2)), eps, momentum: fc.oneof(fc.constant(0), real(0, 2)), centered: fc.boolean(), weightDecay: decay }, ['kind']),
  rec({ kind: fc.constant('adagrad'), lr, lrDecay: decay, initialAccumulatorValue: fc.oneof(fc.constant(0), real(0, 1)), eps, weightDecay: decay }, ['kind']),
);

const validSchedule: Arb<Obj> = fc.oneof(
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
);

const validSpec: Arb<Obj> = rec({
  surface: validSurface,
  optimizer: validOptimizer,
  schedule: validSchedule,
  clip: fc.option(rec({ maxNorm: real(0, 100, { minExcluded: true }) }, ['maxNorm']), { nil: null }),
  noise: fc.option(rec({ batchSize: fc.integer({ min: 1, max: 256 }), std: real(0, 3) }, ['batchSize']), { nil: null }),
  start: pair(real(-5, 5)),
  steps: fc.integer({ min: 0, max: 300 }),
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
}, ['surface', 'optimizer']);

// ---------------------------------------------------------------------------------------------
// Helpers.

function parsed(input: unknown): RunSpec {
  const r = parseRunSpec(input);
  if (!r.ok) expect.fail(`a valid spec was rejected:\n${formatErrors(r.errors)}\ninput: ${show(input)}`);
  return r.spec;
}

function show(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x));
}

const jsonClone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Every value present in `input` is in `output` unchanged (a given value is never replaced). */
function expectKept(input: unknown, output: unknown, path = 'spec'): void {
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
function expectWellFormedRun(spec: RunSpec, r: SimResult): void {
  const n = r.length;
  expect(r.dim).toBe(2);
  expect([r.w.length, r.loss.length, r.gradNorm.length, r.lr.length]).toStrictEqual([2 * n, n, n, n]);
  expect(n).toBeGreaterThanOrEqual(1);
  expect([r.w[0], r.w[1]], 'w[0] is the start').toStrictEqual([spec.start[0], spec.start[1]]);
  const firstBad = (upTo: number): string | null => {
    for (let k = 0; k < upTo; k++) {
      const rec = { x: r.w[2 * k]!, y: r.w[2 * k + 1]!, loss: r.loss[k]!, gradNorm: r.gradNorm[k]!, lr: r.lr[k]! };
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

// ---------------------------------------------------------------------------------------------
// (a) valid specs parse and simulate.

describe('(a) valid specs parse, and simulate to the end or to a clean stop', () => {
  it('every generated valid spec parses ok, keeps its values and simulates within the runner contract', () => {
    fc.assert(
      fc.property(validSpec, (input) => {
        const spec = parsed(input);
        expectKept(input, spec);
        const r = simulate(spec);
        expectWellFormedRun(spec, r);
      }),
      { numRuns: 400 },
    );
  });

  it('the generator reaches every kind, divergence and clean finishes', () => {
    // Guards the generator itself: a property over too narrow an arbitrary proves little.
    const seen = new Set<string>();
    fc.assert(
      fc.property(validSpec, (input) => {
        const spec = parsed(input);
        const r = simulate(spec);
        seen.add(`surface:${spec.surface.kind}`).add(`optimizer:${spec.optimizer.kind}`).add(`schedule:${spec.schedule.kind}`);
        seen.add(r.stoppedAt === null ? 'finished' : `stopped:${r.nonFinite!.what}`);
        if (spec.clip) seen.add('clip');
        if (spec.noise) seen.add('noise');
      }),
      { numRuns: 400, seed: 42 },
    );
    for (const want of [
      ...SURFACE_KINDS.map((k) => `surface:${k}`), ...OPTIMIZER_KINDS.map((k) => `optimizer:${k}`),
      ...SCHEDULE_KINDS.map((k) => `schedule:${k}`), 'finished', 'stopped:parameters', 'stopped:loss', 'clip', 'noise',
    ]) expect(seen, want).toContain(want);
  });

  // Hand-picked corners of the same contract; each is run through the same checks.
  const corners: [string, Obj][] = [
    ['GD at lr 3 on λ = 1 doubles |w| each step: the loss overflows at step 513',
      { surface: { kind: 'quadratic', eigenvalues: [1, 1] }, optimizer: { kind: 'sgd', lr: 3 }, start: [1, 0], steps: 600 }],
    ['a well so narrow that 1/width² overflows: the gradient is NaN at step 0',
      { surface: { kind: 'wells', wells: [{ center: [0, 0], depth: 1, width: 1e-200 }] }, optimizer: { kind: 'adam' }, start: [0.5, 0.5], steps: 5 }],
    ['lr 1e3 on the cliff',
      { surface: { kind: 'cliff' }, optimizer: { kind: 'sgd', lr: 1e3, momentum: 0.9, nesterov: true }, steps: 300 }],
    ['Adam with eps 0 sitting exactly at the minimum (0/0)',
      { surface: { kind: 'quadratic' }, optimizer: { kind: 'adam', eps: 0 }, start: [0, 0], steps: 3 }],
    ['StepLR with gamma 1e10: the rate the next step would use overflows at the last record',
      { surface: { kind: 'quadratic', center: [1, 1] }, optimizer: { kind: 'sgd', lr: 1 }, schedule: { kind: 'step', stepSize: 1, gamma: 1e10 }, start: [1, 1], steps: 31 }],
    ['StepLR with gamma 1e10 and lr 0: 0 · Infinity is a NaN rate',
      { surface: { kind: 'quadratic' }, optimizer: { kind: 'sgd', lr: 0 }, schedule: { kind: 'step', stepSize: 1, gamma: 1e10 }, steps: 40 }],
  ];
  for (const [name, input] of corners) {
    it(name, () => {
      const spec = parsed(input);
      expectWellFormedRun(spec, simulate(spec));
    });
  }

  it('the lr-3 run stops exactly where (−2)^k says', () => {
    const r = simulate(parsed(corners[0]![1]));
    expect(r.stoppedAt).toBe(513);
    expect(r.nonFinite).toStrictEqual({ step: 513, what: 'loss', value: Infinity });
    expect(r.w[2 * 512]).toBe(2 ** 512);
  });
});

// ---------------------------------------------------------------------------------------------
// (b) one corrupted field → one error at that field.

type Seg = string | number;
interface Corruption {
  /** The path the error must name (or lie under). */
  path: string;
  what: string;
  spec: Obj;
}

const pathOf = (segs: readonly Seg[]) =>
  segs.reduce<string>((p, s) => (typeof s === 'number' ? `${p}[${s}]` : p ? `${p}.${s}` : s), '');

function setAt(root: Obj, segs: readonly Seg[], value: unknown, del = false): void {
  let o = root as Record<Seg, unknown>;
  for (const s of segs.slice(0, -1)) o = o[s] as Record<Seg, unknown>;
  const last = segs[segs.length - 1]!;
  if (del) delete o[last];
  else Object.defineProperty(o, last, { value, enumerable: true, writable: true, configurable: true });
}

const WRONG_TYPES = [null, true, false, '1', '', '0.5', [], [1], {}, { value: 1 }];
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

/** Values that break a number rule. */
function badNumber(r: NumRule): Arb {
  const arbs: Arb[] = [fc.constantFrom(NaN, Infinity, -Infinity), fc.constantFrom(...WRONG_TYPES), fc.string()];
  if (r.min !== undefined) {
    const min = r.min;
    arbs.push(finite.filter((v) => (r.minEx ? v <= min : v < min)));
    arbs.push(fc.constant(r.minEx ? min : min - 1));
  }
  if (r.max !== undefined) {
    const max = r.max;
    arbs.push(finite.filter((v) => (r.maxEx ? v >= max : v > max)));
    arbs.push(fc.constant(r.maxEx ? max : max + 1));
  }
  if (r.int) {
    const lo = Math.max(r.min ?? -1000, -1000);
    const hi = Math.min(r.max ?? 1e6, 1e6);
    arbs.push(fc.integer({ min: lo, max: hi - 1 })
      .chain((i) => real(0, 1, { minExcluded: true, maxExcluded: true }).map((f) => i + f))
      .filter((v) => !Number.isInteger(v)));
  }
  return fc.oneof(...arbs);
}

const badBool = fc.constantFrom(0, 1, 'true', 'false', 'yes', null, [], {}, [true]);
const notAPair = fc.oneof(
  fc.constantFrom(null, 5, '1,2', true, { 0: 1, 1: 2 }, { x: 1, y: 2 }),
  fc.array(finite, { maxLength: 5 }).filter((a) => a.length !== 2),
);
const unknownKind = (kinds: string[]) => fc.oneof(
  fc.constantFrom('SGD', 'Adam', 'sphere', 'cosine', 'lbfgs', '', ' sgd', 'quadratic ', 'constructor', '__proto__', 'toString'),
  fc.constantFrom(null, 1, true, [], {}, ['sgd']),
  fc.string(),
).filter((k) => !(typeof k === 'string' && kinds.includes(k)));
const unknownKey = (allowed: readonly string[]) => fc.oneof(
  fc.constantFrom(...TYPOS, ...ALL_FIELD_NAMES),
  fc.string({ minLength: 1, maxLength: 12 }),
).filter((k) => !allowed.includes(k));

/** All the ways to corrupt exactly one field of `spec`. */
function corruptions(spec: Obj): Arb<Corruption>[] {
  const out: Arb<Corruption>[] = [];
  const mutate = (segs: readonly Seg[], what: string, value: Arb, errorPath = pathOf(segs), del = false) =>
    out.push(value.map((v) => {
      const s = structuredClone(spec);
      setAt(s, segs, v, del);
      return { path: errorPath, what: `${what}: ${show(v)}`, spec: s };
    }));
  const remove = (segs: readonly Seg[]) => mutate(segs, 'delete a required field', fc.constant(undefined), pathOf(segs), true);

  const fields = (at: readonly Seg[], rules: Fields, obj: Obj | undefined) => {
    for (const [key, rule] of Object.entries(rules)) {
      const segs = [...at, key];
      if (rule.t === 'num') {
        mutate(segs, 'bad number', badNumber(rule));
        if (rule.req && obj && key in obj) remove(segs);
      } else if (rule.t === 'bool') {
        mutate(segs, 'bad boolean', badBool);
      } else {
        mutate(segs, 'not a pair', notAPair);
        const elem = rule.elem;
        out.push(fc.tuple(fc.integer({ min: 0, max: 1 }), badNumber(elem)).map(([i, v]) => {
          const s = structuredClone(spec);
          const pair: unknown[] = [0.5, 0.5];
          pair[i] = v;
          setAt(s, segs, pair);
          return { path: pathOf([...segs, i]), what: `bad element ${show(v)}`, spec: s };
        }));
      }
    }
  };
  /**
   * An object-valued field: wrong type; when present, an unknown key; when it has kinds, a bad
   * kind (on an absent schedule, `{kind: bad}`).
   */
  const object = (at: readonly Seg[], allowed: readonly string[], present: boolean, nullable: boolean, kinds?: string[]) => {
    mutate(at, 'not an object', fc.constantFrom(...(nullable ? [] : [null]), 1, 'x', true, [], [{}]));
    if (kinds && !present) mutate(at, 'unknown kind', unknownKind(kinds).map((kind) => ({ kind })), pathOf([...at, 'kind']));
    if (!present) return;
    out.push(fc.tuple(unknownKey(allowed), fc.jsonValue()).map(([key, v]) => {
      const s = structuredClone(spec);
      setAt(s, [...at, key], v);
      return { path: pathOf([...at, key]), what: `unknown key ${JSON.stringify(key)}`, spec: s };
    }));
    if (kinds) {
      mutate([...at, 'kind'], 'unknown kind', unknownKind(kinds));
      remove([...at, 'kind']);
    }
  };

  // top level
  fields([], TOP_FIELDS, spec);
  remove(['surface']);
  remove(['optimizer']);
  out.push(fc.tuple(unknownKey(TOP_KEYS), fc.jsonValue()).map(([key, v]) => {
    const s = structuredClone(spec);
    setAt(s, [key], v);
    return { path: key, what: `unknown top-level key ${JSON.stringify(key)}`, spec: s };
  }));

  // surface
  const surface = spec.surface as Obj;
  const sk = surface.kind as string;
  object(['surface'], ['kind', ...Object.keys(SURFACE_FIELDS[sk]!), ...(sk === 'wells' ? ['wells'] : [])], true, false, SURFACE_KINDS);
  fields(['surface'], SURFACE_FIELDS[sk]!, surface);
  if (sk === 'wells') {
    const well = { center: [0, 0], depth: 1, width: 1 };
    mutate(['surface', 'wells'], 'bad wells list', fc.oneof(
      fc.constantFrom([], Array.from({ length: 17 }, () => well), null, well, 'wells', 3),
    ));
    const wells = (surface.wells as Obj[] | undefined) ?? [];
    wells.forEach((w, i) => {
      object(['surface', 'wells', i], Object.keys(WELL_FIELDS), true, false);
      fields(['surface', 'wells', i], WELL_FIELDS, w);
    });
  }

  // optimizer
  const optimizer = spec.optimizer as Obj;
  const optKind = optimizer.kind as string;
  object(['optimizer'], ['kind', ...Object.keys(OPTIMIZER_FIELDS[optKind]!)], true, false, OPTIMIZER_KINDS);
  fields(['optimizer'], OPTIMIZER_FIELDS[optKind]!, optimizer);
  if (optKind === 'sgd') {
    // torch.optim.SGD: nesterov needs momentum > 0 and dampening 0. The error is on nesterov.
    const withNesterov = (patch: Obj, what: string) => out.push(fc.constant(null).map(() => {
      const s = structuredClone(spec);
      Object.assign(s.optimizer as Obj, { nesterov: true }, patch);
      return { path: 'optimizer.nesterov', what, spec: s };
    }));
    withNesterov({ momentum: 0 }, 'nesterov with momentum 0');
    out.push(real(-1, 1).filter((d) => d !== 0).map((d) => {
      const s = structuredClone(spec);
      Object.assign(s.optimizer as Obj, { nesterov: true, momentum: 0.5, dampening: d });
      return { path: 'optimizer.nesterov', what: `nesterov with dampening ${d}`, spec: s };
    }));
    if (optimizer.momentum === undefined && optimizer.nesterov !== true) {
      withNesterov({}, 'nesterov with the default momentum 0');
    }
  }

  // schedule
  const schedule = spec.schedule as Obj | undefined;
  object(['schedule'], schedule ? ['kind', ...Object.keys(SCHEDULE_FIELDS[schedule.kind as string]!)] : ['kind'], !!schedule, false, SCHEDULE_KINDS);
  if (schedule) {
    fields(['schedule'], SCHEDULE_FIELDS[schedule.kind as string]!, schedule);
    if (schedule.kind === 'warmupCosine' && (schedule.warmupSteps as number) >= 1) {
      mutate(['schedule', 'totalSteps'], 'totalSteps ≤ warmupSteps', fc.integer({ min: 1, max: schedule.warmupSteps as number }));
    }
  }

  // clip and noise (null is allowed)
  for (const [key, rules] of [['clip', CLIP_FIELDS], ['noise', NOISE_FIELDS]] as const) {
    const o = spec[key] as Obj | null | undefined;
    object([key], Object.keys(rules), !!o, true);
    if (o) fields([key], rules, o);
  }
  return out;
}

const corrupted: Arb<Corruption> = validSpec.chain((spec) => fc.oneof(...corruptions(spec)));

function under(path: string, errorPath: string): boolean {
  return errorPath === path || errorPath.startsWith(`${path}.`) || errorPath.startsWith(`${path}[`);
}

describe('(b) corrupting exactly one field of a valid spec', () => {
  it('gives ok:false with exactly one error, at that field', () => {
    fc.assert(
      fc.property(corrupted, (c) => {
        const r = parseRunSpec(c.spec);
        if (r.ok) expect.fail(`accepted a corrupted spec (${c.what} at ${c.path}): ${show(c.spec)}`);
        const got = r.errors.map((e) => `${e.path}: ${e.message}`).join('\n');
        expect(r.errors.length, `${c.what} at ${c.path} gave:\n${got}`).toBe(1);
        expect(under(c.path, r.errors[0]!.path), `${c.what} at ${c.path} gave:\n${got}`).toBe(true);
        expect(r.errors[0]!.message.length).toBeGreaterThan(8);
      }),
      { numRuns: 600 },
    );
  });

  it('also through JSON text, when the corruption survives JSON', () => {
    fc.assert(
      fc.property(corrupted, (c) => {
        const text = JSON.stringify(c.spec);
        // NaN/Infinity become null in JSON (still invalid); undefined-valued keys vanish.
        const viaJson = parseRunSpec(JSON.parse(text));
        const r = parseRunSpecJson(text);
        expect(r).toStrictEqual(viaJson);
        if (!r.ok) for (const e of r.errors) expect(under(c.path, e.path), `${e.path} under ${c.path}`).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// (c) parse never throws, and returns a well-formed answer.

const wild = fc.anything({
  maxDepth: 3,
  withBoxedValues: true, withMap: true, withSet: true, withObjectString: true, withNullPrototype: true,
  withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true,
});

/** A pair with holes: [<hole>, v], [v, <hole>] or [<hole>, <hole>]. */
function withHoles(which: 0 | 1 | 2, v: number): unknown[] {
  const a: unknown[] = new Array(2);
  if (which === 1) a[0] = v;
  if (which === 0) a[1] = v;
  return a;
}

/** Spec-shaped objects with wild values, so the deep readers run (not just the top-level check). */
function fuzzFields(rules: Fields): Record<string, Arb> {
  // Mostly valid values, so that whole specs are often accepted and the ok:true answers get
  // checked too; wild values, non-finite numbers and arrays with holes now and then.
  const numberish = (r: NumRule) => fc.oneof(
    { weight: 30, arbitrary: r.int ? fc.integer({ min: Math.max(1, r.min ?? 1), max: 50 }) : real(0.01, 0.9) },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: wild },
  );
  const pairish = fc.oneof(
    { weight: 20, arbitrary: fc.tuple(real(0, 0.99), real(0, 0.99)) },
    { weight: 1, arbitrary: fc.sparseArray(real(0, 0.99), { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(0, 1, 2), real(0, 0.99)).map(([hole, v]) => withHoles(hole, v)) },
    { weight: 1, arbitrary: fc.array(fc.oneof(fc.double(), wild), { maxLength: 3 }) },
    { weight: 1, arbitrary: wild },
  );
  return Object.fromEntries(Object.entries(rules).map(([k, r]) => [
    k, r.t === 'num' ? numberish(r) : r.t === 'bool' ? fc.oneof({ weight: 20, arbitrary: fc.boolean() }, { weight: 1, arbitrary: wild }) : pairish,
  ]));
}

const fuzzKind = (kind: string) => fc.oneof({ weight: 30, arbitrary: fc.constant(kind) }, { weight: 1, arbitrary: wild });
const sometimesWild = (a: Arb) => fc.oneof({ weight: 30, arbitrary: a }, { weight: 1, arbitrary: wild });
const fuzzObject = (byKind: Record<string, Fields>, extra: (kind: string) => Record<string, Arb> = () => ({})) =>
  sometimesWild(fc.oneof(...Object.entries(byKind).map(([kind, rules]) =>
    fc.record({ kind: fuzzKind(kind), ...fuzzFields(rules), ...extra(kind) }, { requiredKeys: ['kind'] }))));
const fuzzWell = fc.record(fuzzFields(WELL_FIELDS), { requiredKeys: ['center', 'depth', 'width'] });
const fuzzSpec = fc.record({
  surface: fuzzObject(SURFACE_FIELDS, (kind): Record<string, Arb> => (kind === 'wells'
    ? { wells: fc.oneof(fc.array(fuzzWell, { minLength: 1, maxLength: 5 }), fc.sparseArray(fuzzWell, { maxLength: 4, minNumElements: 1 }), wild) }
    : {})),
  optimizer: fuzzObject(OPTIMIZER_FIELDS),
  schedule: fuzzObject(SCHEDULE_FIELDS),
  clip: sometimesWild(fc.option(fc.record(fuzzFields(CLIP_FIELDS)), { nil: null })),
  noise: sometimesWild(fc.option(fc.record(fuzzFields(NOISE_FIELDS)), { nil: null })),
  ...Object.fromEntries(Object.entries(fuzzFields(TOP_FIELDS)).map(([k, v]) => [k, v])),
}, { requiredKeys: ['surface', 'optimizer'] });

/** Either a spec that survives JSON and reparses to itself, or a non-empty list of readable errors. */
function expectWellFormedAnswer(r: ParseResult, input: () => string): void {
  expect(typeof r.ok).toBe('boolean');
  if (r.ok) {
    const again = parseRunSpec(jsonClone(r.spec));
    if (!again.ok) expect.fail(`accepted ${input()} as ${show(r.spec)}, which does not reparse:\n${formatErrors(again.errors)}`);
    expect(again.spec, `accepted ${input()}`).toStrictEqual(jsonClone(r.spec));
    return;
  }
  expect(Array.isArray(r.errors)).toBe(true);
  expect(r.errors.length, `ok:false with no errors for ${input()}`).toBeGreaterThan(0);
  for (const e of r.errors) {
    expect(typeof e.path).toBe('string');
    expect(typeof e.message).toBe('string');
    expect(e.message.length).toBeGreaterThan(0);
  }
}

const safeShow = (v: unknown) => () => {
  try {
    return fc.stringify(v);
  } catch {
    return '<unprintable>';
  }
};

describe('(c) parse never throws', () => {
  it('on fc.anything() (holes, null prototypes, boxed values, bigints, maps, typed arrays …)', () => {
    fc.assert(fc.property(wild, (v) => expectWellFormedAnswer(parseRunSpec(v), safeShow(v))), { numRuns: 400 });
  });

  it('on fc.jsonValue(), as a value and as JSON text', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      const r = parseRunSpec(v);
      expectWellFormedAnswer(r, safeShow(v));
      expect(parseRunSpecJson(JSON.stringify(v))).toStrictEqual(parseRunSpec(jsonClone(v)));
    }), { numRuns: 300 });
  });

  it('on arbitrary text', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), (t) =>
      expectWellFormedAnswer(parseRunSpecJson(t), () => JSON.stringify(t))), { numRuns: 300 });
  });

  it('on spec-shaped objects with wild values in every field', () => {
    fc.assert(fc.property(fuzzSpec, (v) => expectWellFormedAnswer(parseRunSpec(v), safeShow(v))), { numRuns: 800 });
  });
});

// ---------------------------------------------------------------------------------------------
// (d) the normalised spec is a fixed point.

describe('(d) round trip', () => {
  it('parse(JSON(parse(x))) deep-equals parse(x), and parse(parse(x)) = parse(x)', () => {
    fc.assert(fc.property(validSpec, (input) => {
      const s1 = parsed(input);
      // Parsing the normalised object again changes nothing (−0 included: no JSON in between).
      expect(parsed(s1)).toStrictEqual(s1);
      // Through JSON: equal to s1 as JSON carries it (JSON has no −0).
      const s2 = parsed(jsonClone(s1));
      expect(s2).toStrictEqual(jsonClone(s1));
      const viaText = parseRunSpecJson(JSON.stringify(s1));
      expect(viaText).toStrictEqual({ ok: true, spec: s2 });
      // And s2 is a strict fixed point of the JSON round trip.
      expect(parsed(jsonClone(s2))).toStrictEqual(s2);
      // The normalised spec names every field.
      expect(Object.keys(s1).sort()).toStrictEqual([...TOP_KEYS].sort());
    }), { numRuns: 400 });
  });
});
