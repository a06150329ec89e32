import { memo } from 'react';
import type { BadBatchSpec, ClipSpec, GuardSpec, NoiseSpec, PrecisionSpec } from '../../engine';
import { NumberField } from '../../ui/NumberField';
import { Toggle } from '../../ui/Toggle';
import { LoopFields, type LoopPatch } from './LoopFields';

export interface ExtrasFieldsProps {
  clip: ClipSpec | null;
  noise: NoiseSpec | null;
  seed: number;
  badBatch: BadBatchSpec | null;
  guard: GuardSpec | null;
  precision: PrecisionSpec | null;
  /** The lab's step count (where a new bad batch goes). */
  steps: number;
  onChange(patch: { clip?: ClipSpec | null; noise?: NoiseSpec | null; seed?: number } & LoopPatch): void;
  runName: string;
}

const DEFAULT_CLIP: ClipSpec = { maxNorm: 1 };
const DEFAULT_NOISE: NoiseSpec = { batchSize: 8, std: 1 };

/** Gradient clipping (clip_grad_norm_), mini-batch gradient noise and its seed, then the training loop. */
export const ExtrasFields = memo(function ExtrasFields({ clip, noise, seed, badBatch, guard, precision, steps, onChange, runName }: ExtrasFieldsProps) {
  const name = (field: string) => `${field} (${runName})`;
  return (
    <div className="control-stack">
      <Toggle label="clip gradient norm (clip_grad_norm_)" checked={clip !== null} onChange={(on) => onChange({ clip: on ? DEFAULT_CLIP : null })} />
      {clip ? (
        <div className="field-grid">
          <NumberField label="maxNorm" name={name('maxNorm')} value={clip.maxNorm} rule={{ min: 0, minExclusive: true }} onCommit={(maxNorm) => onChange({ clip: { maxNorm } })} />
        </div>
      ) : null}
      <Toggle label="gradient noise (mini-batches)" checked={noise !== null} onChange={(on) => onChange({ noise: on ? DEFAULT_NOISE : null })} />
      {noise ? (
        <div className="field-grid">
          <NumberField label="batchSize" name={name('batchSize')} value={noise.batchSize} rule={{ min: 1, integer: true }} onCommit={(batchSize) => onChange({ noise: { ...noise, batchSize } })} />
          <NumberField label="std σ" name={name('std')} value={noise.std} rule={{ min: 0 }} onCommit={(std) => onChange({ noise: { ...noise, std } })} />
        </div>
      ) : null}
      <div className="field-grid">
        <NumberField
          label="seed" name={name('seed')} value={seed} rule={{ min: 0, max: 2 ** 32 - 1, integer: true }}
          onCommit={(s) => onChange({ seed: s })} hint={noise ? undefined : 'Used only with gradient noise.'}
        />
      </div>
      <LoopFields badBatch={badBatch} guard={guard} precision={precision} steps={steps} onChange={onChange} runName={runName} />
    </div>
  );
});
