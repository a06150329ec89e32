import { fmt } from '../../ui/format';
import { M } from './Math';
import { NoiseCosine } from './noise-cosine';
import { NoiseFloor } from './noise-floor';
import { B_LARGE, B_SMALL, COS_STD, EIGS, FLOOR_STD, QUESTION_LR, theoryFloor } from './noise-presets';

export function NoiseBody() {
  return (
    <>
      <p>
        A mini-batch gradient is an average of B per-example gradients. Model it as the true gradient plus noise:
        {' '}<M tex="\tilde g = \nabla f(w) + \xi,\ \ \xi \sim \mathcal N\!\big(0, \tfrac{\sigma^2}{B} I\big)" plain="g̃ = ∇f(w) + ξ, ξ ~ N(0, (σ²/B)·I)" />.
        Averaging B independent samples divides the variance by B. That is exactly what the lab’s noise setting does:
        {' '}<code>{'"noise": {"batchSize": B, "std": σ}'}</code> adds seeded Gaussian noise of variance σ²/B to each coordinate of the gradient.
      </p>
      <h3>Two mini-batches, two directions</h3>
      <p>
        Draw two mini-batch gradients at the same point and compare their directions. With small batches they can point
        almost anywhere; as B grows they line up with each other and with ∇f. Below, σ = {COS_STD} and ‖∇f‖ = 1, so
        the noise dwarfs the signal at B = 1. Drag the slider.
      </p>
      <NoiseCosine />
      <p>
        A prediction: for independent <M tex="\tilde g_1, \tilde g_2" plain="g̃₁, g̃₂" /> in d dimensions,
        {' '}<M tex="\mathbb E[\tilde g_1\!\cdot\!\tilde g_2] = \|g\|^2" plain="E[g̃₁·g̃₂] = ‖g‖²" /> and
        {' '}<M tex="\mathbb E\|\tilde g\|^2 = \|g\|^2 + d\sigma^2/B" plain="E‖g̃‖² = ‖g‖² + dσ²/B" />. Dividing the expectations gives
      </p>
      <M block tex="\rho(B) = \frac{\|g\|^2}{\|g\|^2 + d\,\sigma^2/B}," plain="ρ(B) = ‖g‖² / (‖g‖² + d·σ²/B)," />
      <p>
        which is the <em>ratio-of-expectations approximation</em>: the mean of a ratio is not the ratio of the means,
        so the measured average cosine differs from ρ(B). Both rise with B towards 1, and the gap shrinks: when the
        noise is small, E[cos] ≈ 1 − σ²/(B‖g‖²) while ρ ≈ 1 − 2σ²/(B‖g‖²) (d = 2), so the gap is about
        σ²/(B‖g‖²) and vanishes like 1/B.
      </p>
      <h3>The noise floor</h3>
      <p>
        Noise does not go away at the minimum, so SGD with a constant α never settles: it hovers at a floor. On the
        bowl <M tex="f = \tfrac12\sum_i \lambda_i e_i^2" plain="f = ½ Σ λᵢ eᵢ²" /> (λ = {EIGS.join(' and ')}) with noise
        variance <M tex="s^2 = \sigma^2/B" plain="s² = σ²/B" /> per coordinate, each direction follows
      </p>
      <M block tex="e_i \leftarrow (1-\alpha\lambda_i)\,e_i - \alpha\,\xi_i." plain="eᵢ ← (1 − αλᵢ)·eᵢ − α·ξᵢ." />
      <p>
        In the stationary state the variance is the same before and after a step, <M tex="V_i = (1-\alpha\lambda_i)^2 V_i + \alpha^2 s^2" plain="Vᵢ = (1 − αλᵢ)²Vᵢ + α²s²" />, so
      </p>
      <M block tex="V_i = \frac{\alpha^2 s^2}{1-(1-\alpha\lambda_i)^2} = \frac{\alpha s^2}{\lambda_i(2-\alpha\lambda_i)}," plain="Vᵢ = α²s² / (1 − (1 − αλᵢ)²) = αs² / (λᵢ(2 − αλᵢ))," />
      <p>and the expected loss it hovers at is</p>
      <M block tex="\mathbb E[f] = \tfrac12\sum_i \lambda_i V_i = \sum_i \frac{\alpha\,\sigma^2}{2B\,(2-\alpha\lambda_i)}." plain="E[f] = ½ Σ λᵢVᵢ = Σ ασ² / (2B(2 − αλᵢ))." />
      <p>
        The floor grows with α (roughly in proportion while αλ ≪ 2, faster near the stability limit 2/λmax) and
        falls as 1/B. Here σ = {FLOOR_STD}; at α = {QUESTION_LR} the formula gives {fmt(theoryFloor(QUESTION_LR, B_SMALL))} for
        B = {B_SMALL} and {fmt(theoryFloor(QUESTION_LR, B_LARGE))} for B = {B_LARGE}. The markers are the engine’s measurement:
        the loss of a long seeded run, averaged after a burn-in.
      </p>
      <NoiseFloor />
      <p>
        So a bigger batch buys a lower floor and steadier directions, at the cost of more computation per step;
        a smaller α buys a lower floor too, at the cost of slower progress. Decaying α late in training, or growing
        the batch, is how training gets below the floor.
      </p>
    </>
  );
}
