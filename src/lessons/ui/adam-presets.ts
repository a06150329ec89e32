import { BOWL, BOWL_START, DECAY, ROTATION, rotatedStart, rotatedValley } from '../../engine/analysis/adam-sweeps';
import { gdOptimal } from '../../engine';
import { fmtPlain } from '../../ui/format';
import { preset } from '../preset';
import type { Experiment } from '../types';

/** The first-step experiment: Adam and GD at the same α from the same start. */
export const FIRST_LR = 0.1;
/** The question's α: 2.5 × 2/λmax on the bowl. */
export const QUESTION_LR = 0.5;

const adam = (lr: number, weightDecay = 0) => ({ optimizer: { kind: 'adam' as const, lr, weightDecay } });
const sgd = (lr: number, weightDecay = 0) => ({ optimizer: { kind: 'sgd' as const, lr, weightDecay } });

export const FIRST_DOC = preset({ surface: BOWL, start: BOWL_START, steps: 80, runs: [adam(FIRST_LR), sgd(FIRST_LR)], view: { speed: 10 } });

const GD_STAR = gdOptimal(1, ROTATION.kappa).lr;
const valleyDoc = (deg: number) => preset({
  surface: rotatedValley(deg), start: rotatedStart(deg), steps: 2000, view: { speed: 240 },
  runs: [adam(ROTATION.lr), sgd(GD_STAR)],
});
export const ALIGNED_DOC = valleyDoc(0);
export const ROTATED_DOC = valleyDoc(45);

export const QUESTION_DOC = preset({
  surface: BOWL, start: BOWL_START, steps: 1000, view: { speed: 60 },
  runs: [adam(QUESTION_LR), sgd(QUESTION_LR)],
});

export const DECAY_DOC = preset({
  surface: DECAY.surface, start: DECAY.start, steps: DECAY.steps, view: { speed: 240 },
  runs: [adam(DECAY.lr, DECAY.wd), { optimizer: { kind: 'adamw' as const, lr: DECAY.lr, weightDecay: DECAY.wd } }, sgd(DECAY.gdLr, DECAY.wd)],
});

export const experiments: Experiment[] = [
  { id: 'first', label: `first steps: Adam and GD, both at α = ${FIRST_LR}`, doc: () => FIRST_DOC },
  { id: 'aligned', label: `κ = ${ROTATION.kappa} valley along the axes: Adam (α = ${ROTATION.lr}) against GD at α* = ${fmtPlain(GD_STAR, 3)}`, doc: () => ALIGNED_DOC },
  { id: 'rotated', label: `the same valley turned 45°: Adam against GD at α*`, doc: () => ROTATED_DOC },
  { id: 'question', label: `α = ${QUESTION_LR} on the bowl: Adam and GD side by side`, doc: () => QUESTION_DOC },
  { id: 'decay', label: `weight decay ${DECAY.wd}: Adam with L2, AdamW, and GD with L2`, doc: () => DECAY_DOC },
];
