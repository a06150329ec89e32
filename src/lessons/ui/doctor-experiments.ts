import { LOSS_SCALE_DEFAULTS, type QuadraticSpec } from '../../engine';
import { CAUSES, type Cause } from '../../engine/analysis/doctor';
import { preset } from '../preset';
import type { Experiment } from '../types';
import { SIDE_BY_SIDE as CLIP_SIDE_BY_SIDE } from './clip-presets';
import { caseDoc, FINDER_BOWL, FINDER_GAMMA, FINDER_START_LR, LR_FINDER, QUESTION, showcase } from './doctor-presets';

/**
 * FP16 underflow: f = ½·10⁻⁶‖w‖² from (0.02, 0.01) has gradients near 2·10⁻⁸, under half of FP16's
 * smallest subnormal (2⁻²⁴ ≈ 6·10⁻⁸), so they round to 0 and the run cannot move; GradScaler's
 * 2¹⁶ loss scale lifts them into range (the same setting as tests/engine/extras.test.ts).
 */
export const TINY: QuadraticSpec = { kind: 'quadratic', eigenvalues: [1e-6, 1e-6], angle: 0, center: [0, 0] };
export const UNDERFLOW = preset({
  surface: TINY, start: [0.02, 0.01], steps: 50, view: { box: { xMin: -0.03, xMax: 0.03, yMin: -0.03, yMax: 0.03 } },
  runs: [
    { optimizer: { kind: 'sgd', lr: 1e4 }, precision: { params: 'fp32', compute: 'fp16', lossScale: null } },
    { optimizer: { kind: 'sgd', lr: 1e4 }, precision: { params: 'fp32', compute: 'fp16', lossScale: { ...LOSS_SCALE_DEFAULTS } } },
  ],
});

const caseExperiment = (cause: Cause): Experiment => {
  const c = showcase(cause);
  const label = CAUSES.find((x) => x.cause === cause)!.label;
  return { id: `case-${cause}`, label: `${label} (run 1) and the fix, ${c.fixLabel} (run 2)`, doc: () => caseDoc(c) };
};

export const experiments: Experiment[] = [
  { id: 'lr-finder', label: `LR finder: α from ${FINDER_START_LR} growing ×${FINDER_GAMMA.toFixed(3)} per step (×10 every 30) on a noisy bowl with 2/λmax = ${2 / Math.max(...FINDER_BOWL.eigenvalues)}`, doc: () => LR_FINDER },
  ...CAUSES.map((c) => caseExperiment(c.cause)),
  { id: 'clip', label: 'exploding gradient on a cliff: unclipped (run 1) vs clipped at max-norm 1 (run 2)', doc: () => CLIP_SIDE_BY_SIDE },
  { id: 'fp16-underflow', label: 'FP16 gradients underflow to 0 (run 1) vs GradScaler’s loss scale 2¹⁶ (run 2)', doc: () => UNDERFLOW },
  { id: 'question', label: 'the FP16 case (run 1) and the same run computed in BF16 (run 2)', doc: () => QUESTION },
];

export const experimentById = (id: string): Experiment => {
  const e = experiments.find((x) => x.id === id);
  if (!e) throw new Error(`no experiment ${id}`);
  return e;
};
