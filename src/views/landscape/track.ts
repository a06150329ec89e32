import { line } from 'd3-shape';
import type { NonFinite } from '../../engine';
import { clipSegment, edgeToward, inBox, pointAt } from './clip';
import { PathRecorder, r1 } from './pathRecorder';
import { toPxX, toPxY, type Frame } from './viewport';

/** Where a trajectory is cut off: a triangle at the view's edge (or a cross where it stopped). */
export interface Mark {
  kind: 'exit' | 'stop';
  x: number;
  y: number;
  /** Direction of travel in degrees, in pixel space (y down). */
  angle: number;
}

/** A run's drawing for one view, precomputed so that showing steps 0..k costs a string slice. */
export interface Track {
  n: number;
  d: string;
  /** d.slice(0, cuts[k]) draws the path through point k. */
  cuts: Int32Array;
  dots: string;
  dotCuts: Int32Array;
  /** Pixel position of point i, NaN when it is outside the view or not finite. */
  px: Float64Array;
  marks: Mark[];
  /** Index into marks of the mark shown at step i, or −1. */
  markAt: Int32Array;
  /** First step of the stretch outside the view that step i belongs to, or −1 when i is inside. */
  leftAt: Int32Array;
  nonFinite: NonFinite | null;
}

/** Dots closer than this (px) to the previous dot are skipped. */
export const DOT_SPACING = 4;
/** Builds the track of points w[0..length) (x, y interleaved) for a frame. Never emits NaN. */
export function buildTrack(w: ArrayLike<number>, length: number, frame: Frame, nonFinite: NonFinite | null): Track {
  const { box } = frame;
  const n = Math.max(0, Math.min(length, Math.floor(w.length / 2)));
  const px = new Float64Array(2 * n).fill(NaN);
  const cuts = new Int32Array(n);
  const dotCuts = new Int32Array(n);
  const markAt = new Int32Array(n).fill(-1);
  const leftAt = new Int32Array(n).fill(-1);
  const marks: Mark[] = [];

  // Vertices for d3's line(): (x, y, step); a NaN x is a gap (the pen lifts).
  const vx: number[] = [];
  const vy: number[] = [];
  const vStep: number[] = [];
  const push = (x: number, y: number, step: number) => (vx.push(toPxX(frame, x)), vy.push(toPxY(frame, y)), vStep.push(step));
  const gap = (step: number) => (vx.push(NaN), vy.push(NaN), vStep.push(step));

  let dots = '';
  let lastDotX = NaN;
  let lastDotY = NaN;
  let pen = false; // the last vertex is the previous point, inside the view
  let outsideSince = -1;
  let lastMark = -1;
  let crossed = false; // an exit or a stop has been marked
  let prevX = NaN;
  let prevY = NaN;
  for (let i = 0; i < n; i++) {
    const x = w[2 * i]!;
    const y = w[2 * i + 1]!;
    const finite = Number.isFinite(x) && Number.isFinite(y);
    const inside = finite && inBox(box, x, y);
    const prevFinite = Number.isFinite(prevX) && Number.isFinite(prevY);
    if (i === 0 && inside) push(x, y, 0);
    // Only segments with an end in view are drawn: once a run has left, its jumps between points
    // outside (e.g. a divergent zigzag across the valley) are not, and the exit mark says where it went.
    if (i > 0 && finite && prevFinite && (inside || pen)) {
      const c = clipSegment(prevX, prevY, x, y, box);
      if (c) {
        const [ax, ay] = pointAt(prevX, prevY, x, y, c[0]);
        const [bx, by] = pointAt(prevX, prevY, x, y, c[1]);
        if (!(pen && c[0] === 0)) {
          gap(i);
          push(ax, ay, i);
        }
        push(bx, by, i);
        if (c[1] < 1) {
          const e = vx.length - 1;
          const angle = Math.atan2(toPxY(frame, by) - toPxY(frame, ay), toPxX(frame, bx) - toPxX(frame, ax));
          marks.push({ kind: 'exit', x: vx[e]!, y: vy[e]!, angle: Number.isFinite(angle) ? (angle * 180) / Math.PI : 0 });
          lastMark = marks.length - 1;
          crossed = true;
        }
      }
    }
    if (i > 0 && !finite && pen) {
      // The run stopped inside the view: a cross at the last finite point.
      marks.push({ kind: 'stop', x: toPxX(frame, prevX), y: toPxY(frame, prevY), angle: 0 });
      lastMark = marks.length - 1;
      crossed = true;
    }
    pen = inside;
    if (inside) {
      const qx = toPxX(frame, x);
      const qy = toPxY(frame, y);
      px[2 * i] = qx;
      px[2 * i + 1] = qy;
      outsideSince = -1;
      if (i > 0 && !(Math.hypot(qx - lastDotX, qy - lastDotY) < DOT_SPACING)) {
        dots += `M${r1(qx)},${r1(qy)}h0`;
        lastDotX = qx;
        lastDotY = qy;
      } else if (i === 0) [lastDotX, lastDotY] = [qx, qy];
    } else {
      if (outsideSince < 0) outsideSince = i;
      leftAt[i] = outsideSince;
      if (!crossed && finite) {
        // Never drawn in view so far: point from the view's centre towards where the run is.
        const e = edgeToward(box, x, y);
        if (e) {
          marks.push({ kind: 'exit', x: toPxX(frame, e.x), y: toPxY(frame, e.y), angle: (-e.angle * 180) / Math.PI });
          lastMark = marks.length - 1;
        }
      }
      markAt[i] = lastMark;
    }
    dotCuts[i] = dots.length;
    if (finite) [prevX, prevY] = [x, y];
    else [prevX, prevY] = [NaN, NaN];
  }

  // d3-shape builds the path; the recorder notes where each vertex ends for the per-step cuts.
  const rec = new PathRecorder();
  const idx = vx.map((_, j) => j);
  line<number>().x((j) => vx[j]!).y((j) => vy[j]!).defined((j) => Number.isFinite(vx[j]!))
    .context(rec as unknown as CanvasRenderingContext2D)(idx);
  let v = 0;
  let defined = 0;
  let end = 0;
  for (let i = 0; i < n; i++) {
    for (; v < vStep.length && vStep[v]! <= i; v++) if (Number.isFinite(vx[v]!)) end = rec.ends[defined++] ?? end;
    cuts[i] = end;
  }
  return { n, d: rec.d, cuts, dots, dotCuts, px, marks, markAt, leftAt, nonFinite };
}

/** What to draw of a track at playback step k. */
export interface TrackView {
  d: string;
  dots: string;
  /** The current point, when it is in view. */
  ring: [number, number] | null;
  mark: Mark | null;
  /** "left at step 14", "∞ at step 137", "NaN at step 137", "outside the view" — only with a mark. */
  label: string | null;
}

/** "∞ at step 137", "−∞ at step 3", "NaN at step 12". */
export function nonFiniteLabel(nf: NonFinite): string {
  return `${Number.isNaN(nf.value) ? 'NaN' : nf.value < 0 ? '−∞' : '∞'} at step ${nf.step}`;
}

export function trackAt(t: Track, k: number): TrackView {
  if (t.n === 0) return { d: '', dots: '', ring: null, mark: null, label: null };
  const i = Math.max(0, Math.min(t.n - 1, Math.floor(Number.isNaN(k) ? 0 : k)));
  const x = t.px[2 * i]!;
  const y = t.px[2 * i + 1]!;
  const ring: [number, number] | null = Number.isFinite(x) && Number.isFinite(y) ? [x, y] : null;
  let mark = t.markAt[i]! >= 0 ? t.marks[t.markAt[i]!]! : null;
  let label: string | null = null;
  const nf = t.nonFinite;
  if (nf && k >= nf.step) {
    label = nonFiniteLabel(nf);
    if (!mark && ring) mark = { kind: 'stop', x: ring[0], y: ring[1], angle: 0 };
  } else if (t.leftAt[i]! > 0) {
    label = `left at step ${t.leftAt[i]}`;
  } else if (t.leftAt[i] === 0) {
    label = 'outside the view';
  }
  return { d: t.d.slice(0, t.cuts[i]), dots: t.dots.slice(0, t.dotCuts[i]), ring, mark, label: mark ? label : null };
}
