import { useMemo, useState } from 'react';
import { FASTAI_FINDER } from '../../engine/analysis/finder';
import { fmt } from '../../ui/format';
import { finderFacts, GAMMA, KAPPA, LAMBDA } from './finder-presets';
import { FinderSweep, SweepControls, type SweepSettings } from './finder-sweep';
import { M } from './Math';

const { startLr, endLr, numIt, beta, divFactor } = FASTAI_FINDER;

export function FinderBody() {
  const [settings, setSettings] = useState<SweepSettings>({ lambdaMax: LAMBDA, kappa: KAPPA, noisy: false });
  const f = useMemo(() => finderFacts(settings.lambdaMax, settings.kappa, settings.noisy), [settings]);
  const ill = useMemo(() => finderFacts(LAMBDA, 30, false), []);
  const rel = (lr: number) => `${fmt(lr / f.boundary)} × 2/λmax`;
  const factors = f.past === null ? [] : f.sweep.lrs.slice(f.past, f.past + 4).map((a) => Math.abs(1 - a * settings.lambdaMax));
  return (
    <>
      <p>
        Before a long training run, fastai’s <code>learn.lr_find()</code> runs a short mock training of {numIt} mini-batches
        with a rate that grows exponentially from 10⁻⁷ to {endLr} (its defaults), then puts the model back. Iteration i uses
      </p>
      <M block tex="\alpha_i = \alpha_{\text{start}}\,\gamma^{\,i}" plain="αᵢ = α_start·γ^i" />
      <M block tex={`\\gamma = \\Big(\\frac{\\alpha_{\\text{end}}}{\\alpha_{\\text{start}}}\\Big)^{1/${numIt}} \\approx ${GAMMA.toFixed(4)}`}
        plain={`γ = (α_end/α_start)^(1/${numIt}) ≈ ${GAMMA.toFixed(4)}`} />
      <p>
        so each step multiplies α by the same γ and every decade of α gets {numIt / 8} iterations. In PyTorch terms this is
        SGD at <code>lr={startLr}</code> with <code>ExponentialLR(gamma=γ)</code>, which is what the lab’s exponential
        schedule runs. The curve fastai plots is not the raw loss but its Recorder’s smoothed loss, a debiased running
        average with β = {beta}:
      </p>
      <M block tex="a_i = \beta\,a_{i-1} + (1-\beta)\,L_i" plain="aᵢ = β·aᵢ₋₁ + (1 − β)·Lᵢ" />
      <M block tex="\bar L_i = \frac{a_i}{1-\beta^{\,i+1}},\quad a_{-1} = 0" plain="L̄ᵢ = aᵢ / (1 − β^(i+1)), a₋₁ = 0" />
      <p>
        The sweep stops early once <M tex={`\\bar L_i > ${divFactor}\\min_{j\\le i}\\bar L_j`} plain={`L̄ᵢ > ${divFactor}·min L̄ⱼ`} /> (stop_div),
        and two rules read a rate off the curve, after dropping its first {numIt / 10} and last 5 points: <em>minimum</em> takes
        the α at the lowest smoothed loss and divides it by 10; <em>steep</em> takes the α where the smoothed loss falls
        fastest per unit of <M tex="\ln\alpha" plain="ln α" />. With β = {beta} the average remembers about
        1/(1 − β) = {fmt(1 / (1 - beta))} iterations, which here spans {fmt(Math.log10(GAMMA) / (1 - beta))} decades of α: the smoothed
        curve lags well behind the raw one.
      </p>
      <h3>The sweep on a quadratic</h3>
      <p>
        On a quadratic every eigendirection evolves on its own: <M tex="e_{k+1} = (1-\alpha_k\lambda)\,e_k" plain="eₖ₊₁ = (1 − αₖλ)·eₖ" />.
        While <M tex="\alpha_k < 2/\lambda_{\max}" plain="αₖ < 2/λmax" /> every factor has size at most 1, so without noise
        the loss cannot rise — and a running average of a falling sequence cannot rise either. The finder can only stop past
        2/λmax. The question is how far past.
      </p>
      <SweepControls value={settings} onChange={setSettings} />
      <FinderSweep settings={settings} />
      {f.past !== null && (
        <ul className="finder-facts">
          <li>
            α first exceeds 2/λmax = {fmt(f.boundary)} at iteration {f.past} (α = {fmt(f.sweep.lrs[f.past]!)}). By then the
            sharp direction’s error {settings.noisy ? 'is' : 'has shrunk to'} {fmt(f.depth)} of its starting size{settings.noisy
              ? ': the noise keeps topping it up'
              : <>: it went through α ≈ 1/λmax, where <M tex="1-\alpha\lambda_{\max}" plain="1 − αλmax" /> is close to 0</>}.
          </li>
          <li>
            From there each step multiplies it by <M tex="|1-\alpha_k\lambda_{\max}| = \alpha_k\lambda_{\max} - 1" plain="|1 − αₖλmax| = αₖλmax − 1" />, a
            factor that grows with α: {factors.map((t) => fmt(t, 2)).join(', ')}, … over the first steps past the boundary.
            It takes {f.stepsPast} steps, a regrowth by {fmt(f.regrowth)}, before
            the {f.stop.reason === 'diverged' ? `smoothed loss passes ${divFactor}× its best` : 'sweep ends'}.
          </li>
          <li>
            Meanwhile α has grown {f.stepsPast} more times by γ: the sweep stops at α = {fmt(f.stop.lr)}, {rel(f.stop.lr)}
            {' '}(γ<sup>{f.stepsPast}</sup> = {fmt(GAMMA ** f.stepsPast)}). The raw loss turned up at α = {fmt(f.sweep.lrs[f.rawMin]!)} ({rel(f.sweep.lrs[f.rawMin]!)}).
          </li>
          <li>
            The suggestions: minimum/10 = {fmt(f.picks.minimum.lr)} ({rel(f.picks.minimum.lr)}), steep = {fmt(f.picks.steep.lr)} ({rel(f.picks.steep.lr)}).
          </li>
        </ul>
      )}
      <p>
        So the blow-up on the finder’s plot overstates the largest stable rate several times over: the growth is there
        from 2/λmax on, but an error that was nearly wiped out needs many steps to show, and α climbs {fmt((GAMMA - 1) * 100, 2)}% per step
        while it does. Turn on mini-batch noise: the noise keeps refilling the sharp direction, so there is less to regrow,
        and the stop comes sooner. The raw loss now wobbles from step to step, which is what fastai’s smoothing is for.
      </p>
      <h3>Reading the suggestions</h3>
      <p>
        Both rules stay clear of the blow-up: <em>minimum</em> divides by 10 a rate that is already past the edge, and
        <em> steep</em> looks for where learning is fastest. But they read the loss, not the curvature. Set κ = 30: the flat
        direction holds {fmt(100 * ill.flatShare, 2)}% of the starting loss and learns only once α·λmin is no longer small, well
        past 2/λmax, and the steepest fall of the smoothed loss lands at α = {fmt(ill.picks.steep.lr)}, {fmt(ill.picks.steep.lr / ill.boundary)} × 2/λmax, a rate at which the sharp
        direction is already unstable (its error is simply too small yet to show). Training at it would diverge. The minimum
        rule gives {fmt(ill.picks.minimum.lr)} ({fmt(ill.picks.minimum.lr / ill.boundary)} × 2/λmax) there. A finder’s answer
        is a starting point to check, not a stability guarantee.
      </p>
    </>
  );
}
