import { useId, useMemo, useState } from 'react';
import { runColor } from '../../state/doc';
import { fmt } from '../../ui/format';
import { edgeRun, FLOW, twoStepRises } from './eos-facts';
import { logDomain, StepPlot } from './eos-plot';
import { EDGE_LR, STEPS } from './eos-presets';
import './eos.css';

const LR_MIN = 0.05, LR_MAX = 0.35, LR_STEP = 0.005;

/** Sentence about where a run's sharpness sits against 2/α, from the engine's summary. */
function verdict(t: ReturnType<typeof edgeRun>, edge: number): string {
  const { sum } = t;
  if (t.sim.stoppedAt !== null) return `The run overflowed at step ${t.sim.stoppedAt}.`;
  if (sum.firstPair < 0) {
    return `The sharpness never gets near 2/α: it levels off at ${fmt(sum.end)}, where gradient flow lands (${fmt(FLOW)}), ${fmt(edge / sum.end, 2)}× below the limit. The loss falls on every step.`;
  }
  const settled = sum.settledStep >= 0 ? `; step by step it stays within 10% from step ${sum.settledStep}` : '';
  return `The mean of two consecutive steps is within 10% of 2/α from step ${sum.firstPair}${settled}. It ends at ${fmt(sum.end)}, ${fmt(sum.end / edge, 3)} × 2/α, below the ${fmt(FLOW)} that gradient flow would reach. The loss rose on ${sum.rises} of ${t.sim.length - 1} steps, yet fell from ${fmt(sum.lossStart)} to ${fmt(sum.lossEnd)}.`;
}

/** Sharpness and loss of GD on the product surface, live for the α the learner picks. */
export function EosSharpness() {
  const [lr, setLr] = useState(EDGE_LR);
  const id = useId();
  const v = useMemo(() => {
    const t = edgeRun(lr);
    const edge = 2 / lr;
    const { sum } = t;
    const sharpLabel = `Sharpness λmax per step for GD at α = ${fmt(lr)} on ((xy)² − 1)²/4 from (2.25, 0.1): starts at ${fmt(sum.start)}, peaks at ${fmt(sum.peak)}, ends at ${fmt(sum.end)}; 2/α = ${fmt(edge)}; gradient flow would land at ${fmt(FLOW)}.`;
    const lossLabel = `Loss per step, log scale: from ${fmt(sum.lossStart)} to ${fmt(sum.lossEnd)}, rising on ${sum.rises} of ${t.sim.length - 1} steps; over two steps it rises ${twoStepRises(t.sim)} times after step 2.`;
    return {
      t, edge, sharpLabel, lossLabel, text: verdict(t, edge),
      sharpDomain: [0, 1.1 * Math.max(edge, FLOW, Number.isFinite(sum.peak) ? sum.peak : 0)] as [number, number],
      lossDomain: logDomain([t.sim.loss]),
    };
  }, [lr]);
  return (
    <figure className="eos-fig">
      <label className="eos-slider" htmlFor={`${id}-lr`}>
        <span>step size α</span>
        <input id={`${id}-lr`} type="range" min={LR_MIN} max={LR_MAX} step={LR_STEP} value={lr}
          onChange={(e) => setLr(Number(e.target.value))} aria-valuetext={`α = ${fmt(lr)}, 2/α = ${fmt(2 / lr)}`} />
        <output htmlFor={`${id}-lr`}>α = {fmt(lr)} · 2/α = {fmt(v.edge)}</output>
      </label>
      <div className="eos-row">
        <StepPlot title="Sharpness against 2/α" label={v.sharpLabel} steps={STEPS} log={false} domain={v.sharpDomain} yLabel="λmax"
          series={[{ key: 's', values: v.t.trace.sharpness, color: runColor(0) }]}
          lines={[
            { key: 'edge', y: v.edge, color: '#b3261e', dash: '6 3', label: `2/α = ${fmt(v.edge)}` },
            { key: 'flow', y: FLOW, color: '#545a75', dash: '2 3', label: `flow lands at ${fmt(FLOW)}`, at: 'left' },
          ]} />
        <StepPlot title="Loss" label={v.lossLabel} steps={STEPS} log domain={v.lossDomain} yLabel="f (log)"
          series={[{ key: 'l', values: v.t.sim.loss, color: runColor(1), width: 1.2 }]} />
      </div>
      <figcaption aria-live="polite">
        <span className="eos-key"><span className="eos-swatch" style={{ borderColor: runColor(0) }} />sharpness λmax(∇²f(w_k))</span>
        <span className="eos-key"><span className="eos-swatch dashed" style={{ borderColor: '#b3261e' }} />2/α</span>
        <span className="eos-key"><span className="eos-swatch dotted" style={{ borderColor: '#545a75' }} />where gradient flow lands</span>
        {' '}{v.text}
      </figcaption>
    </figure>
  );
}
