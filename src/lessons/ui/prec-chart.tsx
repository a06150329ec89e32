import { scaleLinear, scaleLog } from 'd3-scale';
import { curveStepAfter, line } from 'd3-shape';
import { useMemo } from 'react';
import './prec.css';

const INK = '#1b1f3a';
const W = 400;
const P = { l: 50, r: 12, t: 12, b: 30 };
const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** 10⁻⁴-style labels for powers of ten, plain numbers near 1. */
export function decade(t: number): string {
  const e = Math.round(Math.log10(t));
  if (e >= -2 && e <= 4) return String(Number(t.toPrecision(3)));
  const digits = String(Math.abs(e)).split('').map((d) => SUP[Number(d)]).join('');
  return `10${e < 0 ? '⁻' : ''}${digits}`;
}

/** 2¹³-style label for a power of two given by its exponent. */
export function pow2(e: number): string {
  return `2${e < 0 ? '⁻' : ''}${String(Math.abs(e)).split('').map((d) => SUP[Number(d)]).join('')}`;
}

export interface Series {
  label: string;
  values: ArrayLike<number>;
  color: string;
  /** SVG dash pattern: each series gets its own, so colour is never the only cue. */
  dash?: string;
  /** Draw as a staircase (a value held until the next step). */
  step?: boolean;
}

export interface Mark {
  x: number;
  y: number;
  label: string;
}

export interface ChartProps {
  /** The figure's text alternative, with its live numbers. */
  label: string;
  series: Series[];
  steps: number;
  yLabel: string;
  log?: boolean;
  height?: number;
  /** Horizontal reference lines (dotted, labelled just below the line at the right). */
  refs?: { y: number; label: string }[];
  /** Points marked with a downward triangle (e.g. skipped steps), labelled in the caption. */
  marks?: Mark[];
  yTicks?: number[];
  yFormat?: (v: number) => string;
  /** Values at or below this are drawn at the floor (log scale), e.g. a distance that is exactly 0. */
  floor?: number;
}

/** A step-indexed line chart, computed from engine output passed in by the lesson's figures. */
export function PrecChart(props: ChartProps) {
  const { series, steps, log = true, height = 200, refs = [], marks = [] } = props;
  const view = useMemo(() => {
    const H = height;
    const pos = (v: number) => (log ? Number.isFinite(v) && v > 0 : Number.isFinite(v));
    const all = [...series.flatMap((s) => Array.from(s.values).filter(pos)), ...refs.map((r) => r.y), ...marks.map((m) => m.y)].filter(pos);
    let lo = Math.min(...all);
    let hi = Math.max(...all);
    if (props.floor !== undefined) lo = Math.max(lo, props.floor);
    if (!(lo < hi)) [lo, hi] = log ? [lo / 10, hi * 10] : [lo - 1, hi + 1];
    const y = log
      ? scaleLog().domain([lo / 2, hi * 2]).range([H - P.b, P.t]).clamp(true)
      : scaleLinear().domain([lo, hi]).nice(4).range([H - P.b, P.t]);
    const x = scaleLinear().domain([0, steps]).range([P.l, W - P.r]);
    const paths = series.map((s) => {
      const gen = line<number>().digits(1).defined(pos).x((_, k) => x(k)).y((v) => y(v));
      if (s.step) gen.curve(curveStepAfter);
      return gen(Array.from(s.values)) ?? '';
    });
    const ticks = props.yTicks ?? (log ? y.ticks(5).filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9) : y.ticks(4));
    return { H, x, y, paths, ticks };
  }, [series, steps, log, height, refs, marks, props.yTicks, props.floor]);
  const { H, x, y } = view;
  const fmtY = props.yFormat ?? (log ? decade : (v: number) => String(v));
  return (
    <svg className="prec-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={props.label}>
      <rect x={P.l} y={P.t} width={W - P.l - P.r} height={H - P.t - P.b} fill="#fff" stroke="#d5d8e4" />
      {view.ticks.map((t) => (
        <g key={t}>
          <line x1={P.l} x2={W - P.r} y1={y(t)} y2={y(t)} stroke="#eceef4" />
          <text x={P.l - 5} y={y(t) + 3} fontSize={10} textAnchor="end" fill={INK}>{fmtY(t)}</text>
        </g>
      ))}
      {x.ticks(5).map((t) => (
        <text key={t} x={x(t)} y={H - P.b + 13} fontSize={10} textAnchor="middle" fill={INK}>{t}</text>
      ))}
      <text x={(P.l + W - P.r) / 2} y={H - 3} fontSize={10} textAnchor="middle" fill={INK}>step k</text>
      <text x={11} y={(P.t + H - P.b) / 2} fontSize={10} textAnchor="middle" fill={INK} transform={`rotate(-90 11 ${(P.t + H - P.b) / 2})`}>{props.yLabel}</text>
      {refs.map((r) => (
        <g key={r.label}>
          <line x1={P.l} x2={W - P.r} y1={y(r.y)} y2={y(r.y)} stroke={INK} strokeDasharray="2 3" />
          <text x={W - P.r - 4} y={y(r.y) + 12} fontSize={10} textAnchor="end" fill={INK}>{r.label}</text>
        </g>
      ))}
      {series.map((s, i) => (
        <path key={s.label} d={view.paths[i]} fill="none" stroke={s.color} strokeWidth={1.8} strokeDasharray={s.dash} />
      ))}
      {marks.map((m) => (
        <path key={`${m.x}-${m.label}`} d={`M${x(m.x) - 4},${y(m.y) - 9}h8l-4,7z`} fill={INK} />
      ))}
    </svg>
  );
}

/** The legend: each series' line sample (colour and dash) and its name. */
export function Legend({ series }: { series: Pick<Series, 'label' | 'color' | 'dash'>[] }) {
  return (
    <span className="prec-legend">
      {series.map((s) => (
        <span key={s.label} className="prec-key">
          <svg width={24} height={8} aria-hidden="true"><line x1={0} x2={24} y1={4} y2={4} stroke={s.color} strokeWidth={2.5} strokeDasharray={s.dash} /></svg>
          {s.label}
        </span>
      ))}
    </span>
  );
}

/** Dash patterns for runs 1, 2, 3 (solid, dashed, dotted). */
export const DASHES = [undefined, '7 3', '2 3'];
