import type { SimResult } from '../run';

/**
 * What a practitioner sees on a training dashboard, in the course notes' words: the loss blows up,
 * goes NaN out of nowhere, spikes and recovers, zig-zags without progress, creeps down slowly, sits
 * flat — or falls by orders of magnitude, as it should.
 */
export type Symptom = 'blowup' | 'nan' | 'spike' | 'zigzag' | 'slow' | 'flatline' | 'healthy';

export const SYMPTOMS: readonly Symptom[] = ['blowup', 'nan', 'spike', 'zigzag', 'slow', 'flatline', 'healthy'];

/** The thresholds, in one place so the lesson can quote them. */
export const DIAGNOSE = {
  /** A blow-up: the loss climbs to this many times its start (or overflows after climbing this far). */
  climb: 100,
  /** A spike: one step lands this many times above the highest loss of the previous `span` steps. */
  jump: 10,
  span: 10,
  /** …and the loss comes back down by this factor from the spike's top before the run ends. */
  recover: 10,
  /** A climb in progress: the loss ends above its start and this share of the second half's steps go up. */
  rising: 0.75,
  /** A zig-zag: at least this share of the second half's steps go up, and as many go down… */
  upShare: 0.25,
  /** …while the last quarter's median loss stays above this share of the second quarter's. */
  stuck: 0.1,
  /** Final loss / first loss: above `flat` is a flatline, at or below `healthy` a healthy run, between is slow. */
  flat: 0.5,
  healthy: 1e-3,
} as const;

/** One step "goes up": higher than the previous loss beyond rounding, and above 1e-12 of the start. */
function goesUp(prev: number, next: number, floor: number): boolean {
  return next > prev * (1 + 1e-9) && next > floor;
}

export interface Reading {
  symptom: Symptom;
  /** The step where the run stopped on a non-finite value, the step of the spike's top, or null. */
  at: number | null;
  /** Final finite loss / first loss. */
  ratio: number;
  /** Share of the second half's steps where the loss went up. */
  upShare: number;
}

/**
 * Reads a run the way a practitioner reads a dashboard: only the loss curve, the gradient-norm curve
 * and whether the run stopped on NaN/∞. Nothing about the configuration that made it.
 *  1. stopped on a non-finite value: a blow-up if the loss had first climbed `climb`× above its
 *     start (or the gradient norm had), else NaN out of a healthy-looking curve;
 *  2. the final loss `climb`× above the first, or above it and still rising (three quarters of the
 *     second half's steps go up): a blow-up;
 *  3. one or two single-step jumps of `jump`× over the previous `span` steps' highest loss, each
 *     followed by a fall of `recover`×: a spike;
 *  4. in the second half, a quarter or more of the steps go up and as many down, and the last quarter's median loss
 *     is above a tenth of the second quarter's (bouncing without progress): a zig-zag;
 *  5. otherwise by progress, final / first loss: flatline (> ½), slow, or healthy (≤ 10⁻³).
 */
export function read(r: SimResult): Reading {
  const L = r.loss;
  const G = r.gradNorm;
  const n = r.length;
  const first = L[0]!;
  if (r.nonFinite) {
    let peak = first;
    let gPeak = G[0]!;
    for (let k = 0; k < r.nonFinite.step; k++) {
      if (Number.isFinite(L[k]!)) peak = Math.max(peak, L[k]!);
      if (Number.isFinite(G[k]!)) gPeak = Math.max(gPeak, G[k]!);
    }
    const climbed = peak >= DIAGNOSE.climb * first || gPeak >= Math.sqrt(DIAGNOSE.climb) * G[0]!;
    return { symptom: climbed ? 'blowup' : 'nan', at: r.nonFinite.step, ratio: lastFinite(L, n) / first, upShare: 0 };
  }
  const last = L[n - 1]!;
  const ratio = last / first;
  if (ratio >= DIAGNOSE.climb) return { symptom: 'blowup', at: null, ratio, upShare: 0 };
  const floor = 1e-12 * first;
  const spikes = spikeTops(L, n);
  if (spikes.length >= 1 && spikes.length <= 2 && spikes.every((k) => recovers(L, n, k))) {
    return { symptom: 'spike', at: spikes[0]!, ratio, upShare: 0 };
  }
  const half = Math.floor(n / 2);
  let ups = 0;
  let downs = 0;
  for (let k = half; k + 1 < n; k++) {
    if (goesUp(L[k]!, L[k + 1]!, floor)) ups++;
    else if (goesUp(L[k + 1]!, L[k]!, floor)) downs++;
  }
  const m = n - 1 - half;
  const upShare = m > 0 ? ups / m : 0;
  const downShare = m > 0 ? downs / m : 0;
  // Still climbing, not yet 100×: above the start with most of the second half going up.
  if (ratio > 1 && upShare >= DIAGNOSE.rising) return { symptom: 'blowup', at: null, ratio, upShare };
  const quarter = Math.floor(n / 4);
  const stuck = median(L, n - quarter, n) > DIAGNOSE.stuck * median(L, quarter, half);
  if (upShare >= DIAGNOSE.upShare && downShare >= DIAGNOSE.upShare && stuck) return { symptom: 'zigzag', at: null, ratio, upShare };
  const symptom: Symptom = ratio > DIAGNOSE.flat ? 'flatline' : ratio > DIAGNOSE.healthy ? 'slow' : 'healthy';
  return { symptom, at: null, ratio, upShare };
}

/** The symptom alone. */
export function diagnose(r: SimResult): Symptom {
  return read(r).symptom;
}

/** Steps k whose loss is `jump`× above the highest of the `span` losses before it. */
function spikeTops(L: Float64Array, n: number): number[] {
  const tops: number[] = [];
  for (let k = 1; k < n; k++) {
    let before = 0;
    for (let j = Math.max(0, k - DIAGNOSE.span); j < k; j++) before = Math.max(before, L[j]!);
    if (L[k]! >= DIAGNOSE.jump * before && L[k]! > 1e-12 * L[0]!) tops.push(k);
  }
  return tops;
}

function recovers(L: Float64Array, n: number, top: number): boolean {
  let low = Infinity;
  for (let k = top + 1; k < n; k++) low = Math.min(low, L[k]!);
  return low * DIAGNOSE.recover <= L[top]!;
}

function median(L: Float64Array, from: number, to: number): number {
  const v = Array.from(L.subarray(from, Math.max(from + 1, to))).sort((a, b) => a - b);
  return v[Math.floor(v.length / 2)]!;
}

function lastFinite(L: Float64Array, n: number): number {
  for (let k = n - 1; k >= 0; k--) if (Number.isFinite(L[k]!)) return L[k]!;
  return NaN;
}
