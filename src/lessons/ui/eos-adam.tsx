import { useMemo } from 'react';
import { runColor } from '../../state/doc';
import { fmt } from '../../ui/format';
import { adamFacts } from './eos-facts';
import { logDomain, StepPlot } from './eos-plot';
import { ADAM_BETAS, ADAM_LR, ADAM_STEPS, BOWL_GD_LR } from './eos-presets';
import './eos.css';

/** Adam on a fixed bowl: its preconditioned sharpness climbs to 38/α although the Hessian never changes. */
export function EosAdam() {
  const v = useMemo(() => {
    const f = adamFacts();
    const { adam, gd } = f;
    const threshold = adam.sum.threshold;
    const sharpLabel = `Adam (α = ${ADAM_LR}, β = ${ADAM_BETAS.join(', ')}) on a bowl with λ = 1 and 10: preconditioned sharpness λmax(P⁻¹H) per step, log scale, from ${fmt(adam.sum.start)} (${fmt(f.startRatio, 2)} of 38/α) up to ${fmt(adam.sum.peak)}, crossing 38/α = ${fmt(threshold)} at step ${f.cross}, then between ${fmt(f.band[0], 2)} and ${fmt(f.band[1], 2)} of it from step ${adam.sum.settledStep}.`;
    const lossLabel = `Loss per step, log scale: Adam falls to ${fmt(f.before)} before step ${f.cross}, jumps to ${fmt(f.after)} after it and ends at ${fmt(adam.sum.lossEnd)}; GD at α = ${BOWL_GD_LR} ends at ${fmt(gd.sum.lossEnd)}.`;
    return {
      f, threshold, sharpLabel, lossLabel,
      sharpDomain: logDomain([adam.trace.sharpness], [threshold]),
      // GD's loss falls past 10⁻⁸⁰: the axis stops at 10⁻¹² (drawn on the bottom edge below that) so Adam's jump shows.
      lossDomain: [1e-12, logDomain([adam.sim.loss])[1]] as [number, number],
    };
  }, []);
  const { f } = v;
  return (
    <figure className="eos-fig">
      <div className="eos-row">
        <StepPlot title="Adam's preconditioned sharpness against 38/α" label={v.sharpLabel} steps={ADAM_STEPS} log domain={v.sharpDomain} yLabel="λmax(P⁻¹H) (log)"
          series={[{ key: 'a', values: f.adam.trace.sharpness, color: runColor(2) }]}
          lines={[{ key: 't', y: v.threshold, color: '#b3261e', dash: '6 3', label: `38/α = ${fmt(v.threshold)}` }]} />
        <StepPlot title="Loss, Adam and GD" label={v.lossLabel} steps={ADAM_STEPS} log domain={v.lossDomain} yLabel="f (log)"
          series={[
            { key: 'a', values: f.adam.sim.loss, color: runColor(2), width: 1.2 },
            { key: 'g', values: f.gd.sim.loss, color: runColor(0), dash: '5 3', width: 1.4 },
          ]} />
      </div>
      <figcaption>
        <span className="eos-key"><span className="eos-swatch" style={{ borderColor: runColor(2) }} />Adam</span>
        <span className="eos-key"><span className="eos-swatch dashed" style={{ borderColor: runColor(0) }} />GD, α = {BOWL_GD_LR} (loss only)</span>
        <span className="eos-key"><span className="eos-swatch dashed" style={{ borderColor: '#b3261e' }} />38/α</span>
        {' '}The preconditioned sharpness starts at {fmt(f.startRatio, 2)} of 38/α and crosses it at step {f.cross}; the loss
        jumps from {fmt(f.before)} to {fmt(f.after)}, v̂ grows back, and from step {f.adam.sum.settledStep} on it stays
        between {fmt(f.band[0], 2)} and {fmt(f.band[1], 2)} of 38/α. Adam then hovers at a loss near {fmt(f.adam.sum.lossEnd)};
        GD, whose α = {BOWL_GD_LR} is below 2/λmax = 0.2, reaches {fmt(f.gd.sum.lossEnd)} (off the bottom of the axis, which stops at 10⁻¹²).
      </figcaption>
    </figure>
  );
}
