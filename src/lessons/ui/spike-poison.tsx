import { useId, useMemo, useState } from 'react';
import { describeNonFinite, simulate } from '../../engine';
import { poisonTrace, type Health } from '../../engine/analysis/spike-poison';
import { NAN_STEP, POISON_OPTIMIZERS, STEP_RANGE, nonFinite, runSpec } from './spike-presets';
import './spike.css';

/** torch's state names with the symbols the lesson uses. */
const STATE_LABEL: Record<string, string> = {
  momentum_buffer: 'momentum buffer b',
  exp_avg: 'm (exp_avg)',
  exp_avg_sq: 'v (exp_avg_sq)',
  max_exp_avg_sq: 'max v',
  square_avg: 'square_avg',
  grad_avg: 'grad_avg',
  sum: 'sum',
};

function Cell({ h }: { h: Health }) {
  return <td className={h === 'finite' ? 'ok' : 'bad'}>{h === 'NaN' ? 'NaN' : h}</td>;
}

/**
 * A NaN or Inf batch at a chosen step: where the engine stops the run, and what stepping on past it
 * does to w, the loss, the gradient and the optimizer's state (spike-poison.ts, computed live).
 */
export function SpikePoison() {
  const id = useId();
  const [oi, setOi] = useState(2);
  const [kind, setKind] = useState<'nan' | 'inf'>('nan');
  const [step, setStep] = useState(NAN_STEP);
  const opt = POISON_OPTIMIZERS[oi]!;
  const view = useMemo(() => {
    const spec = runSpec(nonFinite(step, kind), null, opt.spec);
    return { run: simulate(spec), trace: poisonTrace(spec, 3, 1) };
  }, [step, kind, opt]);
  const { run, trace } = view;
  const names = trace.rows[0]?.state.map((s) => s.name) ?? [];
  const poisoned = trace.rows.filter((r) => r.w !== 'finite' && r.loss !== 'finite' && r.g !== 'finite' && r.state.every((s) => s.health !== 'finite'));
  const allFrom = poisoned[0]?.step;
  return (
    <figure className="spike-fig">
      <fieldset className="spike-choices">
        <legend>Optimizer</legend>
        {POISON_OPTIMIZERS.map((o, i) => (
          <label key={o.id}><input type="radio" name={`${id}-opt`} checked={oi === i} onChange={() => setOi(i)} /> {o.label}</label>
        ))}
      </fieldset>
      <fieldset className="spike-choices">
        <legend>The bad batch holds</legend>
        <label><input type="radio" name={`${id}-kind`} checked={kind === 'nan'} onChange={() => setKind('nan')} /> a NaN</label>
        <label><input type="radio" name={`${id}-kind`} checked={kind === 'inf'} onChange={() => setKind('inf')} /> an Inf</label>
      </fieldset>
      <div className="spike-controls">
        <label htmlFor={`${id}-s`}>at step <strong>{step}</strong></label>
        <input id={`${id}-s`} type="range" min={STEP_RANGE.min} max={STEP_RANGE.max} step={STEP_RANGE.step} value={step}
          aria-valuetext={`step ${step}`} onChange={(e) => setStep(Number(e.target.value))} />
      </div>
      <p aria-live="polite">
        The engine stops the run: <strong>{run.nonFinite ? describeNonFinite(run.nonFinite) : 'nothing went non-finite'}</strong>.
        {' '}Stepping on past it by hand:
        {allFrom !== undefined ? ` from step ${allFrom} on, every quantity in the table is non-finite.` : ''}
      </p>
      <table className="spike-table">
        <caption className="visually-hidden">Finite or not, per step, after a {kind === 'nan' ? 'NaN' : 'Inf'} batch at step {step} with {opt.label}</caption>
        <thead>
          <tr>
            <th scope="col">step k</th>
            <th scope="col">w<sub>k</sub></th>
            <th scope="col">loss f(w<sub>k</sub>)</th>
            <th scope="col">gradient g<sub>k</sub></th>
            {names.length === 0
              ? <th scope="col">optimizer state</th>
              : names.map((n) => <th key={n} scope="col">{STATE_LABEL[n] ?? n} after step k</th>)}
          </tr>
        </thead>
        <tbody>
          {trace.rows.map((r) => (
            <tr key={r.step}>
              <th scope="row">{r.step}{r.step === trace.entered ? ' (bad batch)' : ''}</th>
              <Cell h={r.w} />
              <Cell h={r.loss} />
              <Cell h={r.g} />
              {r.state.length === 0 ? <td>none (plain SGD keeps no state)</td> : r.state.map((s) => <Cell key={s.name} h={s.health} />)}
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption>
        Each row is one step of the same run, continued by hand with the engine’s surface and optimizer after the point
        where the engine stops; “finite” means every entry of that quantity is an ordinary number.
      </figcaption>
    </figure>
  );
}
