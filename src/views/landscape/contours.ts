import { contours } from 'd3-contour';
import { r1 } from './pathRecorder';

export interface ContourLine {
  /** The level, in the log space of the values. */
  value: number;
  /** SVG path in plot pixels ('' when the level does not occur in view). */
  d: string;
}

/**
 * Isolines of a grid (row 0 at the top; value i sampled at the centre of cell i) as SVG paths in a
 * width × height pixel plot. With `pad` > 0 the grid extends that many cells beyond the plot on
 * every side (so lines run up to the plot's edges). d3-contour returns filled polygons closed
 * along the grid's border; segments touching that border are dropped so only isolines are stroked.
 */
export function contourLines(values: ArrayLike<number>, nx: number, ny: number, thresholds: readonly number[], width: number, height: number, pad = 0): ContourLine[] {
  if (nx < 2 || ny < 2 || thresholds.length === 0) return [];
  const gen = contours().size([nx, ny]).thresholds(thresholds as number[]);
  const sx = width / (nx - 2 * pad);
  const sy = height / (ny - 2 * pad);
  return gen(Array.from(values)).map((mp) => {
    let d = '';
    for (const polygon of mp.coordinates) for (const ring of polygon) d += ringPath(ring as [number, number][], nx, ny, sx, sy, pad);
    return { value: mp.value, d };
  });
}

/** d3-contour pads the grid with "below every level": ring points on the outer border are artefacts. */
const onBorder = (p: [number, number], nx: number, ny: number) => p[0] <= 0 || p[0] >= nx || p[1] <= 0 || p[1] >= ny;

/** One ring as path commands, lifting the pen along the grid's border. */
export function ringPath(ring: readonly [number, number][], nx: number, ny: number, sx: number, sy: number, pad = 0): string {
  let d = '';
  let pen = false;
  for (let i = 1; i < ring.length; i++) {
    const a = ring[i - 1]!;
    const b = ring[i]!;
    if (onBorder(a, nx, ny) || onBorder(b, nx, ny) || !finite2(a) || !finite2(b)) {
      pen = false;
      continue;
    }
    if (!pen) d += `M${r1((a[0] - pad) * sx)},${r1((a[1] - pad) * sy)}`;
    d += `L${r1((b[0] - pad) * sx)},${r1((b[1] - pad) * sy)}`;
    pen = true;
  }
  return d;
}

const finite2 = (p: [number, number]) => Number.isFinite(p[0]) && Number.isFinite(p[1]);
