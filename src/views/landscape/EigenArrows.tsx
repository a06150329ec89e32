import { memo } from 'react';
import type { Curvature } from '../../engine';
import { fmt } from '../../ui/format';
import { fitLabel } from './labels';
import { toPxX, toPxY, type Frame } from './viewport';

interface Arrow {
  key: string;
  x2: number;
  y2: number;
  lx: number;
  ly: number;
  anchor: 'start' | 'middle' | 'end';
  label: string;
  negative: boolean;
}

/**
 * The Hessian's eigenvectors at the reference point: two arrows, labelled λmax (steepest curvature)
 * and λmin; dashed where the curvature is negative (the surface bends down that way).
 */
export const EigenArrows = memo(function EigenArrows({ curvature, frame }: { curvature: Curvature | null; frame: Frame }) {
  if (!curvature) return null;
  const x = toPxX(frame, curvature.at[0]);
  const y = toPxY(frame, curvature.at[1]);
  if (!(x >= 0 && x <= frame.width && y >= 0 && y <= frame.height)) return null;
  const len = Math.max(28, Math.min(90, 0.16 * Math.min(frame.width, frame.height)));
  const arrows: Arrow[] = [];
  // Named by size, not by the spec's order (whose λ1 may be the smaller): λmax is the steep one.
  const pairs: [string, readonly number[], number][] = [['λmax', curvature.vMax, curvature.lambdaMax], ['λmin', curvature.vMin, curvature.lambdaMin]];
  for (const [name, v, lambda] of pairs) {
    const vx = v[0] ?? NaN;
    const vy = -(v[1] ?? NaN); // pixel y grows downwards
    const n = Math.hypot(vx, vy);
    if (!(n > 0) || !Number.isFinite(n)) continue;
    const ux = vx / n;
    const uy = vy / n;
    const label = `${name} = ${fmt(lambda)}`;
    const fit = fitLabel(x + ux * (len + 14), ux > 0.35 ? 'start' : ux < -0.35 ? 'end' : 'middle', label, frame.width);
    const ly = Math.max(10, Math.min(frame.height - 10, y + uy * (len + 14)));
    arrows.push({ key: name, x2: x + ux * len, y2: y + uy * len, lx: fit.x, ly, anchor: fit.anchor, label, negative: lambda < 0 });
  }
  return (
    <g className="ls-eigen">
      <defs>
        <marker id="ls-arrowhead" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,1L9,5L0,9Z" className="ls-arrowhead" />
        </marker>
      </defs>
      {arrows.map((a) => (
        <g key={a.key}>
          <line className="ls-eigen-halo" x1={x} y1={y} x2={a.x2} y2={a.y2} />
          <line className="ls-eigen-line" x1={x} y1={y} x2={a.x2} y2={a.y2} strokeDasharray={a.negative ? '5 3' : undefined} markerEnd="url(#ls-arrowhead)" />
          <text className="ls-label ls-eigen-label" x={a.lx} y={a.ly} textAnchor={a.anchor} dominantBaseline="central">
            {a.label}
          </text>
        </g>
      ))}
    </g>
  );
});
