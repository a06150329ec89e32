import { useMemo } from 'react';
import { spikeReport, bowlForecast } from '../../engine/analysis/spike-outlier';
import { fmt } from '../../ui/format';
import { M } from './Math';
import { clean, outlierFacts } from './spike-facts';
import { SpikeGuard } from './spike-guard';
import { SpikeOutlier } from './spike-outlier';
import { SpikePoison } from './spike-poison';
import { BOWL, BOWL_CASE, DESTROYS, LR, RECOVERS, STEP, bowlSpec } from './spike-presets';

/** The numbers the prose quotes, computed by the engine at render time. */
export function bodyFacts() {
  const bowl = spikeReport(bowlSpec());
  return {
    bowl,
    forecast: bowlForecast(BOWL_CASE.lr, BOWL_CASE.scale, BOWL.eigenvalues[0]),
    small: outlierFacts(STEP, RECOVERS).report,
    big: outlierFacts(STEP, DESTROYS).report,
    cleanEnd: clean().loss[clean().length - 1]!,
  };
}

export function SpikeBody() {
  const f = useMemo(bodyFacts, []);
  const { small, big, bowl, forecast, cleanEnd } = f;
  return (
    <>
      <p>
        Training is going fine, then the loss jumps by orders of magnitude in one step. Often the cause is one bad
        batch: a document of a hundred thousand repeated spaces, binary garbage read as text, a corrupted label. It
        produces huge activations, hence a huge gradient, and the optimizer takes one enormous step. The lab models
        it with <code>{'"badBatch": {"step": s, "kind": "outlier", "scale": c}'}</code>: at step s the batch’s
        gradient is c times the true one, so the update is
      </p>
      <M block tex="w_{s+1} = w_s - \alpha\,c\,\nabla f(w_s)," plain="w_{s+1} = w_s − α·c·∇f(w_s)," />
      <p>
        one step <M tex="\alpha c\|\nabla f(w_s)\|" plain="α·c·‖∇f(w_s)‖" /> long: c times the usual one.
      </p>
      <h3>Spike, then recovery — or not</h3>
      <p>
        What happens next depends on where that step lands. Gradient descent is locally stable where the curvature is
        below the limit you already know, <M tex="\lambda_{\max}\big(\nabla^2 f(w)\big) < 2/\alpha" plain="λmax(∇²f(w)) < 2/α" />.
        On a convex bowl the curvature is the same everywhere, so any finite outlier is forgiven: the error along an
        eigendirection is multiplied once by <M tex="1-\alpha c\lambda" plain="1 − αcλ" /> and then shrinks by
        {' '}<M tex="|1-\alpha\lambda|" plain="|1 − αλ|" /> per step. On the bowl λ = ({BOWL.eigenvalues.join(', ')}) at
        {' '}α = {BOWL_CASE.lr}, a ×{BOWL_CASE.scale} outlier at step {BOWL_CASE.step} makes the engine’s loss jump
        ×{fmt(bowl.ratio)} (the forecast <M tex="(1-\alpha c\lambda_1)^2" plain="(1 − αcλ₁)²" /> is ×{fmt(forecast.ratio)}),
        and it is back at its old level {bowl.recoveredAfter} steps later (forecast: {forecast.recoveredAfter}). The spike
        costs some progress, nothing more.
      </p>
      <p>
        Real loss surfaces are not bowls: away from where training has been, they get steeper. Rosenbrock’s does,
        {' '}<M tex="\partial^2 f/\partial x^2 = 1200x^2 - 400y + 2" plain="∂²f/∂x² = 1200x² − 400y + 2" />. Below, plain
        gradient descent at α = {LR} (so 2/α = {fmt(2 / LR)}, twice the curvature at the minimum) takes one bad step.
        With the defaults, the ×{RECOVERS} batch at step {STEP} lands where λmax = {fmt(small.landingLambda)}, under
        2/α: the loss jumps ×{fmt(small.ratio)} and is back {small.recoveredAfter} steps later. The ×{DESTROYS} batch
        lands where λmax = {fmt(big.landingLambda)}, {fmt(big.landingLambda / big.limit, 2)} times the limit: the
        next step overshoots to a place steeper still, and {big.stoppedAt === null ? 'the run survives' : `the loss overflows at step ${big.stoppedAt}`}.
        {small.endLoss < cleanEnd
          ? ` The survivor even ends lower than the clean run (${fmt(small.endLoss)} against ${fmt(cleanEnd)}): the lab’s outlier is c times the true gradient, so its giant step points down Rosenbrock’s slow valley. A real bad batch’s gradient can point anywhere; do not read this as “spikes help”.`
          : ` The survivor ends at ${fmt(small.endLoss)}, the clean run at ${fmt(cleanEnd)}.`}
        {' '}Between the two it can go either way (an overshoot may throw the point back into gentler ground), which is why
        the figure reports what the engine did rather than a rule of thumb. Move the sliders.
      </p>
      <SpikeOutlier />
      <h3>A NaN does not spike: it poisons</h3>
      <p>
        A batch that holds a NaN (a division by zero in preprocessing, a log of 0, a corrupted file) gives a NaN
        gradient, and IEEE arithmetic has no way back: <M tex="\text{NaN} + x = \text{NaN}" plain="NaN + x = NaN" />,
        {' '}<M tex="\text{NaN}\cdot 0 = \text{NaN}" plain="NaN · 0 = NaN" />. The update writes it into w; the next
        loss and gradient are computed from w; Adam’s <M tex="m \leftarrow \beta_1 m + (1-\beta_1)g" plain="m ← β₁m + (1 − β₁)g" /> and
        {' '}<M tex="v \leftarrow \beta_2 v + (1-\beta_2)g^2" plain="v ← β₂v + (1 − β₂)g²" /> and SGD’s momentum buffer
        carry it forever, so no clean batch afterwards can repair the run. An Inf ends the same way within a step or
        two, as soon as it meets <M tex="\infty - \infty" plain="∞ − ∞" /> or <M tex="\infty/\infty" plain="∞/∞" />, which are NaN.
      </p>
      <p>
        The place it entered is the clue. The engine stops at the first non-finite value and names it: at the bad
        step the parameters and the loss are still finite and only the gradient is not. A learning rate that is too
        large looks different: the loss climbs for several steps and then overflows. When the gradient goes NaN out of
        a healthy run, look at that batch (and use <code>torch.autograd.detect_anomaly</code> to find the operation
        that made it), not at the learning rate.
      </p>
      <SpikePoison />
      <h3>The fixes</h3>
      <p>
        <strong>Skip the batch.</strong> Keep a running average of the gradient norm and skip the update when the norm
        is far above it — the course notes’ rule is 10×:
      </p>
      <M block tex="\text{skip step } k \text{ if } \|g_k\| > 10\,\bar g_k," plain="skip step k if ‖g_k‖ > 10·ḡ_k," />
      <p>
        where the average is kept over accepted steps, <M tex="\bar g \leftarrow \beta\bar g + (1-\beta)\|g\|" plain="ḡ ← β·ḡ + (1 − β)·‖g‖" /> (the
        lab uses β = 0.9).
      </p>
      <p>
        A skipped step leaves the parameters and the optimizer state untouched, so it costs exactly one step: from then
        on the run is the clean run, one step late. But look at the NaN row below: the rule lets it through, because
        every comparison with NaN is false — <M tex="\text{NaN} > 10\,\bar g" plain="NaN > 10ḡ" /> is false, so it is
        never “too large”. (An Inf is caught: ∞ is larger than anything.) <strong>Filter non-finite values
        explicitly</strong>: check <code>torch.isfinite</code> on the loss and the gradient norm
        (<code>clip_grad_norm_</code> returns it) before <code>optimizer.step()</code>, and skip when it fails.
      </p>
      <SpikeGuard />
      <p>
        <strong>Filter the data.</strong> Both guards act after the damage has been computed. The cheaper fix is
        upstream: drop documents that are mostly repeated characters or undecodable bytes, deduplicate, check inputs and
        labels for NaN and absurd ranges before they are batched, and log which samples were in a skipped batch so the
        data can be cleaned for the next run.
      </p>
    </>
  );
}
