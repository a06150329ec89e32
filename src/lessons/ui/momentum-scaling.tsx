import { scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { useMemo } from 'react';
import { gdOptimal, heavyBallOptimal, stepsToReduce } from '../../engine';
import { exactDistances, race, SHRINK, stepsToStayBelow, VALLEY_START, valley } from '../../engine/analysis/momentum-race';
import { runColor } from '../../state/doc';
import { pow10 } from './momentum-race';
import './momentum.css';

const W = 420;
const H = 260;
const P = { l: 44, r: 14, t: 14, b: 36 };
const INK = '#1f2330';
const GD_COLOR = runColor(0);
const HB_COLOR = runColor(1);
/** The condition numbers the engine runs, one decade apart. */
export const KAPPAS = [1, 10, 100, 1000, 10_000] as const;

interface Pt { kappa: number; steps: number }

/** Everything the figure draws: closed-form curves over κ = 1 … 10⁴ and engine counts at KAPPAS. */
function compute() {
  const grid = Array.from({ length: 81 }, (_, i) => 10 ** (i / 20));
  const gdLine: Pt[] = grid.map((kappa) => ({ kappa, steps: stepsToReduce(gdOptimal(1, kappa).rate, SHRINK) }));
  const hbLine: Pt[] = grid.map((kappa) => ({ kappa, steps: stepsToReduce(heavyBallOptimal(1, kappa).rate, SHRINK) }));
  const hbExact: Pt[] = grid.filter((_, i) => i % 2 === 0).map((kappa) => {
    const h = heavyBallOptimal(1, kappa);
    const horizon = 3 * stepsToReduce(h.rate, SHRINK) + 100;
    return { kappa, steps: stepsToStayBelow(exactDistances(valley(kappa), VALLEY_START, h.lr, h.momentum, horizon), SHRINK) };
  });
  const runs = KAPPAS.map((kappa) => {
    const r = race(kappa);
    return { kappa, gd: r.gd.measured, hb: r.hb.measured };
  });
  return { gdLine, hbLine, hbExact, runs };
}

/**
 * Steps to shrink the error 1000× against κ, log–log: GD's count grows like κ (slope 1), heavy
 * ball's like √κ (slope ½). Lines are closed forms, markers are engine runs.
 */
export function ScalingFigure() {
  const v = useMemo(compute, []);
  const x = scaleLog().domain([1, 1e4]).range([P.l, W - P.r]);
  const y = scaleLog().domain([1, 1e5]).range([H - P.b, P.t]);
  const path = (pts: Pt[]) => line<Pt>().digits(1).x((p) => x(p.kappa)).y((p) => y(Math.max(1, p.steps)))(pts) ?? '';
  const end = v.runs[v.runs.length - 1]!;
  const label = `Steps to shrink the distance to the minimum 1000 times, against the condition number κ from 1 to 10⁴, both on log scales. `
    + `Gradient descent at its best α: ${v.runs.map((r) => `${r.gd.toLocaleString('en')} at κ = ${r.kappa.toLocaleString('en')}`).join(', ')} — a line of slope 1, steps proportional to κ. `
    + `Heavy ball at Polyak’s tuning: ${v.runs.map((r) => `${r.hb.toLocaleString('en')}`).join(', ')} — slope about ½, steps proportional to √κ. `
    + `Markers are engine runs; lines are the closed forms.`;
  return (
    <figure className="momentum-fig">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        {[0, 1, 2, 3, 4, 5].map((e) => (
          <g key={`y${e}`}>
            <line x1={P.l} x2={W - P.r} y1={y(10 ** e)} y2={y(10 ** e)} stroke="#e3e5ec" />
            <text x={P.l - 5} y={y(10 ** e) + 4} textAnchor="end" fontSize={11} fill={INK}>{pow10(e)}</text>
          </g>
        ))}
        {KAPPAS.map((k) => (
          <text key={`x${k}`} x={x(k)} y={H - P.b + 14} textAnchor="middle" fontSize={11} fill={INK}>{pow10(Math.round(Math.log10(k)))}</text>
        ))}
        <line x1={P.l} x2={W - P.r} y1={H - P.b} y2={H - P.b} stroke={INK} />
        <text x={(P.l + W - P.r) / 2} y={H - 5} textAnchor="middle" fontSize={11} fill={INK}>condition number κ = λmax/λmin</text>
        <path d={path(v.gdLine)} fill="none" stroke={GD_COLOR} strokeWidth={2} />
        <path d={path(v.hbLine)} fill="none" stroke={HB_COLOR} strokeWidth={1.5} strokeDasharray="1.5 3" />
        <path d={path(v.hbExact)} fill="none" stroke={HB_COLOR} strokeWidth={2} strokeDasharray="6 3" />
        {v.runs.map((r) => (
          <g key={r.kappa}>
            <circle cx={x(r.kappa)} cy={y(r.gd)} r={4} fill="#fff" stroke={INK} strokeWidth={1.3} />
            <rect x={x(r.kappa) - 4} y={y(r.hb) - 4} width={8} height={8} fill="#fff" stroke={INK} strokeWidth={1.3} />
          </g>
        ))}
        <text x={x(end.kappa) - 8} y={y(end.gd) + 4} textAnchor="end" fontSize={11} fill={INK}>GD ∝ κ</text>
        <text x={x(end.kappa) - 8} y={y(end.hb) - 9} textAnchor="end" fontSize={11} fill={INK}>heavy ball ∝ √κ</text>
      </svg>
      <ul className="momentum-legend" aria-hidden="true">
        <li><span className="momentum-swatch" style={{ borderTopColor: GD_COLOR }} />GD, ⌈ln 10⁻³ / ln((κ−1)/(κ+1))⌉</li>
        <li><span className="momentum-swatch dotted" style={{ borderTopColor: HB_COLOR }} />heavy ball, from ρ = (√κ−1)/(√κ+1) alone</li>
        <li><span className="momentum-swatch dashed" style={{ borderTopColor: HB_COLOR }} />heavy ball, exact error (polynomial factor in)</li>
        <li><span className="momentum-marker round" />GD run</li>
        <li><span className="momentum-marker" />heavy-ball run</li>
      </ul>
      <figcaption>
        Every line and marker is computed now: the lines from the closed forms, the markers by running the engine in the
        valley λ = 1 and κ from the same start.
      </figcaption>
    </figure>
  );
}
