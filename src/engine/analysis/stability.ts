/**
 * Closed forms for the linear iterations on a quadratic, one eigendirection at a time, with
 * h = α·λ (step size times curvature) and β the momentum:
 *   GD           e_{k+1} = (1 − h) e_k
 *   heavy ball   e_{k+1} = (1 + β − h) e_k − β e_{k−1}          (torch SGD momentum, dampening 0)
 *   Nesterov     e_{k+1} = (1 + β)(1 − h) e_k − β(1 − h) e_{k−1} (torch SGD nesterov=True)
 */

export type Method = 'gd' | 'heavyBall' | 'nesterov';

/** GD is stable iff 0 < α < 2/λmax. */
export function gdBoundary(lambdaMax: number): number {
  return lambdaMax > 0 ? 2 / lambdaMax : Infinity;
}

/** Heavy ball is stable iff 0 < α < 2(1 + β)/λmax. */
export function heavyBallBoundary(lambdaMax: number, beta: number): number {
  return lambdaMax > 0 ? (2 * (1 + beta)) / lambdaMax : Infinity;
}

/** Nesterov is stable iff 0 < α < 2(1 + β)/((1 + 2β) λmax). */
export function nesterovBoundary(lambdaMax: number, beta: number): number {
  return lambdaMax > 0 ? (2 * (1 + beta)) / ((1 + 2 * beta) * lambdaMax) : Infinity;
}

export function boundary(method: Method, lambdaMax: number, beta = 0): number {
  if (method === 'gd') return gdBoundary(lambdaMax);
  return method === 'heavyBall' ? heavyBallBoundary(lambdaMax, beta) : nesterovBoundary(lambdaMax, beta);
}

/** The α that minimises GD's worst rate: 2/(λmin + λmax), giving rate (κ − 1)/(κ + 1). */
export function gdOptimal(lambdaMin: number, lambdaMax: number): { lr: number; rate: number } {
  return { lr: 2 / (lambdaMin + lambdaMax), rate: (lambdaMax - lambdaMin) / (lambdaMax + lambdaMin) };
}

/** Polyak's tuning: α = (2/(√λmin + √λmax))², β = ((√κ − 1)/(√κ + 1))², rate √β = (√κ − 1)/(√κ + 1). */
export function heavyBallOptimal(lambdaMin: number, lambdaMax: number): { lr: number; momentum: number; rate: number } {
  const a = Math.sqrt(lambdaMin);
  const b = Math.sqrt(lambdaMax);
  const rate = (b - a) / (b + a);
  return { lr: (2 / (a + b)) ** 2, momentum: rate * rate, rate };
}

/** One eigendirection's behaviour: its spectral radius and whether it overshoots. */
export interface ModeFactor {
  /** Largest |root| of the mode's characteristic polynomial: the error's per-step factor. */
  rho: number;
  /** True when a root is negative or complex: the error changes sign (zig-zag or spiral). */
  oscillates: boolean;
}

/** Roots of z² − T·z + D = 0. */
function quadratic(T: number, D: number): ModeFactor {
  const disc = T * T - 4 * D;
  if (disc < 0) return { rho: Math.sqrt(D), oscillates: true };
  const s = Math.sqrt(disc);
  const q = T >= 0 ? 0.5 * (T + s) : 0.5 * (T - s); // the larger-magnitude root, without cancellation
  const other = q !== 0 ? D / q : 0;
  return { rho: Math.max(Math.abs(q), Math.abs(other)), oscillates: q < 0 || other < 0 };
}

/** The per-step factor of one eigendirection with curvature λ, step α and momentum β. */
export function modeFactor(method: Method, lr: number, lambda: number, beta = 0): ModeFactor {
  const h = lr * lambda;
  if (method === 'gd' || beta === 0) return { rho: Math.abs(1 - h), oscillates: 1 - h < 0 };
  if (method === 'heavyBall') return quadratic(1 + beta - h, beta);
  return quadratic((1 + beta) * (1 - h), beta * (1 - h));
}

/** Spectral radius of the whole iteration: the worst eigendirection. */
export function spectralRadius(method: Method, lr: number, lambdas: readonly number[], beta = 0): number {
  let rho = 0;
  for (const l of lambdas) rho = Math.max(rho, modeFactor(method, lr, l, beta).rho);
  return rho;
}

/** Steps for the error to shrink by `factor` (e.g. 1e-3) at a per-step rate: ⌈ln factor / ln rate⌉. */
export function stepsToReduce(rate: number, factor: number): number {
  if (!(rate < 1)) return Infinity;
  if (rate <= 0) return 1;
  return Math.ceil(Math.log(factor) / Math.log(rate));
}
