import { memo } from 'react';
import type { AdagradSpec, AdamSpec, OptimizerSpec, RmspropSpec, SgdSpec } from '../../engine';
import { NumberField } from '../../ui/NumberField';
import type { NumberRule } from '../../ui/parse-number';
import { RangeField } from '../../ui/RangeField';
import { Toggle } from '../../ui/Toggle';
import { momentumScale, nesterovBlocker, patchSgd } from './optimizer-model';

const NON_NEG: NumberRule = { min: 0 };
const BETA: NumberRule = { min: 0, max: 1, maxExclusive: true };

export interface OptimizerFieldsProps {
  optimizer: OptimizerSpec;
  onChange(optimizer: OptimizerSpec): void;
  /** "run 1": names fields in messages. */
  runName: string;
}

/** Equal apart from lr: the fields don't show α, so a new α alone doesn't re-render them. */
function sameButLr(a: OptimizerSpec, b: OptimizerSpec): boolean {
  const keys = Object.keys(a) as (keyof OptimizerSpec)[];
  return keys.length === Object.keys(b).length && keys.every((k) => k === 'lr' || Object.is(a[k], b[k]));
}

/**
 * Every hyperparameter of the run's optimizer, under torch.optim's names (α has its own slider).
 * Memoised ignoring α: `onChange` must therefore keep the α in force (the optimizer it is given
 * may carry an older one).
 */
export const OptimizerFields = memo(function OptimizerFields({ optimizer, onChange, runName }: OptimizerFieldsProps) {
  switch (optimizer.kind) {
    case 'sgd':
      return <SgdFields o={optimizer} onChange={onChange} runName={runName} />;
    case 'adam':
    case 'adamw':
      return <AdamFields o={optimizer} onChange={onChange} runName={runName} />;
    case 'rmsprop':
      return <RmspropFields o={optimizer} onChange={onChange} runName={runName} />;
    case 'adagrad':
      return <AdagradFields o={optimizer} onChange={onChange} runName={runName} />;
  }
}, (a, b) => a.onChange === b.onChange && a.runName === b.runName && sameButLr(a.optimizer, b.optimizer));

interface FieldsProps<T> {
  o: T;
  onChange(o: OptimizerSpec): void;
  runName: string;
}

function SgdFields({ o, onChange, runName }: FieldsProps<SgdSpec>) {
  const set = (patch: Partial<Omit<SgdSpec, 'kind'>>) => {
    const next = patchSgd(o, patch);
    if (next) onChange(next);
  };
  const blocker = nesterovBlocker(o);
  return (
    <div className="control-stack">
      <RangeField
        label="momentum" name={`momentum (${runName})`} spoken={`momentum β, ${runName}`} value={o.momentum} onChange={(momentum) => set({ momentum })}
        scale={momentumScale(o.nesterov)} rule={o.nesterov ? { min: 0, minExclusive: true } : NON_NEG}
        hint={o.nesterov ? 'β > 0 while nesterov is on.' : undefined}
      />
      <Toggle
        label="nesterov" checked={o.nesterov} disabled={blocker !== null} onChange={(nesterov) => set({ nesterov })}
        hint={blocker ?? (o.nesterov ? 'Look-ahead momentum: the bound becomes 2(1+β)/((1+2β)λmax).' : undefined)}
      />
      <div className="field-grid">
        <NumberField
          label="dampening" name={`dampening (${runName})`} value={o.dampening} rule={{ min: 0, max: 1 }}
          disabled={o.nesterov} onCommit={(dampening) => set({ dampening })}
          hint={o.nesterov ? 'Must be 0 with nesterov.' : o.momentum === 0 ? 'No effect without momentum.' : undefined}
        />
        <NumberField label="weightDecay" name={`weightDecay (${runName})`} value={o.weightDecay} rule={NON_NEG} onCommit={(weightDecay) => set({ weightDecay })} />
      </div>
    </div>
  );
}

function AdamFields({ o, onChange, runName }: FieldsProps<AdamSpec>) {
  const set = (patch: Partial<Omit<AdamSpec, 'kind'>>) => onChange({ ...o, ...patch });
  return (
    <div className="control-stack">
      <div className="field-grid">
        <NumberField label="betas[0] β1" name={`β1 (${runName})`} value={o.betas[0]} rule={BETA} onCommit={(b) => set({ betas: [b, o.betas[1]] })} />
        <NumberField label="betas[1] β2" name={`β2 (${runName})`} value={o.betas[1]} rule={BETA} onCommit={(b) => set({ betas: [o.betas[0], b] })} />
        <NumberField label="eps" name={`eps (${runName})`} value={o.eps} rule={NON_NEG} onCommit={(eps) => set({ eps })} />
        <NumberField label="weightDecay" name={`weightDecay (${runName})`} value={o.weightDecay} rule={NON_NEG} onCommit={(weightDecay) => set({ weightDecay })} />
      </div>
      <Toggle label="amsgrad" checked={o.amsgrad} onChange={(amsgrad) => set({ amsgrad })} />
    </div>
  );
}

function RmspropFields({ o, onChange, runName }: FieldsProps<RmspropSpec>) {
  const set = (patch: Partial<Omit<RmspropSpec, 'kind'>>) => onChange({ ...o, ...patch });
  return (
    <div className="control-stack">
      <div className="field-grid">
        <NumberField label="alpha (smoothing)" name={`alpha (${runName})`} value={o.alpha} rule={NON_NEG} onCommit={(alpha) => set({ alpha })} />
        <NumberField label="momentum" name={`momentum (${runName})`} value={o.momentum} rule={NON_NEG} onCommit={(momentum) => set({ momentum })} />
        <NumberField label="eps" name={`eps (${runName})`} value={o.eps} rule={NON_NEG} onCommit={(eps) => set({ eps })} />
        <NumberField label="weightDecay" name={`weightDecay (${runName})`} value={o.weightDecay} rule={NON_NEG} onCommit={(weightDecay) => set({ weightDecay })} />
      </div>
      <Toggle label="centered" checked={o.centered} onChange={(centered) => set({ centered })} />
    </div>
  );
}

function AdagradFields({ o, onChange, runName }: FieldsProps<AdagradSpec>) {
  const set = (patch: Partial<Omit<AdagradSpec, 'kind'>>) => onChange({ ...o, ...patch });
  return (
    <div className="field-grid">
      <NumberField label="lrDecay" name={`lrDecay (${runName})`} value={o.lrDecay} rule={NON_NEG} onCommit={(lrDecay) => set({ lrDecay })} />
      <NumberField label="initialAccumulatorValue" name={`initialAccumulatorValue (${runName})`} value={o.initialAccumulatorValue} rule={NON_NEG} onCommit={(v) => set({ initialAccumulatorValue: v })} />
      <NumberField label="eps" name={`eps (${runName})`} value={o.eps} rule={NON_NEG} onCommit={(eps) => set({ eps })} />
      <NumberField label="weightDecay" name={`weightDecay (${runName})`} value={o.weightDecay} rule={NON_NEG} onCommit={(weightDecay) => set({ weightDecay })} />
    </div>
  );
}
