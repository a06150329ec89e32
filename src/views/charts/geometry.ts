import { scaleLinear, scaleLog, scaleSymlog } from 'd3-scale';
import { place, type AxisPlan } from './scales';
import { logTicks, symlogTicks } from './ticks';

/** Geometry shared by the charts: y scales from an axis plan, clipped paths, label rows. Pure. */

export interface YAxis {
  /** value → pixel, clamped into the domain (never ±∞ or NaN for a non-NaN value). */
  y: (v: number) => number;
  ticks: number[];
  /** The domain actually drawn (after nice()), with the plan's floor rule. */
  bounds: { lo: number; hi: number; floorClamp: boolean };
  /** Equal for two axes that map every value to the same pixel (for caching paths). */
  key: string;
}

export function yAxisFor(plan: AxisPlan, top: number, bottom: number): YAxis {
  let lo = plan.lo;
  let hi = plan.hi;
  let scale: (v: number) => number;
  let ticks: number[];
  if (plan.kind === 'log') {
    const s = scaleLog().domain([lo, hi]).nice();
    const [a, b] = s.domain() as [number, number];
    if (a > 0 && Number.isFinite(b) && a < b) [lo, hi] = [a, b];
    s.domain([lo, hi]).range([bottom, top]);
    scale = s;
    ticks = logTicks(lo, hi);
    if (ticks.length < 2) ticks = scaleLinear().domain([lo, hi]).ticks(4).filter((t) => t >= lo && t <= hi && t > 0);
  } else if (plan.kind === 'symlog') {
    const s = scaleSymlog().constant(plan.constant).domain([lo, hi]).range([bottom, top]);
    scale = s;
    ticks = symlogTicks(lo, hi, plan.constant);
  } else {
    const s = scaleLinear().domain([lo, hi]).nice(5);
    const [a, b] = s.domain() as [number, number];
    if (Number.isFinite(a) && Number.isFinite(b) && a < b) [lo, hi] = [a, b];
    s.domain([lo, hi]).range([bottom, top]);
    scale = s;
    ticks = s.ticks(5);
  }
  const y = (v: number) => scale(v < lo ? lo : v > hi ? hi : v);
  const key = `${plan.kind}:${lo}:${hi}:${plan.kind === 'symlog' ? plan.constant : 0}:${plan.floorClamp}:${top}:${bottom}`;
  return { y, ticks: thinTicks(ticks, y), bounds: { lo, hi, floorClamp: plan.floorClamp }, key };
}

/**
 * Drops ticks that would sit closer than `gap` pixels to a kept one: 0 is kept first, then the
 * largest magnitudes (the decades that matter on a symlog axis), then the rest in order.
 */
export function thinTicks(ticks: readonly number[], y: (v: number) => number, gap = 13): number[] {
  const order = [...ticks].sort((a, b) => (a === 0 ? -1 : b === 0 ? 1 : Math.abs(b) - Math.abs(a)));
  const kept: number[] = [];
  for (const t of order) {
    const p = y(t);
    if (Number.isFinite(p) && kept.every((k) => Math.abs(y(k) - p) >= gap)) kept.push(t);
  }
  return kept.sort((a, b) => a - b);
}

export { seriesPath } from './series-path';

export interface Excursion {
  /** First step off the scale, and which side. */
  step: number;
  side: 'above' | 'below';
  /** The most extreme finite value of the excursion (NaN when every value was non-finite). */
  peak: number;
}

/**
 * Maximal stretches of finite values past the top or bottom of the axis. With `joinSides`, a
 * stretch that jumps from one side to the other (a diverging zig-zag) counts as one.
 */
export function excursions(series: ArrayLike<number>, bounds: YAxis['bounds'], joinSides = false): Excursion[] {
  const out: Excursion[] = [];
  let cur: Excursion | null = null;
  for (let i = 0; i < series.length; i++) {
    const v = series[i]!;
    const p = Number.isFinite(v) ? place(v, bounds) : 'missing';
    if (p === 'above' || p === 'below') {
      if (!cur || (cur.side !== p && !joinSides)) {
        cur = { step: i, side: p, peak: v };
        out.push(cur);
      } else if (Math.abs(v) > Math.abs(cur.peak)) cur.peak = v;
    } else cur = null;
  }
  return out;
}

export interface Label { x: number; text: string; edge: 'top' | 'bottom' }
export interface PlacedLabel extends Label { row: number; anchor: 'start' | 'end'; tx: number }

/** Greedy row layout so labels along an edge never overlap (widths estimated from length). */
export function layoutLabels(labels: readonly Label[], left: number, right: number, charPx = 6.4): PlacedLabel[] {
  const rows: Record<'top' | 'bottom', number[]> = { top: [], bottom: [] };
  return [...labels].sort((a, b) => a.x - b.x).map((l) => {
    const w = l.text.length * charPx + 12;
    const anchor = l.x + 6 + w > right ? 'end' : 'start';
    const tx = anchor === 'start' ? Math.max(left + 2, l.x + 6) : l.x - 6;
    const from = anchor === 'start' ? tx : tx - w;
    const ends = rows[l.edge];
    let row = ends.findIndex((end) => end < from);
    if (row < 0) row = ends.push(0) - 1;
    ends[row] = from + w;
    return { ...l, row, anchor, tx };
  });
}
