import type { NoiseSpec, QuadraticSpec, RunSpec, Vec2 } from '../../engine';
import { FASTAI_FINDER, lrFind, suggest, sweepGamma } from '../../engine/analysis/finder';
import { firstPast, sharpLoss } from '../../engine/analysis/finder-sharp';
import { preset, specOf } from '../preset';

/** The figure's choices: λmax (2/λmax never lands on the sweep's grid of rates) and κ = λmax/λmin. */
export const LAMBDAS = [5, 25, 50, 250] as const;
export const KAPPAS = [1, 4, 30] as const;
export const LAMBDA = 25;
export const KAPPA = 4;
export const ANGLE = 0.5;
export const START: Vec2 = [-2, 1.5];
/** Mini-batch noise for the "noisy" variant: variance 1/16 per coordinate. */
export const NOISE: NoiseSpec = { batchSize: 16, std: 1 };
export const GAMMA = sweepGamma(FASTAI_FINDER);

export function bowl(lambdaMax: number, kappa: number): QuadraticSpec {
  return { kind: 'quadratic', eigenvalues: [lambdaMax / kappa, lambdaMax], angle: ANGLE, center: [0, 0] };
}

const sweepRun = (noisy: boolean) => ({
  optimizer: { kind: 'sgd' as const, lr: FASTAI_FINDER.startLr },
  schedule: { kind: 'exponential' as const, gamma: GAMMA },
  noise: noisy ? NOISE : null,
});

/** The sweep as a lab preset: plain SGD from 1e-7 with ExponentialLR(γ), 100 steps. */
export function sweepDoc(lambdaMax = LAMBDA, kappa = KAPPA, noisy = false) {
  return preset({ surface: bowl(lambdaMax, kappa), start: START, steps: FASTAI_FINDER.numIt, runs: [sweepRun(noisy)] });
}

/** The run spec the sweep figure analyses (the preset's run 1). */
export function sweepBase(lambdaMax = LAMBDA, kappa = KAPPA, noisy = false): RunSpec {
  return specOf(sweepDoc(lambdaMax, kappa, noisy));
}

/** Everything the lesson prints about one sweep, computed by the engine. */
export function finderFacts(lambdaMax = LAMBDA, kappa = KAPPA, noisy = false) {
  const base = sweepBase(lambdaMax, kappa, noisy);
  const q = base.surface as QuadraticSpec;
  const sweep = lrFind(base);
  const picks = suggest(sweep, FASTAI_FINDER.numIt)!;
  const sharp = sharpLoss(q, sweep.record);
  const boundary = 2 / lambdaMax;
  const last = sweep.lrs.length - 1;
  const past = firstPast(sweep.lrs, lambdaMax);
  let rawMin = 0;
  for (let i = 1; i <= last; i++) if (sweep.raw[i]! < sweep.raw[rawMin]!) rawMin = i;
  const stopLr = sweep.lrs[last]!;
  return {
    base, q, sweep, picks, sharp, boundary, past, rawMin,
    stop: { index: last, lr: stopLr, ratio: stopLr / boundary, reason: sweep.reason },
    /** Steps taken past 2/λmax before the stop, and what they did to the sharp error |e|. */
    stepsPast: past === null ? 0 : last - past,
    depth: past === null ? NaN : Math.sqrt(sharp[past]! / sharp[0]!),
    regrowth: past === null ? NaN : Math.sqrt(sharp[last]! / sharp[past]!),
    /** The share of the starting loss outside the sharp direction. */
    flatShare: 1 - sharp[0]! / sweep.record.loss[0]!,
  };
}

export type FinderFacts = ReturnType<typeof finderFacts>;

/** Constant-rate runs at the suggestions and at the rate where the finder stopped. */
export function suggestedDoc() {
  const f = finderFacts();
  return preset({
    surface: f.q, start: START, steps: 60,
    runs: [f.picks.minimum.lr, f.picks.steep.lr, f.stop.lr].map((lr) => ({ optimizer: { kind: 'sgd' as const, lr } })),
  });
}

/** The question's options: where the finder stops, relative to 2/λmax. */
export const STOP_CHOICES = {
  before: 'before 2/λmax: the loss rises as soon as α nears the boundary',
  near: 'between 2/λmax and 2 × 2/λmax: just past the boundary',
  far: 'more than twice 2/λmax',
} as const;

export function stopBand(ratio: number): keyof typeof STOP_CHOICES {
  return ratio < 1 ? 'before' : ratio <= 2 ? 'near' : 'far';
}
