import type { YAxis } from './geometry';
import { place, type Placement } from './scales';

/** Series → SVG path text for the charts (re-exported by geometry.ts). Pure. */

const drawable = (p: Placement) => p === 'in' || p === 'floor';

/**
 * The path text is written as ASCII bytes into one reused buffer and decoded once: a 500-point
 * series is ~1000 numbers, and printing them one by one into a string is most of the cost.
 */
let buf = new Uint8Array(1 << 14);
let len = 0;
const decoder = new TextDecoder();
const M = 77, L = 76, Z = 90, COMMA = 44, DOT = 46, MINUS = 45, ZERO = 48;

function reserve(extra: number): void {
  if (len + extra <= buf.length) return;
  const next = new Uint8Array(Math.max(buf.length * 2, len + extra));
  next.set(buf.subarray(0, len));
  buf = next;
}

/** Writes v rounded to 0.1 — the same text as String(Math.round(v * 10) / 10), d3-path's digits(1). */
function writeNum(v: number): void {
  const t = Math.round(v * 10);
  if (!(Math.abs(t) < 1e15)) {
    for (const c of String(t / 10)) buf[len++] = c.charCodeAt(0);
    return;
  }
  if (t < 0) buf[len++] = MINUS;
  const a = t < 0 ? -t : t;
  const frac = a % 10;
  let whole = (a - frac) / 10;
  let digits = 1;
  for (let p = 10; p <= whole; p *= 10) digits++;
  len += digits;
  for (let i = len - 1; i >= len - digits; i--) {
    const q = Math.floor(whole / 10);
    buf[i] = ZERO + (whole - q * 10);
    whole = q;
  }
  if (frac !== 0) {
    buf[len++] = DOT;
    buf[len++] = ZERO + frac;
  }
}

/**
 * A series as an SVG path over steps 0..n−1: in-range points as they are, a point past the edge
 * drawn on the edge only where it joins an in-range neighbour (the line visibly leaves the chart),
 * NaN as a gap. Returns '' when nothing is drawable. The same string d3-shape's
 * line().digits(1).defined(…) writes (a lone point is "Mx,yZ"), built in one pass.
 */
export function seriesPath(series: ArrayLike<number>, x: (k: number) => number, axis: YAxis): string {
  const n = series.length;
  const { bounds } = axis;
  len = 0;
  let run = 0; // points in the current stretch
  let prev: Placement = 'missing';
  let cur: Placement = n > 0 ? place(series[0]!, bounds) : 'missing';
  for (let i = 0; i < n; i++) {
    const next: Placement = i + 1 < n ? place(series[i + 1]!, bounds) : 'missing';
    const joins = drawable(cur) || ((cur === 'above' || cur === 'below') && (drawable(prev) || drawable(next)));
    let ok = false;
    if (joins) {
      const px = x(i);
      const py = axis.y(series[i]!);
      if (Number.isFinite(px) && Number.isFinite(py)) {
        reserve(64);
        buf[len++] = run === 0 ? M : L;
        writeNum(px);
        buf[len++] = COMMA;
        writeNum(py);
        run++;
        ok = true;
      }
    }
    if (!ok) {
      if (run === 1) buf[len++] = Z;
      run = 0;
    }
    prev = cur;
    cur = next;
  }
  if (run === 1) buf[len++] = Z;
  return len === 0 ? '' : decoder.decode(buf.subarray(0, len));
}
