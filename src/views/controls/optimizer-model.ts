/** Pure helpers for a run's optimizer, schedule, clipping and noise controls. */
import {
  OPTIMIZER_DEFAULTS, type OptimizerKind, type OptimizerSpec, type ScheduleKind,
  type ScheduleSpec, type SgdSpec, type Vec2,
} from '../../engine';
import { DEFAULT_STEP_GAMMA } from '../../engine/spec/defaults';

export const OPTIMIZER_OPTIONS: readonly { value: OptimizerKind; label: string }[] = [
  { value: 'sgd', label: 'SGD — torch.optim.SGD' },
  { value: 'adam', label: 'Adam — torch.optim.Adam' },
  { value: 'adamw', label: 'AdamW — torch.optim.AdamW' },
  { value: 'rmsprop', label: 'RMSprop — torch.optim.RMSprop' },
  { value: 'adagrad', label: 'Adagrad — torch.optim.Adagrad' },
];

export const SCHEDULE_OPTIONS: readonly { value: ScheduleKind; label: string }[] = [
  { value: 'constant', label: 'constant' },
  { value: 'linearWarmup', label: 'linear warm-up' },
  { value: 'warmupCosine', label: 'warm-up + cosine decay' },
  { value: 'step', label: 'step decay (StepLR)' },
  { value: 'exponential', label: 'exponential (ExponentialLR)' },
  { value: 'cosineRestarts', label: 'cosine with warm restarts' },
];

/**
 * The same run with another optimizer: torch's defaults for the new kind, keeping α (the
 * quantity the lesson is about) and, between SGD and RMSprop, the momentum.
 */
export function switchOptimizer(old: OptimizerSpec, kind: OptimizerKind): OptimizerSpec {
  if (old.kind === kind) return old;
  const lr = old.lr;
  const momentum = old.kind === 'sgd' || old.kind === 'rmsprop' ? old.momentum : 0;
  switch (kind) {
    case 'sgd':
      return { ...OPTIMIZER_DEFAULTS.sgd, kind, lr, momentum };
    case 'adam':
    case 'adamw':
      return { ...OPTIMIZER_DEFAULTS[kind], kind, lr, betas: [...OPTIMIZER_DEFAULTS[kind].betas] as Vec2 };
    case 'rmsprop':
      return { ...OPTIMIZER_DEFAULTS.rmsprop, kind, lr, momentum };
    case 'adagrad':
      return { ...OPTIMIZER_DEFAULTS.adagrad, kind, lr };
  }
}

/** Why Nesterov can't be switched on (torch.optim.SGD's rule), or null when it can. */
export function nesterovBlocker(o: SgdSpec): string | null {
  if (o.nesterov) return null;
  if (!(o.momentum > 0) && o.dampening !== 0) return 'Nesterov needs momentum > 0 and dampening = 0 (as torch.optim.SGD).';
  if (!(o.momentum > 0)) return 'Nesterov needs momentum > 0: raise momentum first.';
  if (o.dampening !== 0) return 'Nesterov needs dampening = 0: set dampening to 0 first.';
  return null;
}

/**
 * SGD with a patch applied, never an invalid spec: while Nesterov is on, momentum stays > 0
 * and dampening stays 0 (the fields say so; a patch that breaks the rule is refused → null).
 */
export function patchSgd(o: SgdSpec, patch: Partial<Omit<SgdSpec, 'kind'>>): SgdSpec | null {
  const next = { ...o, ...patch };
  if (next.nesterov && (!(next.momentum > 0) || next.dampening !== 0)) return null;
  return next;
}

/** Momentum's range on its slider; with Nesterov on it starts above 0. */
export function momentumScale(nesterov: boolean) {
  return { min: nesterov ? 0.01 : 0, max: 0.99, step: 0.01 };
}

/** A schedule of a kind with sensible defaults for a run of `steps` steps. */
export function defaultSchedule(kind: ScheduleKind, steps: number): ScheduleSpec {
  const warm = Math.max(1, Math.round(steps / 10));
  switch (kind) {
    case 'constant':
      return { kind };
    case 'linearWarmup':
      return { kind, warmupSteps: warm };
    case 'warmupCosine':
      return { kind, warmupSteps: warm, totalSteps: Math.max(warm + 1, steps), minFactor: 0 };
    case 'step':
      return { kind, stepSize: Math.max(1, Math.round(steps / 4)), gamma: DEFAULT_STEP_GAMMA };
    case 'exponential':
      return { kind, gamma: 0.99 };
    case 'cosineRestarts':
      return { kind, t0: Math.max(1, Math.round(steps / 4)), tMult: 1, minFactor: 0 };
  }
}

/** A short summary of a run's extra settings for the collapsed section: "warm-up + cosine, clip 1". */
export function extrasSummary(s: { schedule: ScheduleSpec; clip: { maxNorm: number } | null; noise: { batchSize: number } | null; seed: number }): string {
  const parts: string[] = [];
  if (s.schedule.kind !== 'constant') parts.push(SCHEDULE_OPTIONS.find((o) => o.value === s.schedule.kind)!.label);
  if (s.clip) parts.push(`clip ‖g‖ ≤ ${s.clip.maxNorm}`);
  if (s.noise) parts.push(`noise, batch ${s.noise.batchSize}`);
  return parts.length ? parts.join(', ') : 'constant α, no clipping, no noise';
}
