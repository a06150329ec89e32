import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { useMemo } from 'react';
import { measuredFloor } from '../../engine/analysis/noise-batch';
import { runColor } from '../../state/doc';
import { fmt } from '../../ui/format';
import { B_LARGE, B_SMALL, FLOOR_BURN, FLOOR_LRS, FLOOR_STEPS, floorSpec, theoryFloor } from './noise-presets';
import './noise.css';

const INK = '#1b1f3a';
const W = 360, H = 230, P = { l: 52, r: 12, t: 12, b: 32 };
const SERIES = [
  { b: B_SMALL, color: runColor(0), dash: undefined, marker: 'circle' as const },
  { b: B_LARGE, color: runColor(1), dash: '6 3', marker: 'square' as const },
];

/** Noise floor against α for two batch sizes: the closed form (lines) and the engine's long-run average (markers). */
export function NoiseFloor() {
  const data = useMemo(() => SERIES.map((s) => ({
    ...s,
    pts: FLOOR_LRS.map((lr) => ({ lr, theory: theoryFloor(lr, s.b), engine: measuredFloor(floorSpec(lr, s.b), FLOOR_BURN) })),
  })), []);
  const grid = Array.from({ length: 60 }, (_, i) => 0.02 + (0.13 * i) / 59);
  const all = [...data.flatMap((s) => s.pts.flatMap((p) => [p.theory, p.engine])), ...SERIES.flatMap((s) => [theoryFloor(grid[0]!, s.b), theoryFloor(0.15, s.b)])];
  const x = scaleLinear().domain([0, 0.16]).range([P.l, W - P.r]);
  const y = scaleLog().domain([Math.min(...all) / 1.5, Math.max(...all) * 1.5]).range([H - P.b, P.t]);
  const path = (b: number) => line<number>().digits(1).x((a) => x(a)).y((a) => y(theoryFloor(a, b)))(grid) ?? '';
  const yTicks = y.ticks(4).filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9);
  const summary = `Noise floor (time-averaged loss after burn-in) against learning rate α, log scale, for B = ${B_SMALL} and B = ${B_LARGE}. ${data.map((s) => `B = ${s.b}: ${s.pts.map((p) => `α ${fmt(p.lr)}: engine ${fmt(p.engine)}, theory ${fmt(p.theory)}`).join('; ')}`).join('. ')}.`;
  return (
    <figure className="noise-fig">
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" style={{ maxWidth: W }} role="img" aria-label={summary}>
        <rect x={0.5} y={0.5} width={W - 1} height={H - 1} fill="#fff" stroke="#d5d8e4" />
        <line x1={P.l} x2={W - P.r} y1={H - P.b} y2={H - P.b} stroke={INK} />
        <line x1={P.l} x2={P.l} y1={P.t} y2={H - P.b} stroke={INK} />
        {[0, 0.05, 0.1, 0.15].map((a) => <text key={a} x={x(a)} y={H - P.b + 13} fontSize={10} textAnchor="middle" fill={INK}>{a}</text>)}
        {yTicks.map((t) => (
          <g key={t}>
            <line x1={P.l} x2={W - P.r} y1={y(t)} y2={y(t)} stroke="#eceef4" />
            <text x={P.l - 4} y={y(t) + 3} fontSize={10} textAnchor="end" fill={INK}>{fmt(t, 1)}</text>
          </g>
        ))}
        <text x={(P.l + W - P.r) / 2} y={H - 3} fontSize={11} textAnchor="middle" fill={INK}>learning rate α</text>
        <text x={11} y={(P.t + H - P.b) / 2} fontSize={11} textAnchor="middle" fill={INK} transform={`rotate(-90 11 ${(P.t + H - P.b) / 2})`}>E[f] floor (log)</text>
        {data.map((s) => (
          <g key={s.b}>
            <path d={path(s.b)} fill="none" stroke={s.color} strokeWidth={2} strokeDasharray={s.dash} />
            {s.pts.map((p) => s.marker === 'circle'
              ? <circle key={p.lr} cx={x(p.lr)} cy={y(p.engine)} r={4} fill="#fff" stroke={INK} strokeWidth={1.5} />
              : <rect key={p.lr} x={x(p.lr) - 4} y={y(p.engine) - 4} width={8} height={8} fill="#fff" stroke={INK} strokeWidth={1.5} />)}
            <text x={x(0.075)} y={y(theoryFloor(0.075, s.b)) - 9} fontSize={11} textAnchor="end" fill={INK}>B = {s.b}</text>
          </g>
        ))}
      </svg>
      <figcaption>
        <span className="noise-key"><span className="noise-swatch" style={{ borderColor: runColor(0) }} />theory, B = {B_SMALL} (○ engine)</span>
        <span className="noise-key"><span className="noise-swatch dashed" style={{ borderColor: runColor(1) }} />theory, B = {B_LARGE} (□ engine)</span>
        Engine markers: the mean loss over steps {FLOOR_BURN}–{FLOOR_STEPS} of one seeded run started at the minimum.
      </figcaption>
    </figure>
  );
}
