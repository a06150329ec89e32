import { createSurface, curvatureAt, gdBoundary, gdOptimal, type QuadraticSpec, type Vec2 } from '../../engine';
import { factors } from '../../engine/analysis/bound-factors';
import { largestStableLr } from '../../engine/analysis/bound-search';
import { fmtPlain } from '../../ui/format';
import { preset, specOf } from '../preset';
import type { Experiment, Grade, Lesson } from '../types';
import { useCurrentBowl } from '../ui/bound-curvature';
import { FactorsFigure } from '../ui/bound-factors-figure';
import { HessianCard, whereText } from '../ui/bound-hessian';
import { StepsTable } from '../ui/bound-steps-table';
import { M } from '../ui/Math';

/** The question's bowl: curvatures 2 and 25, principal axes rotated 40°. */
export const BOWL: QuadraticSpec = { kind: 'quadratic', eigenvalues: [2, 25], angle: (40 * Math.PI) / 180, center: [0, 0] };
const START: Vec2 = [-1.5, 2.2];
const CURV = curvatureAt(createSurface(BOWL), ...BOWL.center);
/** 2/λmax and the best α, from the engine's closed forms. */
export const EDGE = gdBoundary(CURV.lambdaMax);
export const OPT = gdOptimal(CURV.lambdaMin, CURV.lambdaMax);
const near = (f: number) => Number((f * EDGE).toPrecision(3));
/** Gradient descent 2.5 % below and above the edge (rounded to what the lab shows). */
export const LR_BELOW = near(0.975);
export const LR_ABOVE = near(1.025);

const gd = (lr: number) => ({ optimizer: { kind: 'sgd' as const, lr } });
const BELOW = preset({ surface: BOWL, start: START, steps: 200, runs: [gd(LR_BELOW)] });
const ABOVE = preset({ surface: BOWL, start: START, steps: 200, runs: [gd(LR_ABOVE)] });
const SWEEP = preset({ surface: BOWL, start: START, steps: 200, runs: [gd(OPT.lr / 2), gd(OPT.lr), gd(LR_BELOW)] });
const bowlName = `λ = ${CURV.lambdaMin}, ${CURV.lambdaMax}`;
const DEGREES = Math.round((BOWL.angle * 180) / Math.PI);
/** (κ/2)·ln 10³ = κ·(ln 10³)/2: the slope of the steps-versus-κ line. */
const SLOPE = fmtPlain(Math.log(1e3) / 2, 3);

export const experiments: Experiment[] = [
  { id: 'below', label: `GD just below the edge: α = ${LR_BELOW} on the bowl ${bowlName}`, doc: () => BELOW },
  { id: 'above', label: `GD just past the edge: α = ${LR_ABOVE}, same bowl`, doc: () => ABOVE },
  { id: 'sweep', label: `three step sizes side by side: α*/2, α* = ${fmtPlain(OPT.lr)} and ${LR_BELOW}`, doc: () => SWEEP },
];

const verdict = (worst: number) => {
  if (worst < 1 - 1e-9) return 'Both shrink, so it converges';
  if (worst <= 1 + 1e-9) return 'The steep error neither shrinks nor grows: it bounces for ever, right on the edge';
  return 'One grows, so it diverges';
};

/** Grades against the engine: its own bisection on α, run by run, no formula involved. */
export function grade(answer: number): Grade {
  const spec = specOf(BELOW);
  const found = largestStableLr(spec);
  const rel = Math.abs(answer - found.lr) / found.lr;
  const at = factors(answer, CURV.lambdaMin, CURV.lambdaMax);
  const yours = answer > 0
    ? ` At your α = ${fmtPlain(answer, 4)} the steep direction is multiplied by |1 − αλmax| = ${fmtPlain(at.steep, 3)} per step and the flat one by ${fmtPlain(at.slow, 3)}. ${verdict(at.worst)}${at.worst < 1 - 1e-9 && rel > 0.03 ? ', but a larger α would too' : ''}.`
    : ' A step of zero or less never moves towards the minimum.';
  return {
    correct: rel <= 0.03,
    truth: `The largest α that still converges is ${fmtPlain(found.lr, 4)} (within 3 % counts).`,
    explanation:
      `The engine found it by bisection: ${found.trials} runs of ${found.steps.toLocaleString('en')} steps, each classified from its trajectory, `
      + `bracket the edge between α = ${fmtPlain(found.stable, 6)} (no blow-up in ${found.steps.toLocaleString('en')} steps) and ${fmtPlain(found.unstable, 6)} (diverging). `
      + `The formula agrees: the Hessian's eigenvalues are ${fmtPlain(CURV.lambdaMin)} and ${fmtPlain(CURV.lambdaMax)}, so 2/λmax = ${fmtPlain(EDGE, 4)}, `
      + `while the flat direction alone would allow up to 2/λmin = ${fmtPlain(2 / CURV.lambdaMin, 4)}: the steepest direction sets the limit.${yours}`,
  };
}

function Body() {
  const bowl = useCurrentBowl(BOWL);
  const ratio = bowl.lambdaMax / (bowl.lambdaMin + bowl.lambdaMax);
  return (
    <>
      <h3>Curvature is a matrix</h3>
      <p>
        Near a minimum <M tex="c" plain="c" /> every smooth loss is, to second order, a bowl:
      </p>
      <M block tex="f(w) \approx f(c) + \tfrac12 (w-c)^\top H\,(w-c)" plain="f(w) ≈ f(c) + ½ (w−c)ᵀ H (w−c)" />
      <p>
        where <M tex="H" plain="H" /> is the Hessian, the matrix of second derivatives. It is symmetric, so it has
        orthogonal eigenvectors <M tex="v_i" plain="vᵢ" /> — the principal axes of the elliptical contours — and its
        eigenvalues <M tex="\lambda_i" plain="λᵢ" /> are the curvatures along those axes.
      </p>
      <HessianCard bowl={bowl} />

      <h3>One factor per direction</h3>
      <p>
        The bowl’s gradient is <M tex="H(w-c)" plain="H(w−c)" />, so one step of gradient descent with learning rate{' '}
        <M tex="\alpha" plain="α" /> does
      </p>
      <M block tex="w_{k+1} - c = (I - \alpha H)\,(w_k - c)." plain="w_{k+1} − c = (I − αH)(w_k − c)." />
      <p>
        Write the error in the eigenvector basis, <M tex="w - c = \sum_i e_i v_i" plain="w − c = Σᵢ eᵢvᵢ" />. Since{' '}
        <M tex="Hv_i = \lambda_i v_i" plain="Hvᵢ = λᵢvᵢ" />, the directions never mix: each coordinate is multiplied by
        its own number at every step,
      </p>
      <M block tex="e_i^{(k)} = (1 - \alpha\lambda_i)^k\, e_i^{(0)}." plain="eᵢ⁽ᵏ⁾ = (1 − αλᵢ)ᵏ eᵢ⁽⁰⁾." />
      <p>
        So the run converges exactly when <M tex="|1 - \alpha\lambda_i| < 1" plain="|1 − αλᵢ| < 1" /> for every{' '}
        <M tex="i" plain="i" />, that is <M tex="0 < \alpha\lambda_i < 2" plain="0 < αλᵢ < 2" /> for every curvature:
      </p>
      <M block tex="0 < \alpha < \frac{2}{\lambda_{\max}}." plain="0 < α < 2/λmax." />
      <p>
        The steepest direction sets the limit. Flatter directions would tolerate far bigger steps, but one growing
        coordinate is enough to blow the run up. Between <M tex="1/\lambda_{\max}" plain="1/λmax" /> and{' '}
        <M tex="2/\lambda_{\max}" plain="2/λmax" /> the steep coordinate flips sign every step: a zig-zag that still shrinks.
      </p>

      <h3>Two V’s, and the best step</h3>
      <FactorsFigure lambdaMin={bowl.lambdaMin} lambdaMax={bowl.lambdaMax} runs={bowl.gdRuns} where={whereText(bowl)} />
      <p>
        Each factor <M tex="|1 - \alpha\lambda|" plain="|1 − αλ|" /> is a V with its tip at{' '}
        <M tex="\alpha = 1/\lambda" plain="α = 1/λ" />. A run is only as fast as its slowest coordinate, so its rate is the
        higher of the two: left of <M tex="\alpha^*" plain="α*" /> the flat direction holds it back, right of it the steep
        one. The best step makes them equal, <M tex="1 - \alpha\lambda_{\min} = \alpha\lambda_{\max} - 1" plain="1 − αλmin = αλmax − 1" />:
      </p>
      <M block tex="\alpha^* = \frac{2}{\lambda_{\min} + \lambda_{\max}}," plain="α* = 2/(λmin + λmax)," />
      <p>and the rate there is</p>
      <M
        block
        tex="\rho^* = \frac{\lambda_{\max} - \lambda_{\min}}{\lambda_{\max} + \lambda_{\min}} = \frac{\kappa - 1}{\kappa + 1}, \quad \kappa = \frac{\lambda_{\max}}{\lambda_{\min}}."
        plain="ρ* = (λmax − λmin)/(λmax + λmin) = (κ − 1)/(κ + 1),  κ = λmax/λmin."
      />
      <p>
        The best step sits just under the cliff edge: <M tex="\alpha^* / (2/\lambda_{\max}) = \kappa/(\kappa+1)" plain="α*/(2/λmax) = κ/(κ + 1)" />,
        here {fmtPlain(ratio, 3)}. Tuning by “as large as still works” lands close to it, and a little past it is a disaster.
      </p>

      <h3>Steps grow linearly with κ</h3>
      <p>Even at <M tex="\alpha^*" plain="α*" />, shrinking the error by a factor 10⁻³ takes</p>
      <M
        block
        tex={String.raw`k = \left\lceil \frac{\ln 10^{-3}}{\ln\frac{\kappa-1}{\kappa+1}} \right\rceil \approx \frac{\kappa}{2}\ln 10^{3} \approx ${SLOPE}\,\kappa`}
        plain={`k = ⌈ln 10⁻³ / ln((κ − 1)/(κ + 1))⌉ ≈ (κ/2)·ln 10³ ≈ ${SLOPE} κ`}
      />
      <p>
        steps, because <M tex="\ln\frac{\kappa-1}{\kappa+1} \approx -\frac{2}{\kappa}" plain="ln((κ − 1)/(κ + 1)) ≈ −2/κ" /> for
        large <M tex="\kappa" plain="κ" />. The table runs the engine at <M tex="\alpha^*" plain="α*" /> for each conditioning
        and counts:
      </p>
      <StepsTable />
      <p>
        Ten times worse conditioning costs ten times more steps, and no learning rate can help: α is already the best
        one. Only changing the dynamics (momentum, next lesson) or the curvature itself (preconditioning, normalisation) does.
      </p>
    </>
  );
}

export const lesson: Lesson = {
  slug: 'the-stability-boundary',
  title: 'The boundary α < 2/λmax',
  claim: 'Gradient descent on a bowl converges exactly when α < 2/λmax: the steepest curvature sets the largest usable step, and the flattest one then sets how slowly it converges.',
  Body,
  experiments,
  question: {
    kind: 'number',
    prompt: `The bowl here has curvatures λ1 = ${CURV.lambdaMin} and λ2 = ${CURV.lambdaMax}, rotated ${DEGREES}°. For plain gradient descent, what is the largest learning rate that still converges?`,
    unit: 'α',
    experiment: 'below',
    grade,
  },
  takeaway: 'The largest stable learning rate is 2/λmax, fixed by the single steepest direction; even the best α = 2/(λmin + λmax) only shrinks the error by (κ − 1)/(κ + 1) per step, so the steps needed grow in proportion to κ.',
  oneMinute: (
    <p>
      Near a minimum the loss is a quadratic with Hessian H. Gradient descent multiplies the error along each eigenvector
      of H by (1 − αλᵢ) every step, so it converges iff |1 − αλᵢ| &lt; 1 for all i, i.e. 0 &lt; α &lt; 2/λmax: the
      sharpest direction caps the learning rate. Between 1/λmax and 2/λmax it zig-zags but converges; past 2/λmax the
      error grows geometrically. The best fixed step, α = 2/(λmin + λmax), balances the flattest and steepest directions
      and gives rate (κ − 1)/(κ + 1) with κ = λmax/λmin, so shrinking the error by a factor ε takes about (κ/2)·ln(1/ε) steps —
      linear in the condition number. That is why ill-conditioning hurts: no choice of α fixes it, only changing the
      dynamics (momentum) or the curvature (preconditioning, normalisation) does.
    </p>
  ),
};
