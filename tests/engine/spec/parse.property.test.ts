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
import { formatErrors, parseRunSpec, parseRunSpecJson, simulate, type ParseResult } from '../../../src/engine';
import { type Obj, type Arb, type NumRule, type Fields, SURFACE_FIELDS, WELL_FIELDS, OPTIMIZER_FIELDS, SCHEDULE_FIELDS, CLIP_FIELDS, NOISE_FIELDS, TOP_FIELDS, TOP_KEYS, SURFACE_KINDS, OPTIMIZER_KINDS, SCHEDULE_KINDS, real, validSpec, parsed, show, jsonClone, expectKept, expectWellFormedRun } from './spec-model';
import { corrupted, under } from './corrupt';

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
