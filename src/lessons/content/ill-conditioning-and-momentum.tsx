import { race } from '../../engine/analysis/momentum-race';
import { fmtPlain } from '../../ui/format';
import type { Grade, Lesson } from '../types';
import { MomentumBody } from '../ui/momentum-body';
import { experiments, KAPPA, QUESTION_KAPPA } from '../ui/momentum-presets';
import { useRace } from '../ui/momentum-race';

export { experiments };

/** Answers within this fraction of the engine's count are right. */
export const TOLERANCE = 0.2;

/** The question's race, run by the engine once (on first use). */
let cached: ReturnType<typeof race> | null = null;
export function questionRace() {
  cached ??= race(QUESTION_KAPPA);
  return cached;
}

/** Grades a predicted step count against the heavy-ball run the engine makes at κ = 400. */
export function grade(answer: number): Grade {
  const { gd, hb } = questionRace();
  const truth = hb.measured;
  const correct = Math.abs(answer - truth) <= TOLERANCE * truth;
  const rateOnly = Math.abs(answer - hb.rateCount) <= 2
    ? ` Your ${fmtPlain(answer)} is the count the rate alone gives; the double root’s polynomial factor adds the rest.`
    : '';
  return {
    correct,
    truth: `The engine’s heavy-ball run stays below 10⁻³ of its start distance from step ${truth} on (within ${TOLERANCE * 100} %, ${Math.ceil((1 - TOLERANCE) * truth)}–${Math.floor((1 + TOLERANCE) * truth)}, counts).`,
    explanation:
      `At κ = ${QUESTION_KAPPA}, √κ = ${fmtPlain(Math.sqrt(QUESTION_KAPPA))}: Polyak’s tuning gives ρ = (√κ − 1)/(√κ + 1) = ${fmtPlain(hb.rate, 4)} per step, `
      + `so the rate alone predicts ⌈ln 10⁻³ / ln ρ⌉ = ${hb.rateCount} steps; the exact closed form, with the factor (1 + (1 ± ρ)k) of the double roots, gives ${hb.exactCount}, `
      + `and the run took ${truth}. GD at its best α needed ${gd.measured.toLocaleString('en')}: ${fmtPlain(gd.measured / truth, 3)} times as many. `
      + `Going from κ = ${KAPPA} to ${QUESTION_KAPPA} doubled √κ, so heavy ball’s count roughly doubled while GD’s quadrupled.${rateOnly}`,
  };
}

export const lesson: Lesson = {
  slug: 'ill-conditioning-and-momentum',
  title: 'Ill-conditioning and momentum',
  claim: 'In a valley with condition number κ = λmax/λmin, gradient descent needs steps in proportion to κ, because the steep wall caps α and the flat floor then crawls; heavy-ball momentum, tuned as Polyak prescribes, needs them in proportion to √κ.',
  Body: MomentumBody,
  experiments,
  question: {
    kind: 'number',
    prompt: `Now a valley four times worse: λ = 1 and ${QUESTION_KAPPA}, so κ = ${QUESTION_KAPPA}. GD at its best α needs ${questionRace().gd.measured.toLocaleString('en')} steps before its distance to the minimum stays below 10⁻³ of where it started. How many steps does heavy ball at Polyak’s tuning need (same start, same count)?`,
    unit: 'steps',
    experiment: 'question',
    grade,
  },
  takeaway: 'The steepest direction caps α, so the flattest crawls at about 1 − 2/κ per step: GD’s steps grow like κ. Momentum lets every direction share the rate √β; at Polyak’s tuning that is (√κ − 1)/(√κ + 1), and the steps grow like √κ — but its α sits just under the boundary 2(1 + β)/λmax (Nesterov’s is tighter, 2(1 + β)/((1 + 2β)λmax)).',
  oneMinute: <OneMinute />,
};

/** The interview answer, with the κ = 100 race's counts from the engine. */
function OneMinute() {
  const { gd, hb } = useRace();
  return (
    <p>
      Ill-conditioning means the Hessian’s curvatures differ a lot, κ = λmax/λmin ≫ 1. Gradient descent must keep α &lt;
      2/λmax for the steepest direction, so along the flattest one the error only shrinks by about 1 − 2/κ per step: it
      zig-zags across the valley and crawls along it, taking O(κ·log(1/ε)) steps. Heavy-ball momentum, which is torch’s SGD
      with momentum (b ← βb + g, w ← w − αb, the same as adding β(wₖ − wₖ₋₁) to each step), turns each direction into a
      second-order recurrence; its boundary widens to α &lt; 2(1 + β)/λmax. With Polyak’s α = (2/(√λmin + √λmax))² and
      β = ((√κ − 1)/(√κ + 1))² every direction decays at (√κ − 1)/(√κ + 1), so it needs O(√κ·log(1/ε)) steps — at κ = {KAPPA}
      {' '}{hb.rateCount} steps by the rate (the run takes {hb.measured}: the double roots add a factor linear in k) against
      GD’s {gd.measured} to shrink the error 1000×. Nesterov adds a gradient-difference brake and has the tighter boundary
      2(1 + β)/((1 + 2β)λmax).
    </p>
  );
}
