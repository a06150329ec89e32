import { useMemo, useState } from 'react';
import { curvatureAt } from '../../engine';
import { fmt } from '../../ui/format';
import { BasinsHistogram, DEFAULT_HISTOGRAM, type HistogramSettings } from './basins-histogram';
import { BasinsMap } from './basins-map';
import { BIG_LR, NAMES, SMALL_LR, STARTS, STEPS, SURFACE, WELLS } from './basins-presets';
import { M } from './Math';

/** 2/λmax of the Hessian at each minimum: the largest α at which GD can settle there. */
export const LIMITS = SURFACE.minima.map((m) => 2 / curvatureAt(SURFACE, m.x, m.y).lambdaMax);

export function BasinsBody() {
  const [hist, setHist] = useState<HistogramSettings>(DEFAULT_HISTOGRAM);
  const wells = useMemo(() => WELLS.wells.map((w, i) => `depth ${w.depth} and width ${w.width} at (${w.center.join(', ')})${i < WELLS.wells.length - 1 ? ',' : ''}`), []);
  return (
    <>
      <p>
        A network’s loss has many minima, and where training ends depends on the path. The lab’s wells surface is a small
        model of that: Gaussian wells cut into a shallow bowl,
      </p>
      <M block tex="f(w) = \tfrac{q}{2}\|w\|^2 - \sum_i d_i \exp\!\Big(-\frac{\|w-m_i\|^2}{2 s_i^2}\Big)" plain="f(w) = (q/2)‖w‖² − Σᵢ dᵢ·exp(−‖w − mᵢ‖²/(2sᵢ²))" />
      <p>
        with q = {WELLS.bowl} and three wells of {wells.join(' ')}. Its minima, lowest first, are{' '}
        {SURFACE.minima.map((m, i) => `${NAMES[i]} (loss ${fmt(m.value)})`).join(', ')}. Every point belongs to the
        <em> basin</em> of one of them: the minimum that gradient flow, <M tex="\dot w = -\nabla f(w)" plain="ẇ = −∇f(w)" />, reaches
        from it. The engine finds a point’s basin by polishing it with tiny gradient steps until the gradient vanishes and
        naming the minimum it lands on.
      </p>
      <h3>Small steps stay home</h3>
      <p>
        The curvature at the bottoms sets how large a step can settle there: 2/λmax is{' '}
        {LIMITS.map((l, i) => `${fmt(l)} at ${NAMES[i]}`).join(', ')}. With α = {SMALL_LR}, far below all of them, each step
        is a short move downhill and gradient descent tracks the flow: it settles in the basin it starts in, nearest well or
        not. With α = {BIG_LR}, above every 2/λmax, no minimum can hold a resting iterate, and the run bounces from basin to
        basin. A cosine schedule starts there and shrinks the step to 0 over {STEPS} steps:
      </p>
      <M block tex="\alpha_k = \tfrac{\alpha_0}{2}\Big(1 + \cos\frac{\pi k}{T}\Big)" plain="αₖ = (α₀/2)·(1 + cos(πk/T))" />
      <p>
        with α₀ = {BIG_LR} and T = {STEPS} (torch’s CosineAnnealingLR with eta_min = 0; the lab’s warmup-cosine schedule with no warmup). It explores while α
        is large and settles once α is small. Slide through the starts: the small-α run never changes basin; the annealed
        run changes basin many times early on and stops changing while α is still well above the wells’ 2/λmax.
      </p>
      <BasinsMap />
      <h3>Where runs end, over many starts</h3>
      <p>
        One run is an anecdote. Below, {STARTS} starts are drawn uniformly in the square from a seeded generator; each runs
        with α = {SMALL_LR} and with the large-α schedule, and the end points are polished to name their basin. The striped
        bars are the starts’ own basins.
      </p>
      <BasinsHistogram value={hist} onChange={setHist} />
      <p>
        What the engine shows on this surface: the small-α runs reproduce the striped bars (the caption gives the share that
        end exactly where they started). Cosine annealing from
        α₀ = {BIG_LR} moves runs into A, the deepest well, well beyond its share of starts, and the mean final loss drops with
        it. Things to try: peak α₀ = 1.5 barely changes anything even though it is above every 2/λmax (a run bouncing inside a
        well is not yet thrown out of it); a constant α₀ = {BIG_LR} never settles, so its runs end wherever the bouncing
        leaves them and their final loss stays high; warm restarts raise α back to α₀ every {STEPS / 4} steps, which throws
        a settled run out again, so only the last cycle decides; gradient noise, as mini-batches add, leaves the picture
        much the same.
      </p>
      <p>
        Annealing raises the odds of the deepest well here; it does not guarantee it. Which well wins depends on the
        shapes of the wells and the schedule. And the exploring phase is chaotic: the caption’s nudge of 10⁻¹² is enough to
        send many individual runs to a different well, so a single large-α run’s destination is effectively a lottery
        (even the last bit of <code>Math.cos</code>, which differs between JavaScript engines, changes it). What is stable
        is the histogram: the counts move by a few percent between seeds and nudges. The lesson that carries over is the mechanism: a step above a minimum’s 2/λmax cannot rest there, a small step
        cannot leave the basin it is in, and a schedule that goes from one to the other picks the minimum during the
        transition.
      </p>
    </>
  );
}
