import type { RunResult } from '../../state/compute';
import { fmt } from '../../ui/format';

/** Pure parts of the schedule strip: which runs are scheduled, boundary labels, unstable spans. */

export function isScheduled(r: Pick<RunResult, 'spec'>): boolean {
  return r.spec.schedule.kind !== 'constant';
}

/** The stability boundary's formula for the run's method: "2/λmax", "2(1+β)/λmax", …; null when none. */
export function boundaryFormula(r: Pick<RunResult, 'report'>): string | null {
  const { method, boundary } = r.report;
  if (!method || !Number.isFinite(boundary) || !(boundary > 0)) return null;
  if (method === 'gd') return '2/λmax';
  return method === 'heavyBall' ? '2(1+β)/λmax' : '2(1+β)/((1+2β)λmax)';
}

/** "2/λmax = 0.2" */
export function boundaryLabel(r: Pick<RunResult, 'report'>): string | null {
  const f = boundaryFormula(r);
  return f && `${f} = ${fmt(r.report.boundary)}`;
}

/** Maximal step ranges [from, to] (inclusive) where α(k) exceeds the boundary. */
export function spansAbove(lr: ArrayLike<number>, limit: number): [number, number][] {
  const out: [number, number][] = [];
  if (!Number.isFinite(limit)) return out;
  let start = -1;
  for (let k = 0; k <= lr.length; k++) {
    const over = k < lr.length && lr[k]! > limit;
    if (over && start < 0) start = k;
    if (!over && start >= 0) {
      out.push([start, k - 1]);
      start = -1;
    }
  }
  return out;
}

/** Total steps over the boundary. */
export function stepsAbove(spans: readonly [number, number][]): number {
  return spans.reduce((n, [a, b]) => n + b - a + 1, 0);
}
