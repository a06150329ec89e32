import { seriesPath, yAxisFor, type YAxis } from './geometry';
import type { AxisPlan } from './scales';

/**
 * Paths remembered per series array: a run whose result did not change keeps its arrays (the
 * result cache hands back the same objects), so when only one run's α moves and the axes stay the
 * same, the other runs' paths are reused as they are (same string: React writes nothing).
 */
const paths = new WeakMap<ArrayLike<number>, { key: string; d: string }>();

/** seriesPath(series, x, axis), cached on the series and the geometry (`xKey` names x's mapping). */
export function cachedSeriesPath(series: ArrayLike<number>, x: (k: number) => number, xKey: string, axis: YAxis): string {
  const key = `${xKey}|${axis.key}`;
  const hit = paths.get(series);
  if (hit && hit.key === key) return hit.d;
  const d = seriesPath(series, x, axis);
  paths.set(series, { key, d });
  return d;
}

/**
 * The value `make(source)` remembered per source object and `key`: derived series (smoothed
 * losses, negated envelopes, errors along an eigenvector) are rebuilt only for runs that changed.
 */
export function derived<S extends object, T>(cache: WeakMap<S, { key: string; value: T }>, source: S, key: string, make: (s: S) => T): T {
  const hit = cache.get(source);
  if (hit && hit.key === key) return hit.value;
  const value = make(source);
  cache.set(source, { key, value });
  return value;
}

const axes = new Map<string, YAxis>();

/**
 * yAxisFor(plan, top, bottom), the same object for the same plan and pixels: the axes (memoised)
 * then see the same scale and ticks and are not re-rendered while a run's α moves.
 */
export function cachedYAxis(plan: AxisPlan, top: number, bottom: number): YAxis {
  const key = `${plan.kind}:${plan.lo}:${plan.hi}:${plan.constant}:${plan.floorClamp}:${top}:${bottom}`;
  let axis = axes.get(key);
  if (!axis) {
    if (axes.size >= 16) axes.clear();
    axes.set(key, (axis = yAxisFor(plan, top, bottom)));
  }
  return axis;
}
