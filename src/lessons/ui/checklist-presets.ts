import { classifyRun, createSurface, simulate, type CliffSpec, type RunSpec, type SimResult, type Vec2 } from '../../engine';
import { fmt } from '../../ui/format';
import { preset, specOf } from '../preset';
import { COSINE, PEAK_LR, VALLEY, VALLEY_STEPS, WARMUP_COSINE } from './warmup-presets';

/*
 * The checklist lesson's own presets. The AdamW and warmup experiments are the adam and warmup
 * lessons' presets, imported as they are; the clipping pair and the question's fixes live here.
 */

/** The cliff surface with its defaults: ½‖w‖² plus a step of height 10 at x = 1. */
export const CLIFF: CliffSpec = { kind: 'cliff', height: 10, steepness: 50, position: 1 };
export const CLIFF_START: Vec2 = [2.5, 0.5];
/** A plain-SGD α at which one unclipped step lands on the steep part of the face. */
export const CLIFF_LR = 0.07;
export const CLIP_NORM = 1;
export const CLIFF_STEPS = 200;

/** Run 1 clipped at ‖g‖ ≤ 1, run 2 its unclipped twin: same surface, start, α and steps. */
export const CLIFF_PAIR = preset({
  surface: CLIFF, start: CLIFF_START, steps: CLIFF_STEPS,
  view: { box: { xMin: -7, xMax: 4, yMin: -4, yMax: 4 }, speed: 10 },
  runs: [{ optimizer: { kind: 'sgd', lr: CLIFF_LR }, clip: { maxNorm: CLIP_NORM } }, { optimizer: { kind: 'sgd', lr: CLIFF_LR } }],
});

/** The longest single step ‖wₖ − wₖ₋₁‖ of a run, the step it happened at and the smallest x reached. */
export function stepStats(r: SimResult): { maxStep: number; at: number; minX: number } {
  let maxStep = 0, at = 0, minX = r.w[0]!;
  for (let k = 1; k < r.length; k++) {
    const s = Math.hypot(r.w[2 * k]! - r.w[2 * k - 2]!, r.w[2 * k + 1]! - r.w[2 * k - 1]!);
    if (s > maxStep) { maxStep = s; at = k; }
    minX = Math.min(minX, r.w[2 * k]!);
  }
  return { maxStep, at, minX };
}

/** The clipped and unclipped cliff runs with their step statistics, computed now by the engine. */
export function cliffData() {
  const clipped = simulate(specOf(CLIFF_PAIR, 0));
  const raw = simulate(specOf(CLIFF_PAIR, 1));
  return { clipped, raw, clippedStats: stepStats(clipped), rawStats: stepStats(raw) };
}

/* ---- the question: a cold start that blows up, and the fixes one could try ---- */

export type Fix = 'clip' | 'warmup' | 'tenth' | 'mild' | 'decay';
/** The weight decay of the 'decay' option (SGD's L2 term). */
export const FIX_DECAY = 0.1;
/** The mild cut of the 'mild' option. */
export const MILD_CUT = 1.5;

const cold = specOf(WARMUP_COSINE, 1);
const withLr = (lr: number) => ({ optimizer: { kind: 'sgd' as const, lr } });


export const FIXES: { value: Fix; label: string }[] = [
  { value: 'clip', label: `Clip the gradient norm at ${CLIP_NORM}, keep α = ${PEAK_LR} from step 0` },
  { value: 'warmup', label: `Warm up linearly over ${COSINE.warmupSteps} steps (${fmt((100 * COSINE.warmupSteps) / VALLEY_STEPS, 2)} % of the run), then cosine decay` },
  { value: 'tenth', label: `Lower α 10× (to ${PEAK_LR / 10}), no warmup` },
  { value: 'mild', label: `Lower α ${MILD_CUT}× (to ${fmt(PEAK_LR / MILD_CUT)}), no warmup` },
  { value: 'decay', label: `Add weight decay ${FIX_DECAY}, keep α = ${PEAK_LR}` },
];

/** Run 1 the failing cold start; runs 2–6 the four fixes, in the order of FIXES. */
export const QUESTION_DOC = preset({
  surface: VALLEY, start: cold.start, steps: VALLEY_STEPS,
  view: { box: { xMin: -2.5, xMax: 2, yMin: -1.5, yMax: 3 }, speed: 60 },
  runs: [
    withLr(PEAK_LR),
    { ...withLr(PEAK_LR), clip: { maxNorm: CLIP_NORM } },
    { ...withLr(PEAK_LR), schedule: COSINE },
    withLr(PEAK_LR / 10),
    withLr(PEAK_LR / MILD_CUT),
    { optimizer: { kind: 'sgd', lr: PEAK_LR, weightDecay: FIX_DECAY } },
  ],
});

export interface Outcome { spec: RunSpec; r: SimResult; survives: boolean; endLoss: number }

function outcome(spec: RunSpec): Outcome {
  const r = simulate(spec);
  const survives = r.nonFinite === null && classifyRun(createSurface(spec.surface), r) !== 'diverging';
  return { spec, r, survives, endLoss: r.loss[r.length - 1]! };
}

/** What the engine says the cold start and each fix do. */
export function questionData() {
  const base = outcome(specOf(QUESTION_DOC, 0));
  const fixes = Object.fromEntries(FIXES.map((f, i) => [f.value, outcome(specOf(QUESTION_DOC, i + 1))])) as Record<Fix, Outcome>;
  return { base, fixes };
}
