import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import type { SimResult } from '../../engine';
import { fmt } from '../../ui/format';

const W = 460;
const H = 220;
const PAD = { l: 48, r: 12, t: 12, b: 30 };
const INK = '#1b1f3a';
/** Losses above this are drawn at the top edge (an overflowing run passes 10³⁰⁰ on its way to ∞). */
const CEIL = 1e7;
const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function decade(t: number): string {
  const e = Math.round(Math.log10(t));
  if (e >= -2 && e <= 4) return fmt(t);
  return `10${e < 0 ? '⁻' : ''}${String(Math.abs(e)).split('').map((d) => SUP[Number(d)]).join('')}`;
}

export interface Series {
  r: SimResult;
  color: string;
  dash?: string;
  width?: number;
}

/**
 * Loss against step on a log axis for a few runs, with vertical marks (the bad batch's step) and a
 * "∞ at step k" flag where a run overflowed. The caller passes the text alternative.
 */
export function SpikeLossChart({ series, steps, marks, label }: { series: Series[]; steps: number; marks: { step: number; text: string }[]; label: string }) {
  const finite = series.flatMap((s) => Array.from(s.r.loss).filter((v) => Number.isFinite(v) && v > 0));
  const lo = Math.min(...finite);
  const hi = Math.min(CEIL, Math.max(...finite));
  const y = scaleLog().domain([lo / 1.5, Math.max(hi * 1.5, lo * 10)]).range([H - PAD.b, PAD.t]).clamp(true);
  const x = scaleLinear().domain([0, steps]).range([PAD.l, W - PAD.r]);
  const path = (r: SimResult) => line<number>().digits(1).defined((v) => Number.isFinite(v) && v > 0).x((_, k) => x(k)).y((v) => y(v))(Array.from(r.loss)) ?? '';
  const ticks = y.ticks(5).filter((t) => Number.isInteger(Math.log10(t)));
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <rect x={PAD.l} y={PAD.t} width={W - PAD.l - PAD.r} height={H - PAD.t - PAD.b} fill="#fff" stroke="#d5d8e4" />
      {ticks.map((t) => (
        <g key={t}>
          <line x1={PAD.l} x2={W - PAD.r} y1={y(t)} y2={y(t)} stroke="#eceef4" />
          <text x={PAD.l - 5} y={y(t) + 3} fontSize={10} textAnchor="end" fill={INK}>{decade(t)}</text>
        </g>
      ))}
      {x.ticks(6).map((t) => <text key={t} x={x(t)} y={H - PAD.b + 13} fontSize={10} textAnchor="middle" fill={INK}>{t}</text>)}
      <text x={(PAD.l + W - PAD.r) / 2} y={H - 3} fontSize={11} textAnchor="middle" fill={INK}>step k</text>
      <text x={11} y={(PAD.t + H - PAD.b) / 2} fontSize={11} textAnchor="middle" fill={INK} transform={`rotate(-90 11 ${(PAD.t + H - PAD.b) / 2})`}>loss (log)</text>
      {marks.map((m) => (
        <g key={m.text}>
          <line x1={x(m.step)} x2={x(m.step)} y1={PAD.t} y2={H - PAD.b} stroke="#9aa0b4" strokeDasharray="2 3" />
          <text x={x(m.step) + 3} y={PAD.t + 10} fontSize={10} fill={INK}>{m.text}</text>
        </g>
      ))}
      {series.map((s, i) => <path key={i} d={path(s.r)} fill="none" stroke={s.color} strokeWidth={s.width ?? 1.8} strokeDasharray={s.dash} />)}
      {series.map((s, i) => s.r.nonFinite && (
        <g key={`x${i}`}>
          <circle cx={x(s.r.nonFinite.step)} cy={PAD.t + 2} r={4} fill="#fff" stroke={s.color} strokeWidth={2} />
          <text x={Math.min(x(s.r.nonFinite.step) + 6, W - PAD.r - 80)} y={PAD.t + 24 + 12 * i} fontSize={10} fill={INK}>
            {Number.isNaN(s.r.nonFinite.value) ? 'NaN' : '∞'} at step {s.r.nonFinite.step}
          </text>
        </g>
      ))}
    </svg>
  );
}
