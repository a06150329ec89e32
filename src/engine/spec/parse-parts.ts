import { DEFAULT_NOISE_STD, DEFAULT_STEP_GAMMA, OPTIMIZER_DEFAULTS, SURFACE_DEFAULTS } from './defaults';
import {
  describe, Issues, readBoolean, readKind, readNumber, readNumbers, readObject, rejectUnknownKeys,
} from './check';
import type {
  ClipSpec, NoiseSpec, OptimizerSpec, ScheduleSpec, SurfaceSpec, Vec2, Well,
} from './types';

const SURFACE_KINDS = ['quadratic', 'rosenbrock', 'cliff', 'wells', 'product'] as const;
const OPTIMIZER_KINDS = ['sgd', 'adam', 'adamw', 'rmsprop', 'adagrad'] as const;
const SCHEDULE_KINDS = ['constant', 'linearWarmup', 'warmupCosine', 'step', 'exponential', 'cosineRestarts'] as const;
const NON_NEG = { min: 0 };
const POSITIVE = { min: 0, minExclusive: true };
const MAX_WELLS = 16;

/** Builds the result only when every field read cleanly. */
function all<T>(fields: Record<string, unknown>, build: () => T): T | undefined {
  return Object.values(fields).every((v) => v !== undefined) ? build() : undefined;
}

export function readSurface(issues: Issues, raw: unknown, path = 'surface'): SurfaceSpec | undefined {
  const obj = readObject(issues, raw, path);
  if (!obj) return undefined;
  const kind = readKind(issues, obj, path, SURFACE_KINDS);
  if (!kind) return undefined;
  if (kind === 'quadratic') {
    rejectUnknownKeys(issues, obj, path, ['kind', 'eigenvalues', 'angle', 'center'], 'surface "quadratic"');
    const d = SURFACE_DEFAULTS.quadratic;
    const f = {
      eigenvalues: readNumbers(issues, obj.eigenvalues, `${path}.eigenvalues`, 2, {}, d.eigenvalues),
      angle: readNumber(issues, obj.angle, `${path}.angle`, {}, d.angle),
      center: readNumbers(issues, obj.center, `${path}.center`, 2, {}, d.center),
    };
    return all(f, () => ({ kind, eigenvalues: f.eigenvalues as Vec2, angle: f.angle!, center: f.center as Vec2 }));
  }
  if (kind === 'rosenbrock') {
    rejectUnknownKeys(issues, obj, path, ['kind', 'a', 'b'], 'surface "rosenbrock"');
    const d = SURFACE_DEFAULTS.rosenbrock;
    const f = {
      a: readNumber(issues, obj.a, `${path}.a`, {}, d.a),
      b: readNumber(issues, obj.b, `${path}.b`, NON_NEG, d.b),
    };
    return all(f, () => ({ kind, a: f.a!, b: f.b! }));
  }
  if (kind === 'cliff') {
    rejectUnknownKeys(issues, obj, path, ['kind', 'height', 'steepness', 'position'], 'surface "cliff"');
    const d = SURFACE_DEFAULTS.cliff;
    const f = {
      height: readNumber(issues, obj.height, `${path}.height`, NON_NEG, d.height),
      steepness: readNumber(issues, obj.steepness, `${path}.steepness`, POSITIVE, d.steepness),
      position: readNumber(issues, obj.position, `${path}.position`, {}, d.position),
    };
    return all(f, () => ({ kind, height: f.height!, steepness: f.steepness!, position: f.position! }));
  }
  if (kind === 'product') {
    rejectUnknownKeys(issues, obj, path, ['kind', 'target', 'power'], 'surface "product"');
    const d = SURFACE_DEFAULTS.product;
    const target = readNumber(issues, obj.target, `${path}.target`, POSITIVE, d.target);
    const power = readNumber(issues, obj.power, `${path}.power`, { min: 1, max: 2, integer: true }, d.power);
    return target !== undefined && power !== undefined ? { kind, target, power: power as 1 | 2 } : undefined;
  }
  rejectUnknownKeys(issues, obj, path, ['kind', 'bowl', 'wells'], 'surface "wells"');
  const d = SURFACE_DEFAULTS.wells;
  const bowl = readNumber(issues, obj.bowl, `${path}.bowl`, NON_NEG, d.bowl);
  const wells = obj.wells === undefined ? d.wells.map(copyWell) : readWells(issues, obj.wells, `${path}.wells`);
  return bowl !== undefined && wells ? { kind, bowl, wells } : undefined;
}

function copyWell(w: Well): Well {
  return { center: [w.center[0], w.center[1]], depth: w.depth, width: w.width };
}

function readWells(issues: Issues, raw: unknown, path: string): Well[] | undefined {
  if (!Array.isArray(raw) || raw.length < 1 || raw.length > MAX_WELLS) {
    issues.add(path, `expected an array of 1 to ${MAX_WELLS} wells {center, depth, width}, got ${describe(raw)}`);
    return undefined;
  }
  const out: Well[] = [];
  for (let i = 0; i < raw.length; i++) {
    const p = `${path}[${i}]`;
    const obj = readObject(issues, raw[i], p);
    if (!obj) continue;
    rejectUnknownKeys(issues, obj, p, ['center', 'depth', 'width'], 'a well');
    const center = readNumbers(issues, obj.center, `${p}.center`, 2);
    const depth = readNumber(issues, obj.depth, `${p}.depth`, POSITIVE);
    const width = readNumber(issues, obj.width, `${p}.width`, POSITIVE);
    if (center && depth !== undefined && width !== undefined) out.push({ center: center as Vec2, depth, width });
  }
  return out.length === raw.length ? out : undefined;
}

const BETA = { min: 0, max: 1, maxExclusive: true };

export function readOptimizer(issues: Issues, raw: unknown, path = 'optimizer'): OptimizerSpec | undefined {
  const obj = readObject(issues, raw, path);
  if (!obj) return undefined;
  const kind = readKind(issues, obj, path, OPTIMIZER_KINDS);
  if (!kind) return undefined;
  const num = (key: string, rule: object, fallback: number) => readNumber(issues, obj[key], `${path}.${key}`, rule, fallback);
  const bool = (key: string, fallback: boolean) => readBoolean(issues, obj[key], `${path}.${key}`, fallback);
  const owner = `optimizer "${kind}"`;
  if (kind === 'sgd') {
    rejectUnknownKeys(issues, obj, path, ['kind', 'lr', 'momentum', 'dampening', 'nesterov', 'weightDecay'], owner);
    const d = OPTIMIZER_DEFAULTS.sgd;
    const f = {
      lr: num('lr', NON_NEG, d.lr), momentum: num('momentum', NON_NEG, d.momentum),
      dampening: num('dampening', {}, d.dampening), nesterov: bool('nesterov', d.nesterov),
      weightDecay: num('weightDecay', NON_NEG, d.weightDecay),
    };
    if (f.nesterov && f.momentum !== undefined && f.dampening !== undefined && (f.momentum <= 0 || f.dampening !== 0)) {
      issues.add(`${path}.nesterov`, `Nesterov momentum requires momentum > 0 and dampening = 0 (as torch.optim.SGD), got momentum ${f.momentum} and dampening ${f.dampening}`);
      return undefined;
    }
    return all(f, () => ({ kind, lr: f.lr!, momentum: f.momentum!, dampening: f.dampening!, nesterov: f.nesterov!, weightDecay: f.weightDecay! }));
  }
  if (kind === 'adam' || kind === 'adamw') {
    rejectUnknownKeys(issues, obj, path, ['kind', 'lr', 'betas', 'eps', 'weightDecay', 'amsgrad'], owner);
    const d = OPTIMIZER_DEFAULTS[kind];
    const f = {
      lr: num('lr', NON_NEG, d.lr), betas: readNumbers(issues, obj.betas, `${path}.betas`, 2, BETA, d.betas),
      eps: num('eps', NON_NEG, d.eps), weightDecay: num('weightDecay', NON_NEG, d.weightDecay),
      amsgrad: bool('amsgrad', d.amsgrad),
    };
    return all(f, () => ({ kind, lr: f.lr!, betas: f.betas as Vec2, eps: f.eps!, weightDecay: f.weightDecay!, amsgrad: f.amsgrad! }));
  }
  if (kind === 'rmsprop') {
    rejectUnknownKeys(issues, obj, path, ['kind', 'lr', 'alpha', 'eps', 'momentum', 'centered', 'weightDecay'], owner);
    const d = OPTIMIZER_DEFAULTS.rmsprop;
    const f = {
      lr: num('lr', NON_NEG, d.lr), alpha: num('alpha', NON_NEG, d.alpha), eps: num('eps', NON_NEG, d.eps),
      momentum: num('momentum', NON_NEG, d.momentum), centered: bool('centered', d.centered),
      weightDecay: num('weightDecay', NON_NEG, d.weightDecay),
    };
    return all(f, () => ({ kind, lr: f.lr!, alpha: f.alpha!, eps: f.eps!, momentum: f.momentum!, centered: f.centered!, weightDecay: f.weightDecay! }));
  }
  rejectUnknownKeys(issues, obj, path, ['kind', 'lr', 'lrDecay', 'initialAccumulatorValue', 'eps', 'weightDecay'], owner);
  const d = OPTIMIZER_DEFAULTS.adagrad;
  const f = {
    lr: num('lr', NON_NEG, d.lr), lrDecay: num('lrDecay', NON_NEG, d.lrDecay),
    initialAccumulatorValue: num('initialAccumulatorValue', NON_NEG, d.initialAccumulatorValue),
    eps: num('eps', NON_NEG, d.eps), weightDecay: num('weightDecay', NON_NEG, d.weightDecay),
  };
  return all(f, () => ({ kind, lr: f.lr!, lrDecay: f.lrDecay!, initialAccumulatorValue: f.initialAccumulatorValue!, eps: f.eps!, weightDecay: f.weightDecay! }));
}

const STEP_COUNT = { min: 1, integer: true };

export function readSchedule(issues: Issues, raw: unknown, path = 'schedule'): ScheduleSpec | undefined {
  if (raw === undefined) return { kind: 'constant' };
  const obj = readObject(issues, raw, path);
  if (!obj) return undefined;
  const kind = readKind(issues, obj, path, SCHEDULE_KINDS);
  if (!kind) return undefined;
  const num = (key: string, rule: object, fallback?: number) => readNumber(issues, obj[key], `${path}.${key}`, rule, fallback);
  if (kind === 'constant') {
    rejectUnknownKeys(issues, obj, path, ['kind'], 'schedule "constant"');
    return { kind };
  }
  if (kind === 'linearWarmup') {
    rejectUnknownKeys(issues, obj, path, ['kind', 'warmupSteps'], 'schedule "linearWarmup"');
    const warmupSteps = num('warmupSteps', STEP_COUNT);
    return warmupSteps === undefined ? undefined : { kind, warmupSteps };
  }
  if (kind === 'warmupCosine') {
    rejectUnknownKeys(issues, obj, path, ['kind', 'warmupSteps', 'totalSteps', 'minFactor'], 'schedule "warmupCosine"');
    const warmupSteps = num('warmupSteps', { min: 0, integer: true });
    const totalSteps = num('totalSteps', STEP_COUNT);
    const minFactor = num('minFactor', { min: 0, max: 1 }, 0);
    if (warmupSteps === undefined || totalSteps === undefined || minFactor === undefined) return undefined;
    if (totalSteps <= warmupSteps) {
      issues.add(`${path}.totalSteps`, `must be greater than warmupSteps (${warmupSteps}), got ${totalSteps}`);
      return undefined;
    }
    return { kind, warmupSteps, totalSteps, minFactor };
  }
  if (kind === 'exponential') {
    rejectUnknownKeys(issues, obj, path, ['kind', 'gamma'], 'schedule "exponential"');
    const gamma = num('gamma', POSITIVE);
    return gamma === undefined ? undefined : { kind, gamma };
  }
  if (kind === 'cosineRestarts') {
    rejectUnknownKeys(issues, obj, path, ['kind', 't0', 'tMult', 'minFactor'], 'schedule "cosineRestarts"');
    const t0 = num('t0', STEP_COUNT);
    const tMult = num('tMult', { min: 1, max: 16, integer: true }, 1);
    const minFactor = num('minFactor', { min: 0, max: 1 }, 0);
    return t0 === undefined || tMult === undefined || minFactor === undefined ? undefined : { kind, t0, tMult, minFactor };
  }
  rejectUnknownKeys(issues, obj, path, ['kind', 'stepSize', 'gamma'], 'schedule "step"');
  const stepSize = num('stepSize', STEP_COUNT);
  const gamma = num('gamma', POSITIVE, DEFAULT_STEP_GAMMA);
  return stepSize === undefined || gamma === undefined ? undefined : { kind, stepSize, gamma };
}

export function readClip(issues: Issues, raw: unknown, path = 'clip'): ClipSpec | null | undefined {
  if (raw === undefined || raw === null) return null;
  const obj = readObject(issues, raw, path);
  if (!obj) return undefined;
  rejectUnknownKeys(issues, obj, path, ['maxNorm'], 'clip');
  const maxNorm = readNumber(issues, obj.maxNorm, `${path}.maxNorm`, POSITIVE);
  return maxNorm === undefined ? undefined : { maxNorm };
}

export function readNoise(issues: Issues, raw: unknown, path = 'noise'): NoiseSpec | null | undefined {
  if (raw === undefined || raw === null) return null;
  const obj = readObject(issues, raw, path);
  if (!obj) return undefined;
  rejectUnknownKeys(issues, obj, path, ['batchSize', 'std'], 'noise');
  const batchSize = readNumber(issues, obj.batchSize, `${path}.batchSize`, STEP_COUNT);
  const std = readNumber(issues, obj.std, `${path}.std`, NON_NEG, DEFAULT_NOISE_STD);
  return batchSize === undefined || std === undefined ? undefined : { batchSize, std };
}
