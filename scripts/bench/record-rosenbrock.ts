/**
 * The like-for-like limit on Rosenbrock: record-quadratic.ts with Rosenbrock's loss and gradient
 * (src/engine/surfaces/rosenbrock.ts valueAndGrad, same operations in the same order).
 */
import type { AdagradSpec, AdamSpec, RmspropSpec, RosenbrockSpec, RunSpec, SgdSpec } from '../../src/engine';
import type { Rec, RecordTable } from './configs';
import { rescaledNorm } from './record-quadratic';

function sgd(spec: RunSpec, steps: number, rec: Rec): number {
  const { a, b } = spec.surface as RosenbrockSpec;
  const lr = spec.optimizer.lr;
  const { w: ws, loss, gradNorm, lr: lrs } = rec;
  let [x, y] = spec.start;
  for (let k = 0; ; k++) {
    const u = a - x, v = y - x * x;
    const gx = -2 * u - 4 * b * x * v, gy = 2 * b * v;
    const f = u * u + b * v * v, sq = gx * gx + gy * gy;
    const norm = sq === Infinity ? rescaledNorm(gx, gy) : Math.sqrt(sq);
    ws[2 * k] = x; ws[2 * k + 1] = y; loss[k] = f; gradNorm[k] = norm; lrs[k] = lr;
    if (!Number.isFinite(f + norm + lr + x * 0 + y * 0) || k >= steps) return k + 1;
    x = x + -lr * gx;
    y = y + -lr * gy;
  }
}

function heavyBall(spec: RunSpec, steps: number, rec: Rec): number {
  const { a, b } = spec.surface as RosenbrockSpec;
  const { lr, momentum: mu } = spec.optimizer as SgdSpec;
  const { w: ws, loss, gradNorm, lr: lrs } = rec;
  let bx = 0, by = 0;
  let [x, y] = spec.start;
  for (let k = 0; ; k++) {
    const u = a - x, v = y - x * x;
    const gx = -2 * u - 4 * b * x * v, gy = 2 * b * v;
    const f = u * u + b * v * v, sq = gx * gx + gy * gy;
    const norm = sq === Infinity ? rescaledNorm(gx, gy) : Math.sqrt(sq);
    ws[2 * k] = x; ws[2 * k + 1] = y; loss[k] = f; gradNorm[k] = norm; lrs[k] = lr;
    if (!Number.isFinite(f + norm + lr + x * 0 + y * 0) || k >= steps) return k + 1;
    bx = bx * mu + gx;
    by = by * mu + gy;
    x = x + -lr * bx;
    y = y + -lr * by;
  }
}

function nesterov(spec: RunSpec, steps: number, rec: Rec): number {
  const { a, b } = spec.surface as RosenbrockSpec;
  const { lr, momentum: mu } = spec.optimizer as SgdSpec;
  const { w: ws, loss, gradNorm, lr: lrs } = rec;
  let bx = 0, by = 0;
  let [x, y] = spec.start;
  for (let k = 0; ; k++) {
    const u = a - x, v = y - x * x;
    const gx = -2 * u - 4 * b * x * v, gy = 2 * b * v;
    const f = u * u + b * v * v, sq = gx * gx + gy * gy;
    const norm = sq === Infinity ? rescaledNorm(gx, gy) : Math.sqrt(sq);
    ws[2 * k] = x; ws[2 * k + 1] = y; loss[k] = f; gradNorm[k] = norm; lrs[k] = lr;
    if (!Number.isFinite(f + norm + lr + x * 0 + y * 0) || k >= steps) return k + 1;
    bx = bx * mu + gx;
    by = by * mu + gy;
    x = x + -lr * (gx + mu * bx);
    y = y + -lr * (gy + mu * by);
  }
}

function adam(spec: RunSpec, steps: number, rec: Rec): number {
  const { a, b } = spec.surface as RosenbrockSpec;
  const { lr, betas: [b1, b2], eps } = spec.optimizer as AdamSpec;
  const { w: ws, loss, gradNorm, lr: lrs } = rec;
  let mx = 0, my = 0, vx = 0, vy = 0;
  let [x, y] = spec.start;
  for (let k = 0; ; k++) {
    const u = a - x, v = y - x * x;
    const gx = -2 * u - 4 * b * x * v, gy = 2 * b * v;
    const f = u * u + b * v * v, sq = gx * gx + gy * gy;
    const norm = sq === Infinity ? rescaledNorm(gx, gy) : Math.sqrt(sq);
    ws[2 * k] = x; ws[2 * k + 1] = y; loss[k] = f; gradNorm[k] = norm; lrs[k] = lr;
    if (!Number.isFinite(f + norm + lr + x * 0 + y * 0) || k >= steps) return k + 1;
    const t = k + 1;
    const stepSize = lr / (1 - b1 ** t), bc2Sqrt = Math.sqrt(1 - b2 ** t);
    mx = mx * b1 + (1 - b1) * gx;
    my = my * b1 + (1 - b1) * gy;
    vx = vx * b2 + (1 - b2) * gx * gx;
    vy = vy * b2 + (1 - b2) * gy * gy;
    x = x + (-stepSize * mx) / (Math.sqrt(vx) / bc2Sqrt + eps);
    y = y + (-stepSize * my) / (Math.sqrt(vy) / bc2Sqrt + eps);
  }
}

/** decoupled decay p·(1 − lr·wd) before the Adam step. */
function adamw(spec: RunSpec, steps: number, rec: Rec): number {
  const { a, b } = spec.surface as RosenbrockSpec;
  const { lr, betas: [b1, b2], eps, weightDecay } = spec.optimizer as AdamSpec;
  const decay = 1 - lr * weightDecay;
  const { w: ws, loss, gradNorm, lr: lrs } = rec;
  let mx = 0, my = 0, vx = 0, vy = 0;
  let [x, y] = spec.start;
  for (let k = 0; ; k++) {
    const u = a - x, v = y - x * x;
    const gx = -2 * u - 4 * b * x * v, gy = 2 * b * v;
    const f = u * u + b * v * v, sq = gx * gx + gy * gy;
    const norm = sq === Infinity ? rescaledNorm(gx, gy) : Math.sqrt(sq);
    ws[2 * k] = x; ws[2 * k + 1] = y; loss[k] = f; gradNorm[k] = norm; lrs[k] = lr;
    if (!Number.isFinite(f + norm + lr + x * 0 + y * 0) || k >= steps) return k + 1;
    const t = k + 1;
    const stepSize = lr / (1 - b1 ** t), bc2Sqrt = Math.sqrt(1 - b2 ** t);
    mx = mx * b1 + (1 - b1) * gx;
    my = my * b1 + (1 - b1) * gy;
    vx = vx * b2 + (1 - b2) * gx * gx;
    vy = vy * b2 + (1 - b2) * gy * gy;
    x = x * decay + (-stepSize * mx) / (Math.sqrt(vx) / bc2Sqrt + eps);
    y = y * decay + (-stepSize * my) / (Math.sqrt(vy) / bc2Sqrt + eps);
  }
}

function amsgrad(spec: RunSpec, steps: number, rec: Rec): number {
  const { a, b } = spec.surface as RosenbrockSpec;
  const { lr, betas: [b1, b2], eps } = spec.optimizer as AdamSpec;
  const { w: ws, loss, gradNorm, lr: lrs } = rec;
  let mx = 0, my = 0, vx = 0, vy = 0, ux = 0, uy = 0;
  let [x, y] = spec.start;
  for (let k = 0; ; k++) {
    const u = a - x, v = y - x * x;
    const gx = -2 * u - 4 * b * x * v, gy = 2 * b * v;
    const f = u * u + b * v * v, sq = gx * gx + gy * gy;
    const norm = sq === Infinity ? rescaledNorm(gx, gy) : Math.sqrt(sq);
    ws[2 * k] = x; ws[2 * k + 1] = y; loss[k] = f; gradNorm[k] = norm; lrs[k] = lr;
    if (!Number.isFinite(f + norm + lr + x * 0 + y * 0) || k >= steps) return k + 1;
    const t = k + 1;
    const stepSize = lr / (1 - b1 ** t), bc2Sqrt = Math.sqrt(1 - b2 ** t);
    mx = mx * b1 + (1 - b1) * gx;
    my = my * b1 + (1 - b1) * gy;
    vx = vx * b2 + (1 - b2) * gx * gx;
    vy = vy * b2 + (1 - b2) * gy * gy;
    ux = Math.max(ux, vx);
    uy = Math.max(uy, vy);
    x = x + (-stepSize * mx) / (Math.sqrt(ux) / bc2Sqrt + eps);
    y = y + (-stepSize * my) / (Math.sqrt(uy) / bc2Sqrt + eps);
  }
}

function rmsprop(spec: RunSpec, steps: number, rec: Rec): number {
  const { a, b } = spec.surface as RosenbrockSpec;
  const { lr, alpha, eps } = spec.optimizer as RmspropSpec;
  const { w: ws, loss, gradNorm, lr: lrs } = rec;
  let sx = 0, sy = 0;
  let [x, y] = spec.start;
  for (let k = 0; ; k++) {
    const u = a - x, v = y - x * x;
    const gx = -2 * u - 4 * b * x * v, gy = 2 * b * v;
    const f = u * u + b * v * v, sq = gx * gx + gy * gy;
    const norm = sq === Infinity ? rescaledNorm(gx, gy) : Math.sqrt(sq);
    ws[2 * k] = x; ws[2 * k + 1] = y; loss[k] = f; gradNorm[k] = norm; lrs[k] = lr;
    if (!Number.isFinite(f + norm + lr + x * 0 + y * 0) || k >= steps) return k + 1;
    sx = sx * alpha + (1 - alpha) * gx * gx;
    sy = sy * alpha + (1 - alpha) * gy * gy;
    x = x + (-lr * gx) / (Math.sqrt(sx) + eps);
    y = y + (-lr * gy) / (Math.sqrt(sy) + eps);
  }
}

function rmspropCenteredMomentum(spec: RunSpec, steps: number, rec: Rec): number {
  const { a, b } = spec.surface as RosenbrockSpec;
  const { lr, alpha, eps, momentum: mu } = spec.optimizer as RmspropSpec;
  const { w: ws, loss, gradNorm, lr: lrs } = rec;
  let sx = 0, sy = 0, ax = 0, ay = 0, bx = 0, by = 0;
  let [x, y] = spec.start;
  for (let k = 0; ; k++) {
    const u = a - x, v = y - x * x;
    const gx = -2 * u - 4 * b * x * v, gy = 2 * b * v;
    const f = u * u + b * v * v, sq = gx * gx + gy * gy;
    const norm = sq === Infinity ? rescaledNorm(gx, gy) : Math.sqrt(sq);
    ws[2 * k] = x; ws[2 * k + 1] = y; loss[k] = f; gradNorm[k] = norm; lrs[k] = lr;
    if (!Number.isFinite(f + norm + lr + x * 0 + y * 0) || k >= steps) return k + 1;
    sx = sx * alpha + (1 - alpha) * gx * gx;
    sy = sy * alpha + (1 - alpha) * gy * gy;
    ax = ax * alpha + (1 - alpha) * gx;
    ay = ay * alpha + (1 - alpha) * gy;
    bx = bx * mu + gx / (Math.sqrt(sx + -1 * ax * ax) + eps);
    by = by * mu + gy / (Math.sqrt(sy + -1 * ay * ay) + eps);
    x = x + -lr * bx;
    y = y + -lr * by;
  }
}

/** lrDecay 0, so the engine's clr = lr / (1 + (t − 1)·0) is lr exactly. */
function adagrad(spec: RunSpec, steps: number, rec: Rec): number {
  const { a, b } = spec.surface as RosenbrockSpec;
  const { lr, initialAccumulatorValue: s0, eps } = spec.optimizer as AdagradSpec;
  const { w: ws, loss, gradNorm, lr: lrs } = rec;
  let sx = s0, sy = s0;
  let [x, y] = spec.start;
  for (let k = 0; ; k++) {
    const u = a - x, v = y - x * x;
    const gx = -2 * u - 4 * b * x * v, gy = 2 * b * v;
    const f = u * u + b * v * v, sq = gx * gx + gy * gy;
    const norm = sq === Infinity ? rescaledNorm(gx, gy) : Math.sqrt(sq);
    ws[2 * k] = x; ws[2 * k + 1] = y; loss[k] = f; gradNorm[k] = norm; lrs[k] = lr;
    if (!Number.isFinite(f + norm + lr + x * 0 + y * 0) || k >= steps) return k + 1;
    sx = sx + gx * gx;
    sy = sy + gy * gy;
    x = x + (-lr * gx) / (Math.sqrt(sx) + eps);
    y = y + (-lr * gy) / (Math.sqrt(sy) + eps);
  }
}

export const RECORD_LOOPS: RecordTable = {
  sgd,
  'sgd momentum': heavyBall,
  'sgd nesterov': nesterov,
  adam,
  adamw,
  'adam amsgrad': amsgrad,
  rmsprop,
  'rmsprop centered+momentum': rmspropCenteredMomentum,
  adagrad,
};
