import { useMemo } from 'react';
import { scaleLinear } from 'd3-scale';
import { useLabState } from '../../state/context';
import { runColor } from '../../state/doc';
import { Axes, ChartFigure, px, RunKey, useSafeId } from './chart-frame';
import { useCursor } from './cursor';
import { runName } from './labels';
import { cachedSeriesPath, cachedYAxis } from './path-cache';
import { planLossAxis } from './scales';
import { thresholdLabel, traceFacts, traceOf, traceStory } from './sharpness';
import { useWidth } from './useSize';

const HEIGHT = 220;
const M = { top: 24, right: 16, bottom: 28, left: 60 };

/**
 * The sharpness λmax(∇²f(w_k)) of every run at every step, with each run's threshold at α(k)
 * dashed: 2/α for GD (2(1+β)/α with momentum), and for Adam its preconditioned sharpness
 * λmax(P⁻¹H) against (2+2β1)/((1−β1)α) = 38/α. Traces are cached per run result, so a drag
 * recomputes only the run that changed (Charts.tsx holds it still while it is offscreen).
 */
export function SharpnessChart() {
  const results = useLabState((s) => s.results);
  const steps = useLabState((s) => s.doc.steps);
  const [box, width] = useWidth<HTMLDivElement>();
  const id = useSafeId('sharp');
  const left = M.left, right = Math.max(left + 40, width - M.right);
  const x = useMemo(() => scaleLinear().domain([0, Math.max(1, steps)]).range([left, right]), [steps, left, right]);
  const g = useMemo(() => {
    const top = M.top, bottom = HEIGHT - M.bottom;
    const runs = results.map((r) => {
      const t = traceOf(r);
      const f = traceFacts(t);
      return { r, t, f, color: runColor(r.index), label: thresholdLabel(t, f) };
    });
    const plan = planLossAxis(runs.flatMap((s) => [s.t.sharpness, s.t.threshold]), true);
    const axis = cachedYAxis(plan, top, bottom);
    const xKey = `${steps}:${left}:${right}`;
    const lines = runs.map((s) => ({
      ...s,
      d: cachedSeriesPath(s.t.sharpness, x, xKey, axis),
      dt: s.label ? cachedSeriesPath(s.t.threshold, x, xKey, axis) : '',
      ty: s.label ? px(axis.y(s.f.threshold)) : null,
    }));
    // Threshold labels sit just above their line at the right, nudged apart when two lines are close.
    const labels: { key: string; text: string; y: number }[] = [];
    for (const s of [...lines].sort((a, b) => (b.ty ?? 0) - (a.ty ?? 0))) {
      if (!s.label || s.ty === null) continue;
      const prev = labels[labels.length - 1];
      labels.push({ key: s.r.id, text: `${s.r.index + 1}: ${s.label}`, y: Math.max(top + 10, Math.min(s.ty - 4, prev ? prev.y - 13 : Infinity)) });
    }
    const note = plan.kind === 'symlog' ? 'signed log scale: λmax is negative somewhere (the surface curves down in every direction there)' : plan.kind === 'log' ? 'log scale' : null;
    return { axis, lines, labels, top, bottom, note };
  }, [results, x, left, right, steps]);
  const cursor = useCursor(id, x, left, right, g.top, g.bottom);
  if (results.length === 0) return null;

  const summary = `Sharpness per step against each run’s stability threshold: ${g.lines.map((s) => traceStory(s.r, s.t, s.f)).join('; ')}.`;
  return (
    <ChartFigure id={`${id}-h`} title="Sharpness against 2/α (edge of stability)" className="chart-sharpness">
      <ul className="legend">
        {g.lines.map((s) => (
          <li key={s.r.id}>
            <RunKey index={s.r.index} color={s.color} />
            {runName(s.r)}
            {s.t.rule?.preconditioned && <span className="muted"> — preconditioned λmax(P⁻¹H) vs {s.t.rule.formula}</span>}
            {!s.t.rule && <span className="muted"> — no threshold drawn for this optimizer</span>}
            {s.f.endStep < 0 && <span className="muted"> — not known for this run</span>}
            {s.r.sim.stoppedAt !== null && <span className="bad"> — stopped at step {s.r.sim.stoppedAt}</span>}
          </li>
        ))}
      </ul>
      <div ref={box} className="chart-box">
        <svg width={width} height={HEIGHT} role="img" aria-label={summary} className="chart-svg">
          {cursor.defs}
          <Axes width={width} height={HEIGHT} margin={M} x={x} y={g.axis.y} xTicks={x.ticks(Math.max(2, Math.floor(width / 90)))} yTicks={g.axis.ticks} xLabel="step" yLabel="λmax" />
          {g.lines.map((s) => s.dt && <path key={s.r.id} d={s.dt} className="line boundary" stroke={s.color} fill="none" />)}
          <g className="curves">
            {g.lines.map((s) => <path key={s.r.id} d={s.d} className="line" stroke={s.color} />)}
          </g>
          {cursor.veil}
          {g.labels.map((l) => (
            <text key={l.key} className="annot" x={right - 4} y={l.y} textAnchor="end">{l.text}</text>
          ))}
          {cursor.line}
        </svg>
      </div>
      <p className="chart-note">
        Solid: λmax of the Hessian at each step (for Adam, of P⁻¹H with P = (1 − β1ᵗ)·diag(√v̂ + ε)). Dashed: the threshold
        above which the step overshoots in the sharpest direction. With GD on a curved surface the sharpness climbs to 2/α
        and hovers there while the loss keeps falling.{g.note ? ` Axis: ${g.note}.` : ''}
      </p>
    </ChartFigure>
  );
}
