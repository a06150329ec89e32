import { memo, type ReactNode } from 'react';
import type { BadBatchSpec, GuardSpec, LossScaleSpec, NumberFormat, PrecisionSpec } from '../../engine';
import { NumberField } from '../../ui/NumberField';
import { Select } from '../../ui/Select';
import { Toggle } from '../../ui/Toggle';
import { BAD_KIND_OPTIONS, defaultBadBatch, DEFAULT_GUARD, DEFAULT_LOSS_SCALE, DEFAULT_PRECISION, FORMAT_OPTIONS } from './LoopDefaults';

export interface LoopPatch {
  badBatch?: BadBatchSpec | null;
  guard?: GuardSpec | null;
  precision?: PrecisionSpec | null;
}

export interface LoopFieldsProps {
  badBatch: BadBatchSpec | null;
  guard: GuardSpec | null;
  precision: PrecisionSpec | null;
  /** The lab's step count: where a new bad batch goes, and whether one falls after the last step. */
  steps: number;
  onChange(patch: LoopPatch): void;
  /** "run 1": makes every control's accessible name unique across run cards. */
  runName: string;
}

const NON_NEG = { min: 0 };
const BETA = { min: 0, max: 1, maxExclusive: true };

/**
 * The training loop around optimizer.step(): a bad mini-batch at one step, guards that skip a
 * step (the skip-batch rule, the non-finite filter) and reduced precision with GradScaler's loss
 * scaling. Every control is native (keyboard-operable) and named with its run.
 */
export const LoopFields = memo(function LoopFields({ badBatch, guard, precision, steps, onChange, runName }: LoopFieldsProps) {
  // The visible label, plus the run (read, not shown) so that names are unique across run cards.
  const label = (text: string): ReactNode => <>{text}<span className="visually-hidden"> ({runName})</span></>;
  const name = (field: string) => `${field} (${runName})`;
  const setBad = (patch: Partial<BadBatchSpec>) => badBatch && onChange({ badBatch: { ...badBatch, ...patch } });
  const setGuard = (patch: Partial<GuardSpec>) => guard && onChange({ guard: { ...guard, ...patch } });
  const setPrec = (patch: Partial<PrecisionSpec>) => precision && onChange({ precision: { ...precision, ...patch } });
  const ls = precision?.lossScale ?? null;
  const setScale = (patch: Partial<LossScaleSpec>) => ls && setPrec({ lossScale: { ...ls, ...patch } });
  return (
    <fieldset className="group loop-group">
      <legend className="field-label">Training loop</legend>
      <div className="control-stack">
        <Toggle
          label={label('bad batch at one step')} checked={badBatch !== null}
          onChange={(on) => onChange({ badBatch: on ? defaultBadBatch(steps) : null })}
        />
        {badBatch ? (
          <div className="field-grid">
            <Select<BadBatchSpec['kind']> label={label('kind')} value={badBatch.kind} options={BAD_KIND_OPTIONS} onChange={(kind) => setBad({ kind })} />
            <NumberField
              label={label('step')} name={name('bad batch step')} value={badBatch.step} rule={{ min: 0, integer: true }}
              onCommit={(step) => setBad({ step })} hint={badBatch.step >= steps ? `After the last step (${steps - 1}): it never happens.` : undefined}
            />
            {badBatch.kind === 'outlier' ? (
              <NumberField label={label('scale c')} name={name('outlier scale')} value={badBatch.scale} onCommit={(scale) => setBad({ scale })} hint="Its gradient is c × the true one." />
            ) : null}
          </div>
        ) : null}
        <Toggle
          label={label('guard before optimizer.step()')} checked={guard !== null}
          onChange={(on) => onChange({ guard: on ? DEFAULT_GUARD : null })}
        />
        {guard ? (
          <>
            <div className="field-grid">
              <NumberField
                label={label('skipFactor')} name={name('skipFactor')} value={guard.skipFactor} rule={NON_NEG}
                onCommit={(skipFactor) => setGuard({ skipFactor })} hint="Skip if ‖g‖ > this × its running average; 0 = off."
              />
              <NumberField label={label('beta β')} name={name('guard β')} value={guard.beta} rule={BETA} onCommit={(beta) => setGuard({ beta })} hint="avg ← β·avg + (1 − β)·‖g‖" />
            </div>
            <Toggle
              label={label('skip non-finite batches')} checked={guard.skipNonFinite} onChange={(skipNonFinite) => setGuard({ skipNonFinite })}
              hint={guard.skipNonFinite ? undefined : 'NaN compares false: the ratio rule alone lets a NaN through.'}
            />
          </>
        ) : null}
        <Toggle
          label={label('reduced precision')} checked={precision !== null}
          onChange={(on) => onChange({ precision: on ? DEFAULT_PRECISION : null })}
        />
        {precision ? (
          <>
            <div className="field-grid">
              <Select<NumberFormat> label={label('params')} value={precision.params} options={FORMAT_OPTIONS} onChange={(params) => setPrec({ params })} />
              <Select<NumberFormat> label={label('compute')} value={precision.compute} options={FORMAT_OPTIONS} onChange={(compute) => setPrec({ compute })} />
            </div>
            <Toggle
              label={label('loss scaling (GradScaler)')} checked={ls !== null}
              onChange={(on) => setPrec({ lossScale: on ? DEFAULT_LOSS_SCALE : null })}
            />
            {ls ? (
              <div className="field-grid">
                <NumberField label={label('init')} name={name('init scale')} value={ls.init} rule={{ min: 0, minExclusive: true }} onCommit={(init) => setScale({ init })} />
                <NumberField label={label('growthFactor')} name={name('growthFactor')} value={ls.growthFactor} rule={{ min: 1, minExclusive: true }} onCommit={(growthFactor) => setScale({ growthFactor })} />
                <NumberField
                  label={label('backoffFactor')} name={name('backoffFactor')} value={ls.backoffFactor}
                  rule={{ min: 0, minExclusive: true, max: 1, maxExclusive: true }} onCommit={(backoffFactor) => setScale({ backoffFactor })}
                />
                <NumberField label={label('growthInterval')} name={name('growthInterval')} value={ls.growthInterval} rule={{ min: 1, integer: true }} onCommit={(growthInterval) => setScale({ growthInterval })} />
              </div>
            ) : null}
          </>
        ) : null}
      </div>
    </fieldset>
  );
});

export default LoopFields;
