import { createSurface, predictRegime, stabilityReport, type QuadraticSpec, type Regime } from '../../engine';
import { fmt } from '../../ui/format';
import { preset, specOf } from '../preset';
import type { Experiment, Lesson } from '../types';
import { LossSparkline } from '../ui/LossSparkline';
import { M } from '../ui/Math';

/** f = ½(w−c)ᵀH(w−c) with λ = 1 and 10, rotated 30°: 2/λmax = 0.2. */
const BOWL: QuadraticSpec = { kind: 'quadratic', eigenvalues: [1, 10], angle: Math.PI / 6, center: [0, 0] };
const START: [number, number] = [-2, 1.5];

const GOOD = preset({ surface: BOWL, start: START, steps: 120, runs: [{ optimizer: { kind: 'sgd', lr: 0.05 } }] });
const OSCILLATION = preset({ surface: BOWL, start: START, steps: 120, runs: [{ optimizer: { kind: 'sgd', lr: 0.05, momentum: 0.9 } }] });
const DIVERGENCE = preset({ surface: BOWL, start: START, steps: 400, runs: [{ optimizer: { kind: 'sgd', lr: 0.4 } }] });
const QUESTION_LR = 0.21;
const QUESTION = preset({ surface: BOWL, start: START, steps: 300, runs: [{ optimizer: { kind: 'sgd', lr: QUESTION_LR } }] });

export const experiments: Experiment[] = [
  { id: 'good', label: 'good learning: GD, α = 0.05', doc: () => GOOD },
  { id: 'oscillation', label: 'oscillation: momentum β = 0.9, α = 0.05', doc: () => OSCILLATION },
  { id: 'divergence', label: 'divergence: GD, α = 0.4 = 2 × 2/λmax', doc: () => DIVERGENCE },
  { id: 'question', label: `GD at α = ${QUESTION_LR}`, doc: () => QUESTION },
];

const ROWS = [
  { name: 'Good learning', curve: 'falls steadily', cause: 'α well inside 2/λmax, enough damping', learns: 'yes', fix: 'nothing to fix', exp: 'good' },
  { name: 'Oscillation', curve: 'zig-zags but stays bounded', cause: 'α slightly too high, poor curvature (ill-conditioning), too little damping', learns: 'sometimes, inefficiently', fix: 'lower α, momentum, normalisation', exp: 'oscillation' },
  { name: 'Divergence', curve: 'blows up to ∞ or NaN', cause: 'α far too high, exploding gradients', learns: 'no: training fails', fix: 'lower α a lot, gradient clipping, stable initialisation', exp: 'divergence' },
] as const;

const WORDS: Record<Regime, string> = { monotone: 'converge smoothly', oscillating: 'zig-zag but stay bounded (and converge)', diverging: 'blow up to ∞' };

function Body() {
  return (
    <>
      <p>
        Three loss curves tell three stories. All three below are computed now, by the engine, on the same
        bowl{' '}<M tex="f(w) = \tfrac12 (w-c)^\top H (w-c)" plain="f(w) = ½(w−c)ᵀH(w−c)" /> with
        curvatures <M tex="\lambda = 1" plain="λ = 1" /> and <M tex="\lambda = 10" plain="λ = 10" />.
      </p>
      <div className="sparkline-row">
        <LossSparkline spec={specOf(GOOD)} title="Good learning (GD, α = 0.05)" />
        <LossSparkline spec={specOf(OSCILLATION)} title="Oscillation (momentum 0.9)" color="#D55E00" />
        <LossSparkline spec={specOf(DIVERGENCE)} title="Divergence (GD, α = 0.4)" color="#CC79A7" />
      </div>
      <p>
        Oscillation is the optimizer overshooting the valley floor and coming back: the loss bounces but stays bounded.
        Divergence is overshooting so far that each step lands higher than the last: the error grows by a constant
        factor per step until the numbers overflow.
      </p>
      <table>
        <caption className="visually-hidden">Good learning, oscillation and divergence compared</caption>
        <thead>
          <tr><th scope="col">Behaviour</th><th scope="col">Loss curve</th><th scope="col">Cause</th><th scope="col">Still learns?</th><th scope="col">Fix</th></tr>
        </thead>
        <tbody>
          {ROWS.map((r) => (
            <tr key={r.name}>
              <th scope="row"><a href={`#experiment-${r.exp}`} onClick={(e) => { e.preventDefault(); document.querySelector<HTMLButtonElement>(`[data-testid="experiment-${r.exp}"]`)?.click(); }}>{r.name}</a></th>
              <td>{r.curve}</td><td>{r.cause}</td><td>{r.learns}</td><td>{r.fix}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export const lesson: Lesson = {
  slug: 'oscillation-vs-divergence',
  title: 'Oscillation vs divergence',
  claim: 'A loss that zig-zags but stays bounded and a loss that blows up are different failures with different fixes.',
  Body,
  experiments,
  question: {
    kind: 'choice',
    prompt: `On this bowl 2/λmax = 0.2. Plain gradient descent at α = ${QUESTION_LR}: what will the loss do?`,
    options: [
      { value: 'monotone', label: 'converge smoothly' },
      { value: 'oscillating', label: 'zig-zag but stay bounded' },
      { value: 'diverging', label: 'blow up to ∞' },
    ],
    experiment: 'question',
    grade(answer) {
      const spec = specOf(QUESTION);
      const truth = predictRegime(spec)!;
      const report = stabilityReport(spec, createSurface(spec.surface));
      const steep = truth.modes[0]!;
      return {
        correct: answer === truth.regime,
        truth: `The engine says it will ${WORDS[truth.regime]}.`,
        explanation: `α·λmax = ${fmt(report.lrTimesLambdaMax)} > 2, so along the steep direction the error is multiplied by 1 − αλ = ${fmt(1 - QUESTION_LR * steep.lambda)} each step: its size grows ×${fmt(steep.rho)} per step and its sign flips. Just 5 % past the boundary is enough.`,
      };
    },
  },
  takeaway: 'Bounded bouncing means “a bit too fast or too little damping”; growth by a constant factor per step means α is past 2/λmax (or gradients exploded). Fix the first with damping or a slightly lower α, the second with a much lower α or clipping.',
  oneMinute: (
    <p>
      Oscillation: the loss zig-zags but stays bounded, because the learning rate is slightly too high for the steepest
      curvature or the landscape is ill-conditioned; training still learns, inefficiently — lower the rate, add momentum or
      normalisation. Divergence: the loss blows up to infinity or NaN because the step is far past the stability limit
      (α &gt; 2/λmax) or gradients exploded; the model cannot recover — cut the rate a lot, clip gradients, fix the
      initialisation and numerics.
    </p>
  ),
};
