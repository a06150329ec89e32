import { shortNum } from './ticks';

/**
 * Choosing a y-axis that survives anything a run can produce: zeros and negative losses on a log
 * axis, 1e300 spikes, NaN and ±∞. Pure functions: no DOM, no React.
 */

export type AxisKind = 'log' | 'symlog' | 'linear';

export interface AxisPlan {
  kind: AxisKind;
  /** Finite domain, lo < hi (lo > 0 for log). */
  lo: number;
  hi: number;
  /** symlog only: half-width of the linear zone around 0. */
  constant: number;
  /** log only: values below lo (zeros, round-off) are drawn on the bottom edge rather than cut. */
  floorClamp: boolean;
  /** What the learner should know about the axis (a fallback, a clamp), or null. */
  note: string | null;
}

/** How far past the starting loss the axis may reach before values count as off-scale. */
export const LOG_DECADES_UP = 12;
export const LOG_DECADES_DOWN = 16;
export const LINEAR_CAP = 10;

interface Stats { ref: number; minFinite: number; maxFinite: number; minPositive: number; finite: number }

/** The starting magnitude (largest |x₀|) and the extremes of the finite values. */
export function seriesStats(series: readonly ArrayLike<number>[]): Stats {
  let ref = 0;
  let maxAbs = 0;
  let minFinite = Infinity;
  let maxFinite = -Infinity;
  let minPositive = Infinity;
  let finite = 0;
  for (const s of series) {
    const x0 = s.length > 0 ? s[0]! : NaN;
    if (Number.isFinite(x0)) ref = Math.max(ref, Math.abs(x0));
    for (let i = 0; i < s.length; i++) {
      const v = s[i]!;
      if (!Number.isFinite(v)) continue;
      finite++;
      if (v < minFinite) minFinite = v;
      if (v > maxFinite) maxFinite = v;
      if (v > 0 && v < minPositive) minPositive = v;
      maxAbs = Math.max(maxAbs, Math.abs(v));
    }
  }
  if (!(ref > 0)) ref = maxAbs > 0 ? maxAbs : 1;
  return { ref, minFinite, maxFinite, minPositive, finite };
}

/**
 * The loss axis: log when asked and every finite loss is ≥ 0 (zeros sit on the floor); a signed
 * log (symlog) when asked but some loss is negative; linear otherwise. The domain reaches at most
 * LOG_DECADES_UP decades (log) or ×LINEAR_CAP (linear) above the starting loss: whatever lies
 * beyond is off-scale and marked, so one exploding run cannot flatten the others.
 */
export function planLossAxis(series: readonly ArrayLike<number>[], wantLog: boolean): AxisPlan {
  return sane(rawLossPlan(series, wantLog));
}

/*
 * Domains snap outward to steps (quarter decades on log scales, 1-1.5-2-2.5-3-4-5-6-8 on linear
 * ones), never past their caps. Dragging a slider then moves the axis only now and then, so the
 * other runs' paths stay as they were (cached) instead of being rescaled on every frame.
 */
const LINEAR_STEPS = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** The smallest quarter-decade ≥ v (v > 0), at most cap. */
export function snapUpLog(v: number, cap = Infinity): number {
  const s = 10 ** (Math.ceil(Math.log10(v) * 4 - 1e-9) / 4);
  return Math.min(Number.isFinite(s) && s >= v ? s : v, cap);
}

/** The largest quarter-decade ≤ v (v > 0), at least floor. */
export function snapDownLog(v: number, floor = 0): number {
  const s = 10 ** (Math.floor(Math.log10(v) * 4 + 1e-9) / 4);
  return Math.max(s > 0 && s <= v ? s : v, floor);
}

/** The smallest 1-1.5-2-2.5-3-4-5-6-8 × 10ᵏ ≥ v (v > 0), at most cap. */
export function snapUpLinear(v: number, cap = Infinity): number {
  const e = 10 ** Math.floor(Math.log10(v));
  const m = LINEAR_STEPS.find((f) => f * e >= v * (1 - 1e-12));
  const s = (m ?? 10) * e;
  return Math.min(Number.isFinite(s) && s >= v * (1 - 1e-12) ? s : v, cap);
}

function rawLossPlan(series: readonly ArrayLike<number>[], wantLog: boolean): AxisPlan {
  const st = seriesStats(series);
  const { ref } = st;
  if (st.finite === 0) {
    return wantLog
      ? { kind: 'log', lo: ref * 1e-3, hi: ref * 10, constant: 0, floorClamp: true, note: null }
      : { kind: 'linear', lo: 0, hi: ref, constant: 0, floorClamp: false, note: null };
  }
  if (wantLog && st.minFinite >= 0) {
    const top = ref * 10 ** LOG_DECADES_UP;
    const bottom = ref * 10 ** -LOG_DECADES_DOWN;
    let hi = st.maxFinite > 0 ? snapUpLog(Math.min(st.maxFinite, top), top) : ref;
    let lo = Number.isFinite(st.minPositive) ? snapDownLog(Math.max(st.minPositive, bottom), bottom) : hi * 1e-3;
    if (!(lo < hi)) [lo, hi] = [hi / 10, Math.min(hi * 10, Number.MAX_VALUE)];
    const floored = st.minFinite < lo;
    const note = floored ? `losses below ${shortNum(lo)} (down to ${st.minFinite === 0 ? 'exactly 0' : shortNum(st.minFinite)}) are drawn on the bottom edge` : null;
    return { kind: 'log', lo, hi, constant: 0, floorClamp: true, note };
  }
  if (wantLog) {
    const cap = ref * 10 ** LOG_DECADES_UP;
    const hi = st.maxFinite > 0 ? snapUpLog(Math.min(st.maxFinite, cap), cap) : 0;
    const lo = -snapUpLog(Math.min(-st.minFinite, cap), cap);
    const constant = ref * 1e-2;
    return {
      kind: 'symlog', lo, hi: hi > lo ? hi : lo + constant, constant, floorClamp: false,
      note: 'the loss goes below 0, which a log scale cannot show: signed log scale (linear near 0)',
    };
  }
  const cap = ref * LINEAR_CAP;
  let hi = st.maxFinite > 0 ? snapUpLinear(Math.min(st.maxFinite, cap), cap) : Math.min(st.maxFinite, cap);
  let lo = st.minFinite < 0 ? -snapUpLinear(Math.min(-st.minFinite, cap), cap) : 0;
  if (hi < 0) hi = 0;
  if (!(lo < hi)) [lo, hi] = [lo - 1, lo + 1];
  return { kind: 'linear', lo, hi, constant: 0, floorClamp: false, note: null };
}

/** Smallest span an axis may have: denormal-sized domains break tick generation. */
const MIN_SPAN = 1e-200;
const AXIS_MAX = 1e300;

/** Widens a degenerate domain (denormal or zero width) into a drawable one. */
function sane(p: AxisPlan): AxisPlan {
  // |domain| ≤ 1e300 so that spans (hi − lo) and d3's nice() never overflow; beyond is off-scale.
  let lo = Math.max(p.lo, -AXIS_MAX);
  let hi = Math.min(p.hi, AXIS_MAX);
  if (p.kind === 'log') {
    lo = Math.min(Math.max(lo, MIN_SPAN), AXIS_MAX / 10);
    if (!(hi > lo * (1 + 1e-9))) hi = lo * 10;
    return { ...p, lo, hi };
  }
  const mid = (lo + hi) / 2;
  const half = Math.max((hi - lo) / 2, Math.abs(mid) * 1e-9, MIN_SPAN);
  if (hi - lo < 2 * half) [lo, hi] = [mid - half, mid + half];
  return { ...p, lo, hi, constant: p.kind === 'symlog' ? Math.max(p.constant, MIN_SPAN) : p.constant };
}

/** Growth past the start beyond which a signed axis switches from linear to symlog. */
export const SIGNED_GROWTH = 20;

/**
 * A symmetric axis for signed values (errors along an eigenvector): linear while every value stays
 * within ×SIGNED_GROWTH of the largest starting magnitude, else a symlog that reaches at most
 * `decadesUp` decades past it (beyond is off-scale) and is linear within 1% of the start.
 */
export function planSignedAxis(series: readonly ArrayLike<number>[], decadesUp = 8): AxisPlan {
  return sane(rawSignedPlan(series, decadesUp));
}

function rawSignedPlan(series: readonly ArrayLike<number>[], decadesUp: number): AxisPlan {
  const st = seriesStats(series);
  const maxAbs = st.finite ? Math.max(Math.abs(st.minFinite), Math.abs(st.maxFinite)) : 0;
  if (!(maxAbs > 0)) return { kind: 'linear', lo: -st.ref, hi: st.ref, constant: 0, floorClamp: false, note: null };
  if (maxAbs <= st.ref * SIGNED_GROWTH) {
    const m = snapUpLinear(maxAbs);
    return { kind: 'linear', lo: -m, hi: m, constant: 0, floorClamp: false, note: null };
  }
  const cap = st.ref * 10 ** decadesUp;
  const m = snapUpLog(Math.min(maxAbs, cap), cap);
  return {
    kind: 'symlog', lo: -m, hi: m, constant: st.ref * 1e-2, floorClamp: false,
    note: `errors grow past ×${SIGNED_GROWTH} their start: signed log scale`,
  };
}

/** Where a value lands on an axis plan. */
export type Placement = 'in' | 'above' | 'below' | 'floor' | 'missing';

export function place(v: number, plan: Pick<AxisPlan, 'lo' | 'hi' | 'floorClamp'>): Placement {
  if (Number.isNaN(v)) return 'missing';
  if (v === -Infinity) return 'below';
  if (v > plan.hi) return 'above';
  if (v < plan.lo) return plan.floorClamp ? 'floor' : 'below';
  return 'in';
}
