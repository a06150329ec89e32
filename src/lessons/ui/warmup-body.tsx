import { createSurface, curvatureAt, referenceCurvature, stabilityReport } from '../../engine';
import { fmt } from '../../ui/format';
import { LossSparkline } from './LossSparkline';
import { M } from './Math';
import { WarmupPath, type PathRun } from './warmup-path';
import { coldSpec, COSINE, PEAK_LR, VALLEY, VALLEY_START, warmSpec } from './warmup-presets';
import { WarmupTerms } from './warmup-terms';

const valley = createSurface(VALLEY);
const atStart = curvatureAt(valley, VALLEY_START[0], VALLEY_START[1]).lambdaMax;
const atMin = referenceCurvature(valley, VALLEY_START).lambdaMax;
const stripLimit = stabilityReport(warmSpec, valley).boundary;
const PATH_RUNS: PathRun[] = [
  { spec: warmSpec, name: 'Run 1, warmup then cosine', index: 0 },
  { spec: coldSpec, name: 'Run 2, cold start', index: 1 },
];
const where = `(${fmt(VALLEY_START[0])}, ${fmt(VALLEY_START[1])})`;

export function WarmupBody() {
  return (
    <>
      <p>
        The course notes put it in one line: start small, let the model settle into a stable region, then take larger
        steps. Here is why that is more than caution. Take one SGD step with a noisy gradient{' '}
        <M tex="\tilde g = \nabla f(w) + \xi" plain="g̃ = ∇f(w) + ξ" />, where the noise has mean{' '}
        <M tex="0" plain="0" /> and covariance <M tex="\Sigma" plain="Σ" />, on a loss with Hessian{' '}
        <M tex="H" plain="H" />. For a quadratic, the second-order expansion is exact:
      </p>
      <M block tex="\begin{aligned} f(w-\alpha\tilde g) &= f(w) - \alpha\,\tilde g^\top\nabla f \\ &\quad + \tfrac{\alpha^2}{2}\,\tilde g^\top H\,\tilde g. \end{aligned}"
        plain="f(w − αg̃) = f(w) − α g̃ᵀ∇f + (α²/2) g̃ᵀHg̃." />
      <p>
        Average over the noise. The linear term keeps only the true gradient, because{' '}
        <M tex="\mathbb E[\xi] = 0" plain="E[ξ] = 0" />; the quadratic term picks up the noise as well, because{' '}
        <M tex="\mathbb E[\xi^\top H\xi] = \operatorname{tr}(H\Sigma)" plain="E[ξᵀHξ] = tr(HΣ)" />:
      </p>
      <M block tex="\begin{aligned} &\mathbb E\big[f(w-\alpha\tilde g)\big] - f(w) \\ &\quad = \underbrace{-\,\alpha\,\|\nabla f\|^2}_{\text{gain}\;\propto\;\alpha} \\ &\qquad + \underbrace{\tfrac{\alpha^2}{2}\big(\nabla f^\top H\nabla f + \operatorname{tr}(H\Sigma)\big)}_{\text{cost}\;\propto\;\alpha^2} \end{aligned}"
        plain="E[f(w − αg̃)] − f(w) = −α‖∇f‖² + (α²/2)(∇fᵀH∇f + tr(HΣ))" />
      <p>
        The useful part grows like <M tex="\alpha" plain="α" />, the harmful part like{' '}
        <M tex="\alpha^2" plain="α²" />, so a small enough step always helps on average, and the net change turns
        positive past
      </p>
      <M block tex="\alpha^\ast = \frac{2\,\|\nabla f\|^2}{\nabla f^\top H\nabla f + \operatorname{tr}(H\Sigma)},"
        plain="α* = 2‖∇f‖² / (∇fᵀH∇f + tr(HΣ))," />
      <p>where, for the lab’s noise model,</p>
      <M block tex="\Sigma = \frac{\sigma^2}{B}\,I \;\Rightarrow\; \operatorname{tr}(H\Sigma) = \frac{\sigma^2}{B}\operatorname{tr}H."
        plain="Σ = (σ²/B)·I ⇒ tr(HΣ) = (σ²/B)·tr H." />
      <p>
        The lab’s noise is exactly that: each coordinate of the gradient gets seeded Gaussian noise of variance{' '}
        <M tex="\sigma^2/B" plain="σ²/B" />. The figure computes both terms for whatever the lab holds now (load the noisy
        bowl below, or change the batch size): smaller batches raise <M tex="\operatorname{tr}(H\Sigma)" plain="tr(HΣ)" /> and
        pull the crossover in. The tests average 20 000 seeded one-step runs of the engine and land on this formula.
      </p>
      <WarmupTerms />
      <h3>A peak α that only survives with warmup</h3>
      <p>
        Warmup matters when the curvature is high where training starts and lower where it is going. On the Rosenbrock
        valley started at {where}, the Hessian’s λmax is {fmt(atStart)} at the start (limit 2/λmax ={' '}
        {fmt(2 / atStart)}) but {fmt(atMin)} at the minimum (limit {fmt(2 / atMin)}). Both runs below use the same peak{' '}
        α = {fmt(PEAK_LR)}: {fmt(PEAK_LR * atStart / 2)}× the starting limit, {fmt(PEAK_LR * atMin / 2)}× the final one.
      </p>
      <div className="sparkline-row">
        <LossSparkline spec={warmSpec} title="Run 1: warmup, then cosine decay" color="#0072B2" />
        <LossSparkline spec={coldSpec} title="Run 2: cold start at the peak α" color="#D55E00" />
      </div>
      <p>
        The cold start’s first step is far past the local limit; it overshoots to even steeper ground and the loss
        overflows within a few steps. The warmup run’s first steps are tiny, but the gradient there is huge, so they carry
        the iterate out of the steep region into the flat floor of the valley. By the time α reaches its peak the local
        limit has risen far above it, and it stays above it all the way to the minimum:
      </p>
      <WarmupPath runs={PATH_RUNS} />
      <h3>The schedule</h3>
      <p>
        The warmup run uses the lab’s <code>warmupCosine</code> schedule: a linear warmup over{' '}
        <M tex="W" plain="W" /> = {COSINE.warmupSteps} steps, then a cosine decay to{' '}
        <M tex="m" plain="m" /> = {COSINE.minFactor} times the peak at step <M tex="T" plain="T" /> = {COSINE.totalSteps}. Step{' '}
        <M tex="k" plain="k" /> uses <M tex="\alpha(k) = \alpha\,\lambda(k)" plain="α(k) = α·λ(k)" /> with
      </p>
      <M block tex="\begin{aligned} \lambda_{\text{linear}}(k) &= \min\!\Big(1, \frac{k+1}{W}\Big) \\ \lambda_{\text{cos}}(k) &= \frac{k+1}{W} \quad (k < W) \\ \lambda_{\text{cos}}(k) &= m + \tfrac{1-m}{2}\Big(1 + \cos\tfrac{\pi\,(k-W)}{T-W}\Big) \\ &\qquad (W \le k \le T,\ m \text{ after } T) \end{aligned}"
        plain="λ_linear(k) = min(1, (k+1)/W);  λ_cos(k) = (k+1)/W for k < W, else m + (1−m)·½(1 + cos(π(k−W)/(T−W))), held at m after T." />
      <p>
        The lab’s schedule strip draws α(k) against one dashed line, 2/λmax at the minimum ({fmt(stripLimit)} here). The
        warmup run stays under it, but so would the cold start: its constant α is under that line too, and it still
        diverges. The limit that matters is the local one along the path, which the figure above computes at every
        iterate.
      </p>
    </>
  );
}
