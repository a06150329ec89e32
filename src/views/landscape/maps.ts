import type { Surface, ViewBox } from '../../engine';
import { colorAt, luminance, rasterize } from './colormap';
import { contourLines, type ContourLine } from './contours';
import { contourThresholds, logField, logScaleFor, sampleField, type LogScale } from './field';

/** Most heatmap cells computed per view (drawn smoothly scaled; finer is not visibly sharper). */
export const MAX_HEAT_CELLS = 160_000;
/** Contours are traced on a coarser grid: about this many CSS pixels per cell. */
export const CONTOUR_CELL_PX = 4;
export const CONTOUR_LEVELS = 12;

export interface Heat {
  nx: number;
  ny: number;
  /** RGBA, nx × ny, row 0 at the top. */
  rgba: Uint8ClampedArray<ArrayBuffer>;
  scale: LogScale;
}

export interface Isoline extends ContourLine {
  stroke: string;
}

/** Grid size for a plot: one cell per CSS pixel unless that exceeds MAX_HEAT_CELLS. */
export function heatGrid(width: number, height: number, maxCells = MAX_HEAT_CELLS): [number, number] {
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  const k = Math.max(1, Math.sqrt((w * h) / maxCells));
  return [Math.max(2, Math.round(w / k)), Math.max(2, Math.round(h / k))];
}

/**
 * While a surface slider is being dragged the landscape is drafted at these coarser resolutions
 * (about 8× fewer heatmap cells, 6× fewer contour cells), then redrawn in full once it settles.
 */
export const DRAFT_HEAT_CELLS = 20_000;
export const DRAFT_CONTOUR_CELL_PX = 10;

/** The heatmap raster and its log scale for one surface, box and plot size. */
export function computeHeat(surface: Surface, box: ViewBox, width: number, height: number, maxCells = MAX_HEAT_CELLS): Heat {
  const [nx, ny] = heatGrid(width, height, maxCells);
  const values = sampleField((x, y) => surface.value(x, y), box, nx, ny);
  const scale = logScaleFor(values, surface.minima);
  return { nx, ny, rgba: rasterize(logField(values, scale), scale), scale };
}

/** The log-space grid the isolines are traced on, and their levels (see computeIsolines). */
export interface IsolineField {
  logs: Float64Array;
  nx: number;
  ny: number;
  width: number;
  height: number;
  scale: LogScale;
  levels: number[];
}

/** Samples the padded contour grid (one cell larger than the view on every side) and picks the levels. */
export function isolineField(surface: Surface, box: ViewBox, width: number, height: number, scale: LogScale, cellPx = CONTOUR_CELL_PX): IsolineField {
  const nx = Math.max(8, Math.round(width / cellPx));
  const ny = Math.max(8, Math.round(height / cellPx));
  const cx = (box.xMax - box.xMin) / nx;
  const cy = (box.yMax - box.yMin) / ny;
  const padded = { xMin: box.xMin - cx, xMax: box.xMax + cx, yMin: box.yMin - cy, yMax: box.yMax + cy };
  const logs = logField(sampleField((x, y) => surface.value(x, y), padded, nx + 2, ny + 2), scale);
  return { logs, nx: nx + 2, ny: ny + 2, width, height, scale, levels: contourThresholds(scale.lo, scale.hi, CONTOUR_LEVELS) };
}

/** The isolines of some of the field's levels (all by default), with their stroke colours. */
export function traceIsolines(f: IsolineField, levels: readonly number[] = f.levels): Isoline[] {
  return contourLines(f.logs, f.nx, f.ny, levels, f.width, f.height, 1)
    .filter((c) => c.d !== '')
    .map((c) => ({ ...c, stroke: luminance(colorAt(c.value, f.scale)) < 0.2 ? '#ffffff' : '#0d1330' }));
}

/**
 * ~12 isolines evenly spaced in the heatmap's log space, traced on a grid one cell larger than the
 * view on every side so they reach the edges. Light strokes over dark colours and vice versa.
 */
export function computeIsolines(surface: Surface, box: ViewBox, width: number, height: number, scale: LogScale, cellPx = CONTOUR_CELL_PX): Isoline[] {
  return traceIsolines(isolineField(surface, box, width, height, scale, cellPx));
}
