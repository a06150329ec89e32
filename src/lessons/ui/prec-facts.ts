import { EVENT, FORMATS, simulate, type SimResult } from '../../engine';
import { chainRun, summarize } from '../../engine/analysis/prec-chain';
import { store, ulp } from '../../engine/analysis/prec-formats';
import { stallDistance, stallOf, stallThreshold } from '../../engine/analysis/prec-stall';
import { specOf } from '../preset';
import {
  BAD_SCALE, BAD_STEP, OVERFLOW, SCALER, STALL, STALL_CENTER, STALL_LR, TINY_BOWL, TINY_START, UNDERFLOW, stallDoc,
} from './prec-presets';

/*
 * Everything the precision lesson prints about its experiments, computed by the engine from the
 * presets when called (the figures call these inside useMemo).
 */

const last = (r: SimResult, i: number) => r.w[r.dim * (r.length - 1) + i]!;

/** The bad-batch runs: FP16 overflows and stops, BF16 and float64 spike and recover. */
export function overflowFacts() {
  const [fp16, bf16, f64] = [0, 1, 2].map((i) => simulate(specOf(OVERFLOW, i))) as [SimResult, SimResult, SimResult];
  const chain = chainRun(specOf(OVERFLOW, 0), BAD_STEP + 4);
  const bfChain = chainRun(specOf(OVERFLOW, 1), BAD_STEP);
  let peak = 0, peakStep = 0;
  for (let k = 0; k < bf16.length; k++) if (bf16.loss[k]! > peak) { peak = bf16.loss[k]!; peakStep = k; }
  // The first step after the spike at which BF16's loss is back below its value just before the bad batch.
  let recovered = -1;
  for (let k = BAD_STEP + 1; k < bf16.length; k++) if (bf16.loss[k]! < bf16.loss[BAD_STEP]!) { recovered = k; break; }
  return {
    fp16, bf16, f64, chain, summary: summarize(chain),
    /** The gradient the bad batch delivers at its step, before rounding (float64) and as FP16 / BF16 store it. */
    rawBad: f64.gradNorm[BAD_STEP]!,
    usual: f64.gradNorm[BAD_STEP]! / BAD_SCALE,
    fp16Bad: chain[BAD_STEP]!.grad,
    bf16Bad: bfChain[BAD_STEP]!.grad,
    peak, peakStep, recovered,
    bf16End: bf16.loss[bf16.length - 1]!,
    f64End: f64.loss[f64.length - 1]!,
  };
}

/** The tiny-gradient runs: FP16 flushes the gradient to zero and stops; loss scaling rescues it. */
export function underflowFacts() {
  const [fp16, scaled, bf16] = [0, 1, 2].map((i) => simulate(specOf(UNDERFLOW, i))) as [SimResult, SimResult, SimResult];
  const lambda = TINY_BOWL.eigenvalues[0];
  const flush = FORMATS.fp16.minSubnormal / 2;
  const g0 = lambda * TINY_START[0];
  return {
    fp16, scaled, bf16, lambda,
    /** Half the smallest FP16 subnormal: a gradient at or below it rounds to 0. */
    flush,
    /** The distance |x − c| below which FP16's unscaled gradient λ·|x| is flushed: 2⁻²⁵/λ. */
    flushDistance: flush / lambda,
    stall: stallOf(fp16, 0),
    g0, g0fp16: store('fp16', g0),
    trueLoss0: 0.5 * lambda * (TINY_START[0] ** 2 + TINY_START[1] ** 2),
    fp16Loss0: fp16.loss[0]!,
    scaledEnd: last(scaled, 0), bf16End: last(bf16, 0), fp16End: last(fp16, 0),
    scale: scaled.lossScale ? scaled.lossScale[scaled.length - 1]! : NaN,
    scaledOverflows: scaled.events ? scaled.events.filter((e) => (e & EVENT.overflow) !== 0).length : 0,
  };
}

/** The noisy FP16 run under GradScaler: the scale's staircase and the steps it skipped. */
export function scalerFacts() {
  const r = simulate(specOf(SCALER, 0));
  const scale = Array.from(r.lossScale!);
  const skipped: number[] = [];
  for (let k = 0; k < r.length; k++) if ((r.events![k]! & EVENT.skipped) !== 0) skipped.push(k);
  const log2 = scale.map(Math.log2);
  return { r, scale, log2, skipped, min: Math.min(...log2), max: Math.max(...log2), steps: r.length - 1 };
}

/** The stagnation runs for minimum c: pure BF16, FP32 master weights (BF16 compute), pure FP32. */
export function stallFacts(c = STALL_CENTER) {
  const d = c === STALL_CENTER ? STALL : stallDoc(c);
  const [bf16, master, fp32] = [0, 1, 2].map((i) => simulate(specOf(d, i))) as [SimResult, SimResult, SimResult];
  const threshold = stallThreshold('bf16', STALL_LR, 1, c, 0);
  return {
    c, bf16, master, fp32,
    stall: stallOf(bf16, 0),
    masterEnd: c - last(master, 0),
    fp32End: c - last(fp32, 0),
    /** Predicted: the stall set starts at c − ulp(w)/(2αλ), with ulp taken in the binade where w stops. */
    threshold, predicted: c - threshold,
    ulpAtStop: ulp('bf16', threshold),
    distance: c - stallOf(bf16, 0).value,
    fp32Predicted: stallDistance('fp32', STALL_LR, 1, c),
  };
}
