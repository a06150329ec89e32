import { useId, useMemo, useState } from 'react';
import { describeNonFinite } from '../../engine';
import { runColor } from '../../state/doc';
import { fmt } from '../../ui/format';
import { SpikeLossChart } from './spike-chart';
import { outlierFacts } from './spike-facts';
import { LR, RECOVERS, SCALES, SKIP, STEP, STEP_RANGE, STEPS } from './spike-presets';
import './spike.css';

/**
 * A bad batch at a chosen step with a chosen outlier scale: the clean run, the run that takes the
 * bad step, and its twin under the skip rule, all recomputed by the engine on every change.
 */
export function SpikeOutlier() {
  const id = useId();
  const [step, setStep] = useState<number>(STEP);
  const [si, setSi] = useState<number>(SCALES.indexOf(RECOVERS));
  const scale = SCALES[si]!;
  const f = useMemo(() => outlierFacts(step, scale), [step, scale]);
  const { report: rep, guard } = f;
  const stop = f.bad.nonFinite;
  const times = rep.landingLambda / rep.limit;
  const spike = stop && stop.step === step + 1
    ? `The loss overflows at once: ${describeNonFinite(stop)}.`
    : rep.ratio > 1
      ? `The loss jumps from ${fmt(rep.before)} to ${fmt(rep.after)} (×${fmt(rep.ratio)}).`
      : `The loss does not rise (${fmt(rep.before)} → ${fmt(rep.after)}): a step this size is absorbed.`;
  const fate = stop
    ? `Each following step overshoots farther out, where the surface is steeper still: ${describeNonFinite(stop)}, ${stop.step - step} steps after the bad batch. The run is destroyed.`
    : rep.recoveredAfter !== null
      ? `It recovers: the loss is back at or below ${fmt(rep.before)} after ${rep.recoveredAfter} step${rep.recoveredAfter === 1 ? '' : 's'}, and ends at ${fmt(rep.endLoss)} (clean run: ${fmt(f.clean.loss[f.clean.length - 1]!)}).`
      : `The loss stays above its pre-spike ${fmt(rep.before)} to the end of the run.`;
  const skipText = guard.skipped
    ? `skipped: ‖g‖ = ${fmt(rep.badNorm)} is over 10 × the running average (${fmt(f.threshold)}). From step ${step + 1} on, the guarded run is the clean run one step late (largest coordinate difference ${fmt(guard.lateBy1 ?? NaN)}).`
    : `not skipped: ‖g‖ = ${fmt(rep.badNorm)} is below 10 × the running average (${fmt(f.threshold)}), so the guarded run takes the same step as the unguarded one.`;
  const landing = rep.landing
    ? `The update α‖g‖ is ${fmt(rep.jump)} long and lands at (${fmt(rep.landing[0])}, ${fmt(rep.landing[1])}), where λmax = ${fmt(rep.landingLambda)}: ${fmt(times, 2)} × the limit 2/α = ${fmt(rep.limit)}.`
    : '';
  const label = `Loss per step, log scale, ${STEPS} steps of gradient descent on Rosenbrock at α = ${LR}. Clean run ends at ${fmt(f.clean.loss[f.clean.length - 1]!)}. With a ×${scale} outlier at step ${step}: ${spike} ${fate} With the skip rule the batch is ${guard.skipped ? 'skipped' : 'not skipped'}.`;
  return (
    <figure className="spike-fig">
      <div className="spike-controls">
        <label htmlFor={`${id}-s`}>bad batch at step <strong>{step}</strong></label>
        <input id={`${id}-s`} type="range" min={STEP_RANGE.min} max={STEP_RANGE.max} step={STEP_RANGE.step} value={step}
          aria-valuetext={`step ${step}`} onChange={(e) => setStep(Number(e.target.value))} />
        <label htmlFor={`${id}-c`}>its gradient × <strong>{scale}</strong></label>
        <input id={`${id}-c`} type="range" min={0} max={SCALES.length - 1} step={1} value={si}
          aria-valuetext={`times ${scale}`} onChange={(e) => setSi(Number(e.target.value))} />
      </div>
      <SpikeLossChart
        label={label}
        steps={STEPS}
        marks={[{ step, text: `bad batch (×${scale})` }]}
        series={[
          { r: f.clean, color: runColor(0), dash: '6 3' },
          { r: f.guarded, color: runColor(2), dash: '1.5 3', width: 2.6 },
          { r: f.bad, color: runColor(1) },
        ]}
      />
      <figcaption>
        <span className="spike-key"><span className="spike-swatch dashed" style={{ borderColor: runColor(0) }} />clean run (dashed)</span>
        <span className="spike-key"><span className="spike-swatch" style={{ borderColor: runColor(1) }} />with the bad batch (solid)</span>
        <span className="spike-key"><span className="spike-swatch dotted" style={{ borderColor: runColor(2) }} />bad batch + skip rule (dotted; when it skips, it lies on the clean curve one step late)</span>
        <ul className="spike-readout" aria-live="polite">
          <li>
            At step {step} the batch’s gradient is {scale} times the true one: ‖g‖ = {fmt(rep.badNorm)} instead of {fmt(rep.badNorm / scale)}. {landing}
          </li>
          <li>{spike} {fate}</li>
          <li>With the skip rule (skip factor {SKIP.skipFactor}, β = {SKIP.beta}) the batch is {skipText}</li>
        </ul>
      </figcaption>
    </figure>
  );
}
