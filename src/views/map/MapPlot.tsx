import { line } from 'd3-shape';
import { memo, useId, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import type { MapSpec } from '../../engine/analysis/stability-map';
import {
  alphaTicks, boundaryPoints, valueAt, xOfAlphaUnits, xOfColumn, yOfRow, yOfValue, yTicks, type PlotFrame,
} from './map-geometry';
import { mapPixels, mapRowPixels } from './map-raster';

export const MARGIN = { left: 44, right: 10, top: 8, bottom: 40 };

export interface MapMark {
  alphaUnits: number;
  y: number;
  label: string;
}

export interface MapPlotProps {
  spec: MapSpec;
  size: number;
  title: string;
  /** What the colours show, for assistive technology. */
  summary: string;
  values: Float64Array | null;
  filled: number;
  /** Changes whenever `values` changed in place. */
  version: number;
  curves: ('heavyBall' | 'nesterov')[];
  optimum: MapMark | null;
  /** Per-row best α (the (α, κ) map's optimum), as marks. */
  bestPath: MapMark[];
  /** Indices of cells where empirical and analytic disagree. */
  marks: readonly number[];
  point: { alphaUnits: number; y: number } | null;
  pointName: string;
  pointText: string;
  /** Moves the run's point: αλmax, and β (null: keep β, as on the (α, κ) map). */
  onPoint(alphaUnits: number, beta: number | null): void;
  testId: string;
}

const draw = line();
const CURVE_LABEL = { heavyBall: 'heavy ball', nesterov: 'Nesterov' } as const;

/** One map: the canvas raster, axes, boundary curves, optimum, disagreement marks and the run's point. */
export const MapPlot = memo(function MapPlot(p: MapPlotProps) {
  const { spec, size } = p;
  const f: PlotFrame = useMemo(() => ({ spec, size }), [spec, size]);
  const canvas = useRef<HTMLCanvasElement>(null);
  const plot = useRef<HTMLDivElement>(null);
  const drag = useRef<{ raf: number; x: number; y: number; start: { x: number; y: number; cx: number; cy: number } } | null>(null);
  const titleId = useId();
  const helpId = useId();
  const kappa = spec.kind === 'alphaKappa';

  // Painted incrementally: a new map (values array) is drawn whole; as the worker fills rows in,
  // only the new rows are rasterised and put.
  const painted = useRef<{ values: Float64Array | null; rows: number }>({ values: null, rows: 0 });
  useLayoutEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const { nx, ny } = spec;
    const values = p.values && p.values.length === nx * ny ? p.values : null;
    const done = painted.current;
    if (!values || done.values !== values || p.filled < done.rows || c.width !== nx || c.height !== ny) {
      c.width = nx;
      c.height = ny;
      if (values) ctx.putImageData(new ImageData(mapPixels(values, nx, ny, p.filled), nx, ny), 0, 0);
      painted.current = { values, rows: p.filled };
      return;
    }
    if (p.filled > done.rows) {
      ctx.putImageData(new ImageData(mapRowPixels(values, nx, ny, done.rows, p.filled), nx, p.filled - done.rows), 0, ny - p.filled);
      done.rows = p.filled;
    }
  }, [p.values, p.filled, p.version, spec]);

  const move = (x: number, y: number) => {
    const v = valueAt(f, x, y);
    p.onPoint(v.alphaUnits, kappa ? null : v.y);
  };
  // During a drag, positions follow the pointer's movement from where it went down, in the plot as
  // it was then: panels above may change height as α and β change, and must not move the value.
  const local = (e: PointerEvent, from: { x: number; y: number; cx: number; cy: number }) => ({
    x: Math.max(0, Math.min(size, from.x + e.clientX - from.cx)),
    y: Math.max(0, Math.min(size, from.y + e.clientY - from.cy)),
  });
  const onDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const r = plot.current!.getBoundingClientRect();
    const start = { x: e.clientX - r.left, y: e.clientY - r.top, cx: e.clientX, cy: e.clientY };
    const at = local(e, start);
    drag.current = { raf: 0, start, ...at };
    move(at.x, at.y);
  };
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    Object.assign(d, local(e, d.start));
    if (!d.raf) d.raf = requestAnimationFrame(() => {
      if (drag.current !== d) return;
      d.raf = 0;
      move(d.x, d.y);
    });
  };
  const onUp = () => {
    const d = drag.current;
    if (d?.raf) cancelAnimationFrame(d.raf);
    if (d?.raf) move(d.x, d.y);
    drag.current = null;
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const pt = p.point;
    if (!pt) return;
    const big = e.shiftKey;
    const factor = 10 ** (big ? 0.25 : 0.025);
    const dy = big ? 0.1 : 0.01;
    let next: [number, number | null] | null = null;
    if (e.key === 'ArrowRight') next = [pt.alphaUnits * factor, kappa ? null : pt.y];
    else if (e.key === 'ArrowLeft') next = [pt.alphaUnits / factor, kappa ? null : pt.y];
    else if (!kappa && e.key === 'ArrowUp') next = [pt.alphaUnits, pt.y + dy];
    else if (!kappa && e.key === 'ArrowDown') next = [pt.alphaUnits, pt.y - dy];
    if (!next) return;
    e.preventDefault();
    p.onPoint(next[0], next[1]);
  };

  const curvePaths = useMemo(() => p.curves.map((c) => {
    const pts = boundaryPoints(f, c);
    return { c, d: draw(pts) ?? '', top: pts.at(-1) };
  }), [f, p.curves]);
  const cellW = size / spec.nx;
  const cellH = size / spec.ny;
  const markPath = useMemo(() => {
    let d = '';
    const pad = Math.max(1, cellW * 0.6);
    for (const k of p.marks) {
      const x = xOfColumn(f, k % spec.nx) - cellW / 2 - pad;
      const y = yOfRow(f, Math.floor(k / spec.nx)) - cellH / 2 - pad;
      d += `M${x.toFixed(1)},${y.toFixed(1)}h${(cellW + 2 * pad).toFixed(1)}v${(cellH + 2 * pad).toFixed(1)}h${(-cellW - 2 * pad).toFixed(1)}z`;
    }
    return d;
  }, [p.marks, f, spec.nx, cellW, cellH]);

  const inside = (x: number, y: number) => x >= -0.5 && x <= size + 0.5 && y >= -0.5 && y <= size + 0.5;
  const px = p.point ? xOfAlphaUnits(f, p.point.alphaUnits) : NaN;
  const py = p.point ? yOfValue(f, p.point.y) : NaN;
  const pointShown = Number.isFinite(px) && Number.isFinite(py);
  const clampedX = Math.max(0, Math.min(size, px));
  const clampedY = Math.max(0, Math.min(size, py));
  const opt = p.optimum ? { x: xOfAlphaUnits(f, p.optimum.alphaUnits), y: yOfValue(f, p.optimum.y) } : null;
  const bestLine = p.bestPath.map((m) => [xOfAlphaUnits(f, m.alphaUnits), yOfValue(f, m.y)] as [number, number]);
  const width = MARGIN.left + size + MARGIN.right;
  const height = MARGIN.top + size + MARGIN.bottom;

  return (
    <figure className="map-figure" aria-labelledby={titleId} data-testid={p.testId} data-rows={p.filled}>
      <figcaption id={titleId} className="map-title">{p.title}</figcaption>
      <div className="map-stage" style={{ width, height }}>
        <svg className="map-axes" width={width} height={height} aria-hidden="true" focusable="false">
          <g transform={`translate(${MARGIN.left},${MARGIN.top + size})`}>
            {alphaTicks(f).map((t) => (
              <g key={t.label} transform={`translate(${t.at},0)`}>
                <line y2={5} />
                <text y={17} textAnchor="middle">{t.label}</text>
              </g>
            ))}
            <text className="map-axis-title" x={size / 2} y={34} textAnchor="middle">αλmax (α in units of 1/λmax, log)</text>
          </g>
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            {yTicks(f).map((t) => (
              <g key={t.label} transform={`translate(0,${t.at})`}>
                <line x2={-5} />
                <text x={-7} dy="0.32em" textAnchor="end">{t.label}</text>
              </g>
            ))}
            <text className="map-axis-title" transform={`translate(-34,${size / 2}) rotate(-90)`} textAnchor="middle">{kappa ? 'κ = λmax/λmin (log)' : spec.family === 'adam' ? 'β1' : 'β (momentum)'}</text>
          </g>
        </svg>
        <div className="map-plot" ref={plot} style={{ left: MARGIN.left, top: MARGIN.top, width: size, height: size }}
          onPointerDown={onDown} onPointerMove={onMove} onPointerUp={onUp} onPointerCancel={onUp}>
          <canvas ref={canvas} className="map-canvas" style={{ width: size, height: size }} role="img" aria-label={p.summary} />
          <svg className="map-overlay" width={size} height={size} aria-hidden="true" focusable="false">
            {curvePaths.map(({ c, d, top }) => (
              <g key={c} className={`map-curve map-curve-${c}`}>
                <path className="map-curve-halo" d={d} />
                <path className="map-curve-line" d={d} />
                {top && <text className="map-label" x={top[0] - 4} y={c === 'nesterov' ? 24 : 12} textAnchor="end">{CURVE_LABEL[c]}</text>}
              </g>
            ))}
            {bestLine.length > 1 && <path className="map-best" d={draw(bestLine) ?? ''} />}
            {opt && inside(opt.x, opt.y) && (
              <g className="map-optimum" transform={`translate(${opt.x},${opt.y})`}>
                <path d="M0,-7L7,0L0,7L-7,0Z" />
                <text className="map-label" x={opt.x > size * 0.6 ? -9 : 9} y={-8} textAnchor={opt.x > size * 0.6 ? 'end' : 'start'}>{p.optimum!.label}</text>
              </g>
            )}
            {markPath && <g className="map-marks"><path className="map-marks-halo" d={markPath} /><path className="map-marks-line" d={markPath} /></g>}
          </svg>
          {pointShown && (
            <div className={`map-point${inside(px, py) ? '' : ' is-off'}`} style={{ left: clampedX, top: clampedY }}
              role="slider" tabIndex={0} aria-label={p.pointName} aria-describedby={helpId}
              aria-valuemin={spec.alphaRange[0]} aria-valuemax={spec.alphaRange[1]} aria-valuenow={p.point!.alphaUnits}
              aria-valuetext={p.pointText} data-testid={`${p.testId}-point`} onKeyDown={onKey} />
          )}
          <span id={helpId} className="visually-hidden">
            {kappa ? 'Left and right arrows change α; hold Shift for larger steps.' : 'Left and right arrows change α, up and down change β; hold Shift for larger steps.'}
          </span>
        </div>
      </div>
    </figure>
  );
});
