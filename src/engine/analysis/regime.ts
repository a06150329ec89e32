import type { RunSpec } from '../spec/types';
import { modeFactor, type Method, type ModeFactor } from './stability';

/**
 * How a run behaves: 'monotone' (every coordinate of the error shrinks without changing sign),
 * 'oscillating' (it overshoots — zig-zag or spiral — but stays bounded), 'diverging' (it grows
 * without bound, to ∞ or NaN).
 */
export type Regime = 'monotone' | 'oscillating' | 'diverging';

export interface ModeReport extends ModeFactor {
  /** Curvature of this eigendirection, weight decay included. */
  lambda: number;
  vector: [number, number];
  /** The start point's error along this eigenvector. */
  component: number;
}

export interface Prediction {
  regime: Regime;
  method: Method;
  /** Per-step factor of the worst eigendirection (> 1 grows, < 1 shrinks). */
  rho: number;
  /** The eigendirections, steep first. */
  modes: ModeReport[];
}

export function methodOf(spec: RunSpec): Method | null {
  const o = spec.optimizer;
  if (o.kind !== 'sgd') return null;
  if (o.momentum === 0) return 'gd';
  return o.nesterov ? 'nesterov' : 'heavyBall';
}

/**
 * The closed-form prediction for a run, when one exists: SGD (plain, heavy ball or Nesterov) on
 * a quadratic at a constant learning rate, without noise or clipping. Otherwise null.
 * Directions the start point has no component along (and flat ones) cannot show, so they are
 * left out of the regime but still reported in `modes`.
 */
export function predictRegime(spec: RunSpec): Prediction | null {
  const method = methodOf(spec);
  const s = spec.surface;
  if (!method || s.kind !== 'quadratic' || spec.schedule.kind !== 'constant' || spec.noise || spec.clip) return null;
  const o = spec.optimizer;
  if (o.kind !== 'sgd') return null;
  // torch feeds (1 − τ)·g into the momentum buffer; without momentum dampening does nothing.
  const effLr = method === 'heavyBall' ? o.lr * (1 - o.dampening) : o.lr;
  const c = Math.cos(s.angle);
  const sn = Math.sin(s.angle);
  const ex = spec.start[0] - s.center[0];
  const ey = spec.start[1] - s.center[1];
  const scale = Math.hypot(ex, ey);
  const vectors: [number, number][] = [[c, -sn], [sn, c]];
  const modes: ModeReport[] = vectors.map((v, i) => {
    const lambda = s.eigenvalues[i]! + o.weightDecay;
    const component = v[0] * ex + v[1] * ey;
    return { lambda, vector: v, component, ...modeFactor(method, effLr, lambda, o.momentum) };
  });
  modes.sort((a, b) => b.lambda - a.lambda);
  const active = modes.filter((m) => m.lambda !== 0 && Math.abs(m.component) > 1e-12 * scale);
  let regime: Regime = 'monotone';
  if (active.some((m) => m.rho > 1)) regime = 'diverging';
  else if (active.some((m) => m.oscillates || m.rho === 1)) regime = 'oscillating';
  const rho = Math.max(0, ...active.map((m) => m.rho));
  return { regime, method, rho, modes };
}
