import type { RunResult } from '../../state/compute';
import { fitLabel, placeLabel, spreadLabels, type Placed } from './labels';
import { buildTrack, trackAt, type Track, type TrackView } from './track';
import type { Frame } from './viewport';

/**
 * Tracks are cached per result object and frame: when one run's settings change, only that run's
 * track is rebuilt (the result cache hands back the same objects for the others).
 */
const cache = new WeakMap<RunResult, { frame: Frame; track: Track }>();

export function trackFor(r: RunResult, frame: Frame): Track {
  const hit = cache.get(r);
  if (hit && hit.frame === frame) return hit.track;
  const track = buildTrack(r.sim.w, r.sim.length, frame, r.nonFinite);
  cache.set(r, { frame, track });
  return track;
}

export interface RunView extends TrackView {
  place: Placed | null;
}

const LABEL_GAP = 15;

/** Every run's drawing at step k, with the cut-off labels moved apart so none overlap. */
export function sceneAt(tracks: readonly Track[], k: number, width: number, height: number): RunView[] {
  const views: RunView[] = tracks.map((t) => {
    const v = trackAt(t, k);
    if (!v.label || !v.mark) return { ...v, place: null };
    const p = placeLabel(v.mark, width, height);
    const fit = fitLabel(p.x, p.anchor, v.label, width);
    return { ...v, place: { ...p, x: fit.x, anchor: fit.anchor === 'end' ? 'end' : 'start' } };
  });
  for (const side of ['start', 'end'] as const) {
    const ix = views.flatMap((v, i) => (v.place?.anchor === side ? [i] : []));
    if (ix.length < 2) continue;
    const ys = spreadLabels(ix.map((i) => views[i]!.place!.y), LABEL_GAP, 10, height - 10);
    ix.forEach((i, j) => (views[i]!.place = { ...views[i]!.place!, y: ys[j]! }));
  }
  return views;
}

export const TRIANGLE = 'M7,0L-5,5.5L-5,-5.5Z';
export const CROSS = 'M-5,-5L5,5M-5,5L5,-5';

export function markTransform(v: RunView): string {
  if (!v.mark) return '';
  const { x, y, angle, kind } = v.mark;
  // Pull an exit triangle back inside the edge so it is drawn whole.
  const a = (angle * Math.PI) / 180;
  const back = kind === 'exit' ? 7 : 0;
  return `translate(${(x - Math.cos(a) * back).toFixed(1)},${(y - Math.sin(a) * back).toFixed(1)}) rotate(${angle.toFixed(1)})`;
}
