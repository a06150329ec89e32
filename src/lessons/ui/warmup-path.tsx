import { scaleLog, scaleSymlog } from 'd3-scale';
import { line } from 'd3-shape';
import { useMemo } from 'react';
import { createSurface, simulate, type RunSpec } from '../../engine';
import { pathLimits } from '../../engine/analysis/warmup-path';
import { runColor } from '../../state/doc';
import { fmt } from '../../ui/format';
import './warmup.css';

const W = 360;
const H = 230;
const P = { l: 50, r: 10, t: 12, b: 32 };
const INK = '#1b1f3a';

export interface PathRun {
  spec: RunSpec;
  name: string;
  /** Its colour index in the lab (run 1 = 0). */
  index: number;
}

/** One run's record and its local limit 2/λmax(w_k) along the path, computed by the engine. */
export function tracePath(spec: RunSpec) {
  const surface = createSurface(spec.surface);
  const sim = simulate(spec);
  return { sim, limits: pathLimits(surface, sim) };
}

/**
 * α(k) (solid) against the local stability limit 2/λmax(w_k) (dashed) along each run, on a log
 * scale; dots mark steps taken above the local limit, a cross where a run went non-finite.
 */
export function WarmupPath({ runs }: { runs: PathRun[] }) {
  const v = useMemo(() => {
    const traced = runs.map((r) => ({ ...r, ...tracePath(r.spec) }));
    const steps = Math.max(...runs.map((r) => r.spec.steps));
    const positive = (a: ArrayLike<number>) => Array.from(a).filter((t) => Number.isFinite(t) && t > 0);
    const lo = Math.min(...traced.flatMap((t) => positive(t.sim.lr))) / 2;
    const hi = Math.max(...traced.flatMap((t) => [...positive(t.sim.lr), ...positive(t.limits.limit)])) * 1.5;
    const x = scaleSymlog().constant(1).domain([0, steps]).range([P.l, W - P.r]);
    const y = scaleLog().domain([lo, hi]).range([H - P.b, P.t]);
    const inRange = (t: number) => Number.isFinite(t) && t >= lo && t <= hi;
    const path = (a: Float64Array) => line<number>().digits(1).defined(inRange).x((_, k) => x(k)).y((t) => y(t))(Array.from(a)) ?? '';
    return {
      x, y, steps, lo, hi,
      runs: traced.map((t) => ({
        ...t,
        lr: path(t.sim.lr),
        limit: path(t.limits.limit),
        above: Array.from(t.sim.lr).flatMap((a, k) => (t.limits.ratio[k]! > 1 && inRange(a) && k < t.sim.length - 1 ? [k] : [])),
      })),
    };
  }, [runs]);
  const { x, y } = v;
  const describe = (r: (typeof v.runs)[number]) => {
    const l = r.limits;
    const stop = r.sim.nonFinite ? `; it goes non-finite at step ${r.sim.nonFinite.step}` : `; it ends at loss ${fmt(r.sim.loss[r.sim.length - 1]!)}`;
    if (l.firstAbove === null) return `${r.name}: α(k) stays below 2/λmax(wₖ) at every step, at most ${fmt(l.maxRatio)} of it (step ${l.maxAt})${stop}`;
    return `${r.name}: α(k) is ${fmt(l.ratio[l.firstAbove]!)}× the local limit at step ${l.firstAbove} and above it for ${l.stepsAbove} steps${stop}`;
  };
  const summary = `Step size α(k) against the local limit 2/λmax(wₖ), log scales. ${v.runs.map(describe).join('. ')}.`;
  const xTicks = [0, 1, 10, 100, 1000].filter((k) => k <= v.steps);
  const yTicks = y.ticks(3).filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9);
  return (
    <figure className="warmup-fig">
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={summary}>
        <rect x={0.5} y={0.5} width={W - 1} height={H - 1} fill="#fff" stroke="#d5d8e4" />
        <line x1={P.l} x2={W - P.r} y1={H - P.b} y2={H - P.b} stroke={INK} />
        <line x1={P.l} x2={P.l} y1={P.t} y2={H - P.b} stroke={INK} />
        {xTicks.map((k) => <text key={k} x={x(k)} y={H - P.b + 13} fontSize={10} textAnchor="middle" fill={INK}>{k}</text>)}
        {yTicks.map((t) => (
          <g key={t}>
            <line x1={P.l} x2={W - P.r} y1={y(t)} y2={y(t)} stroke="#eceef4" />
            <text x={P.l - 4} y={y(t) + 3} fontSize={10} textAnchor="end" fill={INK}>{fmt(t, 1)}</text>
          </g>
        ))}
        <text x={(P.l + W - P.r) / 2} y={H - 3} fontSize={11} textAnchor="middle" fill={INK}>step k (log scale)</text>
        <text x={11} y={(P.t + H - P.b) / 2} fontSize={11} textAnchor="middle" fill={INK} transform={`rotate(-90 11 ${(P.t + H - P.b) / 2})`}>α(k) and 2/λmax (log)</text>
        {v.runs.map((r) => (
          <g key={r.index}>
            <path d={r.limit} fill="none" stroke={runColor(r.index)} strokeWidth={1.6} strokeDasharray="6 3" />
            <path d={r.lr} fill="none" stroke={runColor(r.index)} strokeWidth={2.2} />
            {r.above.map((k) => <circle key={k} cx={x(k)} cy={y(r.sim.lr[k]!)} r={3} fill={runColor(r.index)} stroke={INK} strokeWidth={0.6} />)}
            {r.sim.nonFinite && (() => {
              const k = r.sim.nonFinite.step;
              const a = r.sim.lr[k]!;
              const cy = y(Math.min(Math.max(Number.isFinite(a) ? a : v.lo, v.lo), v.hi));
              return (
                <text x={x(k)} y={cy + 4} fontSize={13} textAnchor="middle" fill={INK}>✕</text>
              );
            })()}
          </g>
        ))}
      </svg>
      <figcaption>
        {v.runs.map((r) => (
          <span key={r.index} className="warmup-key"><span className="warmup-swatch" style={{ borderColor: runColor(r.index) }} /> {r.name}</span>
        ))}
        <br />
        Solid: the step size α(k) each step uses. Dashed: the local limit 2/λmax(w<sub>k</sub>), from the Hessian at the
        point the run has reached. <span className="warmup-dot" aria-hidden="true" />Dots: steps taken above it; ✕: the step where a run
        went non-finite. {v.runs.map(describe).join('. ')}.
      </figcaption>
    </figure>
  );
}
