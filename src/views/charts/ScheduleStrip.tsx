import { useMemo } from 'react';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useLabState } from '../../state/context';
import { runColor } from '../../state/doc';
import { Axes, ChartFigure, px, RunKey, useSafeId } from './chart-frame';
import { useCursor } from './cursor';
import { num, runName } from './labels';
import { boundaryLabel, isScheduled, spansAbove, stepsAbove } from './schedule';
import { tickLabel } from './ticks';
import { useWidth } from './useSize';

const HEIGHT = 200;
const M = { top: 24, right: 16, bottom: 28, left: 60 };
const lrPath = line<number>().digits(1).defined((v) => Number.isFinite(v));

/** α(k) for each scheduled run against its stability boundary; steps above it shaded. */
export function ScheduleStrip() {
  const all = useLabState((s) => s.results);
  const steps = useLabState((s) => s.doc.steps);
  const [box, width] = useWidth<HTMLDivElement>();
  const id = useSafeId('sched');
  const results = useMemo(() => all.filter(isScheduled), [all]);
  const left = M.left, right = Math.max(left + 40, width - M.right);
  // The x mapping only changes with the size or the step count (the cursor keeps its subscription).
  const x = useMemo(() => scaleLinear().domain([0, Math.max(1, steps)]).range([left, right]), [steps, left, right]);
  const g = useMemo(() => {
    const top = M.top, bottom = HEIGHT - M.bottom;
    let hi = 0;
    for (const r of results) {
      for (const v of r.sim.lr) if (Number.isFinite(v) && v > hi) hi = v;
      if (Number.isFinite(r.report.boundary) && r.report.boundary > 0) hi = Math.max(hi, Math.min(r.report.boundary, 4 * hi || r.report.boundary));
    }
    const y = scaleLinear().domain([0, hi > 0 ? hi * 1.08 : 1]).nice(4).range([bottom, top]);
    const [, yMax] = y.domain() as [number, number];
    const clampY = (v: number) => y(Math.min(Math.max(v, 0), yMax));
    const runs = results.map((r) => {
      const color = runColor(r.index);
      const d = lrPath.x((_, k) => x(k)).y((v) => clampY(v))(Array.from(r.sim.lr)) ?? '';
      const label = boundaryLabel(r);
      const b = r.report.boundary;
      const by = label && b <= yMax ? px(y(b)) : null;
      const spans = label ? spansAbove(r.sim.lr, b) : [];
      return { r, color, d, label, by, spans, over: stepsAbove(spans) };
    });
    // Boundary labels sit just above their line, nudged apart when two lines are close.
    const labels: { text: string; y: number }[] = [];
    for (const s of [...runs].sort((a, b) => (b.by ?? 0) - (a.by ?? 0))) {
      if (!s.label || s.by === null) continue;
      const prev = labels[labels.length - 1];
      labels.push({ text: `${s.r.index + 1}: ${s.label}`, y: Math.max(top + 10, Math.min(s.by - 4, prev ? prev.y - 13 : Infinity)) });
    }
    return { x, y, left, right, top, bottom, runs, labels, yMax };
  }, [results, x, left, right]);
  const cursor = useCursor(id, g.x, g.left, g.right, g.top, g.bottom);
  if (results.length === 0) return null;

  const summary = `Learning-rate schedule: ${g.runs.map((s) => {
    const lr = s.r.sim.lr;
    const peak = lr.reduce((m, v) => (Number.isFinite(v) ? Math.max(m, v) : m), 0);
    const over = s.label ? (s.over ? `, above ${s.label} for ${s.over} steps` : `, always below ${s.label}`) : ', no closed-form boundary (adaptive)';
    return `${runName(s.r)} ${s.r.spec.schedule.kind} from ${num(lr[0] ?? NaN)} peaking at ${num(peak)}${over}`;
  }).join('; ')}.`;

  return (
    <ChartFigure id={`${id}-h`} title="Learning-rate schedule α(k)" className="chart-schedule">
      <ul className="legend">
        {g.runs.map((s) => (
          <li key={s.r.id}>
            <RunKey index={s.r.index} color={s.color} />
            {runName(s.r)} <span className="muted">{s.r.spec.schedule.kind}</span>
            {!s.label && <span className="muted"> — adaptive: no closed-form boundary</span>}
            {s.label && s.by === null && <span className="muted"> — boundary {s.label} is above the chart</span>}
            {s.over > 0 && <span className="bad"> — above the boundary for {s.over} steps</span>}
          </li>
        ))}
      </ul>
      <div ref={box} className="chart-box">
        <svg width={width} height={HEIGHT} role="img" aria-label={summary} className="chart-svg">
          {cursor.defs}
          <Axes width={width} height={HEIGHT} margin={M} x={g.x} y={g.y} xTicks={g.x.ticks(Math.max(2, Math.floor(width / 90)))} yTicks={g.y.ticks(4)} xLabel="step" yLabel="α" yFormat={tickLabel} />
          {g.runs.map((s) => s.spans.map(([a, b]) => {
            const x0 = px(g.x(a - 0.5)), x1 = px(g.x(b + 0.5));
            return x0 === null || x1 === null ? null : <rect key={`${s.r.id}-${a}`} className="over" x={Math.max(g.left, x0)} y={g.top} width={Math.max(1, Math.min(g.right, x1) - Math.max(g.left, x0))} height={g.bottom - g.top} fill={s.color} />;
          }))}
          {g.runs.map((s) => s.by !== null && <line key={s.r.id} className="boundary" x1={g.left} x2={g.right} y1={s.by} y2={s.by} stroke={s.color} />)}
          <g className="curves">
            {g.runs.map((s) => <path key={s.r.id} d={s.d} className="line" stroke={s.color} />)}
          </g>
          {cursor.veil}
          {g.labels.map((l, i) => (
            <text key={i} className="annot" x={g.left + 6} y={l.y}>{l.text}</text>
          ))}
          {cursor.line}
        </svg>
      </div>
      <p className="chart-note">Dashed: each run’s stability boundary (the largest stable α at the minimum’s curvature); shaded: steps where α(k) is above it.</p>
    </ChartFigure>
  );
}
