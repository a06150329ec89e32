import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useMemo } from 'react';
import { runColor } from '../../state/doc';
import { fmt } from '../../ui/format';
import { FLOW, LANDING_LRS, landingCurve } from './eos-facts';
import { INK } from './eos-plot';
import { STEPS } from './eos-presets';
import './eos.css';

const W = 420, H = 220, P = { l: 44, r: 12, t: 12, b: 32 };

/** Where GD ends up, against α: the flow's landing while 2/α is above it, then 2/α itself. */
export function EosLanding() {
  const v = useMemo(() => {
    const pts = landingCurve(LANDING_LRS);
    const lo = LANDING_LRS[0]!, hi = LANDING_LRS[LANDING_LRS.length - 1]!;
    const x = scaleLinear().domain([lo, hi]).range([P.l, W - P.r]);
    const y = scaleLinear().domain([0, 14]).range([H - P.b, P.t]).clamp(true);
    const grid = Array.from({ length: 80 }, (_, i) => lo + ((hi - lo) * i) / 79);
    const edge = line<number>().digits(1).x((a) => x(a)).y((a) => y(2 / a))(grid) ?? '';
    const cross = 2 / FLOW;
    const near = pts.filter((p) => p.lr > cross);
    const worst = near.reduce((m, p) => Math.max(m, Math.abs(p.end * p.lr / 2 - 1)), 0);
    const label = `Final sharpness after ${STEPS} steps against α, for α from ${fmt(lo)} to ${fmt(hi)}: ${pts.map((p) => `α ${fmt(p.lr)}: ${p.stopped ? 'overflowed' : fmt(p.end)}`).join('; ')}. Dashed: 2/α. Dotted: ${fmt(FLOW)}, where gradient flow lands.`;
    return { pts, x, y, edge, cross, worst, near: near.length, label };
  }, []);
  const { x, y } = v;
  return (
    <figure className="eos-fig">
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" style={{ maxWidth: W }} role="img" aria-label={v.label}>
        <rect x={0.5} y={0.5} width={W - 1} height={H - 1} fill="#fff" stroke="#d5d8e4" />
        {[0, 4, 8, 12].map((t) => (
          <g key={t}>
            <line x1={P.l} x2={W - P.r} y1={y(t)} y2={y(t)} stroke="#eceef4" />
            <text x={P.l - 4} y={y(t) + 3} fontSize={10} textAnchor="end" fill={INK}>{t}</text>
          </g>
        ))}
        {[0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35].map((t) => <text key={t} x={x(t)} y={H - P.b + 13} fontSize={10} textAnchor="middle" fill={INK}>{t}</text>)}
        <line x1={P.l} x2={W - P.r} y1={H - P.b} y2={H - P.b} stroke={INK} />
        <line x1={P.l} x2={P.l} y1={P.t} y2={H - P.b} stroke={INK} />
        <text x={(P.l + W - P.r) / 2} y={H - 3} fontSize={11} textAnchor="middle" fill={INK}>step size α</text>
        <text x={P.l + 4} y={P.t + 9} fontSize={10} fill={INK}>final λmax</text>
        <path d={v.edge} fill="none" stroke="#b3261e" strokeWidth={1.5} strokeDasharray="6 3" />
        <line x1={P.l} x2={W - P.r} y1={y(FLOW)} y2={y(FLOW)} stroke="#545a75" strokeWidth={1.5} strokeDasharray="2 3" />
        <text x={W - P.r - 4} y={y(FLOW) - 5} fontSize={10} textAnchor="end" className="eos-annot">flow lands at {fmt(FLOW)}</text>
        <text x={x(0.31)} y={y(2 / 0.31) - 8} fontSize={10} textAnchor="middle" className="eos-annot">2/α</text>
        {v.pts.map((p) => <circle key={p.lr} cx={x(p.lr)} cy={y(p.end)} r={3.2} fill="#fff" stroke={runColor(0)} strokeWidth={1.6} />)}
      </svg>
      <figcaption>
        Circles: the sharpness GD ends at after {STEPS} steps from (2.25, 0.1), one run per α. Left of α = 2/{fmt(FLOW)} = {fmt(v.cross)} the
        limit 2/α is above the valley point the run heads for, and it lands there, at {fmt(FLOW)}. Right of it, every one
        of the {v.near} runs ends within {fmt(100 * v.worst, 2)}% of 2/α: the step size, not the start, chose the minimum.
      </figcaption>
    </figure>
  );
}
