/**
 * parseRunSpec / parseRunSpecJson: defaults (torch.optim's), and one precise, readable error per
 * bad field. Expected values are written out here, not imported from defaults.ts, so a changed
 * default is caught rather than mirrored.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_START, MAX_STEPS, SURFACE_DEFAULTS, formatErrors, parseRunSpec, parseRunSpecJson,
  type ParseResult, type RunSpec, type SpecError,
} from '../../../src/engine';

const QUAD = { kind: 'quadratic' };
const SGD = { kind: 'sgd' };
/** The smallest valid spec: a surface and an optimizer, nothing else. */
const MINIMAL = { surface: QUAD, optimizer: SGD };

function ok(input: unknown): RunSpec {
  const r = parseRunSpec(input);
  if (!r.ok) expect.fail(`expected ok, got errors:\n${formatErrors(r.errors)}`);
  return r.spec;
}

function errorsOf(r: ParseResult): SpecError[] {
  if (r.ok) expect.fail(`expected errors, got ok: ${JSON.stringify(r.spec)}`);
  return r.errors;
}

function paths(errors: readonly SpecError[]): string[] {
  return errors.map((e) => e.path).sort();
}

/** Every message is a sentence for a person: no "undefined", "[object Object]" or empty text. */
function expectReadable(e: SpecError): void {
  expect(typeof e.path).toBe('string');
  expect(typeof e.message).toBe('string');
  expect(e.message.trim().length, `message for ${e.path}`).toBeGreaterThan(8);
  expect(e.message).not.toMatch(/undefined|\[object |function /);
}

describe('defaults: a minimal spec takes torch.optim defaults', () => {
  it('SGD: lr 1e-3, momentum 0, dampening 0, nesterov false, weightDecay 0', () => {
    expect(ok(MINIMAL).optimizer).toStrictEqual({
      kind: 'sgd', lr: 1e-3, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0,
    });
  });

  it('Adam: lr 1e-3, betas [0.9, 0.999], eps 1e-8, weightDecay 0, amsgrad false', () => {
    expect(ok({ surface: QUAD, optimizer: { kind: 'adam' } }).optimizer).toStrictEqual({
      kind: 'adam', lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false,
    });
  });

  it('AdamW: as Adam but weightDecay 1e-2', () => {
    expect(ok({ surface: QUAD, optimizer: { kind: 'adamw' } }).optimizer).toStrictEqual({
      kind: 'adamw', lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 1e-2, amsgrad: false,
    });
  });

  it('RMSprop: lr 1e-2, alpha 0.99, eps 1e-8, momentum 0, centered false, weightDecay 0', () => {
    expect(ok({ surface: QUAD, optimizer: { kind: 'rmsprop' } }).optimizer).toStrictEqual({
      kind: 'rmsprop', lr: 1e-2, alpha: 0.99, eps: 1e-8, momentum: 0, centered: false, weightDecay: 0,
    });
  });

  it('Adagrad: lr 1e-2, lrDecay 0, initialAccumulatorValue 0, eps 1e-10, weightDecay 0', () => {
    expect(ok({ surface: QUAD, optimizer: { kind: 'adagrad' } }).optimizer).toStrictEqual({
      kind: 'adagrad', lr: 1e-2, lrDecay: 0, initialAccumulatorValue: 0, eps: 1e-10, weightDecay: 0,
    });
  });

  it('run-level defaults: constant schedule, no clipping, no noise, seed 0, 200 steps, the surface\'s start', () => {
    const s = ok(MINIMAL);
    expect(s.schedule).toStrictEqual({ kind: 'constant' });
    expect(s.clip).toBeNull();
    expect(s.noise).toBeNull();
    expect(s.seed).toBe(0);
    expect(s.steps).toBe(200);
    expect(s.start).toStrictEqual([-2, 1.5]);
    expect(s.badBatch).toBeNull();
    expect(s.guard).toBeNull();
    expect(s.precision).toBeNull();
    expect(Object.keys(s).sort()).toStrictEqual(['badBatch', 'clip', 'guard', 'noise', 'optimizer', 'precision', 'schedule', 'seed', 'start', 'steps', 'surface']);
  });

  for (const kind of ['quadratic', 'rosenbrock', 'cliff', 'wells', 'product'] as const) {
    it(`surface "${kind}" fills every parameter and its own start point`, () => {
      const s = ok({ surface: { kind }, optimizer: SGD });
      expect(s.surface).toStrictEqual({ kind, ...structuredClone(SURFACE_DEFAULTS[kind]) });
      expect(s.start).toStrictEqual(DEFAULT_START[kind]);
    });
  }

  it('surface defaults: quadratic λ = [1, 10], θ 0, centre 0; rosenbrock a 1 b 100', () => {
    expect(ok(MINIMAL).surface).toStrictEqual({ kind: 'quadratic', eigenvalues: [1, 10], angle: 0, center: [0, 0] });
    expect(ok({ surface: { kind: 'rosenbrock' }, optimizer: SGD }).surface).toStrictEqual({ kind: 'rosenbrock', a: 1, b: 100 });
  });

  it('extras defaults: GradScaler 2^16/2/0.5/2000, skip at 10× a β = 0.9 average, outlier ×100, formats fp64', () => {
    expect(ok({ ...MINIMAL, precision: { params: 'fp16', lossScale: {} } }).precision)
      .toStrictEqual({ params: 'fp16', compute: 'fp64', lossScale: { init: 65536, growthFactor: 2, backoffFactor: 0.5, growthInterval: 2000 } });
    expect(ok({ ...MINIMAL, guard: {} }).guard).toStrictEqual({ skipFactor: 10, beta: 0.9, skipNonFinite: false });
    expect(ok({ ...MINIMAL, badBatch: { kind: 'nan', step: 4 } }).badBatch).toStrictEqual({ kind: 'nan', step: 4, scale: 100 });
    expect(ok({ ...MINIMAL, schedule: { kind: 'cosineRestarts', t0: 9 } }).schedule).toStrictEqual({ kind: 'cosineRestarts', t0: 9, tMult: 1, minFactor: 0 });
    expect(ok({ surface: { kind: 'product' }, optimizer: SGD }).surface).toStrictEqual({ kind: 'product', target: 1, power: 2 });
  });

  it('extras errors name the field: a format, a kind, a missing step', () => {
    const errs = (input: object) => { const r = parseRunSpec({ ...MINIMAL, ...input }); return r.ok ? [] : r.errors.map((e) => e.path); };
    expect(errs({ precision: { params: 'half' } })).toStrictEqual(['precision.params']);
    expect(errs({ badBatch: { kind: 'garbage', step: 1 } })).toStrictEqual(['badBatch.kind']);
    expect(errs({ badBatch: { kind: 'nan' } })).toStrictEqual(['badBatch.step']);
    expect(errs({ precision: { lossScale: { backoffFactor: 1 } } })).toStrictEqual(['precision.lossScale.backoffFactor']);
    expect(errs({ schedule: { kind: 'cosineRestarts', t0: 5, tMult: 1.5 } })).toStrictEqual(['schedule.tMult']);
  });

  it('schedule and noise defaults: warmupCosine minFactor 0, StepLR gamma 0.1, noise std 1', () => {
    expect(ok({ ...MINIMAL, schedule: { kind: 'warmupCosine', warmupSteps: 5, totalSteps: 50 } }).schedule)
      .toStrictEqual({ kind: 'warmupCosine', warmupSteps: 5, totalSteps: 50, minFactor: 0 });
    expect(ok({ ...MINIMAL, schedule: { kind: 'step', stepSize: 10 } }).schedule)
      .toStrictEqual({ kind: 'step', stepSize: 10, gamma: 0.1 });
    expect(ok({ ...MINIMAL, noise: { batchSize: 8 } }).noise).toStrictEqual({ batchSize: 8, std: 1 });
    expect(ok({ ...MINIMAL, clip: { maxNorm: 2 } }).clip).toStrictEqual({ maxNorm: 2 });
    expect(ok({ ...MINIMAL, clip: null, noise: null }).clip).toBeNull();
  });

  it('given values are kept, never replaced by defaults', () => {
    const input = {
      surface: { kind: 'quadratic', eigenvalues: [-0.5, 0], angle: 0.3, center: [1, -2] },
      optimizer: { kind: 'sgd', lr: 0.25, momentum: 0.9, dampening: 0, nesterov: true, weightDecay: 0.5 },
      schedule: { kind: 'linearWarmup', warmupSteps: 7 },
      clip: { maxNorm: 0.5 }, noise: { batchSize: 4, std: 0 }, start: [3, 4], steps: 0, seed: 2 ** 32 - 1,
    };
    expect(ok(input)).toStrictEqual({ ...input, badBatch: null, guard: null, precision: null });
    const extras = {
      ...input,
      badBatch: { step: 3, kind: 'outlier', scale: -7 },
      guard: { skipFactor: 4, beta: 0.5, skipNonFinite: true },
      precision: { params: 'bf16', compute: 'fp16', lossScale: { init: 8, growthFactor: 3, backoffFactor: 0.25, growthInterval: 5 } },
    };
    expect(ok(extras)).toStrictEqual(extras);
    expect(ok({ ...MINIMAL, steps: MAX_STEPS }).steps).toBe(MAX_STEPS);
  });

  it('the parsed spec shares no arrays or objects with the input or the defaults', () => {
    const input = { surface: { kind: 'wells', wells: [{ center: [1, 2], depth: 1, width: 1 }] }, optimizer: SGD, start: [5, 6] };
    const a = ok(input);
    const b = ok({ surface: { kind: 'wells' }, optimizer: SGD });
    (a.start as number[])[0] = 99;
    if (a.surface.kind === 'wells') a.surface.wells[0]!.center[0] = 99;
    if (b.surface.kind === 'wells') {
      b.surface.wells[0]!.center[0] = 99;
      b.surface.wells.length = 0;
    }
    (b.start as number[])[0] = 99;
    expect(input.start).toStrictEqual([5, 6]);
    expect(input.surface.wells[0]!.center).toStrictEqual([1, 2]);
    const c = ok({ surface: { kind: 'wells' }, optimizer: SGD });
    expect(c.surface).toStrictEqual({ kind: 'wells', ...structuredClone(SURFACE_DEFAULTS.wells) });
    expect(c.start).toStrictEqual(DEFAULT_START.wells);
    expect(DEFAULT_START.wells[0]).not.toBe(99);
  });
});

interface BadCase {
  name: string;
  input: unknown;
  /** The paths of all the errors, exactly. */
  paths: string[];
  /** Patterns the (first) message must match: what was expected, what was got. */
  message: RegExp[];
}

const bad = (name: string, patch: Record<string, unknown>, path: string, ...message: RegExp[]): BadCase => ({
  name, input: { ...MINIMAL, ...patch }, paths: [path], message,
});
const badOpt = (name: string, optimizer: Record<string, unknown>, path: string, ...message: RegExp[]): BadCase =>
  bad(name, { optimizer }, path, ...message);

const BAD: BadCase[] = [
  // unknown kinds
  bad('unknown surface kind', { surface: { kind: 'sphere' } }, 'surface.kind', /quadratic, rosenbrock, cliff, wells/, /"sphere"/),
  bad('surface kind in the wrong case', { surface: { kind: 'Quadratic' } }, 'surface.kind', /quadratic/, /"Quadratic"/),
  badOpt('unknown optimizer kind', { kind: 'lbfgs' }, 'optimizer.kind', /sgd, adam, adamw, rmsprop, adagrad/, /"lbfgs"/),
  badOpt('optimizer kind missing', { lr: 0.1 }, 'optimizer.kind', /sgd/, /missing/),
  badOpt('optimizer kind not a string', { kind: 3 }, 'optimizer.kind', /sgd/, /got 3/),
  bad('unknown schedule kind', { schedule: { kind: 'cosine' } }, 'schedule.kind', /constant, linearWarmup, warmupCosine, step/, /"cosine"/),
  // steps
  bad('negative steps', { steps: -1 }, 'steps', /whole number ≥ 0/, /got -1/),
  bad('fractional steps', { steps: 2.5 }, 'steps', /whole number/, /got 2\.5/),
  bad('steps above the maximum', { steps: MAX_STEPS + 1 }, 'steps', new RegExp(`≤ ${MAX_STEPS}`), new RegExp(`got ${MAX_STEPS + 1}`)),
  bad('steps as a string', { steps: '100' }, 'steps', /whole number/, /"100"/),
  // non-finite numbers (only reachable from JS objects: JSON has no NaN or Infinity)
  badOpt('NaN learning rate', { kind: 'sgd', lr: NaN }, 'optimizer.lr', /finite number ≥ 0/, /got NaN/),
  bad('Infinity in start', { start: [Infinity, 0] }, 'start[0]', /finite number/, /got Infinity/),
  bad('-Infinity eigenvalue', { surface: { kind: 'quadratic', eigenvalues: [1, -Infinity] } }, 'surface.eigenvalues[1]', /finite number/, /got -Infinity/),
  bad('NaN seed', { seed: NaN }, 'seed', /whole number/, /got NaN/),
  // missing required numbers
  bad('linearWarmup without warmupSteps', { schedule: { kind: 'linearWarmup' } }, 'schedule.warmupSteps', /missing/, /whole number ≥ 1/),
  bad('step schedule without stepSize', { schedule: { kind: 'step', gamma: 0.5 } }, 'schedule.stepSize', /missing/, /whole number/),
  bad('warmupCosine without totalSteps', { schedule: { kind: 'warmupCosine', warmupSteps: 3 } }, 'schedule.totalSteps', /missing/, /whole number/),
  bad('clip without maxNorm', { clip: {} }, 'clip.maxNorm', /missing/, /finite number > 0/),
  bad('noise without batchSize', { noise: { std: 1 } }, 'noise.batchSize', /missing/, /whole number ≥ 1/),
  bad('a well without a depth', { surface: { kind: 'wells', wells: [{ center: [0, 0], width: 1 }] } }, 'surface.wells[0].depth', /missing/, /> 0/),
  // wrong types
  badOpt('a string for a number', { kind: 'sgd', lr: '0.1' }, 'optimizer.lr', /finite number/, /got the string "0\.1"/),
  badOpt('null for a number', { kind: 'adam', eps: null }, 'optimizer.eps', /finite number/, /got null/),
  badOpt('a boolean for a number', { kind: 'rmsprop', alpha: true }, 'optimizer.alpha', /finite number/, /got boolean/),
  badOpt('a number for a boolean', { kind: 'adam', amsgrad: 1 }, 'optimizer.amsgrad', /true or false/, /got 1/),
  badOpt('a string for a boolean', { kind: 'sgd', nesterov: 'false' }, 'optimizer.nesterov', /true or false/, /"false"/),
  bad('a string for the surface', { surface: 'quadratic' }, 'surface', /an object/, /"quadratic"/),
  bad('an array for the optimizer', { optimizer: [SGD] }, 'optimizer', /an object/, /array/),
  bad('null for the schedule', { schedule: null }, 'schedule', /an object/, /got null/),
  bad('a number for clip', { clip: 1 }, 'clip', /an object/, /got 1/),
  bad('a string for noise', { noise: '32' }, 'noise', /an object/, /"32"/),
  bad('no surface', { surface: undefined }, 'surface', /missing/, /object/),
  bad('no optimizer', { optimizer: undefined }, 'optimizer', /missing/, /object/),
  // arrays of the wrong length or type
  bad('start of length 3', { start: [1, 2, 3] }, 'start', /array of 2 numbers/, /length 3/),
  bad('start of length 1', { start: [1] }, 'start', /array of 2 numbers/, /length 1/),
  bad('start as a string', { start: '1,2' }, 'start', /array of 2 numbers/, /"1,2"/),
  bad('start as an object', { start: { x: 1, y: 2 } }, 'start', /array of 2 numbers/, /an object/),
  bad('one eigenvalue', { surface: { kind: 'quadratic', eigenvalues: [1] } }, 'surface.eigenvalues', /array of 2 numbers/, /length 1/),
  bad('three eigenvalues', { surface: { kind: 'quadratic', eigenvalues: [1, 2, 3] } }, 'surface.eigenvalues', /array of 2 numbers/, /length 3/),
  bad('a centre of length 0', { surface: { kind: 'quadratic', center: [] } }, 'surface.center', /array of 2 numbers/, /length 0/),
  badOpt('one beta', { kind: 'adam', betas: [0.9] }, 'optimizer.betas', /array of 2 numbers/, /length 1/),
  badOpt('betas as a number', { kind: 'adamw', betas: 0.9 }, 'optimizer.betas', /array of 2 numbers/, /got 0\.9/),
  bad('a string inside start', { start: [0, '1'] }, 'start[1]', /finite number/, /"1"/),
  // ranges
  badOpt('betas[1] = 1', { kind: 'adam', betas: [0.9, 1] }, 'optimizer.betas[1]', /< 1/, /got 1\b/),
  badOpt('betas[0] < 0', { kind: 'adamw', betas: [-0.1, 0.999] }, 'optimizer.betas[0]', /≥ 0/, /got -0\.1/),
  badOpt('negative learning rate', { kind: 'adagrad', lr: -0.01 }, 'optimizer.lr', /≥ 0/, /got -0\.01/),
  badOpt('negative momentum', { kind: 'sgd', momentum: -0.5 }, 'optimizer.momentum', /≥ 0/, /got -0\.5/),
  badOpt('negative RMSprop alpha', { kind: 'rmsprop', alpha: -0.5 }, 'optimizer.alpha', /≥ 0/, /got -0\.5/),
  badOpt('negative weight decay', { kind: 'adamw', weightDecay: -1 }, 'optimizer.weightDecay', /≥ 0/, /got -1/),
  badOpt('negative Adagrad lrDecay', { kind: 'adagrad', lrDecay: -1 }, 'optimizer.lrDecay', /≥ 0/, /got -1/),
  bad('cliff steepness 0', { surface: { kind: 'cliff', steepness: 0 } }, 'surface.steepness', /> 0/, /got 0/),
  bad('negative rosenbrock b', { surface: { kind: 'rosenbrock', b: -100 } }, 'surface.b', /≥ 0/, /got -100/),
  bad('negative bowl', { surface: { kind: 'wells', bowl: -0.1 } }, 'surface.bowl', /≥ 0/, /got -0\.1/),
  bad('a well of width 0', { surface: { kind: 'wells', wells: [{ center: [0, 0], depth: 1, width: 0 }] } }, 'surface.wells[0].width', /> 0/, /got 0/),
  bad('clip maxNorm 0', { clip: { maxNorm: 0 } }, 'clip.maxNorm', /> 0/, /got 0/),
  bad('noise batchSize 0', { noise: { batchSize: 0 } }, 'noise.batchSize', /≥ 1/, /got 0/),
  bad('fractional batchSize', { noise: { batchSize: 1.5 } }, 'noise.batchSize', /whole number/, /got 1\.5/),
  bad('negative noise std', { noise: { batchSize: 8, std: -1 } }, 'noise.std', /≥ 0/, /got -1/),
  bad('linearWarmup warmupSteps 0', { schedule: { kind: 'linearWarmup', warmupSteps: 0 } }, 'schedule.warmupSteps', /≥ 1/, /got 0/),
  bad('step gamma 0', { schedule: { kind: 'step', stepSize: 5, gamma: 0 } }, 'schedule.gamma', /> 0/, /got 0/),
  bad('minFactor above 1', { schedule: { kind: 'warmupCosine', warmupSteps: 0, totalSteps: 9, minFactor: 1.5 } }, 'schedule.minFactor', /≤ 1/, /got 1\.5/),
  bad('negative seed', { seed: -1 }, 'seed', /whole number ≥ 0/, /got -1/),
  bad('seed above 2^32 − 1', { seed: 2 ** 32 }, 'seed', /≤ 4294967295/, /got 4294967296/),
  bad('fractional seed', { seed: 0.5 }, 'seed', /whole number/, /got 0\.5/),
  // cross-field rules
  badOpt('nesterov with momentum 0', { kind: 'sgd', nesterov: true, momentum: 0 }, 'optimizer.nesterov', /momentum > 0/, /got/),
  badOpt('nesterov with the default momentum', { kind: 'sgd', nesterov: true }, 'optimizer.nesterov', /momentum > 0/, /got/),
  badOpt('nesterov with dampening', { kind: 'sgd', nesterov: true, momentum: 0.9, dampening: 0.1 }, 'optimizer.nesterov', /dampening = 0/, /got/),
  bad('warmupCosine totalSteps = warmupSteps', { schedule: { kind: 'warmupCosine', warmupSteps: 10, totalSteps: 10 } },
    'schedule.totalSteps', /greater than warmupSteps \(10\)/, /got 10/),
  bad('warmupCosine totalSteps < warmupSteps', { schedule: { kind: 'warmupCosine', warmupSteps: 10, totalSteps: 3 } },
    'schedule.totalSteps', /greater than warmupSteps \(10\)/, /got 3/),
  // wells
  bad('no wells', { surface: { kind: 'wells', wells: [] } }, 'surface.wells', /1 to 16 wells/, /got an array of length 0/),
  bad('17 wells', { surface: { kind: 'wells', wells: Array.from({ length: 17 }, (_, i) => ({ center: [i, 0], depth: 1, width: 1 })) } },
    'surface.wells', /1 to 16 wells/, /got an array of length 17/),
  bad('wells as an object', { surface: { kind: 'wells', wells: { center: [0, 0], depth: 1, width: 1 } } }, 'surface.wells', /1 to 16 wells/, /got an object/),
  bad('a well that is a number', { surface: { kind: 'wells', wells: [3] } }, 'surface.wells[0]', /an object/, /got 3/),
  // unknown fields: a typo must be an error, never silently defaulted
  bad('top-level typo "learningRate"', { learningRate: 0.1 }, 'learningRate', /unknown field/, /surface, optimizer, schedule/),
  badOpt('optimizer typo "learningRate"', { kind: 'sgd', learningRate: 0.1 }, 'optimizer.learningRate', /unknown field/, /lr/),
  badOpt('torch spelling "weight_decay"', { kind: 'adamw', weight_decay: 0.1 }, 'optimizer.weight_decay', /unknown field/, /weightDecay/),
  badOpt('a field of another optimizer ("momentum" on adam)', { kind: 'adam', momentum: 0.9 }, 'optimizer.momentum', /unknown field/, /betas/),
  bad('surface typo "eigenvalue"', { surface: { kind: 'quadratic', eigenvalue: [1, 2] } }, 'surface.eigenvalue', /unknown field/, /eigenvalues/),
  bad('a field of another surface ("a" on cliff)', { surface: { kind: 'cliff', a: 1 } }, 'surface.a', /unknown field/, /height/),
  bad('schedule typo "warmup"', { schedule: { kind: 'linearWarmup', warmupSteps: 3, warmup: 3 } }, 'schedule.warmup', /unknown field/, /warmupSteps/),
  bad('a field on the constant schedule', { schedule: { kind: 'constant', gamma: 0.5 } }, 'schedule.gamma', /unknown field/, /kind/),
  bad('noise typo "batch_size"', { noise: { batchSize: 4, batch_size: 4 } }, 'noise.batch_size', /unknown field/, /batchSize/),
  bad('clip with a kind', { clip: { maxNorm: 1, kind: 'norm' } }, 'clip.kind', /unknown field/, /maxNorm/),
  bad('a well with a colour', { surface: { kind: 'wells', wells: [{ center: [0, 0], depth: 1, width: 1, color: 'red' }] } },
    'surface.wells[0].color', /unknown field/, /center, depth, width/),
];

describe('each kind of bad field gives ok:false with an error naming it', () => {
  for (const c of BAD) {
    it(`${c.name} → ${c.paths.join(', ')}`, () => {
      const errors = errorsOf(parseRunSpec(c.input));
      expect(paths(errors)).toStrictEqual([...c.paths].sort());
      for (const e of errors) expectReadable(e);
      const first = errors[0]!;
      for (const re of c.message) expect(first.message, `message for ${first.path}`).toMatch(re);
    });
  }

  it('a typo plus its missing real field gives both errors (clip.max_norm)', () => {
    const errors = errorsOf(parseRunSpec({ ...MINIMAL, clip: { max_norm: 1 } }));
    expect(paths(errors)).toStrictEqual(['clip.maxNorm', 'clip.max_norm']);
    errors.forEach(expectReadable);
  });

  it('ok:false always carries at least one error', () => {
    for (const c of BAD) expect(errorsOf(parseRunSpec(c.input)).length).toBeGreaterThan(0);
  });
});

describe('a spec that is not an object', () => {
  const cases: [string, unknown, RegExp][] = [
    ['null', null, /got null/],
    ['a number', 42, /got 42/],
    ['an array', [MINIMAL], /got an array of length 1/],
    ['a string', JSON.stringify(MINIMAL), /got the string/],
    ['a boolean', true, /got boolean/],
    ['undefined', undefined, /missing/],
  ];
  for (const [name, input, got] of cases) {
    it(`${name} → one error at "spec"`, () => {
      const errors = errorsOf(parseRunSpec(input));
      expect(errors).toHaveLength(1);
      expect(errors[0]!.path).toBe('spec');
      expect(errors[0]!.message).toMatch(/an object/);
      expect(errors[0]!.message).toMatch(got);
      expectReadable(errors[0]!);
    });
  }
});

describe('parseRunSpecJson', () => {
  it('parses valid JSON text like the object', () => {
    const text = JSON.stringify({ ...MINIMAL, optimizer: { kind: 'adam', lr: 0.01 }, steps: 12 });
    const r = parseRunSpecJson(text);
    expect(r).toStrictEqual(parseRunSpec(JSON.parse(text)));
    expect(r.ok).toBe(true);
  });

  for (const text of ['', '{', '{"surface":', "{'surface': 1}", '{"steps": NaN}', 'True', '[1,]', '{"a":1} x']) {
    it(`invalid JSON ${JSON.stringify(text)} → one error at "spec" saying it is not JSON`, () => {
      const errors = errorsOf(parseRunSpecJson(text));
      expect(errors).toHaveLength(1);
      expect(errors[0]!.path).toBe('spec');
      expect(errors[0]!.message).toMatch(/not valid JSON/);
      expectReadable(errors[0]!);
    });
  }

  it('valid JSON that is not an object is a "spec" error', () => {
    for (const text of ['null', '3', '"x"', '[]']) {
      const errors = errorsOf(parseRunSpecJson(text));
      expect(paths(errors)).toStrictEqual(['spec']);
    }
  });

  it('bad fields in JSON text are reported with their paths', () => {
    const errors = errorsOf(parseRunSpecJson('{"surface":{"kind":"quadratic"},"optimizer":{"kind":"sgd","lr":"fast"},"steps":-3}'));
    expect(paths(errors)).toStrictEqual(['optimizer.lr', 'steps']);
  });
});

describe('several bad fields at once: one error per field', () => {
  it('reports every bad field, each once', () => {
    const errors = errorsOf(parseRunSpec({
      surface: { kind: 'quadratic', eigenvalues: [1, 'x'], angle: NaN },
      optimizer: { kind: 'adam', lr: -1, betas: [0.9, 1], eps: 'tiny', learningRate: 3 },
      schedule: { kind: 'step' },
      clip: { maxNorm: -1 },
      noise: { batchSize: 0.5 },
      start: null,
      steps: 1.5,
      seed: -1,
      extra: true,
    }));
    expect(paths(errors)).toStrictEqual([
      'clip.maxNorm', 'extra', 'noise.batchSize', 'optimizer.betas[1]', 'optimizer.eps', 'optimizer.learningRate',
      'optimizer.lr', 'schedule.stepSize', 'seed', 'start', 'steps', 'surface.angle', 'surface.eigenvalues[1]',
    ]);
    errors.forEach(expectReadable);
    // formatErrors: one "path: message" line per error.
    const lines = formatErrors(errors).split('\n');
    expect(lines).toHaveLength(errors.length);
    errors.forEach((e, i) => expect(lines[i]).toBe(`${e.path}: ${e.message}`));
  });

  it('both elements of a pair are reported', () => {
    const errors = errorsOf(parseRunSpec({ ...MINIMAL, start: [NaN, '0'] }));
    expect(paths(errors)).toStrictEqual(['start[0]', 'start[1]']);
  });

  it('bad fields in several wells are all reported', () => {
    const errors = errorsOf(parseRunSpec({
      ...MINIMAL,
      surface: { kind: 'wells', wells: [{ center: [0], depth: 1, width: 1 }, { center: [0, 0], depth: -1, width: 1 }, { center: [0, 0], depth: 1, width: 1 }] },
    }));
    expect(paths(errors)).toStrictEqual(['surface.wells[0].center', 'surface.wells[1].depth']);
  });
});

describe('arrays with holes (possible in a JS preset, not in JSON) are not numbers', () => {
  function holes(length: number, values: Record<number, unknown> = {}): unknown[] {
    const a: unknown[] = new Array(length);
    for (const [i, v] of Object.entries(values)) a[Number(i)] = v;
    return a;
  }
  const under = (prefix: string) => (e: SpecError) => e.path === prefix || e.path.startsWith(`${prefix}[`) || e.path.startsWith(`${prefix}.`);

  it('start [<hole>, 1] is an error at start', () => {
    const errors = errorsOf(parseRunSpec({ ...MINIMAL, start: holes(2, { 1: 1 }) }));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every(under('start'))).toBe(true);
  });

  it('eigenvalues [<hole>, <hole>] is an error at surface.eigenvalues', () => {
    const errors = errorsOf(parseRunSpec({ ...MINIMAL, surface: { kind: 'quadratic', eigenvalues: holes(2) } }));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every(under('surface.eigenvalues'))).toBe(true);
  });

  it('wells [<hole>, well] is an error at surface.wells', () => {
    const wells = holes(2, { 1: { center: [0, 0], depth: 1, width: 1 } });
    const errors = errorsOf(parseRunSpec({ ...MINIMAL, surface: { kind: 'wells', wells } }));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every(under('surface.wells'))).toBe(true);
  });
});
