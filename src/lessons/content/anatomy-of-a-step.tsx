import { largestLrWhere, parabolaRun, parabolaSurface } from '../../engine/analysis/step-parabola';
import { fmt } from '../../ui/format';
import { preset } from '../preset';
import type { Experiment, Lesson } from '../types';
import { M } from '../ui/Math';
import { EulerFigure } from '../ui/step-euler';
import { ParabolaFigure } from '../ui/step-parabola';
import { EULER_BOWL, EULER_START } from '../ui/step-settings';

/** The question's parabola f(x) = ½·λx², λ = 4, from x₀ = 2 (the round bowl ½λ‖w‖² on its x axis). */
const Q_LAMBDA = 4;
const X0 = 2;
/** The engine's runs graded against: long enough for its classifier to see a sign flip. */
const Q_STEPS = 60;
const TOLERANCE = 0.05;

const sgd = (lr: number) => ({ optimizer: { kind: 'sgd' as const, lr } });
const PARABOLA = parabolaSurface(Q_LAMBDA);
const REGIMES = preset({ surface: PARABOLA, start: [X0, 0], steps: 40, runs: [0.15, 0.25, 0.4, 0.52].map(sgd) });
const EULER = preset({ surface: EULER_BOWL, start: EULER_START, steps: 150, runs: [0.02, 0.2].map(sgd) });
const QUESTION = preset({ surface: PARABOLA, start: [X0, 0], steps: Q_STEPS, runs: [0.2, 0.25, 0.3].map(sgd) });

export const experiments: Experiment[] = [
  { id: 'regimes', label: 'the parabola λ = 4 at αλ = 0.6, 1, 1.6 and 2.08', doc: () => REGIMES },
  { id: 'euler', label: 'the bowl: α = 0.02 follows the flow, α = 0.2 cuts across it', doc: () => EULER },
  { id: 'question', label: 'the parabola λ = 4 at α = 0.2, 0.25 and 0.3', doc: () => QUESTION },
];

/** The engine's answer: the largest α whose run its classifier calls monotone (no sign change). */
export function largestMonotoneLr(): { byRun: number; byPrediction: number } {
  const monotone = (pick: 'observed' | 'predicted') => (lr: number) => parabolaRun(Q_LAMBDA, lr, X0, Q_STEPS)[pick] === 'monotone';
  return {
    byRun: largestLrWhere(monotone('observed'), 1e-3, 1),
    byPrediction: largestLrWhere(monotone('predicted'), 1e-3, 1),
  };
}

function Body() {
  return (
    <>
      <h3>One line of code</h3>
      <p>Every optimizer in this lab is a variation on one update:</p>
      <M block tex="x_{k+1} = x_k - \alpha\,\nabla f(x_k)" plain="xₖ₊₁ = xₖ − α∇f(xₖ)" />
      <p>
        The gradient is measured once, at the point where the step starts, and then trusted for a
        distance set by the learning rate{' '}<M tex="\alpha" plain="α" />. Everything that can go wrong
        with a step — overshooting, zig-zagging, blowing up — comes from that trust outlasting the
        slope it was based on.
      </p>
      <h3>Steps as snapshots of a flow</h3>
      <p>
        Shrink the step to nothing and the iterates become a smooth path, the gradient flow{' '}
        <M tex="\dot x = -\nabla f(x)" plain="ẋ = −∇f(x)" />: a bead sliding downhill through
        syrup, always along the current steepest descent. Replacing{' '}<M tex="\dot x" plain="ẋ" /> by
        the difference quotient{' '}<M tex="(x_{k+1}-x_k)/\alpha" plain="(xₖ₊₁ − xₖ)/α" /> turns that
        equation into exactly the update above: gradient descent is the explicit Euler method with
        time step{' '}<M tex="\alpha" plain="α" />, and its <M tex="k" plain="k" />-th iterate
        stands in for the flow at time{' '}<M tex="t = k\alpha" plain="t = kα" />.
      </p>
      <p>On a quadratic bowl both have closed forms, one eigendirection at a time:</p>
      <M block tex="\begin{aligned} w(t) &= c + e^{-Ht}(w_0-c) \\ &= c + \textstyle\sum_i e^{-\lambda_i t}\langle v_i, w_0-c\rangle v_i \end{aligned}"
        plain="w(t) = c + e^{−Ht}(w₀ − c) = c + Σᵢ e^{−λᵢt} ⟨vᵢ, w₀ − c⟩ vᵢ" />
      <M block tex="\begin{aligned} w_k &= c + (I-\alpha H)^k (w_0-c) \\ &= c + \textstyle\sum_i (1-\alpha\lambda_i)^k\langle v_i, w_0-c\rangle v_i \end{aligned}"
        plain="wₖ = c + (I − αH)ᵏ(w₀ − c) = c + Σᵢ (1 − αλᵢ)ᵏ ⟨vᵢ, w₀ − c⟩ vᵢ" />
      <p>
        Over one step's worth of time α the flow multiplies each component by{' '}<M tex="e^{-\alpha\lambda}" plain="e^{−αλ}" />,
        the step by{' '}<M tex="1-\alpha\lambda" plain="1 − αλ" />: the first two terms of the same series. Each step is
        off by about{' '}<M tex="(\alpha\lambda)^2/2" plain="(αλ)²/2" />, there are{' '}<M tex="t/\alpha" plain="t/α" /> of
        them, so the gap after a fixed time is of order <M tex="\alpha" plain="α" />: halve the step, halve the
        error. Slide α and watch the two paths agree, then part.
      </p>
      <EulerFigure />
      <h3>One direction: the parabola</h3>
      <p>
        Along one eigendirection the bowl is a parabola{' '}<M tex="f(x) = \tfrac12 \lambda x^2" plain="f(x) = ½λx²" />,
        its gradient is{' '}<M tex="\lambda x" plain="λx" />, and the step multiplies the distance to the minimum by a
        fixed factor:
      </p>
      <M block tex="\begin{aligned} x_{k+1} &= (1-\alpha\lambda)\,x_k \\ x_k &= (1-\alpha\lambda)^k x_0 \end{aligned}"
        plain="xₖ₊₁ = (1 − αλ)xₖ,  so  xₖ = (1 − αλ)ᵏ x₀" />
      <ul>
        <li><M tex="\alpha\lambda < 1" plain="αλ < 1" />: the factor is in (0, 1), so x shrinks and keeps its sign — monotone.</li>
        <li><M tex="\alpha\lambda = 1" plain="αλ = 1" />: the factor is 0 — one step lands on the minimum.</li>
        <li><M tex="1 < \alpha\lambda < 2" plain="1 < αλ < 2" />: the factor is in (−1, 0) — the sign flips every step while the size shrinks: oscillation.</li>
        <li><M tex="\alpha\lambda > 2" plain="αλ > 2" />: the factor is below −1 — the sign flips and the size grows: divergence.</li>
      </ul>
      <p>
        The flow{' '}<M tex="x(t) = e^{-\lambda t}x_0" plain="x(t) = e^{−λt}x₀" /> is never negative: it cannot
        overshoot. The zig-zag is made by the step, not by the landscape.
      </p>
      <ParabolaFigure />
      <p>
        Only the product αλ matters, so the same α is gentle on a flat direction and violent on a steep one. On a
        real loss every eigendirection of the Hessian is its own parabola, and the steepest one sets the limit:
        that is the next lesson.
      </p>
    </>
  );
}

export const lesson: Lesson = {
  slug: 'anatomy-of-a-step',
  title: 'Anatomy of a step',
  claim: 'A gradient step is one explicit-Euler step of the gradient flow: small steps trace the flow, and on a curvature λ the factor 1 − αλ decides whether the iterates glide in (αλ < 1), zig-zag (1 < αλ < 2) or blow up (αλ > 2).',
  Body,
  experiments,
  question: {
    kind: 'number',
    prompt: `On f(x) = ½·λx² with λ = ${Q_LAMBDA}, starting at x₀ = ${X0}: what is the largest α for which the iterates never change sign? (Within ±${TOLERANCE * 100} % counts.)`,
    unit: 'α',
    experiment: 'question',
    grade(answer) {
      const { byRun, byPrediction } = largestMonotoneLr();
      // The engine's run at its answer to 6 digits (bisection ends a hair past 1/λ: a 1e-9 flip is below the classifier's floor).
      const at = parabolaRun(Q_LAMBDA, Number(byRun.toPrecision(6)), X0, Q_STEPS);
      const yours = answer > 0 ? parabolaRun(Q_LAMBDA, answer, X0, Q_STEPS) : null;
      const said = yours
        ? ` At your α = ${fmt(answer)}, αλ = ${fmt(answer * Q_LAMBDA)}: the engine's run goes x₁ = ${fmt(yours.x[1]!)} and is ${yours.observed}.`
        : ' A step size must be positive.';
      return {
        correct: Math.abs(answer - byRun) <= TOLERANCE * byRun,
        truth: `The engine finds α = ${fmt(byRun, 4)} (bisecting on its trajectory classifier; the closed-form prediction switches at ${fmt(byPrediction, 4)}).`,
        explanation: `There αλ = ${fmt(byRun * Q_LAMBDA, 4)}: the engine's first step lands on the minimum, x₁ = ${fmt(at.x[1]!)}, and stays. Any larger α makes 1 − αλ negative, so every step jumps past 0 and flips the sign.${said}`,
      };
    },
  },
  takeaway: 'A gradient step is explicit Euler on the flow ẋ = −∇f(x): with α small it tracks the flow to within O(α); along each curvature λ it multiplies the error by 1 − αλ — monotone for αλ < 1, one step for αλ = 1, oscillating for 1 < αλ < 2, diverging for αλ > 2. The flow never overshoots; overshoot is the price of a finite step.',
  oneMinute: (
    <p>
      Gradient descent, x ← x − α∇f(x), is the explicit Euler discretisation of gradient flow ẋ = −∇f(x) with time
      step α, so for small α the k-th iterate is within O(α) of the flow at time kα. Near a minimum the loss is
      quadratic and each Hessian eigendirection is a 1-D parabola where a step multiplies the error by 1 − αλ. If
      αλ &lt; 1 it shrinks monotonically; at αλ = 1 it hits the minimum in one step; between 1 and 2 it flips sign and
      shrinks — oscillation; above 2 it flips and grows — divergence. The continuous flow never oscillates, so
      oscillation is a discretisation artefact of a too-large step relative to curvature, and the steepest direction
      sets the limit α &lt; 2/λmax.
    </p>
  ),
};
