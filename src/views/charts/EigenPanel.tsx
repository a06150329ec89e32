import { useMemo } from 'react';
import { scaleLinear } from 'd3-scale';
import { symbol, symbolTimes, symbolTriangle } from 'd3-shape';
import type { RunResult } from '../../state/compute';
import { runColor } from '../../state/doc';
import { Axes, px, RunKey, RunMark, useSafeId } from './chart-frame';
import { useCursor } from './cursor';
import { signChanges, type Direction } from './eigen';
import { excursions } from './geometry';
import { nonFiniteLabel, num, runName } from './labels';
import { cachedSeriesPath, cachedYAxis, derived } from './path-cache';
import { place, planSignedAxis } from './scales';

export const PANEL_HEIGHT = 220;
const M = { top: 24, right: 12, bottom: 28, left: 54 };
const TRIANGLE = symbol(symbolTriangle, 30)() ?? '';
const TIMES = symbol(symbolTimes, 56)() ?? '';

const NEGATED = new WeakMap<Float64Array, { key: string; value: Float64Array }>();
/** −envelope, the lower half of the closed form (one array per envelope, so its path is cached too). */
const negated = (a: Float64Array) => derived(NEGATED, a, '', (s) => s.map((v) => -v));

/** One eigendirection: every run's signed error e(k), GD's closed-form envelope dashed on top. */
export function EigenPanel({ dir, results, width, steps }: { dir: Direction; results: readonly RunResult[]; width: number; steps: number }) {
  const id = useSafeId(`eig-${dir.key}`);
  const byId = useMemo(() => new Map(results.map((r) => [r.id, r])), [results]);
  const left = M.left, right = Math.max(left + 40, width - M.right);
  // The x mapping only changes with the size or the step count (the cursor keeps its subscription).
  const x = useMemo(() => scaleLinear().domain([0, Math.max(1, steps)]).range([left, right]), [steps, left, right]);
  const xTicks = useMemo(() => x.ticks(Math.max(2, Math.floor(width / 80))), [x, width]);
  const g = useMemo(() => {
    const xKey = `${steps}:${left}:${right}`, top = M.top, bottom = PANEL_HEIGHT - M.bottom;
    const plan = planSignedAxis(dir.runs.flatMap((r) => (r.envelope ? [r.e, r.envelope] : [r.e])));
    const axis = cachedYAxis(plan, top, bottom);
    const marks: { key: string; x: number; y: number; d: string; color: string; flip: boolean }[] = [];
    const runs = dir.runs.map((s) => {
      const color = runColor(s.index);
      excursions(s.e, axis.bounds, true).slice(0, 8).forEach((e, j) => {
        const ex = px(x(e.step));
        if (ex !== null) marks.push({ key: `${s.id}-o${j}`, x: ex, y: e.side === 'above' ? top + 5 : bottom - 5, d: TRIANGLE, color, flip: e.side === 'below' });
      });
      // The last point: the run's shape when it finished in range, a cross where it stopped.
      const last = s.e.length - 1;
      const lv = s.e[last];
      let end: { x: number; y: number } | null = null;
      if (lv !== undefined) {
        const ex = px(x(last));
        const inRange = place(lv, axis.bounds) === 'in';
        const ey = inRange ? px(axis.y(lv)) : lv < 0 ? bottom : top;
        if (ex !== null && ey !== null) {
          if (byId.get(s.id)?.nonFinite) marks.push({ key: `${s.id}-nf`, x: ex, y: ey, d: TIMES, color, flip: false });
          else if (inRange) end = { x: ex, y: ey };
        }
      }
      return {
        ...s, color, end,
        path: cachedSeriesPath(s.e, x, xKey, axis),
        env: s.envelope ? [cachedSeriesPath(s.envelope, x, xKey, axis), cachedSeriesPath(negated(s.envelope), x, xKey, axis)] : null,
      };
    });
    return { x, axis, plan, left, right, top, bottom, runs, marks };
  }, [dir, x, left, right, steps, byId]);
  const cursor = useCursor(id, g.x, g.left, g.right, g.top, g.bottom);

  const story = g.runs.map((s) => {
    const r = byId.get(s.id);
    const name = r ? runName(r) : `run ${s.index + 1}`;
    const e0 = s.e[0] ?? NaN;
    const stop = r?.nonFinite ? `, stops: ${nonFiniteLabel(r.nonFinite)}` : '';
    const en = s.e[s.e.length - 1] ?? NaN;
    return `${name} from ${num(e0)} to ${num(en)}, changing sign ${signChanges(s.e)} times${stop}`;
  });
  const summary = `Error along the ${dir.title.replace(/^(\S+) /, (m) => m.toLowerCase())}${g.plan.kind === 'symlog' ? ', signed log scale' : ''}: ${story.join('; ')}.`;

  return (
    <div className="eigen-panel">
      <h3>{dir.title}</h3>
      <svg width={width} height={PANEL_HEIGHT} role="img" aria-label={summary} className="chart-svg">
        {cursor.defs}
        <Axes width={width} height={PANEL_HEIGHT} margin={M} x={g.x} y={g.axis.y} xTicks={xTicks} yTicks={g.axis.ticks} xLabel="step" yLabel={g.plan.kind === 'symlog' ? 'e(k), signed log' : 'e(k)'} />
        <g className="curves">
          {g.runs.map((r) => (
            <g key={r.id} stroke={r.color}>
              <path d={r.path} className="line" />
              {r.env && r.env.map((d, i) => <path key={i} d={d} className="line envelope" />)}
            </g>
          ))}
          {g.runs.map((r) => r.end && <RunMark key={r.id} index={r.index} color={r.color} x={r.end.x} y={r.end.y} />)}
          {g.marks.map((m) => (
            <path key={m.key} d={m.d} className={m.d === TIMES ? 'mark-bad' : 'mark-off'} stroke={m.color} fill={m.color} transform={`translate(${m.x},${m.y})${m.flip ? ' rotate(180)' : ''}`} />
          ))}
        </g>
        {cursor.veil}
        {cursor.line}
      </svg>
      <ul className="factor-list">
        {g.runs.map((r) => (
          <li key={r.id}>
            <RunKey index={r.index} color={r.color} />
            <span>{byId.get(r.id) ? runName(byId.get(r.id)!) : ''}: {r.factor}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
