/**
 * The bare update on Rosenbrock: inline-quadratic.ts with Rosenbrock's gradient
 * (src/engine/surfaces/rosenbrock.ts, same operations in the same order).
 */
import type { AdagradSpec, AdamSpec, RmspropSpec, RosenbrockSpec, RunSpec, SgdSpec } from '../../src/engine';
import type { LoopTable, Point } from './configs';

function sgd(spec: RunSpec, steps: number): Point {
  const { a, b } = spec.surface as RosenbrockSpec;
  const lr = spec.optimizer.lr;
  let [x, y] = spec.start;
  for (let k = 0; k < steps; k++) {
    const v = y - x * x;
    const gx = -2 * (a - x) - 4 * b * x * v, gy = 2 * b * v;
    x = x + -lr * gx;
    y = y + -lr * gy;
  }
  return [x, y];
}

/** dampening 0; b = 0 before step 1 makes that step's b = g exactly, as torch. */
function heavyBall(spec: RunSpec, steps: number): Point {
  const { a, b } = spec.surface as RosenbrockSpec;
  const { lr, momentum: mu } = spec.optimizer as SgdSpec;
  let bx = 0, by = 0;
  let [x, y] = spec.start;
  for (let k = 0; k < steps; k++) {
    const v = y - x * x;
    const gx = -2 * (a - x) - 4 * b * x * v, gy = 2 * b * v;
    bx = bx * mu + gx;
    by = by * mu + gy;
    x = x + -lr * bx;
    y = y + -lr * by;
  }
  return [x, y];
}

function nesterov(spec: RunSpec, steps: number): Point {
  const { a, b } = spec.surface as RosenbrockSpec;
  const { lr, momentum: mu } = spec.optimizer as SgdSpec;
  let bx = 0, by = 0;
  let [x, y] = spec.start;
  for (let k = 0; k < steps; k++) {
    const v = y - x * x;
    const gx = -2 * (a - x) - 4 * b * x * v, gy = 2 * b * v;
    bx = bx * mu + gx;
    by = by * mu + gy;
    x = x + -lr * (gx + mu * bx);
    y = y + -lr * (gy + mu * by);
  }
  return [x, y];
}

function adam(spec: RunSpec, steps: number): Point {
  const { a, b } = spec.surface as RosenbrockSpec;
  const { lr, betas: [b1, b2], eps } = spec.optimizer as AdamSpec;
  let mx = 0, my = 0, vx = 0, vy = 0;
  let [x, y] = spec.start;
  for (let t = 1; t <= steps; t++) {
    const v = y - x * x;
    const gx = -2 * (a - x) - 4 * b * x * v, gy = 2 * b * v;
    const stepSize = lr / (1 - b1 ** t), bc2Sqrt = Math.sqrt(1 - b2 ** t);
    mx = mx * b1 + (1 - b1) * gx;
    my = my * b1 + (1 - b1) * gy;
    vx = vx * b2 + (1 - b2) * gx * gx;
    vy = vy * b2 + (1 - b2) * gy * gy;
    x = x + (-stepSize * mx) / (Math.sqrt(vx) / bc2Sqrt + eps);
    y = y + (-stepSize * my) / (Math.sqrt(vy) / bc2Sqrt + eps);
  }
  return [x, y];
}

/** decoupled decay p·(1 − lr·wd) before the Adam step. */
function adamw(spec: RunSpec, steps: number): Point {
  const { a, b } = spec.surface as RosenbrockSpec;
  const { lr, betas: [b1, b2], eps, weightDecay } = spec.optimizer as AdamSpec;
  const decay = 1 - lr * weightDecay;
  let mx = 0, my = 0, vx = 0, vy = 0;
  let [x, y] = spec.start;
  for (let t = 1; t <= steps; t++) {
    const v = y - x * x;
    const gx = -2 * (a - x) - 4 * b * x * v, gy = 2 * b * v;
    const stepSize = lr / (1 - b1 ** t), bc2Sqrt = Math.sqrt(1 - b2 ** t);
    mx = mx * b1 + (1 - b1) * gx;
    my = my * b1 + (1 - b1) * gy;
    vx = vx * b2 + (1 - b2) * gx * gx;
    vy = vy * b2 + (1 - b2) * gy * gy;
    x = x * decay + (-stepSize * mx) / (Math.sqrt(vx) / bc2Sqrt + eps);
    y = y * decay + (-stepSize * my) / (Math.sqrt(vy) / bc2Sqrt + eps);
  }
  return [x, y];
}

function amsgrad(spec: RunSpec, steps: number): Point {
  const { a, b } = spec.surface as RosenbrockSpec;
  const { lr, betas: [b1, b2], eps } = spec.optimizer as AdamSpec;
  let mx = 0, my = 0, vx = 0, vy = 0, ux = 0, uy = 0;
  let [x, y] = spec.start;
  for (let t = 1; t <= steps; t++) {
    const v = y - x * x;
    const gx = -2 * (a - x) - 4 * b * x * v, gy = 2 * b * v;
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
  return [x, y];
}

function rmsprop(spec: RunSpec, steps: number): Point {
  const { a, b } = spec.surface as RosenbrockSpec;
  const { lr, alpha, eps } = spec.optimizer as RmspropSpec;
  let sx = 0, sy = 0;
  let [x, y] = spec.start;
  for (let k = 0; k < steps; k++) {
    const v = y - x * x;
    const gx = -2 * (a - x) - 4 * b * x * v, gy = 2 * b * v;
    sx = sx * alpha + (1 - alpha) * gx * gx;
    sy = sy * alpha + (1 - alpha) * gy * gy;
    x = x + (-lr * gx) / (Math.sqrt(sx) + eps);
    y = y + (-lr * gy) / (Math.sqrt(sy) + eps);
  }
  return [x, y];
}

function rmspropCenteredMomentum(spec: RunSpec, steps: number): Point {
  const { a, b } = spec.surface as RosenbrockSpec;
  const { lr, alpha, eps, momentum: mu } = spec.optimizer as RmspropSpec;
  let sx = 0, sy = 0, ax = 0, ay = 0, bx = 0, by = 0;
  let [x, y] = spec.start;
  for (let k = 0; k < steps; k++) {
    const v = y - x * x;
    const gx = -2 * (a - x) - 4 * b * x * v, gy = 2 * b * v;
    sx = sx * alpha + (1 - alpha) * gx * gx;
    sy = sy * alpha + (1 - alpha) * gy * gy;
    ax = ax * alpha + (1 - alpha) * gx;
    ay = ay * alpha + (1 - alpha) * gy;
    bx = bx * mu + gx / (Math.sqrt(sx + -1 * ax * ax) + eps);
    by = by * mu + gy / (Math.sqrt(sy + -1 * ay * ay) + eps);
    x = x + -lr * bx;
    y = y + -lr * by;
  }
  return [x, y];
}

/** lrDecay 0, so the engine's clr = lr / (1 + (t − 1)·0) is lr exactly. */
function adagrad(spec: RunSpec, steps: number): Point {
  const { a, b } = spec.surface as RosenbrockSpec;
  const { lr, initialAccumulatorValue: s0, eps } = spec.optimizer as AdagradSpec;
  let sx = s0, sy = s0;
  let [x, y] = spec.start;
  for (let k = 0; k < steps; k++) {
    const v = y - x * x;
    const gx = -2 * (a - x) - 4 * b * x * v, gy = 2 * b * v;
    sx = sx + gx * gx;
    sy = sy + gy * gy;
    x = x + (-lr * gx) / (Math.sqrt(sx) + eps);
    y = y + (-lr * gy) / (Math.sqrt(sy) + eps);
  }
  return [x, y];
}

export const LOOPS: LoopTable = {
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
