import { EVENT } from '../../engine';
import type { YAxis } from './geometry';
import { place } from './scales';

/**
 * The training-loop events of a run (bad batch, skipped step, loss-scale overflow) as chart marks.
 * Pure. Runs without extras have no event record (`events` null) and cost nothing here.
 */

export interface EventSteps {
  /** Steps whose mini-batch was bad. */
  bad: number[];
  /** Steps the guards skipped (not counting loss-scale overflows). */
  skipped: number[];
  /** Steps whose gradient overflowed under loss scaling (GradScaler skipped them and cut S). */
  overflow: number[];
}

const STEPS = new WeakMap<Uint8Array, EventSteps>();

/** The steps of each kind in a run's event record, scanned once per record; null without one. */
export function eventSteps(events: Uint8Array | null): EventSteps | null {
  if (events === null) return null;
  let hit = STEPS.get(events);
  if (hit === undefined) {
    hit = { bad: [], skipped: [], overflow: [] };
    for (let k = 0; k < events.length; k++) {
      const e = events[k]!;
      if (e === 0) continue;
      if (e & EVENT.badBatch) hit.bad.push(k);
      if (e & EVENT.overflow) hit.overflow.push(k);
      else if (e & EVENT.skipped) hit.skipped.push(k);
    }
    STEPS.set(events, hit);
  }
  return hit;
}

/** Where a mark for value v goes: on the curve when drawn, else on the edge it went past (NaN: top). */
export function markY(v: number, axis: YAxis, top: number, bottom: number): number {
  const p = place(v, axis.bounds);
  if (p === 'in' || p === 'floor') return axis.y(v);
  return p === 'below' ? bottom : top;
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/**
 * Hollow marks (circles, or diamonds for overflows) of radius r at the given steps of `series`,
 * as one SVG path. A mark within r of the last one drawn is left out, so thousands of skipped
 * steps cost a path of at most a few hundred marks. '' when there is nothing to draw.
 */
export function hollowMarks(
  steps: readonly number[], series: ArrayLike<number>, x: (k: number) => number, axis: YAxis,
  top: number, bottom: number, shape: 'circle' | 'diamond', r = 3.5,
): string {
  let d = '';
  let lx = NaN, ly = NaN;
  for (const k of steps) {
    if (k >= series.length) break;
    const cx = x(k), cy = markY(series[k]!, axis, top, bottom);
    if (!Number.isFinite(cx) || !Number.isFinite(cy)) continue;
    if (Math.abs(cx - lx) < r && Math.abs(cy - ly) < r) continue;
    lx = cx;
    ly = cy;
    d += shape === 'circle'
      ? `M${r1(cx - r)},${r1(cy)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`
      : `M${r1(cx)},${r1(cy - r)}L${r1(cx + r)},${r1(cy)}L${r1(cx)},${r1(cy + r)}L${r1(cx - r)},${r1(cy)}Z`;
  }
  return d;
}

export interface EventMarks {
  skipped: string;
  overflow: string;
  /** Each bad batch the run reached: its step and x pixel. */
  bad: { step: number; x: number }[];
}

const MARKS = new WeakMap<Uint8Array, { key: string; value: EventMarks }>();

/**
 * A run's event marks for a geometry (`key` names x and the axis), cached on its event record: when
 * another run's α moves, this run's marks are reused. null for a run without an event record.
 */
export function eventMarks(
  events: Uint8Array | null, series: ArrayLike<number>, x: (k: number) => number, key: string,
  axis: YAxis, top: number, bottom: number,
): EventMarks | null {
  const steps = eventSteps(events);
  if (steps === null || events === null) return null;
  const hit = MARKS.get(events);
  if (hit && hit.key === key) return hit.value;
  const value: EventMarks = {
    skipped: hollowMarks(steps.skipped, series, x, axis, top, bottom, 'circle'),
    overflow: hollowMarks(steps.overflow, series, x, axis, top, bottom, 'diamond'),
    bad: steps.bad.map((step) => ({ step, x: r1(x(step)) })).filter((b) => Number.isFinite(b.x)),
  };
  MARKS.set(events, { key, value });
  return value;
}
