import type { ViewBox } from '../../engine';

/**
 * Pure view-box arithmetic for the landscape: square data aspect, zoom about a point, pan, limits.
 * Boxes are in data units; pixel sizes are CSS pixels of the plot area (y grows downwards).
 */

export const spanX = (b: ViewBox) => b.xMax - b.xMin;
export const spanY = (b: ViewBox) => b.yMax - b.yMin;

export function isValidBox(b: ViewBox | null | undefined): b is ViewBox {
  return !!b && [b.xMin, b.xMax, b.yMin, b.yMax].every(Number.isFinite) && b.xMax > b.xMin && b.yMax > b.yMin;
}

export function sameBox(a: ViewBox | null, b: ViewBox | null, tol = 1e-9): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const s = tol * Math.max(spanX(a), spanY(a));
  return Math.abs(a.xMin - b.xMin) <= s && Math.abs(a.xMax - b.xMax) <= s && Math.abs(a.yMin - b.yMin) <= s && Math.abs(a.yMax - b.yMax) <= s;
}

/**
 * Grows the box about its centre so one data unit spans as many pixels across as up (a circle
 * stays a circle). Never shrinks: everything asked for stays visible.
 */
export function fitAspect(box: ViewBox, width: number, height: number): ViewBox {
  if (!(width > 0 && height > 0)) return box;
  const sx = spanX(box);
  const sy = spanY(box);
  const cx = box.xMin / 2 + box.xMax / 2;
  const cy = box.yMin / 2 + box.yMax / 2;
  const ratio = width / height;
  if (sx / sy < ratio) {
    const half = (sy * ratio) / 2;
    return { xMin: cx - half, xMax: cx + half, yMin: box.yMin, yMax: box.yMax };
  }
  const half = sx / ratio / 2;
  return { xMin: box.xMin, xMax: box.xMax, yMin: cy - half, yMax: cy + half };
}

/** Zooms by `factor` (> 1 = in) keeping the data point (x, y) where it is on screen. */
export function zoomAt(box: ViewBox, x: number, y: number, factor: number): ViewBox {
  const f = 1 / factor;
  return {
    xMin: x - (x - box.xMin) * f, xMax: x + (box.xMax - x) * f,
    yMin: y - (y - box.yMin) * f, yMax: y + (box.yMax - y) * f,
  };
}

export function panBy(box: ViewBox, dx: number, dy: number): ViewBox {
  return { xMin: box.xMin + dx, xMax: box.xMax + dx, yMin: box.yMin + dy, yMax: box.yMax + dy };
}

/** How far from the surface's own window the view may go: spans and offsets within these factors. */
export const ZOOM_LIMIT = 1e4;

/**
 * Keeps a box within sane limits relative to the surface's own window `ref`: its span between
 * ref/ZOOM_LIMIT and ref·ZOOM_LIMIT and its centre within ZOOM_LIMIT spans of ref's centre, so
 * values and scales stay finite. Returns ref for an invalid box.
 */
export function clampBox(box: ViewBox, ref: ViewBox): ViewBox {
  if (!isValidBox(box)) return ref;
  const r = Math.max(spanX(ref), spanY(ref));
  const s = Math.max(spanX(box), spanY(box));
  let b = box;
  const lo = r / ZOOM_LIMIT;
  const hi = r * ZOOM_LIMIT;
  if (s < lo || s > hi) {
    const k = (s < lo ? lo : hi) / s;
    const cx = (b.xMin + b.xMax) / 2;
    const cy = (b.yMin + b.yMax) / 2;
    b = zoomAt(b, cx, cy, 1 / k);
  }
  const rcx = (ref.xMin + ref.xMax) / 2;
  const rcy = (ref.yMin + ref.yMax) / 2;
  const cx = (b.xMin + b.xMax) / 2;
  const cy = (b.yMin + b.yMax) / 2;
  const far = r * ZOOM_LIMIT;
  const dx = Math.max(-far, Math.min(far, cx - rcx)) - (cx - rcx);
  const dy = Math.max(-far, Math.min(far, cy - rcy)) - (cy - rcy);
  return dx || dy ? panBy(b, dx, dy) : b;
}

/** Maps between data and plot pixels for one box and plot size. */
export interface Frame {
  box: ViewBox;
  width: number;
  height: number;
}

export const toPxX = (f: Frame, x: number) => ((x - f.box.xMin) / spanX(f.box)) * f.width;
export const toPxY = (f: Frame, y: number) => ((f.box.yMax - y) / spanY(f.box)) * f.height;
export const fromPxX = (f: Frame, px: number) => f.box.xMin + (px / f.width) * spanX(f.box);
export const fromPxY = (f: Frame, py: number) => f.box.yMax - (py / f.height) * spanY(f.box);

/**
 * The CSS transform that shows, on a layer drawn for `drawn`, what `live` would show: used while
 * a wheel or drag gesture is under way, before the new box is committed and redrawn.
 */
export function previewTransform(drawn: ViewBox, live: ViewBox, width: number, height: number): string {
  const s = spanX(drawn) / spanX(live);
  const tx = ((drawn.xMin - live.xMin) / spanX(live)) * width;
  const ty = ((live.yMax - drawn.yMax) / spanY(live)) * height;
  return `translate(${tx}px, ${ty}px) scale(${s})`;
}

/** The affine map (scale, then translate) taking pixels of frame `from` to pixels of frame `to`. */
export function frameMap(from: Frame, to: Frame): { sx: number; sy: number; tx: number; ty: number } {
  const kxFrom = from.width / spanX(from.box);
  const kyFrom = from.height / spanY(from.box);
  const kxTo = to.width / spanX(to.box);
  const kyTo = to.height / spanY(to.box);
  return { sx: kxTo / kxFrom, sy: kyTo / kyFrom, tx: (from.box.xMin - to.box.xMin) * kxTo, ty: (to.box.yMax - from.box.yMax) * kyTo };
}
