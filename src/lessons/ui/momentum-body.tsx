import { gdBoundary, heavyBallBoundary } from '../../engine';
import { fmtPlain } from '../../ui/format';
import { M } from './Math';
import { EDGE_BETA, GD, HB, HB_EDGE, KAPPA, NAG_EDGE } from './momentum-presets';
import { RaceFigure, RaceTable, useRace } from './momentum-race';
import { ScalingFigure } from './momentum-scaling';

const f4 = (x: number) => fmtPlain(x, 4);

/** The lesson's prose: every number in it comes from the engine's closed forms or runs. */
export function MomentumBody() {
  const { gd, hb } = useRace();
  const far = { kappa: 100 * KAPPA, ...useRace(100 * KAPPA) };
  const edge = gdBoundary(KAPPA);
  const hug = HB.lr / heavyBallBoundary(KAPPA, HB.momentum);
  return (
    <>
      <h3>A steep valley</h3>
      <p>
        Take a valley with curvature <M tex="\lambda_{\min} = 1" plain="λmin = 1" /> along its floor and{' '}
        <M tex={`\\lambda_{\\max} = ${KAPPA}`} plain={`λmax = ${KAPPA}`} /> across it. Its condition number is
      </p>
      <M block tex={`\\kappa = \\frac{\\lambda_{\\max}}{\\lambda_{\\min}} = ${KAPPA}.`} plain={`κ = λmax/λmin = ${KAPPA}.`} />
      <p>
        Gradient descent multiplies the error along each direction by <M tex="1 - \alpha\lambda" plain="1 − αλ" />. The
        steep wall forces <M tex="\alpha < 2/\lambda_{\max}" plain="α < 2/λmax" /> (= {fmtPlain(edge)} here), and with so
        small a step the floor’s factor is stuck near 1:
      </p>
      <M block tex="1 - \alpha\lambda_{\min} > 1 - \frac{2}{\kappa}." plain="1 − αλmin > 1 − 2/κ." />
      <p>
        At the best step <M tex="\alpha^* = 2/(\lambda_{\min}+\lambda_{\max})" plain="α* = 2/(λmin + λmax)" /> = {f4(GD.lr)} both
        factors have size <M tex="(\kappa-1)/(\kappa+1)" plain="(κ − 1)/(κ + 1)" /> = {f4(GD.rate)}: the steep one is
        negative, so the iterate zig-zags from wall to wall while it creeps along the floor. Killing the zig-zag with{' '}
        <M tex="\alpha = 1/\lambda_{\max}" plain="α = 1/λmax" /> makes the creep slower still (factor {fmtPlain(1 - 1 / KAPPA)}).
        The first experiment shows both.
      </p>

      <h3>Heavy ball</h3>
      <p>
        <code>torch.optim.SGD(momentum=β)</code> keeps a buffer <M tex="b" plain="b" /> that starts as the first gradient:
      </p>
      <M block tex="b \leftarrow \beta b + \nabla f(w), \qquad w \leftarrow w - \alpha b." plain="b ← βb + ∇f(w),   w ← w − αb." />
      <p>
        Since the last step was <M tex="w_k - w_{k-1} = -\alpha b_{k-1}" plain="wₖ − wₖ₋₁ = −αbₖ₋₁" />, this is Polyak’s heavy ball
        (with <M tex="w_{-1} = w_0" plain="w₋₁ = w₀" />):
      </p>
      <M
        block
        tex={String.raw`\begin{aligned} w_{k+1} &= w_k - \alpha\nabla f(w_k) \\ &\quad + \beta\,(w_k - w_{k-1}). \end{aligned}`}
        plain="wₖ₊₁ = wₖ − α∇f(wₖ) + β(wₖ − wₖ₋₁)."
      />
      <p>
        Along a direction of curvature <M tex="\lambda" plain="λ" /> the error now obeys{' '}
        <M tex="e_{k+1} = (1+\beta-\alpha\lambda)\,e_k - \beta e_{k-1}" plain="eₖ₊₁ = (1 + β − αλ)eₖ − βeₖ₋₁" />, whose factors are the
        roots of <M tex="z^2 - (1+\beta-\alpha\lambda)z + \beta = 0" plain="z² − (1 + β − αλ)z + β = 0" />. A root leaves the unit
        circle through <M tex="z = -1" plain="z = −1" /> when <M tex="\alpha\lambda" plain="αλ" /> passes{' '}
        <M tex="2(1+\beta)" plain="2(1 + β)" />, so the boundary moves out:
      </p>
      <M block tex="\alpha < \frac{2(1+\beta)}{\lambda_{\max}}." plain="α < 2(1 + β)/λmax." />

      <h3>Polyak’s tuning</h3>
      <p>
        When the roots are complex their size is exactly <M tex="\sqrt\beta" plain="√β" />, whatever{' '}
        <M tex="\lambda" plain="λ" />: that happens for{' '}
        <M tex="(1-\sqrt\beta)^2 \le \alpha\lambda \le (1+\sqrt\beta)^2" plain="(1 − √β)² ≤ αλ ≤ (1 + √β)²" />. Stretch that band over
        the whole spectrum, <M tex="\alpha\lambda_{\min} = (1-\sqrt\beta)^2" plain="αλmin = (1 − √β)²" /> and{' '}
        <M tex="\alpha\lambda_{\max} = (1+\sqrt\beta)^2" plain="αλmax = (1 + √β)²" />, and every direction shrinks at the same rate:
      </p>
      <M
        block
        tex={String.raw`\begin{aligned} \alpha &= \Big(\frac{2}{\sqrt{\lambda_{\min}}+\sqrt{\lambda_{\max}}}\Big)^2, \qquad \beta = \rho^2, \\ \rho &= \frac{\sqrt\kappa-1}{\sqrt\kappa+1} \approx 1 - \frac{2}{\sqrt\kappa}. \end{aligned}`}
        plain="α = (2/(√λmin + √λmax))²,  β = ρ² = ((√κ − 1)/(√κ + 1))²,  ρ = (√κ − 1)/(√κ + 1) ≈ 1 − 2/√κ."
      />
      <p>
        Here α = {f4(HB.lr)}, β = {f4(HB.momentum)} and ρ = {f4(HB.rate)} against GD’s {f4(GD.rate)}: κ has become √κ. This
        α sits at {fmtPlain(hug, 3)} of the heavy-ball boundary: the optimum hugs the edge. Nudge α down or β up and the run
        slows gently; nudge α up or β down and it slows sharply, and a few percent further it diverges.
      </p>

      <h3>Nesterov</h3>
      <p>
        With <code>nesterov=True</code> torch steps along <M tex="d = \nabla f(w) + \beta b" plain="d = ∇f(w) + βb" /> instead of{' '}
        <M tex="b" plain="b" />. Rewritten, that is heavy ball plus a brake on changes of the gradient:
      </p>
      <M
        block
        tex={String.raw`\begin{aligned} w_{k+1} &= w_k - \alpha\nabla f(w_k) \\ &\quad + \beta(w_k - w_{k-1}) \\ &\quad - \alpha\beta\big(\nabla f(w_k) - \nabla f(w_{k-1})\big). \end{aligned}`}
        plain="wₖ₊₁ = wₖ − α∇f(wₖ) + β(wₖ − wₖ₋₁) − αβ(∇f(wₖ) − ∇f(wₖ₋₁))."
      />
      <p>
        Per direction the roots solve{' '}
        <M tex="z^2 - (1+\beta)(1-\alpha\lambda)z + \beta(1-\alpha\lambda) = 0" plain="z² − (1 + β)(1 − αλ)z + β(1 − αλ) = 0" />, and
        the one at <M tex="z = -1" plain="z = −1" /> sets a tighter boundary:
      </p>
      <M block tex="\alpha < \frac{2(1+\beta)}{(1+2\beta)\,\lambda_{\max}}." plain="α < 2(1 + β)/((1 + 2β)λmax)." />
      <p>
        At β = {EDGE_BETA} and λmax = {KAPPA}: heavy ball is stable up to α = {f4(HB_EDGE)}, Nesterov only up to{' '}
        {f4(NAG_EDGE)}. The third experiment runs both 1 % inside and 1 % outside.
      </p>

      <h3>The race at κ = {KAPPA}</h3>
      <RaceTable />
      <RaceFigure />
      <p>
        By the rates alone the race is {gd.rateCount} steps against {hb.rateCount}. GD’s run matches that. Heavy ball’s
        takes {hb.measured}: at Polyak’s tuning the flattest and the steepest direction each sit on a double root (their two
        roots coincide), and a double root multiplies <M tex="\rho^k" plain="ρᵏ" /> by a factor that grows with{' '}
        <M tex="k" plain="k" />:
      </p>
      <M
        block
        tex={String.raw`\begin{aligned} e_k^{\text{floor}} &= \big(1 + (1-\rho)k\big)\,\rho^k\, e_0^{\text{floor}}, \\ e_k^{\text{wall}} &= \big(1 + (1+\rho)k\big)(-\rho)^k e_0^{\text{wall}}. \end{aligned}`}
        plain="eₖ(floor) = (1 + (1 − ρ)k) ρᵏ e₀(floor),   eₖ(wall) = (1 + (1 + ρ)k)(−ρ)ᵏ e₀(wall)."
      />
      <p>
        That factor is what swings the run up the wall first and costs the extra steps; the “exact” column includes it and
        the engine agrees with it. The per-step rate is still ρ, so for tighter targets than 10⁻³ the measured speed-up
        climbs towards the rates’ {fmtPlain(gd.rateCount / hb.rateCount, 3)}×.
      </p>

      <h3>From κ = 1 to 10⁴</h3>
      <ScalingFigure />
      <p>
        From κ = {KAPPA} to {far.kappa.toLocaleString('en')}, a hundred times worse, GD’s run takes {fmtPlain(far.gd.measured / gd.measured, 3)}× as
        many steps and heavy ball’s {fmtPlain(far.hb.measured / hb.measured, 3)}×: √100 = {Math.sqrt(far.kappa / KAPPA)}, times a slowly growing
        logarithm from the polynomial factor (by the rates alone, {fmtPlain(far.hb.rateCount / hb.rateCount, 3)}×). That is
        why ill-conditioned problems are where momentum pays.
      </p>
    </>
  );
}
