import type { SimResult } from '../run';
import type { ProductSpec, Vec2 } from '../spec/types';
import { firstWithin, type SharpnessTrace } from './sharpness';

/**
 * Closed forms and summaries for the edge of stability on the product surface
 * f = F(xy), F(u) = (u^p − t)²/(2p). Pure: no DOM.
 *
 * Gradient flow (ẇ = −∇f) keeps c = x² − y² fixed: d(x² − y²)/dt = −2F′(u)·xy + 2F′(u)·xy = 0.
 * It therefore lands on the valley u^p = t where x² − y² = c and x·y = u*, so x² + y² = √(c² + 4u*²),
 * and the sharpness there is F″(u*)·(x² + y²) = p·|u*|^(2p−2)·√(c² + 4u*²).
 *
 * Gradient descent does not keep c: with g = F′(u)·(y, x),
 *   x′² − y′² = (x − αF′y)² − (y − αF′x)² = (x² − y²)·(1 − α²F′(u)²),
 * so every step multiplies c by 1 − α²F′². Small steps barely change it (GD lands where the flow
 * does); a run oscillating across the valley has large |F′| and shrinks c quickly, which moves it
 * to flatter points of the valley: the self-stabilisation that holds GD at the edge.
 */

/** The valley point's u = xy on the side of the start (u > 0 for p = 1). */
function valleyU(spec: ProductSpec, start: Vec2): number {
  const u = spec.target ** (1 / spec.power);
  return spec.power === 2 && start[0] * start[1] < 0 ? -u : u;
}

/** The sharpness where gradient flow from `start` lands: p·|u*|^(2p−2)·√((x0² − y0²)² + 4u*²). */
export function flowLandingSharpness(spec: ProductSpec, start: Vec2): number {
  const u = valleyU(spec, start);
  const c = start[0] ** 2 - start[1] ** 2;
  return spec.power * Math.abs(u) ** (2 * spec.power - 2) * Math.sqrt(c * c + 4 * u * u);
}

/** GD's one-step factor on c = x² − y² at (x, y) with step α: 1 − α²F′(xy)². */
export function balanceFactor(spec: ProductSpec, x: number, y: number, lr: number): number {
  const u = x * y;
  const slope = spec.power === 1 ? u - spec.target : (u * u - spec.target) * u;
  return 1 - lr * lr * slope * slope;
}

export interface EdgeSummary {
  /** Sharpness at the start and at the last finite point. */
  start: number;
  end: number;
  /** The largest sharpness along the run. */
  peak: number;
  /** First point where the sharpness itself is within 10% of the threshold (−1: never). */
  firstStep: number;
  /** First point from which every later point stays within 10% (−1: the last point is outside). */
  settledStep: number;
  /** First point where the mean of two consecutive points is within 10% (−1: never). */
  firstPair: number;
  /** Steps (k → k+1) where the loss went up, and the loss at the start and the end. */
  rises: number;
  lossStart: number;
  lossEnd: number;
  /** The threshold at the last point (factor/α). */
  threshold: number;
}

/** What the lesson and the chart say about a run's sharpness against its threshold. */
export function edgeSummary(trace: SharpnessTrace, sim: SimResult, tol = 0.1): EdgeSummary {
  const n = trace.length;
  const s = trace.sharpness;
  let peak = -Infinity;
  for (let k = 0; k < n; k++) if (s[k]! > peak) peak = s[k]!;
  let settledStep = n > 0 ? n : -1;
  for (let k = n - 1; k >= 0; k--) {
    if (Math.abs(s[k]! / trace.threshold[k]! - 1) <= tol) settledStep = k;
    else break;
  }
  if (settledStep === n) settledStep = -1;
  let rises = 0;
  for (let k = 1; k < n; k++) if (sim.loss[k]! > sim.loss[k - 1]!) rises++;
  return {
    start: n > 0 ? s[0]! : NaN,
    end: n > 0 ? s[n - 1]! : NaN,
    peak,
    firstStep: firstWithin(trace, tol),
    settledStep,
    firstPair: firstWithin(trace, tol, true),
    rises,
    lossStart: n > 0 ? sim.loss[0]! : NaN,
    lossEnd: n > 0 ? sim.loss[n - 1]! : NaN,
    threshold: n > 0 ? trace.threshold[n - 1]! : NaN,
  };
}
