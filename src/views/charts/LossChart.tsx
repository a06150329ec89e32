import { useMemo, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { scaleLinear } from 'd3-scale';
import { symbol, symbolTimes, symbolTriangle } from 'd3-shape';
import { useLab, useLabState } from '../../state/context';
import { runColor } from '../../state/doc';
import { Axes, ChartFigure, px, RunKey, RunMark, useSafeId } from './chart-frame';
import { useCursor } from './cursor';
import { emaSmooth } from './ema';
import { excursions, layoutLabels, type Label } from './geometry';
import { stepAtPixel, stepForKey } from './hover';
import { badBatchText } from '../controls/optimizer-model';
import { BAD_TRIANGLE, EventsKey } from './events-key';
import { eventMarks, eventSteps } from './events-marks';
import { eventsStory, lossStory, nonFiniteLabel, num, runName } from './labels';
import { LossControls } from './LossControls';
import { LossReadout } from './LossReadout';
import { cachedSeriesPath, cachedYAxis, derived } from './path-cache';
import { place, planLossAxis } from './scales';
import { useWidth } from './useSize';

const HEIGHT = 250;
const M = { top: 28, right: 16, bottom: 30, left: 60 };
const TRIANGLE = symbol(symbolTriangle, 36)() ?? '';
const TIMES = symbol(symbolTimes, 64)() ?? '';
const MAX_MARKS = 8;
const SMOOTHED = new WeakMap<Float64Array, { key: string; value: Float64Array }>();

/** Loss against step for every run, log or linear, with EMA smoothing, hover readout and cursor. */
export function LossChart() {
  const lab = useLab();
  const results = useLabState((s) => s.results);
  const steps = useLabState((s) => s.doc.steps);
  const logY = useLabState((s) => s.doc.view.logY);
  const ema = useLabState((s) => s.doc.view.ema);
  const [box, width] = useWidth<HTMLDivElement>();
  const [hover, setHover] = useState<number | null>(null);
  const id = useSafeId('loss');

  // Smoothed series and paths are cached per run: when one run changes, the others are reused.
  const smoothed = useMemo(() => (ema > 0 ? results.map((r) => derived(SMOOTHED, r.sim.loss, String(ema), (l) => emaSmooth(l, ema))) : null), [results, ema]);
  const plan = useMemo(() => planLossAxis(results.map((r) => r.sim.loss), logY), [results, logY]);
  const left = M.left, right = Math.max(M.left + 40, width - M.right);
  // The x mapping only changes with the size or the step count (the cursor keeps its subscription).
  const x = useMemo(() => scaleLinear().domain([0, Math.max(1, steps)]).range([left, right]), [steps, left, right]);
  const xTicks = useMemo(() => x.ticks(Math.max(2, Math.floor(width / 90))), [x, width]);
  const g = useMemo(() => {
    const xKey = `${steps}:${left}:${right}`, top = M.top, bottom = HEIGHT - M.bottom;
    const axis = cachedYAxis(plan, top, bottom);
    const edge = (v: number) => (v < 0 ? bottom : top);
    const labels: Label[] = [];
    const marks: { key: string; x: number; y: number; d: string; color: string; flip: boolean }[] = [];
    const bad: { key: string; x: number; color: string }[] = [];
    const runs = results.map((r, i) => {
      const color = runColor(r.index);
      const main = smoothed ? smoothed[i]! : r.sim.loss;
      const raw = cachedSeriesPath(r.sim.loss, x, xKey, axis);
      const smooth = smoothed ? cachedSeriesPath(main, x, xKey, axis) : null;
      let end: { x: number; y: number } | null = null;
      const last = main.length - 1;
      if (last >= 0 && ['in', 'floor'].includes(place(main[last]!, axis.bounds))) {
        const ex = px(x(last)), ey = px(axis.y(main[last]!));
        if (ex !== null && ey !== null) end = { x: ex, y: ey };
      }
      excursions(r.sim.loss, axis.bounds).forEach((e, j) => {
        const ex = px(x(e.step));
        if (ex === null) return;
        const ey = e.side === 'above' ? top : bottom;
        if (j < MAX_MARKS) marks.push({ key: `${r.id}-o${j}`, x: ex, y: ey + (e.side === 'above' ? 5 : -5), d: TRIANGLE, color, flip: e.side === 'below' });
        if (j === 0) labels.push({ x: ex, text: `${r.index + 1}: off-scale ${e.side === 'above' ? '↑' : '↓'} from step ${e.step}`, edge: e.side === 'above' ? 'top' : 'bottom' });
      });
      const nf = r.nonFinite;
      if (nf) {
        const ex = px(x(nf.step));
        const v = r.sim.loss[nf.step] ?? NaN;
        const ey = ['in', 'floor'].includes(place(v, axis.bounds)) ? px(axis.y(v)) : edge(Number.isNaN(v) ? nf.value || 1 : v);
        if (ex !== null && ey !== null) {
          marks.push({ key: `${r.id}-nf`, x: ex, y: ey, d: TIMES, color, flip: false });
          labels.push({ x: ex, text: `${r.index + 1}: ${nonFiniteLabel(nf)}`, edge: ey > (top + bottom) / 2 ? 'bottom' : 'top' });
        }
      }
      // Training-loop events (null, at no cost, for runs without extras).
      const ev = eventMarks(r.sim.events, r.sim.loss, x, `${xKey}|${axis.key}`, axis, top, bottom);
      if (ev) {
        const spec = r.spec.badBatch;
        for (const b of ev.bad) {
          bad.push({ key: `${r.id}-b${b.step}`, x: b.x, color });
          labels.push({ x: b.x, text: `${r.index + 1}: ${spec && spec.step === b.step ? badBatchText(spec) : `bad batch at ${b.step}`}`, edge: 'bottom' });
        }
      }
      return { id: r.id, index: r.index, color, raw, smooth, end, main, ev };
    });
    return { x, axis, left, right, top, bottom, runs, marks, bad, labels: layoutLabels(labels, left, right) };
  }, [results, smoothed, plan, x, left, right, steps]);

  const cursor = useCursor(id, g.x, g.left, g.right, g.top, g.bottom);

  const onMove = (e: PointerEvent<SVGRectElement>) => {
    const svg = e.currentTarget.ownerSVGElement;
    if (svg) setHover(stepAtPixel(e.clientX - svg.getBoundingClientRect().left, g.left, g.right, steps));
  };
  const onKey = (e: KeyboardEvent<SVGSVGElement>) => {
    const next = stepForKey(e.key, hover, steps, lab.playback.getState().k);
    if (next === null) return;
    e.preventDefault();
    setHover(next);
  };
  const scaleName = plan.kind === 'log' ? 'log scale' : plan.kind === 'symlog' ? 'signed log scale' : 'linear scale';
  // Each run's events (null without extras; cached per record) and what they amount to in words.
  const kinds = results.map((r) => eventSteps(r.sim.events));
  const stories = kinds.map(eventsStory);
  const summary = `Loss curve, ${scaleName}: ${results.map((r, i) => (stories[i] ? `${lossStory(r)} (${stories[i]})` : lossStory(r))).join('; ')}.`;
  const hx = hover === null ? null : px(g.x(hover));

  return (
    <ChartFigure id={`${id}-h`} title="Loss" className="chart-loss" controls={<LossControls logY={logY} ema={ema} idPrefix={id} />}>
      <ul className="legend">
        {results.map((r, i) => (
          <li key={r.id}>
            <RunKey index={r.index} color={runColor(r.index)} />
            {runName(r)} <span className="muted">α = {num(r.spec.optimizer.lr)}</span>
            {stories[i] ? <span className="muted"> — {stories[i]}</span> : null}
            {r.nonFinite && <span className="bad"> — {nonFiniteLabel(r.nonFinite)}</span>}
          </li>
        ))}
      </ul>
      <div ref={box} className="chart-box">
        <svg
          width={width} height={HEIGHT} role="img" aria-label={summary} tabIndex={0} className="chart-svg"
          onKeyDown={onKey} onFocus={() => setHover((h) => h ?? lab.playback.getState().k)} onBlur={() => setHover(null)}
        >
          {cursor.defs}
          <Axes width={width} height={HEIGHT} margin={M} x={g.x} y={g.axis.y} xTicks={xTicks} yTicks={g.axis.ticks} xLabel="step" yLabel={`loss (${scaleName})`} />
          <g className="curves">
            {g.runs.map((r) => (
              <g key={r.id} stroke={r.color}>
                <path d={r.raw} className={r.smooth !== null ? 'line raw' : 'line'} />
                {r.smooth !== null && <path d={r.smooth} className="line" />}
              </g>
            ))}
            {g.runs.map((r) => r.end && <RunMark key={r.id} index={r.index} color={r.color} x={r.end.x} y={r.end.y} />)}
            {g.marks.map((m) => (
              <path key={m.key} d={m.d} className={m.d === TIMES ? 'mark-bad' : 'mark-off'} stroke={m.color} fill={m.color} transform={`translate(${m.x},${m.y})${m.flip ? ' rotate(180)' : ''}`} />
            ))}
            {g.runs.map((r) => r.ev && (r.ev.skipped || r.ev.overflow) ? (
              <g key={`${r.id}-ev`} stroke={r.color} fill="#fff" strokeWidth={1.6}>
                {r.ev.skipped && <path d={r.ev.skipped} />}
                {r.ev.overflow && <path d={r.ev.overflow} />}
              </g>
            ) : null)}
          </g>
          {cursor.veil}
          {g.bad.map((b) => <path key={b.key} d={BAD_TRIANGLE} fill={b.color} stroke="#1b1f3a" strokeWidth={1} transform={`translate(${b.x},${g.bottom - 4})`} />)}
          {g.labels.map((l, i) => (
            <text key={i} className="annot" x={l.tx} y={l.edge === 'top' ? g.top + 16 + l.row * 14 : g.bottom - 8 - l.row * 14} textAnchor={l.anchor}>{l.text}</text>
          ))}
          {cursor.line}
          {hx !== null && hover !== null && (
            <g className="hover" aria-hidden="true">
              <line x1={hx} x2={hx} y1={g.top} y2={g.bottom} />
              {g.runs.map((r) => {
                const v = r.main[hover];
                const hy = v !== undefined && place(v, g.axis.bounds) === 'in' ? px(g.axis.y(v)) : null;
                return hy === null ? null : <RunMark key={r.id} index={r.index} color={r.color} x={hx} y={hy} size={64} />;
              })}
            </g>
          )}
          <rect className="hit" x={g.left} y={g.top} width={g.right - g.left} height={g.bottom - g.top} onPointerMove={onMove} onPointerLeave={() => setHover(null)} />
        </svg>
      </div>
      {plan.note && <p className="chart-note">Note: {plan.note}.</p>}
      <EventsKey bad={kinds.some((k) => !!k?.bad.length)} skipped={kinds.some((k) => !!k?.skipped.length)} overflow={kinds.some((k) => !!k?.overflow.length)} />
      <LossReadout results={results} step={hover} last={steps} smoothed={smoothed} id={`${id}-readout`} />
    </ChartFigure>
  );
}
