import { memo, useId, type ReactNode } from 'react';
import { symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle } from 'd3-shape';
import { tickLabel } from './ticks';
import './charts.css';

export interface Margin { top: number; right: number; bottom: number; left: number }

/** A scale as the frame needs it: value → pixel. */
export type ToPx = (v: number) => number;

/** A finite pixel or null: every coordinate goes through this before it reaches the DOM. */
export function px(v: number | undefined): number | null {
  return v !== undefined && Number.isFinite(v) ? Math.round(v * 10) / 10 : null;
}

interface AxesProps {
  width: number;
  height: number;
  margin: Margin;
  x: ToPx;
  y: ToPx;
  xTicks: readonly number[];
  yTicks: readonly number[];
  xLabel?: string;
  yLabel?: string;
  yFormat?: (v: number) => string;
}

/**
 * Gridlines, axis lines and tick labels, from d3-scale ticks, drawn as plain SVG. Memoised: the
 * charts hand it the same scale and tick arrays while the axes stay the same.
 */
export const Axes = memo(function Axes({ width, height, margin, x, y, xTicks, yTicks, xLabel, yLabel, yFormat = tickLabel }: AxesProps) {
  const left = margin.left;
  const right = width - margin.right;
  const top = margin.top;
  const bottom = height - margin.bottom;
  return (
    <g className="axes" aria-hidden="true">
      {yTicks.map((t) => {
        const py = px(y(t));
        if (py === null || py < top - 0.5 || py > bottom + 0.5) return null;
        return (
          <g key={`y${t}`}>
            <line className={t === 0 ? 'grid zero' : 'grid'} x1={left} x2={right} y1={py} y2={py} />
            <text className="tick" x={left - 6} y={py} dy="0.32em" textAnchor="end">{yFormat(t)}</text>
          </g>
        );
      })}
      {xTicks.map((t) => {
        const pxv = px(x(t));
        if (pxv === null) return null;
        return (
          <g key={`x${t}`}>
            <line className="tick-mark" x1={pxv} x2={pxv} y1={bottom} y2={bottom + 4} />
            <text className="tick" x={pxv} y={bottom + 16} textAnchor="middle">{tickLabel(t)}</text>
          </g>
        );
      })}
      <line className="axis" x1={left} x2={right} y1={bottom} y2={bottom} />
      <line className="axis" x1={left} x2={left} y1={top} y2={bottom} />
      {xLabel && <text className="axis-label" x={right} y={height - 2} textAnchor="end">{xLabel}</text>}
      {yLabel && <text className="axis-label" x={4} y={Math.max(10, top - 12)}>{yLabel}</text>}
    </g>
  );
});

const SHAPES = [symbolCircle, symbolSquare, symbolTriangle, symbolDiamond, symbolCross, symbolStar];

const MARKS = new Map<string, string>();

/** Each run also has a shape (colour is never the only cue): circle, square, triangle, … */
export function markPath(index: number, size = 48): string {
  const key = `${index % SHAPES.length}:${size}`;
  let d = MARKS.get(key);
  if (d === undefined) MARKS.set(key, (d = symbol(SHAPES[index % SHAPES.length]!, size)() ?? ''));
  return d;
}

/** A run's shape in its colour, centred at (x, y). */
export const RunMark = memo(function RunMark({ index, color, x, y, size = 48 }: { index: number; color: string; x: number; y: number; size?: number }) {
  return <path className="run-mark" d={markPath(index, size)} transform={`translate(${x},${y})`} fill={color} />;
});

/** A run's key: its shape (and line) in its colour, in a tiny inline SVG for legends and readouts. */
export const RunKey = memo(function RunKey({ index, color, dashed = false }: { index: number; color: string; dashed?: boolean }) {
  return (
    <svg className="run-key" width="26" height="12" viewBox="0 0 26 12" aria-hidden="true" focusable="false">
      <line x1="1" x2="25" y1="6" y2="6" stroke={color} strokeWidth="2" strokeDasharray={dashed ? '4 3' : undefined} />
      <path d={markPath(index, 40)} transform="translate(13,6)" fill={color} stroke="#fff" strokeWidth="1" />
    </svg>
  );
});

/** A DOM-safe unique id for clip paths and labels (React's useId has characters url(#…) dislikes). */
export function useSafeId(prefix: string): string {
  return prefix + useId().replace(/[^a-zA-Z0-9_-]/g, '');
}

/** A chart's card: a <figure> named by its heading, with optional controls beside the heading. */
export function ChartFigure({ id, title, className, controls, children }: { id: string; title: string; className?: string; controls?: ReactNode; children: ReactNode }) {
  return (
    <figure className={`panel chart ${className ?? ''}`} aria-labelledby={id}>
      <div className="chart-head">
        <h2 id={id}>{title}</h2>
        {controls}
      </div>
      {children}
    </figure>
  );
}
