import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { tickLabel } from '../../views/charts/ticks';

export const INK = '#1b1f3a';

export interface Series {
  key: string;
  /** y per step k = 0, 1, … (non-finite and, on a log axis, non-positive values leave a gap). */
  values: ArrayLike<number>;
  color: string;
  dash?: string;
  width?: number;
}

export interface HLine {
  key: string;
  y: number;
  color: string;
  dash: string;
  label: string;
  /** Which end of the line carries the label (default right). */
  at?: 'left' | 'right';
}

export interface StepPlotProps {
  title: string;
  /** The accessible name: the live numbers in words. */
  label: string;
  steps: number;
  series: Series[];
  lines?: HLine[];
  log: boolean;
  domain: [number, number];
  yLabel: string;
  width?: number;
  height?: number;
}

const P = { l: 48, r: 10, t: 22, b: 28 };

/** A small step plot for the lesson's figures: curves over steps 0..n, horizontal reference lines. */
export function StepPlot({ title, label, steps, series, lines = [], log, domain, yLabel, width = 420, height = 190 }: StepPlotProps) {
  const x = scaleLinear().domain([0, Math.max(1, steps)]).range([P.l, width - P.r]);
  const y = (log ? scaleLog() : scaleLinear()).domain(domain).range([height - P.b, P.t]).clamp(true);
  const ok = (v: number) => Number.isFinite(v) && (!log || v > 0);
  const path = (vals: ArrayLike<number>) => line<number>().digits(1).defined(ok).x((_, k) => x(k)).y((v) => y(v))(Array.from(vals)) ?? '';
  // Reference lines drawn over the curves; their labels sit above the line, pushed apart when close.
  const placed: (HLine & { py: number; ty: number })[] = [];
  for (const h of [...lines].filter((l) => l.y >= domain[0] && l.y <= domain[1]).sort((a, b) => b.y - a.y)) {
    const py = y(h.y);
    const prev = placed.filter((p) => (p.at ?? 'right') === (h.at ?? 'right')).pop();
    placed.push({ ...h, py, ty: Math.max(P.t - 3, prev ? Math.max(py - 4, prev.ty + 12) : py - 4) });
  }
  const yTicks = log ? y.ticks(4).filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9) : y.ticks(4);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width }} role="img" aria-label={label}>
      <title>{title}</title>
      <rect x={0.5} y={0.5} width={width - 1} height={height - 1} fill="#fff" stroke="#d5d8e4" />
      {yTicks.map((t) => (
        <g key={t}>
          <line x1={P.l} x2={width - P.r} y1={y(t)} y2={y(t)} stroke="#eceef4" />
          <text x={P.l - 4} y={y(t) + 3} fontSize={10} textAnchor="end" fill={INK}>{tickLabel(t)}</text>
        </g>
      ))}
      {x.ticks(4).map((t) => <text key={t} x={x(t)} y={height - P.b + 13} fontSize={10} textAnchor="middle" fill={INK}>{t}</text>)}
      <line x1={P.l} x2={width - P.r} y1={height - P.b} y2={height - P.b} stroke={INK} />
      <line x1={P.l} x2={P.l} y1={P.t} y2={height - P.b} stroke={INK} />
      <text x={width - P.r} y={height - 3} fontSize={10} textAnchor="end" fill={INK}>step</text>
      <text x={4} y={13} fontSize={10} fill={INK}>{yLabel}</text>
      {series.map((s) => <path key={s.key} d={path(s.values)} fill="none" stroke={s.color} strokeWidth={s.width ?? 1.6} strokeDasharray={s.dash} />)}
      {placed.map((h) => (
        <g key={h.key}>
          <line x1={P.l} x2={width - P.r} y1={h.py} y2={h.py} stroke={h.color} strokeWidth={1.5} strokeDasharray={h.dash} />
          <text x={h.at === 'left' ? P.l + 4 : width - P.r - 4} y={h.ty} fontSize={10} textAnchor={h.at === 'left' ? 'start' : 'end'} className="eos-annot">{h.label}</text>
        </g>
      ))}
    </svg>
  );
}

/** [lo, hi] of the positive finite values (and extra ones), widened a little, for a log axis. */
export function logDomain(values: readonly ArrayLike<number>[], extra: number[] = []): [number, number] {
  let lo = Infinity, hi = 0;
  for (const vs of values) for (let i = 0; i < vs.length; i++) {
    const v = vs[i]!;
    if (Number.isFinite(v) && v > 0) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  }
  for (const v of extra) if (Number.isFinite(v) && v > 0) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  if (!(lo < hi)) return [1e-3, 1];
  return [lo / 1.5, hi * 1.5];
}
