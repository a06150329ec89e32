import { GUARD_DEFAULTS } from '../spec/defaults';
import type { RosenbrockSpec, RunSpec, Vec2 } from '../spec/types';
import { createSurface } from '../surfaces';
import type { Symptom } from './doctor-diagnose';
import { ceilSig, Draw, drawBowl, gdAfter, num, plainRun, round2, sgd, sig } from './doctor-draw';
import { curvatureAt } from './report';

/*
 * The training doctor's causes. Each draws its settings from ranges where the cause reliably shows
 * its symptom (tests/lessons/the-debugging-workflow.test.ts checks it over a thousand seeds with the
 * classifier in doctor-diagnose.ts) and names a fix that removes it. Where a range needs the run's
 * size at a given step, it comes from GD's closed form on the bowl, (1 − αλᵢ)^k per eigendirection.
 */

export type Cause = 'lr-too-high' | 'lr-bit-high' | 'bad-batch' | 'nan-batch' | 'fp16-overflow' | 'no-warmup' | 'ill-conditioned' | 'lr-too-low';

export interface Drawn {
  spec: RunSpec;
  symptom: Symptom;
  explanation: string;
  fix: RunSpec;
  fixLabel: string;
}

/** FP16's largest finite value. */
export const FP16_MAX = 65504;

/** α far above 2/λmax: the steep direction's error is multiplied by |1 − αλmax| > 1 every step. */
export function lrTooHigh(d: Draw): Drawn {
  const b = drawBowl(d, d.logBetween(2, 20), d.logBetween(1.5, 10), d.between(0.1, 0.8), d.between(1.5, 2.8));
  const limit = 2 / b.lambdaMax;
  const lr = sig(d.between(1.15, 2) * limit);
  const spec = plainRun(b.surface, b.start, d.int(80, 200), lr);
  const fixLr = sig(1 / b.lambdaMax);
  const grow = (lr * b.lambdaMax - 1) ** 2;
  return {
    spec, symptom: 'blowup', fix: { ...spec, optimizer: sgd(fixLr) }, fixLabel: `α = ${num(fixLr)} = 1/λmax (half the limit)`,
    explanation: `α = ${num(lr)} is ${num(lr / limit, 2)}× the stability limit 2/λmax = ${num(limit)} (λmax = ${num(b.lambdaMax)}). Along the steepest direction every step multiplies the error by 1 − αλmax = ${num(1 - lr * b.lambdaMax)}, so the loss soon grows about ${num(grow, 2)}× per step, for as long as the run lasts: a straight line up on a log axis. Lower α below the limit: ${num(fixLr)} = 1/λmax converges.`,
  };
}

/** α a little above the limit at the minimum of a curved valley: the run arrives, then bounces. */
export function lrBitHigh(d: Draw): Drawn {
  const surface: RosenbrockSpec = { kind: 'rosenbrock', a: 1, b: d.int(60, 150) };
  const lambda = curvatureAt(createSurface(surface), 1, 1).lambdaMax;
  const limit = 2 / lambda;
  const lr = sig(d.between(1.7, 2.1) * limit);
  const start: Vec2 = [round2(d.between(-0.3, 0.3)), round2(d.between(-0.2, 0.2))];
  const spec = plainRun(surface, start, 1500, lr);
  const fixLr = sig(1 / lambda);
  return {
    spec, symptom: 'zigzag', fix: { ...spec, optimizer: sgd(fixLr, 0.9) }, fixLabel: `α = ${num(fixLr)} (half the limit at the minimum) with momentum 0.9`,
    explanation: `A curved valley (Rosenbrock, b = ${surface.b}) whose floor gets sharper towards the minimum: there λmax = ${num(lambda)}, so the limit is 2/λmax = ${num(limit)}, and α = ${num(lr)} is ${num(lr / limit, 2)}× that. Early on the valley is flatter and the run makes progress; once it reaches the part of the valley where λmax ≈ 2/α it cannot go further down, and it bounces from wall to wall: the loss zig-zags at a level it never leaves, bounded but stuck. Lower α below the limit (${num(fixLr)}, half of it) — alone that leaves a slow crawl along the valley, so add momentum 0.9 to keep the pace.`,
  };
}

/**
 * A healthy bowl run whose loss falls gently: the flat direction keeps 1 − αλmin = 0.97–0.99 of its
 * error per step, so a one-step event stands out against the steps before it, and the skip rule's
 * running average of ‖g‖ (β = 0.9) stays within about 1.4× the current norm.
 */
function gentleBowl(d: Draw) {
  const kappa = d.logBetween(2, 8);
  const b = drawBowl(d, d.logBetween(1, 20), kappa, d.between(0.2, 0.8), d.between(1.5, 2.8));
  const lr = sig(d.between(0.01, 0.03) / b.lambdaMin);
  // Enough steps for the flat direction's loss to fall 10⁵-fold: (1 − αλmin)^(2N) ≤ 1e-5.
  const steps = Math.ceil(Math.log(1e-5) / (2 * Math.log(1 - lr * b.lambdaMin)));
  return { b, lr, steps };
}

/** One mini-batch's gradient is c times the true one: the loss jumps, then the run recovers. */
export function badBatch(d: Draw): Drawn {
  const { b, lr, steps } = gentleBowl(d);
  const s = d.int(Math.round(0.25 * steps), Math.round(0.5 * steps));
  // The smallest c (in ×1.25 steps) whose jump lands 100× above the last ten losses, then ×1–3…
  const before = gdAfter(b.surface, b.start, lr, s - 9).loss;
  const at = gdAfter(b.surface, b.start, lr, s).e;
  const [l1, l2] = b.surface.eigenvalues;
  const after = (c: number) => 0.5 * (l1 * ((1 - lr * c * l1) * at[0]) ** 2 + l2 * ((1 - lr * c * l2) * at[1]) ** 2);
  // …and at least 15× the skip rule's running average of ‖g‖ over ‖g_s‖, so the rule catches it.
  const norm = (k: number) => Math.hypot(...gdAfter(b.surface, b.start, lr, k).grad);
  let avg = norm(0);
  for (let k = 1; k < s; k++) avg = GUARD_DEFAULTS.beta * avg + (1 - GUARD_DEFAULTS.beta) * norm(k);
  let c = Math.max(10, (15 * avg) / norm(s));
  while (after(c) < 100 * before) c *= 1.25;
  c = ceilSig(c * d.between(1, 3));
  const spec: RunSpec = { ...plainRun(b.surface, b.start, steps, lr), badBatch: { step: s, kind: 'outlier', scale: c } };
  return {
    spec, symptom: 'spike', fix: { ...spec, guard: { skipFactor: GUARD_DEFAULTS.skipFactor, beta: GUARD_DEFAULTS.beta, skipNonFinite: false } },
    fixLabel: 'the skip-batch rule: skip the update when ‖g‖ > 10× its running average',
    explanation: `The mini-batch at step ${s} was bad (mislabelled or garbage data): its gradient was ${num(c)}× the true one. α = ${num(lr)} is a sensible rate here (${num(lr * b.lambdaMax / 2, 2)}× the limit 2/λmax), but α·${num(c)}·‖g‖ is one enormous step: it throws the weights far up the bowl and the loss jumps, then the run walks back down. The gradient-norm curve shows the same one-step spike. Skip the update when ‖g‖ exceeds 10× its running average (and filter such data out).`,
  };
}

/** A batch holding a NaN or an Inf: its gradient is non-finite and one update poisons every weight. */
export function nanBatch(d: Draw): Drawn {
  const { b, lr, steps } = gentleBowl(d);
  const s = d.int(Math.round(0.2 * steps), Math.round(0.8 * steps));
  const kind = d.pick(['nan', 'inf'] as const);
  const spec: RunSpec = { ...plainRun(b.surface, b.start, steps, lr), badBatch: { step: s, kind, scale: 100 } };
  return {
    spec, symptom: 'nan', fix: { ...spec, guard: { skipFactor: 0, beta: GUARD_DEFAULTS.beta, skipNonFinite: true } },
    fixLabel: 'skip a batch whose loss or gradient is not finite (torch.isfinite)',
    explanation: `The batch at step ${s} held ${kind === 'nan' ? 'a NaN' : 'an Inf'} (a corrupt record, a division by zero in preprocessing), so its gradient is ${kind === 'nan' ? 'NaN' : '∞'}. Nothing warned of it: α = ${num(lr)} is well inside the limit and the loss was falling smoothly, with ordinary values. One update makes every weight non-finite and the run is dead from then on. Check each batch with torch.isfinite and skip it — and find the record in the data pipeline.`,
  };
}

/** Values near FP16's range: a batch whose gradient is a few times larger overflows to ∞. */
export function fp16Overflow(d: Draw): Drawn {
  for (;;) {
    const lambdaMax = d.logBetween(4000, 16000);
    const b = drawBowl(d, lambdaMax, d.logBetween(1.5, 4), d.between(0.3, 0.7), 1);
    // Rescale the start so the first loss is 5000–20000 (and re-round it).
    const want = d.logBetween(5000, 20000);
    const now = gdAfter(b.surface, b.start, 0, 0).loss;
    const k = Math.sqrt(want / now);
    const start: Vec2 = [round2(b.surface.center[0] + k * (b.start[0] - b.surface.center[0])), round2(b.surface.center[1] + k * (b.start[1] - b.surface.center[1]))];
    const lr = sig(d.between(0.03, 0.06) * 2 / b.lambdaMax);
    const g0 = gdAfter(b.surface, start, lr, 0);
    if (g0.loss > FP16_MAX / 2 || Math.max(...g0.grad.map(Math.abs)) > FP16_MAX / 1.5) continue;
    const steps = Math.min(800, Math.max(150, Math.ceil(Math.log(1e-5) / (2 * Math.log(1 - lr * b.lambdaMin)))));
    // The outlier step: the latest in 3–20 where c can both overflow FP16 (c·max|gᵢ| ≥ 1.3 × 65504) and
    // be harmless in FP32 (αcλmax ≤ 1.9 < 2: even that one step shrinks the error in every direction).
    const cHigh = 1.9 / (lr * b.lambdaMax);
    let s = d.int(3, 20);
    const cLow = (k: number) => (1.3 * FP16_MAX) / Math.max(...gdAfter(b.surface, start, lr, k).grad.map(Math.abs));
    while (s > 0 && cLow(s) * 1.2 > cHigh) s--;
    if (s === 0) continue;
    const c = sig(cLow(s) * (cHigh / cLow(s)) ** d.between(0.2, 0.8), 2);
    const spec: RunSpec = {
      ...plainRun(b.surface, start, steps, lr), badBatch: { step: s, kind: 'outlier', scale: c },
      precision: { params: 'fp32', compute: 'fp16', lossScale: null },
    };
    const gs = Math.max(...gdAfter(b.surface, start, lr, s).grad.map(Math.abs));
    return {
      spec, symptom: 'nan', fix: { ...spec, precision: { params: 'fp32', compute: 'bf16', lossScale: null } },
      fixLabel: 'compute in BF16 (FP32’s range) instead of FP16',
      explanation: `This model’s numbers are large: the loss starts at ${num(g0.loss)} and gradient entries reach ${num(Math.max(...g0.grad.map(Math.abs)))} (λmax = ${num(b.lambdaMax)}), all under FP16’s largest value, 65504. At step ${s} a batch gave a gradient ${num(c)}× the usual — its largest entry about ${num(c * gs)}, which FP16 rounds to ∞. An update with an infinite gradient makes the weights infinite and every loss after it NaN: the run is dead at step ${s}. In FP32 the same batch is harmless: even ${num(c)}× the gradient asks for a step under the limit (αcλmax = ${num(lr * c * b.lambdaMax, 2)} < 2), so it still lands closer to the minimum. The format is the problem, not the data or α: compute in BF16, which keeps FP32’s exponent range (or scale the loss down).`,
    };
  }
}

/** Rosenbrock from a steep start: α is fine at the minimum but 4–8× the start's own limit. */
export function noWarmup(d: Draw): Drawn {
  const surface: RosenbrockSpec = { kind: 'rosenbrock', a: 1, b: 100 };
  const valley = createSurface(surface);
  const atMin = 2 / curvatureAt(valley, 1, 1).lambdaMax;
  for (;;) {
    const start: Vec2 = [round2(d.between(-2.2, -1.4)), round2(d.between(-1.5, 0.5))];
    const lr = sig(d.between(0.6, 0.9) * atMin);
    const local = 2 / curvatureAt(valley, start[0], start[1]).lambdaMax;
    if (lr < 4 * local || lr > 8 * local) continue;
    const warm = d.int(20, 200);
    const spec = plainRun(surface, start, d.int(800, 1500), lr);
    return {
      spec, symptom: 'blowup', fix: { ...spec, schedule: { kind: 'linearWarmup', warmupSteps: warm } }, fixLabel: `linear warmup over ${warm} steps to the same α`,
      explanation: `α = ${num(lr)} is a good rate for this valley — ${num(lr / atMin, 2)}× the limit 2/λmax = ${num(atMin)} at the minimum — but the run starts at (${start[0]}, ${start[1]}), where the surface is far steeper: the local limit there is ${num(local)}, and α is ${num(lr / local, 2)}× it. The first steps overshoot, each landing somewhere steeper still, and the loss overflows within a handful of steps. Warm up: raise α linearly from α/${warm} over ${warm} steps, so the early small steps carry the run into flatter ground before the rate peaks.`,
    };
  }
}

/** A long narrow valley and plain GD: the steep direction caps α, the flat one then crawls. */
export function illConditioned(d: Draw): Drawn {
  // GD cuts the flat direction's loss by (1 − αλmin)^(2N) ≈ exp(−4rN/κ) with α = 2r/λmax. Draw that
  // exponent c in 1–2.5 and derive κ = 4rN/c: slow under GD, and about exp(−10c) with momentum 0.9.
  const r = d.between(0.4, 0.9);
  const c = d.between(1, 2.5);
  const steps = d.int(150, 500);
  const b = drawBowl(d, d.logBetween(2, 20), (4 * r * steps) / c, d.between(0.4, 0.8), d.between(2, 2.8));
  const lr = sig((2 * r) / b.lambdaMax);
  const spec = plainRun(b.surface, b.start, steps, lr);
  const perStep = lr * b.lambdaMin;
  return {
    spec, symptom: 'slow', fix: { ...spec, optimizer: sgd(lr, 0.9) }, fixLabel: 'momentum 0.9 at the same α',
    explanation: `A long, narrow valley: λmax = ${num(b.lambdaMax)} and λmin = ${num(b.lambdaMin)}, a condition number κ = ${num(b.lambdaMax / b.lambdaMin)}. α = ${num(lr)} is already ${num((lr * b.lambdaMax) / 2, 2)}× the limit 2/λmax — raising it all the way to the limit would speed things up at most ${num(2 / (lr * b.lambdaMax), 2)}×, and along the flat direction each step then removes only αλmin = ${num(perStep)} of the error, about ${num(1 / perStep)} steps per e-fold. The steep part of the loss is gone in a few steps and the rest crawls. Momentum 0.9 (heavy ball) builds speed along the valley — about 1/(1 − β) = 10× the pace — and stays stable since α < 2(1 + β)/λmax = ${num(3.8 / b.lambdaMax)}.`,
  };
}

/** α so small that the loss barely moves in the whole run. */
export function lrTooLow(d: Draw): Drawn {
  const b = drawBowl(d, d.logBetween(1, 20), d.logBetween(1.5, 8), d.between(0.1, 0.9), d.between(1.5, 2.8));
  const steps = d.int(100, 300);
  // At most this α keeps (1 − αλmax)^(2N) ≥ 0.6: every direction keeps 60 % of its loss.
  const cap = (1 - 0.6 ** (1 / (2 * steps))) / b.lambdaMax;
  const lr = sig(cap * d.logBetween(1 / 30, 0.95), 2);
  const spec = plainRun(b.surface, b.start, steps, lr);
  const fixLr = sig(1 / b.lambdaMax);
  return {
    spec, symptom: 'flatline', fix: { ...spec, optimizer: sgd(fixLr) }, fixLabel: `α = ${num(fixLr)} = 1/λmax (half the limit)`,
    explanation: `α = ${num(lr)} is only ${num((lr * b.lambdaMax) / 2, 2)} of the limit 2/λmax = ${num(2 / b.lambdaMax)}: in ${steps} steps even the steepest direction keeps (1 − αλmax)^${steps} = ${num((1 - lr * b.lambdaMax) ** steps)} of its error, so the loss barely moves. Nothing is unstable; it is just far too cautious. Raise α: an LR finder (sweep α upward until the loss turns) shows the loss falling far faster at larger rates; here 1/λmax = ${num(fixLr)}, half the limit, converges.`,
  };
}
