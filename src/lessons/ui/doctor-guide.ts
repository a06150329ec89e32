import type { Symptom } from '../../engine/analysis/doctor';

/*
 * The course notes' debugging workflow as data: for each symptom, the three checks in the notes'
 * order — the learning rate first, then the gradient norms, then the loss values — with what to look
 * for, what it means for this symptom, and the experiment that shows it in the lab.
 */

export type Check = 'lr' | 'grad' | 'loss';

export const CHECK_TITLES: Record<Check, string> = {
  lr: 'Check the learning rate',
  grad: 'Check the gradient norms',
  loss: 'Check the loss values',
};

export interface Step {
  check: Check;
  /** What to look at and what it tells you for this symptom. */
  look: string;
  /** What to do about it. */
  fix: string;
  /** The experiment that shows it. */
  experiment: string;
}

export interface SymptomGuide {
  symptom: Exclude<Symptom, 'healthy'>;
  name: string;
  /** How it looks on the loss curve. */
  looks: string;
  steps: [Step, Step, Step];
}

export const SYMPTOM_WORDS: Record<Symptom, string> = {
  blowup: 'blows up: the loss climbs by orders of magnitude, to ∞',
  nan: 'NaN or ∞ out of a curve that looked fine',
  spike: 'one sudden spike, then recovery',
  zigzag: 'zig-zags without making progress',
  slow: 'falls, then crawls',
  flatline: 'flatlines: barely moves',
  healthy: 'healthy: falls by a factor of a thousand or more',
};

export const GUIDE: SymptomGuide[] = [
  {
    symptom: 'blowup', name: 'Blow-up', looks: 'The loss climbs, step after step, by orders of magnitude, and often ends in ∞ or NaN.',
    steps: [
      { check: 'lr', look: 'Run an LR finder: sweep α upward from a tiny value over a short run. The loss falls, then turns up where α crosses the stability limit 2/λmax. If your α sits past the turn, it is the cause.', fix: 'Lower α well below the turn (a tenth of where the loss is lowest is a common pick).', experiment: 'lr-finder' },
      { check: 'lr', look: 'If the blow-up comes in the first few steps, and the same α trains fine once the model has moved, the start is steeper than the rest of the path.', fix: 'Warm up: ramp α linearly over the first steps.', experiment: 'case-no-warmup' },
      { check: 'grad', look: 'Plot ‖g‖ (what clip_grad_norm_ returns). A norm that jumps by orders of magnitude before the loss does is an exploding gradient, not a wrong α.', fix: 'Clip the global gradient norm (max-norm 1.0).', experiment: 'clip' },
    ],
  },
  {
    symptom: 'zigzag', name: 'Zig-zag', looks: 'The loss bounces up and down at a level it does not leave: bounded, but stuck.',
    steps: [
      { check: 'lr', look: 'α a little above the limit where the run is trying to settle: it can approach, but not enter, the sharp part of the valley. An LR finder shows the turn just below your α.', fix: 'Lower α below the limit there.', experiment: 'case-lr-bit-high' },
      { check: 'grad', look: '‖g‖ bounces with the loss but does not explode, so clipping is not the cure. A long narrow valley makes plain SGD bounce across it.', fix: 'Add momentum (or use Adam) to damp the bouncing and keep the pace along the valley.', experiment: 'case-lr-bit-high' },
      { check: 'loss', look: 'With small mini-batches the loss also bounces at a noise floor that grows with α and shrinks with the batch size.', fix: 'Decay α (a cosine schedule) or use larger batches.', experiment: 'case-lr-bit-high' },
    ],
  },
  {
    symptom: 'spike', name: 'Spike', looks: 'A sudden jump at one step, after which the loss comes back down.',
    steps: [
      { check: 'lr', look: 'Before and after the spike the loss falls normally, so α is not the problem: a too-high α never lets it come back.', fix: 'Leave α alone.', experiment: 'case-bad-batch' },
      { check: 'grad', look: '‖g‖ spikes at the same step by a large factor over its running average: one batch produced a huge gradient.', fix: 'Skip the update when ‖g‖ > 10× its running average; clipping also bounds the damage.', experiment: 'case-bad-batch' },
      { check: 'loss', look: 'Look up the batch at that step: garbage text, a mislabelled or out-of-range record.', fix: 'Filter such data out of the set.', experiment: 'case-bad-batch' },
    ],
  },
  {
    symptom: 'nan', name: 'NaN', looks: 'The loss was falling, then NaN or ∞ — with no climb before it.',
    steps: [
      { check: 'lr', look: 'Did the loss climb before it went NaN? Then it is a blow-up and α is the first suspect — like this run without warmup, which climbs for a few steps, then overflows. A NaN with no climb before it is not α’s doing.', fix: 'If it climbed: lower α or warm up. If not: go on to the next checks.', experiment: 'case-no-warmup' },
      { check: 'grad', look: '‖g‖ at the last step is ∞ or NaN while it was ordinary just before: the non-finite value came in through the gradient, at one step.', fix: 'Find what was different at that step.', experiment: 'case-nan-batch' },
      { check: 'loss', look: 'Loss or gradient values in the tens of thousands, near FP16’s 65504: an FP16 overflow. Ordinary values: a NaN or Inf in the data (preprocessing, a division by zero).', fix: 'FP16 overflow: BF16, or dynamic loss scaling. Bad data: skip non-finite batches (torch.isfinite) and fix the pipeline.', experiment: 'case-fp16-overflow' },
    ],
  },
  {
    symptom: 'flatline', name: 'Flatline', looks: 'The loss barely moves from its first value.',
    steps: [
      { check: 'lr', look: 'An LR finder shows the loss falling much faster at larger α: yours is far below the turn.', fix: 'Raise α (towards a tenth of the finder’s minimum, or 1/λmax on a bowl).', experiment: 'case-lr-too-low' },
      { check: 'grad', look: '‖g‖ tiny, or exactly 0: in FP16, gradients under 2⁻²⁵ round to zero and nothing moves.', fix: 'Scale the loss (GradScaler) so small gradients survive the format.', experiment: 'fp16-underflow' },
      { check: 'loss', look: 'A loss that is exactly constant can also be a bug: the loss detached from the parameters, or computed on the wrong tensor.', fix: 'Check that the parameters change at all after a step.', experiment: 'case-lr-too-low' },
    ],
  },
  {
    symptom: 'slow', name: 'Slow', looks: 'The loss drops quickly at first, then creeps down far slower than it should.',
    steps: [
      { check: 'lr', look: 'α is already near the limit set by the steepest direction: the LR finder’s turn is just above it, so you cannot simply raise it.', fix: 'Keep α; the cause is the shape of the surface.', experiment: 'case-ill-conditioned' },
      { check: 'grad', look: '‖g‖ is small and shrinks slowly, with no explosions: a long, narrow valley (ill-conditioning) where the flat direction barely moves.', fix: 'Add momentum 0.9 (heavy ball): about 10× the pace along the valley.', experiment: 'case-ill-conditioned' },
      { check: 'loss', look: 'In a network, badly scaled inputs make the valley narrow in the first place.', fix: 'Normalise inputs and activations; or use Adam, which rescales each direction.', experiment: 'case-ill-conditioned' },
    ],
  },
];
