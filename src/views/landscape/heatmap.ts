import type { Heat } from './maps';
import { scratchCanvas } from './offscreen';

/**
 * The heatmap's only contact with the DOM: sizes the canvas's backing store for the device pixel
 * ratio (crisp on high-DPI screens) and draws the raster scaled to fill it, smoothly interpolated.
 */
export function paintHeatmap(canvas: HTMLCanvasElement, heat: Heat, cssWidth: number, cssHeight: number, dpr: number): void {
  const ratio = Math.max(1, Math.min(3, Number.isFinite(dpr) ? dpr : 1));
  const w = Math.max(1, Math.round(cssWidth * ratio));
  const h = Math.max(1, Math.round(cssHeight * ratio));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const src = scratchCanvas(heat.nx, heat.ny);
  const sctx = src.getContext('2d');
  if (!sctx) return;
  sctx.putImageData(new ImageData(heat.rgba, heat.nx, heat.ny), 0, 0);
  ctx.clearRect(0, 0, w, h);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(src, 0, 0, w, h);
}
