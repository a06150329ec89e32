/** Pure: the options and the values the training-loop controls switch on (loaded with LoopFields, off the first paint). */
import { GUARD_DEFAULTS, LOSS_SCALE_DEFAULTS, type BadBatchSpec, type GuardSpec, type LossScaleSpec, type NumberFormat, type PrecisionSpec } from '../../engine';
import { DEFAULT_OUTLIER_SCALE } from '../../engine/spec/defaults';

export const BAD_KIND_OPTIONS: readonly { value: BadBatchSpec['kind']; label: string }[] = [
  { value: 'outlier', label: 'outlier (c × gradient)' },
  { value: 'nan', label: 'NaN gradient' },
  { value: 'inf', label: '∞ gradient' },
];

export const FORMAT_OPTIONS: readonly { value: NumberFormat; label: string }[] = [
  { value: 'fp64', label: 'FP64 (float64)' },
  { value: 'fp32', label: 'FP32 (float32)' },
  { value: 'fp16', label: 'FP16 (float16)' },
  { value: 'bf16', label: 'BF16 (bfloat16)' },
];

/** A new bad batch: an outlier (the spec's default scale) 40% of the way through the run, always inside it. */
export function defaultBadBatch(steps: number): BadBatchSpec {
  return { step: Math.max(0, Math.min(steps - 1, Math.round(steps * 0.4))), kind: 'outlier', scale: DEFAULT_OUTLIER_SCALE };
}
export const DEFAULT_GUARD: GuardSpec = { ...GUARD_DEFAULTS };
/** Mixed precision as AMP runs it: float32 master weights, float16 maths; loss scaling is its own switch. */
export const DEFAULT_PRECISION: PrecisionSpec = { params: 'fp32', compute: 'fp16', lossScale: null };
export const DEFAULT_LOSS_SCALE: LossScaleSpec = { ...LOSS_SCALE_DEFAULTS };

