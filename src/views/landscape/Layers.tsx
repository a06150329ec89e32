import { memo, useLayoutEffect, useRef } from 'react';
import type { Minimum } from '../../engine';
import { paintHeatmap } from './heatmap';
import type { Heat, Isoline } from './maps';
import { frameMap, toPxX, toPxY, type Frame } from './viewport';

/** The canvas raster of the loss (repainted only when the heat raster or the size changes). */
export const HeatmapCanvas = memo(function HeatmapCanvas({ heat, width, height, dpr }: { heat: Heat | null; width: number; height: number; dpr: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    if (ref.current && heat && width > 0 && height > 0) paintHeatmap(ref.current, heat, width, height, dpr);
  }, [heat, width, height, dpr]);
  return <canvas ref={ref} className="ls-heat" style={{ width, height }} aria-hidden="true" />;
});

/**
 * Isolines traced for frame `from`, shown in frame `to`: while they are being recomputed for a new
 * box (a task later) the old ones are mapped onto it, so they never sit misaligned on the heatmap.
 */
export const Contours = memo(function Contours({ lines, from, to }: { lines: readonly Isoline[]; from: Frame | null; to: Frame }) {
  const m = from && from !== to ? frameMap(from, to) : null;
  const ok = m && [m.sx, m.sy, m.tx, m.ty].every(Number.isFinite);
  return (
    <g className="ls-contours" transform={ok ? `matrix(${m.sx},0,0,${m.sy},${m.tx},${m.ty})` : undefined}>
      {lines.map((l) => (
        <path key={l.value} d={l.d} stroke={l.stroke} />
      ))}
    </g>
  );
});

const star = (r: number) => {
  let d = '';
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const q = i % 2 ? r * 0.45 : r;
    d += `${i ? 'L' : 'M'}${(q * Math.cos(a)).toFixed(2)},${(q * Math.sin(a)).toFixed(2)}`;
  }
  return `${d}Z`;
};
const STAR_BIG = star(8);
const STAR_SMALL = star(6);

/** A star on each minimum in view; the lowest one larger. */
export const Minima = memo(function Minima({ minima, frame }: { minima: readonly Minimum[]; frame: Frame }) {
  return (
    <g className="ls-minima">
      {minima.map((m, i) => {
        const x = toPxX(frame, m.x);
        const y = toPxY(frame, m.y);
        if (!(x >= -8 && x <= frame.width + 8 && y >= -8 && y <= frame.height + 8)) return null;
        return <path key={i} d={i === 0 ? STAR_BIG : STAR_SMALL} transform={`translate(${x.toFixed(1)},${y.toFixed(1)})`} />;
      })}
    </g>
  );
});
