import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useId, useMemo, useState } from 'react';
import { quadraticFlow } from '../../engine/analysis/step-flow';
import { parabolaRun, parabolaSurface } from '../../engine/analysis/step-parabola';
import { runColor } from '../../state/doc';
import { fmt, fmtPlain } from '../../ui/format';
import './step.css';

/** f(x) = ½λx² with λ = 1 (so αλ = α), from x₀ = 2. */
const LAMBDA = 1;
const X0 = 2;
/** Iterates drawn; the regime is read from a longer run. */
const SHOWN = 12;
const CLASSIFY_STEPS = 200;
const W = 400;
const XMAX = 3;
const GD = runColor(0);
const FLOW = runColor(1);

/** The regime in words, from the engine's run (its classifier and its measured factor x₁/x₀). */
export function regimeWords(x: number[], observed: string): string {
  const factor = x[1]! / x[0]!;
  const per = fmt(Math.abs(factor));
  if (observed === 'monotone') {
    return x[1] === 0 ? 'One step: x₁ = 0 exactly, the minimum, and it stays there.'
      : `Monotone: x shrinks toward 0 without changing sign, ×${per} per step.`;
  }
  if (observed === 'oscillating') {
    return Math.abs(Math.abs(factor) - 1) < 1e-12 ? `On the edge: x bounces between +${fmt(x[0]!)} and −${fmt(x[0]!)} forever.`
      : `Oscillating: the sign flips every step while |x| shrinks ×${per} per step.`;
  }
  return `Diverging: the sign flips every step and |x| grows ×${per} per step.`;
}

/** A live 1D parabola: an αλ slider, the iterates as a zig-zag on the curve and as xₖ against k. */
export function ParabolaFigure() {
  const id = useId();
  const [h, setH] = useState(1.6);
  const view = useMemo(() => {
    const run = parabolaRun(LAMBDA, h / LAMBDA, X0, CLASSIFY_STEPS);
    const x = run.x.slice(0, SHOWN + 1);
    const px = scaleLinear().domain([-XMAX, XMAX]).range([24, W - 8]);
    const py = scaleLinear().domain([0, 0.5 * LAMBDA * XMAX * XMAX]).range([150, 12]);
    const curve = line<number>().x((v) => px(v)).y((v) => py(0.5 * LAMBDA * v * v))(Array.from({ length: 121 }, (_, i) => -XMAX + (i * 2 * XMAX) / 120)) ?? '';
    const zig = line<number>().x((v) => px(v)).y((v) => py(0.5 * LAMBDA * v * v))(x) ?? '';
    const sk = scaleLinear().domain([0, SHOWN]).range([24, W - 8]);
    const sx = scaleLinear().domain([-XMAX, XMAX]).range([118, 8]);
    // The flow at time t = sα (s in steps), from the engine's closed form on the same surface.
    const flowX = (s: number) => quadraticFlow(parabolaSurface(LAMBDA), [X0, 0], (s * h) / LAMBDA)[0];
    const flow = line<number>().x((s) => sk(s)).y((s) => sx(flowX(s)))(Array.from({ length: 121 }, (_, i) => (i * SHOWN) / 120)) ?? '';
    const leaves = x.findIndex((v) => Math.abs(v) > XMAX);
    // x₀, x₁, x₂ labelled; points that coincide (αλ = 2, or all at 0) share one label.
    const labels: { v: number; text: string }[] = [];
    x.slice(0, 3).forEach((v, k) => {
      if (Math.abs(v) > XMAX) return;
      const same = labels.find((l) => Math.abs(px(l.v) - px(v)) < 10);
      if (same) same.text += ` = x${'₀₁₂'[k]}`;
      else labels.push({ v, text: `x${'₀₁₂'[k]}` });
    });
    const words = regimeWords(run.x, run.observed);
    const list = x.slice(0, 6).map((v) => fmt(v)).join(', ');
    return { run, x, px, py, curve, zig, sk, sx, flow, leaves, labels, words, list, gdFactor: run.x[1]! / X0, flowFactor: flowX(1) / X0 };
  }, [h]);
  const { run, x, px, py, sk, sx } = view;
  const clipA = `${id}-a`;
  const clipB = `${id}-b`;
  return (
    <figure className="step-fig">
      <div className="step-fig-control">
        <label htmlFor={`${id}-h`}>step × curvature, αλ = <output htmlFor={`${id}-h`}>{h.toFixed(2)}</output></label>
        <input id={`${id}-h`} type="range" min={0.05} max={2.6} step={0.01} value={h} data-testid="step-parabola-slider"
          aria-valuetext={`alpha times lambda = ${fmtPlain(h)}: ${run.observed}`}
          onChange={(e) => setH(Number(e.target.value))} />
      </div>
      <p className="step-fig-regime" data-testid="step-parabola-regime">{view.words}</p>
      <svg viewBox={`0 0 ${W} 168`} role="img" aria-label={`The parabola f(x) = ½x² with the iterates x₀, x₁, … = ${view.list}, … joined in order${view.leaves > 0 ? `; they leave the chart at step ${view.leaves}` : ''}.`}>
        <defs><clipPath id={clipA}><rect x={0} y={0} width={W} height={156} /></clipPath></defs>
        <line x1={px(-XMAX)} x2={px(XMAX)} y1={py(0)} y2={py(0)} stroke="#8a8fa8" />
        <line x1={px(0)} x2={px(0)} y1={py(0)} y2={py(0) + 4} stroke="#545a75" />
        <text x={px(0)} y={py(0) + 4} dy="0.9em" textAnchor="middle" fontSize={11} fill="#545a75">0</text>
        <path d={view.curve} fill="none" stroke="#545a75" strokeWidth={1.2} />
        <g clipPath={`url(#${clipA})`}>
          <path d={view.zig} fill="none" stroke={GD} strokeWidth={1.6} strokeDasharray="5 3" />
          {x.map((v, k) => <circle key={k} cx={px(v)} cy={py(0.5 * LAMBDA * v * v)} r={k === 0 ? 4.5 : 3} fill={k === 0 ? '#fff' : GD} stroke={GD} strokeWidth={1.5} />)}
          {view.labels.map(({ v, text }) => (
            <text key={text} x={px(v) + (v >= 0 ? 7 : -7)} y={py(0.5 * LAMBDA * v * v) - 5} textAnchor={v >= 0 ? 'start' : 'end'} fontSize={12} fill="#1d2233">{text}</text>
          ))}
        </g>
      </svg>
      <svg viewBox={`0 0 ${W} 138`} role="img" aria-label={`xₖ against the step k for k = 0 to ${SHOWN}, next to the gradient flow e^(−kαλ)·x₀, which stays positive.`}>
        <defs><clipPath id={clipB}><rect x={0} y={4} width={W} height={118} /></clipPath></defs>
        <line x1={sk(0)} x2={sk(SHOWN)} y1={sx(0)} y2={sx(0)} stroke="#8a8fa8" />
        {[0, 4, 8, SHOWN].map((k) => <text key={k} x={sk(k)} y={132} textAnchor={k === SHOWN ? 'end' : 'middle'} fontSize={11} fill="#545a75">{k === SHOWN ? `k = ${SHOWN}` : k}</text>)}
        <text x={4} y={sx(0)} dy="0.32em" fontSize={11} fill="#545a75">0</text>
        <g clipPath={`url(#${clipB})`}>
          <path d={view.flow} fill="none" stroke={FLOW} strokeWidth={2} />
          {x.map((v, k) => (
            <g key={k}>
              <line x1={sk(k)} x2={sk(k)} y1={sx(0)} y2={sx(v)} stroke={GD} strokeWidth={1.4} />
              <circle cx={sk(k)} cy={sx(v)} r={3} fill={GD} />
            </g>
          ))}
        </g>
      </svg>
      <figcaption>
        <span className="step-legend"><span className="step-swatch step-swatch-gd" style={{ borderColor: GD }} /><span>gradient descent xₖ (dots, dashed)</span></span>
        <span className="step-legend"><span className="step-swatch" style={{ borderColor: FLOW }} /><span>gradient flow e<sup>−kαλ</sup>x₀ (solid)</span></span>
        <span>
          Gradient descent on f(x) = ½x² (λ = 1, so αλ = α), run by the engine. Per step it multiplies x by
          1 − αλ = {fmt(view.gdFactor)}; the flow over the same time multiplies by e<sup>−αλ</sup> = {fmt(view.flowFactor)}.
          Engine: predicted {run.predicted}, the {CLASSIFY_STEPS}-step trajectory classified {run.observed}.
          {view.leaves > 0 ? ` The iterates leave the chart at step ${view.leaves}.` : ''}
        </span>
      </figcaption>
    </figure>
  );
}
