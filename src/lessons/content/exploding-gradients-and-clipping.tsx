import { fmt } from '../../ui/format';
import type { Experiment, Lesson } from '../types';
import { ClipNormChart } from '../ui/clip-norms';
import { clipFacts, LOOSE, LR, NEARBY_LR, PEAK } from '../ui/clip-facts';
import { CLIFF, MAX_NORM, QUESTION, SIDE_BY_SIDE } from '../ui/clip-presets';
import { M } from '../ui/Math';

export const experiments: Experiment[] = [
  { id: 'side-by-side', label: `cliff: GD α = ${LR} unclipped vs clipped at max-norm ${MAX_NORM}`, doc: () => SIDE_BY_SIDE },
  { id: 'question', label: `cliff: GD α = ${LR} clipped at max-norm ${LOOSE}`, doc: () => QUESTION },
];

const { height: h, steepness: s, position: x0 } = CLIFF;

function Body() {
  const f = clipFacts();
  return (
    <>
      <p>
        Some loss surfaces have cliffs: a flat region next to a wall where the gradient is enormous over a narrow
        strip (Pascanu, Mikolov and Bengio found them in recurrent networks in 2013). The lab's cliff surface is
        {' '}<M tex="f(w) = \tfrac12\|w\|^2 + h\,\sigma\big(s(x - x_0)\big)" plain="f(w) = ½‖w‖² + h·σ(s(x − x₀))" />{' '}
        with <M tex={`h = ${h}`} plain={`h = ${h}`} />, <M tex={`s = ${s}`} plain={`s = ${s}`} /> and
        {' '}<M tex={`x_0 = ${x0}`} plain={`x₀ = ${x0}`} />: a bowl whose right half is raised onto a plateau. On the face
        {' '}<M tex="\partial f/\partial x = x + h s\,\sigma(1-\sigma)" plain="∂f/∂x = x + h·s·σ(1 − σ)" />, which peaks
        at <M tex={`hs/4 = ${fmt(PEAK)}`} plain={`h·s/4 = ${fmt(PEAK)}`} /> — over a hundred times the bowl's own
        gradient there, which is about 1 — across a strip only about <M tex="4/s" plain="4/s" /> wide.
      </p>
      <p>
        Start on the plateau and run gradient descent at <M tex={`\\alpha = ${LR}`} plain={`α = ${LR}`} />. The early
        steps are small and sensible. Then one step lands on the face: at step {f.raw.jump.step} the engine records
        {' '}<M tex={`\\|g\\| = ${fmt(f.raw.jump.gradNorm)}`} plain={`‖g‖ = ${fmt(f.raw.jump.gradNorm)}`} />, and the
        update <M tex="\alpha\|g\|" plain="α‖g‖" /> is {fmt(f.raw.jump.length)} long. The iterate is flung from
        {' '}x = {fmt(f.raw.jump.from[0])} to x = {fmt(f.raw.jump.to[0])}, far outside the picture. On this convex bowl
        it walks back; in a network the same jump lands in a region the model never meant to visit, and the loss spikes
        or overflows.
      </p>
      <p>
        Gradient clipping caps the length of the gradient before the optimizer sees it. PyTorch's
        {' '}<code>torch.nn.utils.clip_grad_norm_(params, max_norm)</code> computes the global norm over all parameters and rescales:
      </p>
      <M
        block
        tex="g \leftarrow g\cdot\min\!\Big(1,\ \frac{c}{\|g\| + 10^{-6}}\Big)"
        plain="g ← g · min(1, c / (‖g‖ + 10⁻⁶))"
      />
      <p>
        Three things follow. The direction is untouched (a positive multiple of <M tex="g" plain="g" />), so the step still
        goes downhill. Every step is at most <M tex="\alpha c" plain="αc" /> long, since
        {' '}<M tex="\|\alpha g\| \le \alpha c" plain="‖αg‖ ≤ αc" /> after the rescale. And when <M tex="\|g\| < c" plain="‖g‖ < c" /> nothing
        changes, so ordinary steps are exactly what they were. With <M tex={`c = ${MAX_NORM}`} plain={`c = ${MAX_NORM}`} /> (the
        value LLM training recipes use) the twin run's longest step is {fmt(f.clipped.jump.length)}: it walks down the face
        in short steps, {f.clipped.left ? 'leaves' : 'never leaves'} the view and ends at loss {fmt(f.clipped.endLoss)}.
      </p>
      <p>
        Move the slider: the clip line moves, and the clipped run is recomputed. The plotted <M tex="\|g\|" plain="‖g‖" /> is the
        norm before clipping — what <code>clip_grad_norm_</code> returns and what you would log in training — so the spike
        stays visible even when clipping defuses it.
      </p>
      <ClipNormChart />
      <p>
        Landing on the face is luck. At <M tex={`\\alpha = ${NEARBY_LR}`} plain={`α = ${NEARBY_LR}`} /> the same start steps
        right over the strip: the largest <M tex="\|g\|" plain="‖g‖" /> it meets is {fmt(f.nearby.jump.gradNorm)} and its longest
        step {fmt(f.nearby.jump.length)}. That is why explosions look random in training logs, and why clipping is left on
        all the time rather than switched on after a spike.
      </p>
    </>
  );
}

const CHOICES = {
  thrown: 'yes: the cliff step still throws it out of the view',
  stays: `no: the cliff step is cut to at most α·${LOOSE} and the run stays in view`,
} as const;

export const lesson: Lesson = {
  slug: 'exploding-gradients-and-clipping',
  title: 'Exploding gradients and clipping',
  claim: 'One step on a cliff, where the gradient is huge, can throw the parameters far away; clipping the gradient norm caps every step at α·max-norm without changing its direction.',
  Body,
  experiments,
  question: {
    kind: 'choice',
    prompt: `Same cliff, same start, α = ${LR}, but a loose clip: max-norm ${LOOSE} instead of ${MAX_NORM}. Does the run still get thrown out of the view?`,
    options: [
      { value: 'thrown', label: CHOICES.thrown },
      { value: 'stays', label: CHOICES.stays },
    ],
    experiment: 'question',
    grade(answer) {
      const { raw, loose } = clipFacts();
      const truth = loose.left ? 'thrown' : 'stays';
      return {
        correct: answer === truth,
        truth: `The engine says ${truth === 'stays' ? 'it stays in view' : 'it is still thrown out of the view'}: its longest step is ${fmt(loose.jump.length)} (unclipped: ${fmt(raw.jump.length)}).`,
        explanation: `On the plateau ‖g‖ is below ${LOOSE}, so the loose clip never acts there and the run retraces the unclipped path until step ${loose.jump.step}, where it meets ‖g‖ = ${fmt(loose.jump.gradNorm)} on the face. Clipping scales that gradient down to norm ${LOOSE}: a step of α·${LOOSE} = ${fmt(LR * LOOSE)} in the same direction, landing at x = ${fmt(loose.jump.to[0])}. Even a loose threshold removes the explosion.`,
      };
    },
  },
  takeaway: 'Exploding gradients are rare, huge steps, not a wrong learning rate; clip the global gradient norm (max-norm 1.0 is the usual choice) and every step is bounded by α·max-norm while normal steps are left alone.',
  oneMinute: (
    <p>
      Exploding gradients happen when the loss surface has cliffs — narrow regions where the gradient is orders of
      magnitude larger than usual, as in RNNs and deep Transformers. One step there, α times a huge gradient, throws the
      weights far away and the loss spikes or goes NaN. Gradient-norm clipping (<code>clip_grad_norm_</code>) rescales the
      whole gradient to norm at most c when it is larger: the direction is kept, the step is bounded by αc, and ordinary
      steps are untouched. LLM recipes clip at 1.0, and you should log the pre-clip norm to see how often it fires.
    </p>
  ),
};
