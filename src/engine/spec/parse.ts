import { DEFAULT_START, DEFAULT_STEPS } from './defaults';
import { Issues, readNumber, readNumbers, readObject, rejectUnknownKeys, type SpecError } from './check';
import { readClip, readNoise, readOptimizer, readSchedule, readSurface } from './parse-parts';
import { readBadBatch, readGuard, readPrecision } from './parse-extras';
import { MAX_STEPS, type RunSpec, type Vec2 } from './types';

export type { SpecError } from './check';

export type ParseResult = { ok: true; spec: RunSpec } | { ok: false; errors: SpecError[] };

const RUN_KEYS = ['surface', 'optimizer', 'schedule', 'clip', 'noise', 'badBatch', 'guard', 'precision', 'start', 'steps', 'seed'] as const;

/**
 * Validates untrusted input (parsed JSON, URL state, a preset) into a normalised RunSpec.
 * Never throws. Every wrong field is reported with its path; omitted optional fields take
 * torch's defaults (see defaults.ts); a present but wrong value is never replaced silently.
 */
export function parseRunSpec(input: unknown): ParseResult {
  const issues = new Issues();
  const obj = readObject(issues, input, 'spec');
  if (!obj) return { ok: false, errors: issues.list };
  rejectUnknownKeys(issues, obj, '', RUN_KEYS, 'a run spec');
  const surface = readSurface(issues, obj.surface);
  const optimizer = readOptimizer(issues, obj.optimizer);
  const schedule = readSchedule(issues, obj.schedule);
  const clip = readClip(issues, obj.clip);
  const noise = readNoise(issues, obj.noise);
  const badBatch = readBadBatch(issues, obj.badBatch);
  const guard = readGuard(issues, obj.guard);
  const precision = readPrecision(issues, obj.precision);
  const start = readNumbers(issues, obj.start, 'start', 2, {}, surface ? DEFAULT_START[surface.kind] : [0, 0]);
  const steps = readNumber(issues, obj.steps, 'steps', { min: 0, max: MAX_STEPS, integer: true }, DEFAULT_STEPS);
  const seed = readNumber(issues, obj.seed, 'seed', { min: 0, max: 2 ** 32 - 1, integer: true }, 0);
  if (
    issues.list.length > 0 || !surface || !optimizer || !schedule || clip === undefined ||
    noise === undefined || badBatch === undefined || guard === undefined || precision === undefined ||
    !start || steps === undefined || seed === undefined
  ) {
    return { ok: false, errors: issues.list };
  }
  return { ok: true, spec: { surface, optimizer, schedule, clip, noise, badBatch, guard, precision, start: start as Vec2, steps, seed } };
}

/** Parses JSON text first; a syntax error is reported like any other bad field. */
export function parseRunSpecJson(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [{ path: 'spec', message: `not valid JSON: ${(err as Error).message}` }] };
  }
  return parseRunSpec(value);
}

export function formatErrors(errors: readonly SpecError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('\n');
}
