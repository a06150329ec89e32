/**
 * The like-for-like limit on the quadratic: one hand-written loop per configuration that produces
 * what Run.advance produces — the update, f(w), ‖g‖, and w/loss/‖g‖/lr recorded at every index into
 * preallocated typed arrays, stopping at the first non-finite value — with plain locals, no
 * objects and no calls in the loop (the helper below runs only when ‖g‖² overflows, never here).
 * Float operations are the engine's, in the engine's order (src/engine/run.ts,
 * src/engine/surfaces/quadratic.ts, src/engine/optimizers/*.ts), so the record is bit-identical.
 * record-rosenbrock.ts is this file with the other loss and gradient.
 */
import type { AdagradSpec, AdamSpec, QuadraticSpec, RmspropSpec, RunSpec, SgdSpec } from '../../src/engine';
import type { Rec, RecordTable } from './configs';

/** ‖g‖ as the engine's norm2 computes it once the plain sum of squares has overflowed. */
export function rescaledNorm(gx: number, gy: number): number {
  const big = Math.max(0, Math.abs(gx), Math.abs(gy));
  if (big === Infinity) return Infinity;
  return big * Math.sqrt((gx / big) ** 2 + (gy / big) ** 2);
}

/** H's entries and the centre, computed as Quadratic's constructor does. */
function quad(spec: RunSpec): [number, number, number, number, number] {
  const s = spec.surface as QuadraticSpec;
  const [l1, l2] = s.eigenvalues;
  const c = Math.cos(s.angle);
  const n = Math.sin(s.angle);
  return [l1 * c * c + l2 * n * n, (l2 - l1) * c * n, l1 * n * n + l2 * c * c, s.center[0], s.center[1]];
}

function sgd(spec: RunSpec, steps: number, rec: Rec): number {
  const [hxx, hxy, hyy, cx, cy] = quad(spec);
  const lr = spec.optimizer.lr;
  const { w: ws, loss, gradNorm, lr: lrs } = rec;
  let [x, y] = spec.start;
  for (let k = 0; ; k++) {
    const dx = x - cx, dy = y - cy;
    const gx = hxx * dx + hxy * dy, gy = hxy * dx + hyy * dy;
    const f = 0.5 * dx * gx + 0.5 * dy * gy, sq = gx * gx + gy * gy;
    const norm = sq === Infinity ? rescaledNorm(gx, gy) : Math.sqrt(sq);
    ws[2 * k] = x; ws[2 * k + 1] = y; loss[k] = f; gradNorm[k] = norm; lrs[k] = lr;
    if (!Number.isFinite(f + norm + lr + x * 0 + y * 0) || k >= steps) return k + 1;
    x = x + -lr * gx;
    y = y + -lr * gy;
  }
}

function heavyBall(spec: RunSpec, steps: number, rec: Rec): number {
  const [hxx, hxy, hyy, cx, cy] = quad(spec);
  const { lr, momentum: mu } = spec.optimizer as SgdSpec;
  const { w: ws, loss, gradNorm, lr: lrs } = rec;
  let bx = 0, by = 0;
  let [x, y] = spec.start;
  for (let k = 0; ; k++) {
    const dx = x - cx, dy = y - cy;
    const gx = hxx * dx + hxy * dy, gy = hxy * dx + hyy * dy;
    const f = 0.5 * dx * gx + 0.5 * dy * gy, sq = gx * gx + gy * gy;
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
  const [hxx, hxy, hyy, cx, cy] = quad(spec);
  const { lr, momentum: mu } = spec.optimizer as SgdSpec;
  const { w: ws, loss, gradNorm, lr: lrs } = rec;
  let bx = 0, by = 0;
  let [x, y] = spec.start;
  for (let k = 0; ; k++) {
    const dx = x - cx, dy = y - cy;
    const gx = hxx * dx + hxy * dy, gy = hxy * dx + hyy * dy;
    const f = 0.5 * dx * gx + 0.5 * dy * gy, sq = gx * gx + gy * gy;
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
  const [hxx, hxy, hyy, cx, cy] = quad(spec);
  const { lr, betas: [b1, b2], eps } = spec.optimizer as AdamSpec;
  const { w: ws, loss, gradNorm, lr: lrs } = rec;
  let mx = 0, my = 0, vx = 0, vy = 0;
  let [x, y] = spec.start;
  for (let k = 0; ; k++) {
    const dx = x - cx, dy = y - cy;
    const gx = hxx * dx + hxy * dy, gy = hxy * dx + hyy * dy;
    const f = 0.5 * dx * gx + 0.5 * dy * gy, sq = gx * gx + gy * gy;
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
  const [hxx, hxy, hyy, cx, cy] = quad(spec);
  const { lr, betas: [b1, b2], eps, weightDecay } = spec.optimizer as AdamSpec;
  const decay = 1 - lr * weightDecay;
  const { w: ws, loss, gradNorm, lr: lrs } = rec;
  let mx = 0, my = 0, vx = 0, vy = 0;
  let [x, y] = spec.start;
  for (let k = 0; ; k++) {
    const dx = x - cx, dy = y - cy;
    const gx = hxx * dx + hxy * dy, gy = hxy * dx + hyy * dy;
    const f = 0.5 * dx * gx + 0.5 * dy * gy, sq = gx * gx + gy * gy;
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
  const [hxx, hxy, hyy, cx, cy] = quad(spec);
  const { lr, betas: [b1, b2], eps } = spec.optimizer as AdamSpec;
  const { w: ws, loss, gradNorm, lr: lrs } = rec;
  let mx = 0, my = 0, vx = 0, vy = 0, ux = 0, uy = 0;
  let [x, y] = spec.start;
  for (let k = 0; ; k++) {
    const dx = x - cx, dy = y - cy;
    const gx = hxx * dx + hxy * dy, gy = hxy * dx + hyy * dy;
    const f = 0.5 * dx * gx + 0.5 * dy * gy, sq = gx * gx + gy * gy;
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
  const [hxx, hxy, hyy, cx, cy] = quad(spec);
  const { lr, alpha, eps } = spec.optimizer as RmspropSpec;
  const { w: ws, loss, gradNorm, lr: lrs } = rec;
  let sx = 0, sy = 0;
  let [x, y] = spec.start;
  for (let k = 0; ; k++) {
    const dx = x - cx, dy = y - cy;
    const gx = hxx * dx + hxy * dy, gy = hxy * dx + hyy * dy;
    const f = 0.5 * dx * gx + 0.5 * dy * gy, sq = gx * gx + gy * gy;
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
  const [hxx, hxy, hyy, cx, cy] = quad(spec);
  const { lr, alpha, eps, momentum: mu } = spec.optimizer as RmspropSpec;
  const { w: ws, loss, gradNorm, lr: lrs } = rec;
  let sx = 0, sy = 0, ax = 0, ay = 0, bx = 0, by = 0;
  let [x, y] = spec.start;
  for (let k = 0; ; k++) {
    const dx = x - cx, dy = y - cy;
    const gx = hxx * dx + hxy * dy, gy = hxy * dx + hyy * dy;
    const f = 0.5 * dx * gx + 0.5 * dy * gy, sq = gx * gx + gy * gy;
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
  const [hxx, hxy, hyy, cx, cy] = quad(spec);
  const { lr, initialAccumulatorValue: s0, eps } = spec.optimizer as AdagradSpec;
  const { w: ws, loss, gradNorm, lr: lrs } = rec;
  let sx = s0, sy = s0;
  let [x, y] = spec.start;
  for (let k = 0; ; k++) {
    const dx = x - cx, dy = y - cy;
    const gx = hxx * dx + hxy * dy, gy = hxy * dx + hyy * dy;
    const f = 0.5 * dx * gx + 0.5 * dy * gy, sq = gx * gx + gy * gy;
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
