import { DECAY, ROTATION } from '../../engine/analysis/adam-sweeps';
import { fmt, fmtPlain } from '../../ui/format';
import { B_INF, decayData, hoverData, rotationData } from './adam-data';
import { DecayTable } from './adam-decay';
import { FirstStepTable } from './adam-first-step';
import { HoverTable } from './adam-hover';
import { RotationFigure } from './adam-rotation';
import { M } from './Math';

const UPDATE = String.raw`\begin{aligned} m &\leftarrow \beta_1 m + (1-\beta_1)\,g \\ v &\leftarrow \beta_2 v + (1-\beta_2)\,g^2 \\ \hat m &= \frac{m}{1-\beta_1^t}, \quad \hat v = \frac{v}{1-\beta_2^t} \\ w_i &\leftarrow w_i - \alpha\,\frac{\hat m_i}{\sqrt{\hat v_i} + \varepsilon} \end{aligned}`;
const DECAY_WD = DECAY.wd;
const n = (k: number | null) => (k === null ? 'never' : k.toLocaleString('en'));
const ranged = (xs: number[]) => `${fmtPlain(Math.min(...xs), 2)}–${fmtPlain(Math.max(...xs), 2)}`;

/** The lesson's prose: every number in it is computed by the engine (see adam-data.ts). */
export function AdamBody() {
  const rot = rotationData();
  const aligned = rot.rows[0]!;
  const turned = rot.rows[rot.rows.length - 1]!;
  const hover = hoverData();
  const d = decayData();
  return (
    <>
      <h3>A step size per coordinate</h3>
      <p>
        <code>torch.optim.Adam</code> keeps two running means for every coordinate <M tex="i" plain="i" /> of the
        parameters: of the gradient and of its square. At step <M tex="t" plain="t" />:
      </p>
      <M block tex={UPDATE} plain="m ← β₁m + (1 − β₁)g,  v ← β₂v + (1 − β₂)g²;  m̂ = m/(1 − β₁ᵗ),  v̂ = v/(1 − β₂ᵗ);  wᵢ ← wᵢ − α·m̂ᵢ/(√v̂ᵢ + ε)." />
      <p>
        Each coordinate’s momentum is divided by the root of its own mean squared gradient, so each coordinate gets its own
        step size <M tex="\alpha/(\sqrt{\hat v_i}+\varepsilon)" plain="α/(√v̂ᵢ + ε)" />. As in torch, <M tex="\varepsilon" plain="ε" /> (10⁻⁸
        by default) is added after the bias correction.
      </p>

      <h3>The first step is α·sign(g)</h3>
      <p>
        At <M tex="t = 1" plain="t = 1" /> the bias corrections cancel the <M tex="1-\beta" plain="1 − β" /> factors exactly:{' '}
        <M tex="\hat m = g_0" plain="m̂ = g₀" /> and <M tex="\hat v = g_0^2" plain="v̂ = g₀²" />, so
      </p>
      <M block tex="w_1 - w_0 = -\alpha\,\frac{g_0}{|g_0| + \varepsilon} \approx -\alpha\,\operatorname{sign}(g_0)." plain="w₁ − w₀ = −α·g₀/(|g₀| + ε) ≈ −α·sign(g₀)." />
      <FirstStepTable />
      <p>
        However large or small the gradient, every coordinate moves by α (short of it by <M tex="\alpha\varepsilon/(|g|+\varepsilon)" plain="αε/(|g| + ε)" />).
        GD’s first step is tilted towards the steep coordinate; Adam’s is a diagonal. The first experiment shows both.
      </p>

      <h3>Along the axes, Adam undoes the conditioning</h3>
      <p>
        Multiply coordinate <M tex="i" plain="i" />’s gradients by any <M tex="s_i > 0" plain="sᵢ > 0" />:{' '}
        <M tex="\hat m_i" plain="m̂ᵢ" /> and <M tex="\sqrt{\hat v_i}" plain="√v̂ᵢ" /> both scale by <M tex="s_i" plain="sᵢ" />, and the step
        does not change (up to ε). In a valley whose axes are the coordinate axes, <M tex="g_i = \lambda_i (w_i - c_i)" plain="gᵢ = λᵢ(wᵢ − cᵢ)" />:
        each coordinate sees only its own curvature, and that curvature cancels. So Adam takes the same path in a
        κ = {ROTATION.kappa} valley as in a round bowl — {n(aligned.adam)} steps to shrink its distance to the minimum
        10⁴-fold, against {n(rot.round)} for κ = 1 — while GD at its best α needs {n(aligned.gd)}.
      </p>

      <h3>Turn the valley and the advantage goes</h3>
      <p>
        Turn the valley by θ and <M tex="g = R(\theta)^\top \Lambda R(\theta)(w - c)" plain="g = R(θ)ᵀΛR(θ)(w − c)" />: each coordinate of
        the gradient now mixes both curvatures, and a per-coordinate scale can no longer separate them. GD does not notice the
        angle — its count is <M tex="\lceil \ln 10^{-4} / \ln\frac{\kappa-1}{\kappa+1} \rceil" plain="⌈ln 10⁻⁴ / ln((κ − 1)/(κ + 1))⌉" /> ={' '}
        {n(rot.gdClosed)} at every θ — but Adam does:
      </p>
      <RotationFigure />
      <p>
        From {n(aligned.adam)} steps at 0° to {n(turned.adam)} at 45°: a diagonal rescaling helps only as much
        as the curvature is aligned with the coordinates. Experiments two and three show the two extremes.
      </p>

      <h3>Too large an α: bounded, but it never settles</h3>
      <p>
        GD multiplies its error by <M tex="1-\alpha\lambda" plain="1 − αλ" /> every step, so past <M tex="2/\lambda_{\max}" plain="2/λmax" /> it
        grows geometrically. Adam cannot: by Cauchy–Schwarz on the two running means, no coordinate of any step exceeds
      </p>
      <M block tex={`\\begin{aligned} |\\Delta w_i| &\\le \\alpha\\,\\frac{1-\\beta_1}{\\sqrt{(1-\\beta_2)(1-\\beta_1^2/\\beta_2)}} \\\\ &= ${fmtPlain(B_INF, 3)}\\,\\alpha \\end{aligned}`} plain={`|Δwᵢ| ≤ α(1 − β₁)/√((1 − β₂)(1 − β₁²/β₂)) = ${fmtPlain(B_INF, 3)}α`} />
      <p>
        with torch’s betas (the bound is reached only by gradients that grow by β₂/β₁ every step); in practice a step stays
        near α. It cannot settle either: as it closes in, the gradients shrink,
        so does <M tex="\sqrt{\hat v}" plain="√v̂" /> (slowly: <M tex="v" plain="v" /> keeps a fraction <M tex="\beta_2" plain="β₂" /> of itself every step), the effective step{' '}
        <M tex="\alpha/\sqrt{\hat v}" plain="α/√v̂" /> grows until it is too large for the curvature, and the iterate is thrown out
        again. In the end it hovers at a distance in proportion to α:
      </p>
      <HoverTable />
      <p>
        The late distance is {ranged(hover.map((h) => h.adam.late / h.lr))} times α for every α, and the largest step never exceeded{' '}
        {fmtPlain(Math.max(...hover.map((h) => h.adam.largest / h.lr)), 3)}α. Below 2/λmax GD settles where Adam keeps hovering; above
        it GD overflows where Adam still hovers.
      </p>

      <h3>Weight decay: L2 inside Adam, or AdamW’s decoupled decay</h3>
      <p>
        <code>Adam(weight_decay=wd)</code> adds <M tex="\mathrm{wd}\cdot w" plain="wd·w" /> to the gradient before the running means, so the
        decay is divided by <M tex="\sqrt{\hat v}" plain="√v̂" /> with it: weaker where gradients are large, stronger where they
        are small (with no loss gradient at all, the first step moves a weight by α whatever wd is). <code>AdamW</code> shrinks the
        weights first, <M tex="w \leftarrow w(1-\alpha\,\mathrm{wd})" plain="w ← w(1 − α·wd)" />, then takes the Adam step on <M tex="\nabla f" plain="∇f" /> alone.
      </p>
      <p>Adam + L2 stops where the regularised gradient is zero, as GD + L2 does:</p>
      <M block tex={String.raw`\begin{aligned} &\nabla f(w) + \mathrm{wd}\,w = 0 \\ \Rightarrow\ &w = (H + \mathrm{wd}\,I)^{-1}Hc. \end{aligned}`}
        plain="∇f(w) + wd·w = 0 ⇒ w = (H + wd·I)⁻¹Hc." />
      <p>AdamW stops where the decay balances the normalised step (with <M tex="\hat m \to \nabla f" plain="m̂ → ∇f" /> there):</p>
      <M block tex={String.raw`\begin{aligned} &\mathrm{wd}\,w = -\frac{\hat m}{\sqrt{\hat v}+\varepsilon} \\ \Rightarrow\ &w = \big(H + \mathrm{wd}\,\mathrm{diag}(\sqrt{\hat v}+\varepsilon)\big)^{-1}Hc. \end{aligned}`}
        plain="wd·w = −m̂/(√v̂ + ε) ⇒ w = (H + wd·diag(√v̂ + ε))⁻¹Hc." />
      <DecayTable />
      <p>
        Adam + L2 ends exactly where GD + L2 does: the rescaling changes the path, not where the regularised gradient is zero.
        AdamW ends somewhere else, matching its prediction: its decay acts as an L2 of strength wd·(√v̂ᵢ + ε) per coordinate,
        here {fmt(DECAY_WD * d.root[0], 2)} on x and {fmt(DECAY_WD * d.root[1], 2)} on y instead of {DECAY_WD} on both — and since √v̂ keeps
        shrinking on a noise-free bowl, AdamW keeps creeping towards c (run the experiment and watch run 2).
      </p>
    </>
  );
}
