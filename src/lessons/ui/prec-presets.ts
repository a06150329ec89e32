import type { PrecisionSpec, QuadraticSpec, RunSpec, Vec2 } from '../../engine';
import { preset, specOf } from '../preset';

/*
 * The precision lesson's experiments. Every number the lesson prints about them is computed from
 * these specs by the engine at render time (prec-facts.ts).
 */

/** Mixed precision without loss scaling: FP32 weights, the loss and gradients computed in FP16 / BF16. */
export const FP16_MIXED: PrecisionSpec = { params: 'fp32', compute: 'fp16', lossScale: null };
export const BF16_MIXED: PrecisionSpec = { params: 'fp32', compute: 'bf16', lossScale: null };
/** torch.cuda.amp.GradScaler's defaults: init 2¹⁶, ×2 after 2000 clean steps, ×0.5 on overflow. */
export const GRAD_SCALER = { init: 2 ** 16, growthFactor: 2, backoffFactor: 0.5, growthInterval: 2000 };

/* ---- 1. Overflow: a bad batch whose gradient is 100× the usual one ---- */

export const SPIKE_BOWL: QuadraticSpec = { kind: 'quadratic', eigenvalues: [400, 1000], angle: 0.5, center: [0, 0] };
export const SPIKE_START: Vec2 = [2, 2];
export const SPIKE_LR = 1e-4;
export const BAD_STEP = 10;
export const BAD_SCALE = 100;
export const SPIKE_STEPS = 150;

const spikeRun = (precision: PrecisionSpec | null) => ({
  optimizer: { kind: 'sgd' as const, lr: SPIKE_LR },
  badBatch: { step: BAD_STEP, kind: 'outlier' as const, scale: BAD_SCALE },
  precision,
});

/** Run 1 FP16, run 2 BF16, run 3 float64: the same bad batch at step 10. */
export const OVERFLOW = preset({
  surface: SPIKE_BOWL, start: SPIKE_START, steps: SPIKE_STEPS,
  view: { box: { xMin: -9, xMax: 4, yMin: -9, yMax: 4 }, speed: 10 },
  runs: [spikeRun(FP16_MIXED), spikeRun(BF16_MIXED), spikeRun(null)],
});

/* ---- 2. Underflow: gradients below FP16's smallest subnormal, and loss scaling ---- */

/** f = ½·10⁻⁶·‖w‖²: gradients of order 10⁻⁷, as deep in a large network; α = 10⁴ makes αλ = 0.01. */
export const TINY_BOWL: QuadraticSpec = { kind: 'quadratic', eigenvalues: [1e-6, 1e-6], angle: 0, center: [0, 0] };
export const TINY_START: Vec2 = [0.2, 0.1];
export const TINY_LR = 1e4;
export const TINY_STEPS = 500;

/** Run 1 FP16 unscaled, run 2 FP16 with GradScaler's defaults, run 3 BF16 unscaled. */
export const UNDERFLOW = preset({
  surface: TINY_BOWL, start: TINY_START, steps: TINY_STEPS,
  view: { box: { xMin: -0.05, xMax: 0.25, yMin: -0.1, yMax: 0.2 }, speed: 60 },
  runs: [
    { optimizer: { kind: 'sgd', lr: TINY_LR }, precision: FP16_MIXED },
    { optimizer: { kind: 'sgd', lr: TINY_LR }, precision: { ...FP16_MIXED, lossScale: GRAD_SCALER } },
    { optimizer: { kind: 'sgd', lr: TINY_LR }, precision: BF16_MIXED },
  ],
});

/* ---- 3. Dynamic loss scaling on a noisy run ---- */

/** The demo's growth interval: GradScaler's default is 2000, far longer than a 400-step demo. */
export const DEMO_INTERVAL = 25;
export const SCALER_STEPS = 400;

export const SCALER = preset({
  surface: { kind: 'quadratic', eigenvalues: [1, 4], angle: 0.3, center: [0, 0] }, start: [2, 1], steps: SCALER_STEPS,
  view: { speed: 30 },
  runs: [{
    optimizer: { kind: 'sgd', lr: 0.05 }, noise: { batchSize: 1, std: 1 }, seed: 0,
    precision: { ...FP16_MIXED, lossScale: { ...GRAD_SCALER, growthInterval: DEMO_INTERVAL } },
  }],
});

/* ---- 4. Stagnation: updates smaller than half an ulp of the weight ---- */

export const STALL_LR = 0.01;
export const STALL_STEPS = 1500;
/** The prose's minimum, and the question's (twice as far from the start). */
export const STALL_CENTER = 3;
export const QUESTION_CENTER = 6;

export const PURE_BF16: PrecisionSpec = { params: 'bf16', compute: 'bf16', lossScale: null };
export const PURE_FP32: PrecisionSpec = { params: 'fp32', compute: 'fp32', lossScale: null };

export const stallBowl = (c: number): QuadraticSpec => ({ kind: 'quadratic', eigenvalues: [1, 1], angle: 0, center: [c, c] });

/** Run 1 pure BF16, run 2 FP32 master weights with BF16 compute, run 3 pure FP32. */
export function stallDoc(c: number) {
  return preset({
    surface: stallBowl(c), start: [0, 0], steps: STALL_STEPS,
    view: { box: { xMin: -0.5, xMax: c + 0.5, yMin: -0.5, yMax: c + 0.5 }, speed: 60 },
    runs: [PURE_BF16, BF16_MIXED, PURE_FP32].map((precision) => ({ optimizer: { kind: 'sgd' as const, lr: STALL_LR }, precision })),
  });
}
export const STALL = stallDoc(STALL_CENTER);
export const QUESTION = stallDoc(QUESTION_CENTER);

/** Run i's spec of a preset (a shorthand for the figures). */
export const runOf = (doc: ReturnType<typeof preset>, i: number): RunSpec => specOf(doc, i);
