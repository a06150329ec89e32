import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useId, useMemo, useState } from 'react';
import { Quadratic, type Vec2 } from '../../engine';
import { compareWithFlow, flowPath } from '../../engine/analysis/step-flow';
import { runColor } from '../../state/doc';
import { fmt, fmtPlain } from '../../ui/format';
import { EULER_BOWL as BOWL, EULER_HORIZON as T, EULER_START as START } from './step-settings';
import './step.css';

const W = 400;
const GD = runColor(0);
const FLOW = runColor(1);
const LAMBDA_MAX = Math.max(...BOWL.eigenvalues);

/** Level sets of the bowl (ellipses from the engine's eigenvectors) and the flow: fixed for all α. */
const STATIC = (() => {
  const q = new Quadratic(BOWL);
  const { values, vectors } = q.eigen();
  const path = flowPath(BOWL, START, T, 300);
  const xs = path.map((p) => p[0]);
  const ys = path.map((p) => p[1]);
  const box = { x0: Math.min(...xs) - 0.6, x1: Math.max(...xs) + 0.6, y0: Math.min(...ys) - 0.7, y1: Math.max(...ys) + 0.6 };
  const height = Math.round((W * (box.y1 - box.y0)) / (box.x1 - box.x0));
  const sx = scaleLinear().domain([box.x0, box.x1]).range([0, W]);
  const sy = scaleLinear().domain([box.y0, box.y1]).range([height, 0]);
  const pl = line<Vec2>().x((p) => sx(p[0])).y((p) => sy(p[1]));
  const f0 = q.value(START[0], START[1]);
  const levels = [1, 0.35, 0.1, 0.02].map((m) => {
    const r = [Math.sqrt((2 * m * f0) / values[0]), Math.sqrt((2 * m * f0) / values[1])];
    const pts = Array.from({ length: 97 }, (_, i): Vec2 => {
      const u = r[0]! * Math.cos((i * Math.PI) / 48);
      const v = r[1]! * Math.sin((i * Math.PI) / 48);
      return [BOWL.center[0] + u * vectors[0][0] + v * vectors[1][0], BOWL.center[1] + u * vectors[0][1] + v * vectors[1][1]];
    });
    return pl(pts) ?? '';
  });
  return { height, sx, sy, pl, flow: pl(path) ?? '', levels };
})();

/** The bowl's gradient-flow curve next to GD's polyline for a chosen α: explicit Euler, live. */
export function EulerFigure() {
  const id = useId();
  const [lr, setLr] = useState(0.08);
  const { height, sx, sy, pl } = STATIC;
  const view = useMemo(() => {
    const cmp = compareWithFlow(BOWL, lr, START, T);
    const half = compareWithFlow(BOWL, lr / 2, START, T);
    const every = Math.max(1, Math.ceil(cmp.gd.length / 60));
    const marks = cmp.gd.map((_, k) => k).filter((k) => k % every === 0);
    return { cmp, half, gd: pl(cmp.gd) ?? '', marks, every };
  }, [lr, pl]);
  const { cmp, half } = view;
  const K = cmp.gd.length - 1;
  const unstable = lr * LAMBDA_MAX > 2;
  const clip = `${id}-clip`;
  return (
    <figure className="step-fig">
      <div className="step-fig-control">
        <label htmlFor={`${id}-lr`}>step size α = <output htmlFor={`${id}-lr`}>{lr.toFixed(3)}</output></label>
        <input id={`${id}-lr`} type="range" min={0.005} max={0.27} step={0.005} value={lr} data-testid="step-euler-slider"
          aria-valuetext={`alpha = ${fmtPlain(lr)}, alpha times lambda max = ${fmtPlain(lr * LAMBDA_MAX)}; largest gap to the flow ${fmtPlain(cmp.maxGap)}`}
          onChange={(e) => setLr(Number(e.target.value))} />
      </div>
      <p className="step-fig-regime" data-testid="step-euler-gap">
        {K} steps of α = {fmt(lr)} cover t = 0 … {fmt(K * lr)}. Largest gap ‖wₖ − w(kα)‖ = {fmt(cmp.maxGap)} (step {cmp.atStep});
        with α/2 it is {fmt(half.maxGap)}, {fmt(cmp.maxGap / half.maxGap)}× smaller.
        {unstable ? ` α·λmax = ${fmt(lr * LAMBDA_MAX)} > 2: GD has parted ways with the flow for good.` : ''}
      </p>
      <svg viewBox={`0 0 ${W} ${height}`} role="img"
        aria-label={`Contours of the bowl with curvatures ${BOWL.eigenvalues.join(' and ')}. The gradient-flow curve bends smoothly from the start into the valley and along it to the minimum; gradient descent with α = ${fmtPlain(lr)} takes ${K} straight steps whose k-th point is at most ${fmtPlain(cmp.maxGap)} from the flow at time kα.`}>
        <defs><clipPath id={clip}><rect x={0} y={0} width={W} height={height} /></clipPath></defs>
        <rect x={0.5} y={0.5} width={W - 1} height={height - 1} fill="#fff" stroke="#d5d8e4" />
        {STATIC.levels.map((d, i) => <path key={i} d={d} fill="none" stroke="#c4c8d8" />)}
        <path d={`M${sx(BOWL.center[0]) - 5},${sy(BOWL.center[1])}h10M${sx(BOWL.center[0])},${sy(BOWL.center[1]) - 5}v10`} stroke="#1d2233" strokeWidth={1.5} />
        <g clipPath={`url(#${clip})`}>
          {view.marks.map((k) => (
            <line key={k} x1={sx(cmp.gd[k]![0])} y1={sy(cmp.gd[k]![1])} x2={sx(cmp.flow[k]![0])} y2={sy(cmp.flow[k]![1])} stroke="#545a75" strokeWidth={0.8} />
          ))}
          <path d={STATIC.flow} fill="none" stroke={FLOW} strokeWidth={2.4} />
          {view.marks.map((k) => <circle key={`f${k}`} cx={sx(cmp.flow[k]![0])} cy={sy(cmp.flow[k]![1])} r={2.6} fill="#fff" stroke={FLOW} strokeWidth={1.4} />)}
          <path d={view.gd} fill="none" stroke={GD} strokeWidth={1.5} strokeDasharray="5 3" />
          {view.marks.map((k) => <circle key={`g${k}`} cx={sx(cmp.gd[k]![0])} cy={sy(cmp.gd[k]![1])} r={2.4} fill={GD} />)}
        </g>
        <text x={sx(START[0]) + 8} y={sy(START[1]) + 4} fontSize={12} fill="#1d2233">start</text>
        <text x={sx(BOWL.center[0])} y={sy(BOWL.center[1]) + 18} textAnchor="middle" fontSize={12} fill="#1d2233">minimum</text>
      </svg>
      <figcaption>
        <span className="step-legend"><span className="step-swatch" style={{ borderColor: FLOW }} /><span>gradient flow w(t), closed form (solid; rings at t = kα)</span></span>
        <span className="step-legend"><span className="step-swatch step-swatch-gd" style={{ borderColor: GD }} /><span>gradient descent wₖ, engine run (dashed; dots)</span></span>
        <span>
          Thin grey segments join each step wₖ to the flow at the same time kα{view.every > 1 ? ` (one step in ${view.every} shown)` : ''}.
          Contours of f = ½wᵀHw with λ = {BOWL.eigenvalues.join(', ')}; 2/λmax = {fmt(2 / LAMBDA_MAX)}.
        </span>
      </figcaption>
    </figure>
  );
}
