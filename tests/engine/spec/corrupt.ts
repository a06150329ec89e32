/** Ways to corrupt exactly one field of a valid spec, each with the path its error must name. */
import fc from 'fast-check';

import { type Obj, type Arb, type NumRule, type Fields, SURFACE_FIELDS, WELL_FIELDS, OPTIMIZER_FIELDS, SCHEDULE_FIELDS, CLIP_FIELDS, NOISE_FIELDS, BAD_BATCH_FIELDS, BAD_BATCH_KINDS, GUARD_FIELDS, PRECISION_FIELDS, LOSS_SCALE_FIELDS, TOP_FIELDS, TOP_KEYS, SURFACE_KINDS, OPTIMIZER_KINDS, SCHEDULE_KINDS, ALL_FIELD_NAMES, TYPOS, real, validSpec, show } from './spec-model';
// ---------------------------------------------------------------------------------------------
// (b) one corrupted field → one error at that field.

export type Seg = string | number;
export interface Corruption {
  /** The path the error must name (or lie under). */
  path: string;
  what: string;
  spec: Obj;
}

export const pathOf = (segs: readonly Seg[]) =>
  segs.reduce<string>((p, s) => (typeof s === 'number' ? `${p}[${s}]` : p ? `${p}.${s}` : s), '');

export function setAt(root: Obj, segs: readonly Seg[], value: unknown, del = false): void {
  let o = root as Record<Seg, unknown>;
  for (const s of segs.slice(0, -1)) o = o[s] as Record<Seg, unknown>;
  const last = segs[segs.length - 1]!;
  if (del) delete o[last];
  else Object.defineProperty(o, last, { value, enumerable: true, writable: true, configurable: true });
}

export const WRONG_TYPES = [null, true, false, '1', '', '0.5', [], [1], {}, { value: 1 }];
export const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

/** Values that break a number rule. */
export function badNumber(r: NumRule): Arb {
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

export const badBool = fc.constantFrom(0, 1, 'true', 'false', 'yes', null, [], {}, [true]);
export const notAPair = fc.oneof(
  fc.constantFrom(null, 5, '1,2', true, { 0: 1, 1: 2 }, { x: 1, y: 2 }),
  fc.array(finite, { maxLength: 5 }).filter((a) => a.length !== 2),
);
export const unknownKind = (kinds: string[]) => fc.oneof(
  fc.constantFrom('SGD', 'Adam', 'sphere', 'cosine', 'lbfgs', '', ' sgd', 'quadratic ', 'constructor', '__proto__', 'toString'),
  fc.constantFrom(null, 1, true, [], {}, ['sgd']),
  fc.string(),
).filter((k) => !(typeof k === 'string' && kinds.includes(k)));
export const unknownKey = (allowed: readonly string[]) => fc.oneof(
  fc.constantFrom(...TYPOS, ...ALL_FIELD_NAMES),
  fc.string({ minLength: 1, maxLength: 12 }),
).filter((k) => !allowed.includes(k));

/** All the ways to corrupt exactly one field of `spec`. */
export function corruptions(spec: Obj): Arb<Corruption>[] {
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
      } else if (rule.t === 'enum') {
        const values = rule.values;
        mutate(segs, 'bad enum', fc.oneof(fc.constantFrom(null, 1, true, [], {}, 'FP16', 'float16'), fc.string()).filter((v) => !(typeof v === 'string' && values.includes(v))));
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

  // training-loop extras (null is allowed)
  const bad = spec.badBatch as Obj | null | undefined;
  object(['badBatch'], ['kind', ...Object.keys(BAD_BATCH_FIELDS)], !!bad, true, bad ? BAD_BATCH_KINDS : undefined);
  if (bad) {
    fields(['badBatch'], BAD_BATCH_FIELDS, bad);
  }
  const guard = spec.guard as Obj | null | undefined;
  object(['guard'], Object.keys(GUARD_FIELDS), !!guard, true);
  if (guard) fields(['guard'], GUARD_FIELDS, guard);
  const prec = spec.precision as Obj | null | undefined;
  object(['precision'], [...Object.keys(PRECISION_FIELDS), 'lossScale'], !!prec, true);
  if (prec) {
    fields(['precision'], PRECISION_FIELDS, prec);
    const ls = prec.lossScale as Obj | null | undefined;
    object(['precision', 'lossScale'], Object.keys(LOSS_SCALE_FIELDS), !!ls, true);
    if (ls) fields(['precision', 'lossScale'], LOSS_SCALE_FIELDS, ls);
  }

  // clip and noise (null is allowed)
  for (const [key, rules] of [['clip', CLIP_FIELDS], ['noise', NOISE_FIELDS]] as const) {
    const o = spec[key] as Obj | null | undefined;
    object([key], Object.keys(rules), !!o, true);
    if (o) fields([key], rules, o);
  }
  return out;
}

export const corrupted: Arb<Corruption> = validSpec.chain((spec) => fc.oneof(...corruptions(spec)));

export function under(path: string, errorPath: string): boolean {
  return errorPath === path || errorPath.startsWith(`${path}.`) || errorPath.startsWith(`${path}[`);
}
