import { useMemo } from 'react';
import { simulate } from '../../engine';
import { CAUSES, DIAGNOSE, doctorCase, FP16_MAX, read } from '../../engine/analysis/doctor';
import { readFinder } from '../../engine/analysis/doctor-finder';
import { fmt } from '../../ui/format';
import { specOf } from '../preset';
import { TrainingDoctor } from './doctor-case';
import { FINDER_BOWL, LR_FINDER } from './doctor-presets';
import { DoctorWorkflow } from './doctor-workflow';
import { M } from './Math';

/** Seeds the prose samples live (the tests check a thousand). */
const SAMPLE = 48;

function useFacts() {
  return useMemo(() => {
    const finder = simulate(specOf(LR_FINDER));
    const f = readFinder(finder);
    let agree = 0;
    let fixed = 0;
    for (let s = 1; s <= SAMPLE; s++) {
      const c = doctorCase(s);
      if (read(simulate(c.spec)).symptom === c.symptom) agree++;
      if (read(simulate(c.fix)).symptom !== c.symptom) fixed++;
    }
    return { f, limit: 2 / Math.max(...FINDER_BOWL.eigenvalues), agree, fixed };
  }, []);
}

export function DoctorBody() {
  const { f, limit, agree, fixed } = useFacts();
  return (
    <>
      <p>
        A bad loss curve is a symptom, not a diagnosis. The course notes give a short workflow for reading it:
        check the learning rate first, then the gradient norms, then the loss values themselves. Each check is cheap,
        and each rules a family of causes in or out.
      </p>
      <h3>1. The learning rate</h3>
      <p>
        Near any point the loss looks like a bowl, and plain gradient descent is stable on it only when
      </p>
      <M block tex="0 < \alpha < \frac{2}{\lambda_{\max}}" plain="0 < α < 2/λmax" />
      <p>
        with <M tex="\lambda_{\max}" plain="λmax" /> the sharpest curvature. You rarely know λmax, so measure it the
        practical way: an <em>LR finder</em> runs a short sweep with
        {' '}<M tex="\alpha_k = \alpha_0\,\gamma^k" plain="αₖ = α₀·γᵏ" /> and watches the loss. On a bowl with
        {' '}2/λmax = {fmt(limit)} and mini-batch noise, the engine’s sweep is lowest at step {f.minStep}, where
        α = {fmt(f.minLr)} ({fmt(f.minLr / limit, 2)}× the limit){f.turnStep !== null ? <>, and is back above its first
        value by step {f.turnStep} (α = {fmt(f.turnLr!)}, {fmt(f.turnLr! / limit, 2)}× the limit)</> : null}. Past the limit the
        error in the steep direction grows again, and within a few steps it is all you see. fastai’s suggestion, a tenth of
        the minimum’s α, is {fmt(f.suggestion)}.
      </p>
      <h3>2. The gradient norms</h3>
      <p>
        Log <M tex="\|g_k\|" plain="‖gₖ‖" />, the number <code>clip_grad_norm_</code> returns. A loss spike that comes with a
        one-step jump in ‖g‖ is one bad batch or one cliff, not a bad α. The notes’ skip rule drops such an update:
      </p>
      <M block tex="\text{skip step }k \text{ if } \|g_k\| > 10\,\bar g_k" plain="skip step k if ‖gₖ‖ > 10·ḡₖ" />
      <p>where the running average of accepted norms follows</p>
      <M block tex="\bar g_{k+1} = \beta\,\bar g_k + (1-\beta)\,\|g_k\|," plain="ḡₖ₊₁ = β·ḡₖ + (1 − β)·‖gₖ‖," />
      <p>and clipping at max-norm 1.0 bounds every step in case one gets through.</p>
      <h3>3. The loss values</h3>
      <p>
        NaN spreads: any arithmetic with a NaN gives NaN, so one bad value in one batch ends the run. Look at the
        numbers before it. Values near FP16’s largest, <M tex={`${FP16_MAX} = (2 - 2^{-10})\\cdot 2^{15}`} plain={`${FP16_MAX} = (2 − 2⁻¹⁰)·2¹⁵`} />,
        point to an overflow (BF16 has FP32’s range); ordinary values point to the data or the preprocessing.
      </p>
      <DoctorWorkflow />
      <h3>The training doctor</h3>
      <p>
        Now practise. Each case below is drawn from a seed: first a cause — α far too high, α a bit too high, no warmup,
        α far too low, ill-conditioning, an outlier batch, FP16 overflow, a NaN in the data — then its settings, from
        ranges where that cause reliably shows its symptom. You see what a dashboard shows: the loss and, if you ask, ‖g‖.
      </p>
      <p>
        The doctor reads a curve with rules a practitioner would use. A blow-up: the loss climbs {DIAGNOSE.climb}× above its
        start, or ends above it still rising. NaN: the run stops on a non-finite value without that climb. A spike: one step
        lands {DIAGNOSE.jump}× above the previous {DIAGNOSE.span} steps and the loss comes back down. A zig-zag: at least
        {' '}{DIAGNOSE.upShare * 100} % of the second half’s steps go up, as many go down, and the loss makes no real progress. Otherwise the ratio of last to first loss decides:
        above {DIAGNOSE.flat} a flatline, at most {fmt(DIAGNOSE.healthy)} healthy, slow in between. On the {SAMPLE} cases
        with seeds 1–{SAMPLE}, computed as this page loaded, the curve shows the claimed symptom in {agree} and the fix removes
        it in {fixed}.
      </p>
      <TrainingDoctor />
      <p className="hint">
        There are {CAUSES.length} causes but {new Set(CAUSES.map((c) => c.symptom)).size} symptoms, so some causes look alike:
        how fast a blow-up comes, or how large the numbers are before a NaN, tells them apart.
      </p>
    </>
  );
}
