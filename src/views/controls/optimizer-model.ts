/** Pure helpers for a run's optimizer, schedule, clipping, noise and training-loop controls. */
import {
  OPTIMIZER_DEFAULTS, type BadBatchSpec, type GuardSpec, type NumberFormat, type OptimizerKind, type OptimizerSpec,
  type PrecisionSpec, type ScheduleKind, type ScheduleSpec, type SgdSpec, type Vec2,
} from '../../engine';
import { DEFAULT_STEP_GAMMA } from '../../engine/spec/defaults';
import { fmt } from '../../ui/format';

/** A run's training-loop extras (absent = none). */
export interface LoopExtras {
  badBatch?: BadBatchSpec | null;
  guard?: GuardSpec | null;
  precision?: PrecisionSpec | null;
}

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

/** How the lab names a number format: FP64, FP32, FP16, BF16. */
export const FORMAT_LABEL: Record<NumberFormat, string> = { fp64: 'FP64', fp32: 'FP32', fp16: 'FP16', bf16: 'BF16' };

/** "bad batch at 40 (NaN)", "bad batch at 40 (∞)", "bad batch at 40 (100× outlier)". */
export function badBatchText(b: BadBatchSpec): string {
  const what = b.kind === 'nan' ? 'NaN' : b.kind === 'inf' ? '∞' : `${fmt(b.scale)}× outlier`;
  return `bad batch at ${b.step} (${what})`;
}

/** "skip > 10× avg" (‖g‖ against its running average), "skip non-finite", or both joined with "or". */
export function guardText(g: GuardSpec): string {
  const rules: string[] = [];
  if (g.skipFactor > 0) rules.push(`> ${fmt(g.skipFactor)}× avg`);
  if (g.skipNonFinite) rules.push('non-finite');
  return rules.length ? `skip ${rules.join(' or ')}` : 'guard with no rule on';
}

/** "FP16 compute + loss scaling", "BF16 compute (BF16 params)". */
export function precisionText(p: PrecisionSpec): string {
  const params = p.params === 'fp64' ? '' : ` (${FORMAT_LABEL[p.params]} params)`;
  return `${FORMAT_LABEL[p.compute]} compute${params}${p.lossScale ? ' + loss scaling' : ''}`;
}

/** The training-loop extras in words, in the order the loop applies them (none: an empty list). */
export function loopParts(s: LoopExtras): string[] {
  const parts: string[] = [];
  if (s.badBatch) parts.push(badBatchText(s.badBatch));
  if (s.guard) parts.push(guardText(s.guard));
  if (s.precision) parts.push(precisionText(s.precision));
  return parts;
}

/**
 * A short summary of a run's extra settings for the collapsed section:
 * "warm-up + cosine, clip ‖g‖ ≤ 1, bad batch at 40 (NaN), skip > 10× avg, FP16 compute + loss scaling".
 */
export function extrasSummary(s: { schedule: ScheduleSpec; clip: { maxNorm: number } | null; noise: { batchSize: number } | null; seed: number } & LoopExtras): string {
  const parts: string[] = [];
  if (s.schedule.kind !== 'constant') parts.push(SCHEDULE_OPTIONS.find((o) => o.value === s.schedule.kind)!.label);
  if (s.clip) parts.push(`clip ‖g‖ ≤ ${s.clip.maxNorm}`);
  if (s.noise) parts.push(`noise, batch ${s.noise.batchSize}`);
  parts.push(...loopParts(s));
  return parts.length ? parts.join(', ') : 'constant α, no clipping, no noise';
}
