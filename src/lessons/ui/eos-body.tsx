import { useMemo } from 'react';
import { fmt } from '../../ui/format';
import { adamFacts, edgeRun, FLOW, p1Facts, twoStepRises } from './eos-facts';
import { EosAdam } from './eos-adam';
import { EosLanding } from './eos-landing';
import { EosSharpness } from './eos-sharpness';
import { ADAM_BETAS, ADAM_LR, EDGE_LR, START, STEPS } from './eos-presets';
import { M } from './Math';

export function EosBody() {
  const f = useMemo(() => {
    const edge = edgeRun(EDGE_LR);
    const s = edge.trace.sharpness;
    return { edge, s3: s[3]!, s4: s[4]!, twoStep: twoStepRises(edge.sim), p1: p1Facts().sum, adam: adamFacts() };
  }, []);
  const { sum } = f.edge;
  const edge = 2 / EDGE_LR;
  return (
    <>
      <p>
        Lesson 3’s rule says gradient descent on a quadratic is stable only while the step fits the curvature:
        {' '}<M tex="\alpha < 2/\lambda_{\max}" plain="α < 2/λmax" />, or, read the other way, while the <em>sharpness</em>
        {' '}<M tex="\lambda_{\max}(\nabla^2 f)" plain="λmax(∇²f)" /> stays below <M tex="2/\alpha" plain="2/α" />. On a real
        network the Hessian changes as the weights move, so the sharpness is a quantity that evolves during training.
        Cohen et al. (2021) measured it at every step of full-batch gradient descent and found the same pattern almost
        everywhere: the sharpness rises (<em>progressive sharpening</em>) until it reaches 2/α, then stops rising and
        hovers there, while the loss keeps going down — not smoothly, but over many steps. They called this regime
        the <em>edge of stability</em>. Classical theory says a step above the limit should blow up; it doesn’t.
      </p>
      <h3>A two-parameter network that sharpens</h3>
      <p>
        The smallest model that does this (Zhu et al., 2023) is a depth-two scalar “network” <M tex="u = xy" plain="u = xy" /> fitting
        the number 1 through a squared output:
      </p>
      <M block tex="f(x,y) = \tfrac14\big((xy)^2 - 1\big)^2." plain="f(x, y) = ¼((xy)² − 1)²." />
      <p>
        With <M tex="F'(u) = (u^2-1)\,u" plain="F′(u) = (u² − 1)·u" />, its gradient is <M tex="\nabla f = F'(u)\,(y,\,x)" plain="∇f = F′(u)·(y, x)" />.
        Its minima fill the curves <M tex="xy = \pm 1" plain="xy = ±1" />. There the Hessian is
        {' '}<M tex="F''(u)\,(y,x)(y,x)^{\top}" plain="F″(u)·(y, x)(y, x)ᵀ" /> with <M tex="F''(\pm1) = 2" plain="F″(±1) = 2" />, so a minimum’s
        sharpness is <M tex="2(x^2+y^2)" plain="2(x² + y²)" />: 4 at the balanced points |x| = |y| = 1, and larger the more
        unbalanced the two factors are. Start at ({START.join(', ')}), close to the y = 0 axis, where the surface is
        almost flat: the sharpness there is {fmt(sum.start)}. As y grows and the product fits, the run moves into
        the sharp part of the valley.
      </p>
      <h3>At the edge</h3>
      <p>
        Move α and watch where the sharpness settles. With small steps it rises to the valley point gradient flow
        would reach and stops there, far below 2/α. Above α ≈ {fmt(2 / FLOW)} that point is sharper than 2/α allows,
        and something else happens.
      </p>
      <EosSharpness />
      <p>
        At α = {EDGE_LR} (2/α = {fmt(edge)}) the sharpness goes from {fmt(sum.start)} to {fmt(f.s3)} in three steps: here
        sharpening is fast, because this toy has one sharp direction and nothing slower to learn; networks take
        thousands of steps. Above 2/α the sharp direction is unstable, so the iterate starts to flip across the
        valley, and the sharpness measured at the iterates flips with it: {fmt(f.s3)} on one side, {fmt(f.s4)} on the other.
        The mean of two consecutive steps is within 10% of 2/α from step {sum.firstPair}; each single step is within
        10% for good only from step {sum.settledStep}, once the flip has died down. The run ends at
        {' '}{fmt(sum.end)} = {fmt(sum.end / edge, 3)} × 2/α, just on the stable side.
      </p>
      <h3>Why it does not blow up: self-stabilisation</h3>
      <p>
        On a quadratic, overshooting feeds itself. Here the overshoot changes where the run is. Gradient flow keeps
        {' '}<M tex="c = x^2 - y^2" plain="c = x² − y²" /> fixed (the two terms of <M tex="\tfrac{d}{dt}(x^2-y^2)" plain="d(x² − y²)/dt" /> cancel), so
        it lands where <M tex="x^2+y^2 = \sqrt{c^2+4}" plain="x² + y² = √(c² + 4)" />, at sharpness <M tex={`2\\sqrt{c^2+4} = ${fmt(FLOW)}`} plain={`2√(c² + 4) = ${fmt(FLOW)}`} />.
        A gradient step does not keep it:
      </p>
      <M block tex="x_{k+1}^2 - y_{k+1}^2 = \big(x_k^2 - y_k^2\big)\,\big(1 - \alpha^2 F'(u_k)^2\big)." plain="x²ₖ₊₁ − y²ₖ₊₁ = (x²ₖ − y²ₖ)·(1 − α²F′(uₖ)²)." />
      <p>
        Near the valley <M tex="F'" plain="F′" /> is tiny and c barely moves. But a run bouncing across the valley keeps
        {' '}<M tex="|F'|" plain="|F′|" /> large, and every bounce shrinks c: the iterate slides along the valley toward the
        balanced, flatter minima. The bouncing goes on while the valley under it is sharper than 2/α, so the slide
        stops about where the sharpness has come down to 2/α. The instability repairs itself by moving to flatter
        ground. Damian, Nichani and Lee (2023) showed the same mechanism in general: the third derivative along the
        sharp direction turns oscillation into a drift that lowers the sharpness (“self-stabilisation”).
      </p>
      <EosLanding />
      <h3>Why the loss keeps falling, unevenly</h3>
      <p>
        While the iterate flips across the valley, the loss alternates between a higher and a lower side: at
        α = {EDGE_LR} it rose on {sum.rises} of {STEPS} steps. Yet each side keeps dropping as the bounce shrinks; over two
        steps the loss rose {f.twoStep === 0 ? 'never' : `${f.twoStep} times`} after step 2, and it ends at {fmt(sum.lossEnd)}, down
        from {fmt(sum.lossStart)}. A loss curve at the edge of stability is noisy in a way that has nothing to do with
        data: in networks the same alternation shows up as wiggles and small spikes that undo themselves.
      </p>
      <h3>Adam’s edge: 38/α</h3>
      <p>
        Adam divides each coordinate’s step by <M tex="\sqrt{\hat v} + \varepsilon" plain="√v̂ + ε" />, so the curvature it feels is that of the
        preconditioned Hessian. Write torch’s update as <M tex="w \leftarrow w - \alpha P^{-1} m" plain="w ← w − α·P⁻¹m" /> with
        {' '}<M tex="m \leftarrow \beta_1 m + (1-\beta_1) g" plain="m ← β₁m + (1 − β₁)g" /> and
        {' '}<M tex="P = (1-\beta_1^t)\,\mathrm{diag}(\sqrt{\hat v} + \varepsilon)" plain="P = (1 − β₁ᵗ)·diag(√v̂ + ε)" />. With P held fixed,
        that is heavy-ball momentum with step <M tex="\alpha(1-\beta_1)" plain="α(1 − β₁)" /> on the curvature of
        {' '}<M tex="P^{-1}H" plain="P⁻¹H" />, and lesson 4’s bound <M tex="2(1+\beta)/\lambda" plain="2(1 + β)/λ" /> gives (Cohen et al., 2022)
      </p>
      <M block tex="\lambda_{\max}\big(P^{-1}H\big) < \frac{2+2\beta_1}{(1-\beta_1)\,\alpha} = \frac{38}{\alpha}\quad(\beta_1 = 0.9)." plain="λmax(P⁻¹H) < (2 + 2β₁)/((1 − β₁)α) = 38/α (β₁ = 0.9)." />
      <p>
        Adam can reach its edge without the landscape sharpening at all. Below, Adam (α = {ADAM_LR}, β = ({ADAM_BETAS.join(', ')}))
        runs on a fixed bowl. As it converges the gradients shrink, v̂ shrinks with them, and
        {' '}<M tex="P^{-1}H" plain="P⁻¹H" /> grows although H never changes. It crosses 38/α at step {f.adam.cross}, the loss jumps
        {' '}{fmt(f.adam.after / f.adam.before, 2)}-fold, v̂ grows back, and from then on the preconditioned sharpness stays at
        {' '}{fmt(f.adam.band[0], 2)}–{fmt(f.adam.band[1], 2)} of 38/α, just below the line. (With torch’s default β₂ = 0.999, v̂
        forgets so slowly that in the same {f.adam.adam.sim.length - 1} steps the rise only reaches {fmt(f.adam.slowPeak, 2)} of 38/α;
        it gets there thousands of steps later.)
      </p>
      <EosAdam />
      <p>
        Why this toy has the square: the simpler <M tex="\tfrac12(xy-1)^2" plain="½(xy − 1)²" /> has Hessian
        {' '}<M tex="(y,x)(y,x)^{\top} + (xy-1)\left[\begin{smallmatrix}0&1\\1&0\end{smallmatrix}\right]" plain="(y, x)(y, x)ᵀ + (xy − 1)·[[0, 1], [1, 0]]" />,
        whose largest eigenvalue is already close to x² + y² at the start: from the same start at α = {EDGE_LR} its sharpness
        begins at {fmt(f.p1.start)} and ends at {fmt(f.p1.end)}, with nothing to watch in between. Squaring the product
        makes the start flat (<M tex="F''(0) = -1" plain="F″(0) = −1" />, <M tex="F'(0) = 0" plain="F′(0) = 0" />), so the sharpness has to be built up.
      </p>
    </>
  );
}
