import { simulate } from '../../engine';
import { runColor } from '../../state/doc';
import { fmt } from '../../ui/format';
import { specOf } from '../preset';
import { ChecklistTable } from './checklist-table';
import { CLIFF_LR, CLIFF_PAIR, CLIP_NORM, cliffData } from './checklist-presets';
import { DECAY_DOC } from './adam-presets';
import { LossSparkline } from './LossSparkline';
import { M } from './Math';
import { COSINE, VALLEY_STEPS, coldSpec } from './warmup-presets';

const pt = (r: { w: Float64Array; length: number }) => `(${fmt(r.w[2 * (r.length - 1)]!)}, ${fmt(r.w[2 * (r.length - 1) + 1]!)})`;

function Clipping() {
  const { clippedStats: c, rawStats: u } = cliffData();
  return (
    <>
      <h3>Clipping: a cap on the step, not on the gradient’s direction</h3>
      <p>
        Clipping rescales the gradient when its norm passes a threshold <M tex="c" plain="c" />:
      </p>
      <M block tex="\begin{aligned} \operatorname{clip}(g) &= g\cdot\min\!\Big(1,\ \tfrac{c}{\|g\|}\Big), \\ \|\Delta w\| &= \alpha\,\|\operatorname{clip}(g)\| \le \alpha c. \end{aligned}"
        plain="clip(g) = g · min(1, c/‖g‖),  so ‖Δw‖ = α‖clip(g)‖ ≤ αc." />
      <p>
        On the cliff surface (a bowl with a wall of height 10 at <M tex="x = 1" plain="x = 1" />) plain GD at α = {CLIFF_LR} lands
        on the wall at step {u.at}, where the gradient is huge, and one step throws it {fmt(u.maxStep)} units, out
        to <M tex={`x = ${fmt(u.minX)}`} plain={`x = ${fmt(u.minX)}`} />. Clipped at {CLIP_NORM}, no step is longer
        than α·c = {fmt(CLIFF_LR * CLIP_NORM)} (the longest is {fmt(c.maxStep)}): the run walks down the wall
        — {fmt(u.maxStep / c.maxStep, 2)}× shorter at worst. Here the bowl pulls the thrown run back; in a network the
        landing point can be a place it never recovers from.
      </p>
      <div className="sparkline-row">
        <LossSparkline spec={specOf(CLIFF_PAIR, 0)} title={`Clipped at ${CLIP_NORM} (GD, α = ${CLIFF_LR})`} color={runColor(0)} />
        <LossSparkline spec={specOf(CLIFF_PAIR, 1)} title={`Unclipped (GD, α = ${CLIFF_LR})`} color={runColor(1)} />
      </div>
    </>
  );
}

function Decay() {
  const adam = simulate(specOf(DECAY_DOC, 0));
  const adamw = simulate(specOf(DECAY_DOC, 1));
  return (
    <>
      <h3>AdamW: decay outside the adaptive step</h3>
      <p>
        Adam with L2 adds <M tex="\lambda w" plain="λw" /> to the gradient, so the decay is divided by{' '}
        <M tex="\sqrt{\hat v}" plain="√v̂" /> like everything else; AdamW subtracts it separately:
      </p>
      <M block tex="\begin{aligned} &\text{Adam+L2:} && w \mathrel{-}= \alpha\,\tfrac{\hat m[g+\lambda w]}{\sqrt{\hat v[g+\lambda w]}+\epsilon} \\ &\text{AdamW:} && w \mathrel{-}= \alpha\Big(\tfrac{\hat m[g]}{\sqrt{\hat v[g]}+\epsilon} + \lambda w\Big) \end{aligned}"
        plain="Adam+L2: w −= α·m̂[g+λw]/(√v̂[g+λw]+ε)    AdamW: w −= α(m̂[g]/(√v̂[g]+ε) + λw)" />
      <p>
        They are different optimizers, not two spellings of one: with the same decay on the same bowl the engine ends Adam + L2
        at {pt(adam)} and AdamW at {pt(adamw)}.
      </p>
    </>
  );
}

export function ChecklistBody() {
  const cold = simulate(coldSpec);
  const share = (100 * COSINE.warmupSteps) / VALLEY_STEPS;
  return (
    <>
      <p>
        Large-model training runs share a short list of defaults that keep them from blowing up. Each line of it is a fix for
        one of the failures in this course; where the 2D lab can show the failure, the button loads it.
      </p>
      <ChecklistTable />
      <Clipping />
      <Decay />
      <h3>Why warmup is only 1–5 % of the run</h3>
      <p>
        A step’s expected gain grows like <M tex="\alpha" plain="α" /> and its curvature cost like{' '}
        <M tex="\alpha^2" plain="α²" /> (the warmup lesson’s argument), so while{' '}
        <M tex="\alpha(k) = \alpha_{\text{peak}}\,\tfrac{k+1}{W}" plain="α(k) = α_peak·(k+1)/W" /> is still small the cost is
        negligible, even where the curvature is high. Warmup only has to last until the iterate has left the steep
        start; after that every step at a low α is wasted time. In the warmup experiment {COSINE.warmupSteps} of{' '}
        {VALLEY_STEPS} steps ({fmt(share, 2)} %) is enough, while the same peak α with no warmup
        {cold.nonFinite ? ` overflows at step ${cold.nonFinite.step}` : ' survives'}.
      </p>
      <h3>When a run misbehaves: the order to check</h3>
      <ol className="checklist-steps">
        <li><strong>The learning rate first.</strong> Start low and raise it until training turns unstable (an LR finder);
          most spikes and NaNs are a step past <a href="#/lesson/the-stability-boundary">the stability boundary</a>.</li>
        <li><strong>Then the gradient norms.</strong> Log ‖g‖ every step: if it explodes, clip it (and skip batches whose norm is
          far above the running average).</li>
        <li><strong>Then the loss values and the data.</strong> A NaN with a sane α and sane norms points at preprocessing,
          saturated activations or the loss code itself.</li>
      </ol>
    </>
  );
}
