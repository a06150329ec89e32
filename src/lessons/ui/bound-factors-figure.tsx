import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useMemo } from 'react';
import { gdBoundary, gdOptimal } from '../../engine';
import { bowl, factorCurves, factors, gdSpec, probeRates, type FactorPoint } from '../../engine/analysis/bound-factors';
import { largestStableLr } from '../../engine/analysis/bound-search';
import { runColor } from '../../state/doc';
import { fmtPlain, fmtPlainApart, fmtSig } from '../../ui/format';
import type { GdRun } from './bound-curvature';
import './bound.css';

const W = 400;
const H = 250;
const P = { l: 34, r: 10, t: 22, b: 34 };
const SLOW = runColor(0);
const STEEP = runColor(1);
const INK = '#1f2330';

/** Everything the figure draws, computed by the engine from the two curvatures. */
function compute(lambdaMin: number, lambdaMax: number, runs: GdRun[]) {
  const edge = gdBoundary(lambdaMax);
  const opt = gdOptimal(lambdaMin, lambdaMax);
  const biggest = Math.max(0, ...runs.map((r) => r.lr));
  const lrMax = Math.max(1.3 * edge, Math.min(1.08 * biggest, 2.5 * edge));
  const curves = factorCurves(lambdaMin, lambdaMax, lrMax);
  const probeAt = [...Array.from({ length: 10 }, (_, i) => (lrMax * (i + 1)) / 10), opt.lr].sort((a, b) => a - b);
  const probes = probeRates(lambdaMin, lambdaMax, probeAt);
  const worstGap = Math.max(...probes.map((p) => Math.abs(p.measured - p.predicted)));
  let found: number | null = null;
  try {
    found = largestStableLr(gdSpec(bowl(lambdaMin, lambdaMax), 1 / lambdaMax, 0)).lr;
  } catch {
    found = null;
  }
  const top = Math.max(1.15, curves[curves.length - 1]!.worst * 1.05);
  return { edge, opt, lrMax, curves, probes, worstGap, found, top };
}

/**
 * The centrepiece: |1 − αλmin| and |1 − αλmax| against α (two "V"s), the rate (the higher of the
 * two), 2/λmax and α* marked, the engine's measured rates as dots, and the lab's GD runs.
 */
export function FactorsFigure({ lambdaMin, lambdaMax, runs, where }: { lambdaMin: number; lambdaMax: number; runs: GdRun[]; where: string }) {
  const v = useMemo(() => compute(lambdaMin, lambdaMax, runs), [lambdaMin, lambdaMax, runs]);
  const x = scaleLinear().domain([0, v.lrMax]).range([P.l, W - P.r]);
  const y = scaleLinear().domain([0, v.top]).range([H - P.b, P.t]);
  const path = (f: (p: FactorPoint) => number) => line<FactorPoint>().x((p) => x(p.lr)).y((p) => y(f(p))).digits(1)(v.curves) ?? '';
  const kappa = lambdaMax / lambdaMin;
  const edgeText = fmtPlainApart(v.edge, v.opt.lr);
  const optText = fmtPlainApart(v.opt.lr, v.edge);
  const label = `Per-step factors against the learning rate α, for curvatures λmin = ${fmtPlain(lambdaMin)} and λmax = ${fmtPlain(lambdaMax)}. `
    + `The slow direction's factor |1 − αλmin| falls slowly from 1; the steep direction's |1 − αλmax| reaches 0 at α = ${fmtPlain(1 / lambdaMax)} and climbs back past 1 at 2/λmax = ${edgeText}, where divergence starts. `
    + `The rate, the higher of the two, is lowest at α* = ${optText}: ${fmtPlain(v.opt.rate, 4)} per step. `
    + `Dots: the rates the engine measured from ${v.probes.length} runs, within ${fmtPlain(v.worstGap, 2)} of the lines.`
    + (runs.length ? ` Marked: the lab's gradient-descent runs at ${runs.map((r) => `α = ${fmtPlain(r.lr)} (run ${r.index + 1})`).join(', ')}.` : '');
  return (
    <figure className="bound-figure">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <rect x={x(v.edge)} y={P.t} width={x(v.lrMax) - x(v.edge)} height={H - P.b - P.t} fill="#fbe9e7" />
        <text x={W - P.r - 4} y={H - P.b - 6} textAnchor="end" fontSize={11} fill="#8a1c13">diverges</text>
        {x.ticks(5).map((t) => (
          <g key={`x${t}`}>
            <line x1={x(t)} x2={x(t)} y1={H - P.b} y2={H - P.b + 4} stroke={INK} />
            <text x={x(t)} y={H - P.b + 15} textAnchor="middle" fontSize={11} fill={INK}>{fmtPlain(t)}</text>
          </g>
        ))}
        {y.ticks(4).map((t) => (
          <g key={`y${t}`}>
            <line x1={P.l - 4} x2={W - P.r} y1={y(t)} y2={y(t)} stroke={t === 1 ? '#6b7080' : '#e3e5ec'} strokeDasharray={t === 1 ? '4 3' : undefined} />
            <text x={P.l - 6} y={y(t) + 3} textAnchor="end" fontSize={11} fill={INK}>{fmtPlain(t)}</text>
          </g>
        ))}
        <line x1={P.l} x2={W - P.r} y1={H - P.b} y2={H - P.b} stroke={INK} />
        <text x={(P.l + W - P.r) / 2} y={H - 4} textAnchor="middle" fontSize={11} fill={INK}>learning rate α</text>
        <text x={4} y={P.t - 8} fontSize={11} fill={INK}>factor per step</text>
        <path d={path((p) => p.worst)} fill="none" stroke="#b9bdc9" strokeWidth={8} strokeLinejoin="round" />
        <path d={path((p) => p.slow)} fill="none" stroke={SLOW} strokeWidth={2} />
        <path d={path((p) => p.steep)} fill="none" stroke={STEEP} strokeWidth={2} strokeDasharray="6 3" />
        <line x1={x(v.opt.lr)} x2={x(v.opt.lr)} y1={P.t - 4} y2={H - P.b} stroke={INK} strokeDasharray="2 3" />
        <text x={x(v.opt.lr) - 3} y={P.t - 6} textAnchor="end" fontSize={11} fill={INK}>α*</text>
        <line x1={x(v.edge)} x2={x(v.edge)} y1={P.t - 4} y2={H - P.b} stroke="#8a1c13" strokeWidth={1.5} />
        <text x={x(v.edge) + 3} y={P.t - 6} fontSize={11} fill="#8a1c13">2/λmax</text>
        {v.probes.map((p) => p.measured <= v.top && (
          <circle key={p.lr} cx={x(p.lr)} cy={y(p.measured)} r={3.2} fill="#fff" stroke={INK} strokeWidth={1.3} />
        ))}
        {runs.map((r) => {
          const lr = Math.min(r.lr, v.lrMax);
          const [cx, cy] = [x(lr), y(factors(lr, lambdaMin, lambdaMax).worst)];
          return (
            <g key={r.index}>
              <path d={`M${cx},${cy - 6} l5,6 l-5,6 l-5,-6 z`} fill={runColor(r.index)} stroke={INK} strokeWidth={0.9} />
              <text x={cx - 6} y={cy - 6} textAnchor="end" fontSize={11} fontWeight={700} fill={INK}>{r.lr > v.lrMax ? `${r.index + 1} →` : r.index + 1}</text>
            </g>
          );
        })}
      </svg>
      <ul className="bound-legend" aria-hidden="true">
        <li><span className="bound-swatch" style={{ borderTopColor: SLOW }} />|1 − αλmin|, λmin = {fmtPlain(lambdaMin)}</li>
        <li><span className="bound-swatch bound-dashed" style={{ borderTopColor: STEEP }} />|1 − αλmax|, λmax = {fmtPlain(lambdaMax)}</li>
        <li><span className="bound-swatch bound-wide" />the rate: the higher of the two</li>
        <li><span className="bound-dot" />rate measured by running the engine</li>
        {runs.length > 0 && <li><span className="bound-diamond" />n: the lab’s run n (plain GD) at its α</li>}
      </ul>
      <figcaption>
        {where} (κ = {fmtPlain(kappa)}): 2/λmax = {fmtSig(v.edge, 4)}; α* = {optText} with rate {fmtPlain(v.opt.rate, 4)} = (κ − 1)/(κ + 1).{' '}
        {v.found !== null
          ? <>The engine’s own search — bisection on α, running each candidate and classifying the trajectory, no formula — puts the edge at α = {fmtSig(v.found, 4)}.</>
          : <>The engine’s search found no edge here.</>}
      </figcaption>
    </figure>
  );
}
