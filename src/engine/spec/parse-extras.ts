import { DEFAULT_OUTLIER_SCALE, GUARD_DEFAULTS, LOSS_SCALE_DEFAULTS } from './defaults';
import { describe, Issues, readBoolean, readKind, readNumber, readObject, rejectUnknownKeys } from './check';
import type { BadBatchSpec, GuardSpec, LossScaleSpec, NumberFormat, PrecisionSpec } from './types';

/** Readers for the training-loop extras: a bad batch, guards in front of the step, reduced precision. */

const BAD_KINDS = ['outlier', 'nan', 'inf'] as const;
const FORMATS = ['fp64', 'fp32', 'fp16', 'bf16'] as const;

export function readBadBatch(issues: Issues, raw: unknown, path = 'badBatch'): BadBatchSpec | null | undefined {
  if (raw === undefined || raw === null) return null;
  const obj = readObject(issues, raw, path);
  if (!obj) return undefined;
  const kind = readKind(issues, obj, path, BAD_KINDS);
  rejectUnknownKeys(issues, obj, path, ['kind', 'step', 'scale'], 'badBatch');
  const step = readNumber(issues, obj.step, `${path}.step`, { min: 0, integer: true });
  const scale = readNumber(issues, obj.scale, `${path}.scale`, {}, DEFAULT_OUTLIER_SCALE);
  return kind && step !== undefined && scale !== undefined ? { step, kind, scale } : undefined;
}

export function readGuard(issues: Issues, raw: unknown, path = 'guard'): GuardSpec | null | undefined {
  if (raw === undefined || raw === null) return null;
  const obj = readObject(issues, raw, path);
  if (!obj) return undefined;
  rejectUnknownKeys(issues, obj, path, ['skipFactor', 'beta', 'skipNonFinite'], 'guard');
  const d = GUARD_DEFAULTS;
  const skipFactor = readNumber(issues, obj.skipFactor, `${path}.skipFactor`, { min: 0 }, d.skipFactor);
  const beta = readNumber(issues, obj.beta, `${path}.beta`, { min: 0, max: 1, maxExclusive: true }, d.beta);
  const skipNonFinite = readBoolean(issues, obj.skipNonFinite, `${path}.skipNonFinite`, d.skipNonFinite);
  if (skipFactor === undefined || beta === undefined || skipNonFinite === undefined) return undefined;
  return { skipFactor, beta, skipNonFinite };
}

function readFormat(issues: Issues, raw: unknown, path: string): NumberFormat | undefined {
  if (raw === undefined) return 'fp64';
  if (typeof raw === 'string' && (FORMATS as readonly string[]).includes(raw)) return raw as NumberFormat;
  issues.add(path, `expected one of ${FORMATS.map((f) => `"${f}"`).join(', ')}, got ${describe(raw)}`);
  return undefined;
}

function readLossScale(issues: Issues, raw: unknown, path: string): LossScaleSpec | null | undefined {
  if (raw === undefined || raw === null) return null;
  const obj = readObject(issues, raw, path);
  if (!obj) return undefined;
  rejectUnknownKeys(issues, obj, path, ['init', 'growthFactor', 'backoffFactor', 'growthInterval'], 'lossScale');
  const d = LOSS_SCALE_DEFAULTS;
  const init = readNumber(issues, obj.init, `${path}.init`, { min: 0, minExclusive: true }, d.init);
  const growthFactor = readNumber(issues, obj.growthFactor, `${path}.growthFactor`, { min: 1, minExclusive: true }, d.growthFactor);
  const backoffFactor = readNumber(issues, obj.backoffFactor, `${path}.backoffFactor`, { min: 0, minExclusive: true, max: 1, maxExclusive: true }, d.backoffFactor);
  const growthInterval = readNumber(issues, obj.growthInterval, `${path}.growthInterval`, { min: 1, integer: true }, d.growthInterval);
  if (init === undefined || growthFactor === undefined || backoffFactor === undefined || growthInterval === undefined) return undefined;
  return { init, growthFactor, backoffFactor, growthInterval };
}

export function readPrecision(issues: Issues, raw: unknown, path = 'precision'): PrecisionSpec | null | undefined {
  if (raw === undefined || raw === null) return null;
  const obj = readObject(issues, raw, path);
  if (!obj) return undefined;
  rejectUnknownKeys(issues, obj, path, ['params', 'compute', 'lossScale'], 'precision');
  const params = readFormat(issues, obj.params, `${path}.params`);
  const compute = readFormat(issues, obj.compute, `${path}.compute`);
  const lossScale = readLossScale(issues, obj.lossScale, `${path}.lossScale`);
  if (!params || !compute || lossScale === undefined) return undefined;
  return { params, compute, lossScale };
}
