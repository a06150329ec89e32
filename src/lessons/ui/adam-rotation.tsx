import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { ROTATION } from '../../engine/analysis/adam-sweeps';
import { runColor } from '../../state/doc';
import { rotationData } from './adam-data';
import './adam.css';

const W = 420;
const H = 230;
const P = { l: 48, r: 16, t: 14, b: 36 };
const INK = '#1f2330';
const ADAM = runColor(0);
const GD = runColor(1);
const count = (n: number | null) => (n === null ? `more than ${ROTATION.steps}` : String(n));

/**
 * Steps to shrink the distance to the minimum 10⁴-fold against the valley's angle θ, for Adam and
 * for GD at its best α, every point an engine run. GD's line is flat; Adam's climbs.
 */
export function RotationFigure() {
  const { rows } = rotationData();
  const ys = rows.flatMap((r) => [r.adam ?? ROTATION.steps, r.gd ?? ROTATION.steps]);
  const x = scaleLinear().domain([0, 45]).range([P.l, W - P.r]);
  const y = scaleLinear().domain([0, Math.max(...ys) * 1.1]).nice().range([H - P.b, P.t]);
  const path = (pick: (i: number) => number | null) =>
    line<number>().digits(1).defined((i) => pick(i) !== null).x((i) => x(rows[i]!.deg)).y((i) => y(pick(i)!))(rows.map((_, i) => i)) ?? '';
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const label = `Steps until the distance to the minimum is 10⁻⁴ of where it started, in a κ = ${ROTATION.kappa} valley turned by θ, each point an engine run. `
    + `Adam at α = ${ROTATION.lr}: ${rows.map((r) => `${r.deg}°: ${count(r.adam)}`).join(', ')}. `
    + `Gradient descent at its best α: ${count(first.gd)} at 0° and ${count(last.gd)} at 45°, the same at every angle.`;
  return (
    <figure className="adam-fig">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        {y.ticks(5).map((t) => (
          <g key={t}>
            <line x1={P.l} x2={W - P.r} y1={y(t)} y2={y(t)} stroke="#e3e5ec" />
            <text x={P.l - 5} y={y(t) + 4} textAnchor="end" fontSize={11} fill={INK}>{t}</text>
          </g>
        ))}
        {rows.map((r) => (
          <text key={r.deg} x={x(r.deg)} y={H - P.b + 14} textAnchor="middle" fontSize={11} fill={INK}>{r.deg}°</text>
        ))}
        <line x1={P.l} x2={W - P.r} y1={H - P.b} y2={H - P.b} stroke={INK} />
        <text x={(P.l + W - P.r) / 2} y={H - 4} textAnchor="middle" fontSize={11} fill={INK}>angle θ of the valley’s axes</text>
        <text x={12} y={(P.t + H - P.b) / 2} textAnchor="middle" fontSize={11} fill={INK} transform={`rotate(-90 12 ${(P.t + H - P.b) / 2})`}>steps</text>
        <path d={path((i) => rows[i]!.gd)} fill="none" stroke={GD} strokeWidth={2} strokeDasharray="6 3" />
        <path d={path((i) => rows[i]!.adam)} fill="none" stroke={ADAM} strokeWidth={2} />
        {rows.map((r) => (
          <g key={r.deg}>
            {r.gd !== null && <rect x={x(r.deg) - 3.5} y={y(r.gd) - 3.5} width={7} height={7} fill="#fff" stroke={GD} strokeWidth={1.5} />}
            {r.adam !== null && <circle cx={x(r.deg)} cy={y(r.adam)} r={3.5} fill={ADAM} />}
          </g>
        ))}
        <text x={x(first.deg) + 6} y={y(first.adam ?? 0) + 16} fontSize={11} fill={INK}>Adam {count(first.adam)}</text>
        <text x={x(last.deg) - 4} y={y(last.adam ?? 0) - 8} textAnchor="end" fontSize={11} fill={INK}>Adam {count(last.adam)}</text>
        <text x={x(last.deg) - 4} y={y(last.gd ?? 0) + 16} textAnchor="end" fontSize={11} fill={INK}>GD {count(last.gd)}</text>
      </svg>
      <ul className="adam-legend" aria-hidden="true">
        <li><span className="adam-swatch" style={{ borderTopColor: ADAM }} />● Adam, α = {ROTATION.lr}</li>
        <li><span className="adam-swatch dashed" style={{ borderTopColor: GD }} />□ GD at its best α</li>
      </ul>
      <figcaption>
        Steps until ‖w − c‖ ≤ 10⁻⁴ ‖w₀ − c‖ in the valley λ = 1, {ROTATION.kappa} with its axes turned by θ; the start turns
        with the valley, so only the angle between its axes and the coordinate axes changes. Every point is an engine run.
      </figcaption>
    </figure>
  );
}
