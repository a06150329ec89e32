import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useId, useMemo, useState } from 'react';
import { simulate, type SimResult } from '../../engine';
import { basinTrace } from '../../engine/analysis/basins';
import { runColor } from '../../state/doc';
import { fmt } from '../../ui/format';
import { contourLines } from '../../views/landscape/contours';
import { BIG_LR, demoIndex, NAMES, SMALL_LR, startsFor, SEED, SURFACE, wellsSpec } from './basins-presets';
import './basins.css';

const INK = '#1b1f3a';
const S = 300, N = 90;
const BOX = SURFACE.viewBox;
const CHOICES = 40;

/** Contour lines of the wells surface, computed once. */
const CONTOURS = (() => {
  const values = new Float64Array(N * N);
  const dx = (BOX.xMax - BOX.xMin) / N, dy = (BOX.yMax - BOX.yMin) / N;
  for (let j = 0; j < N; j++) for (let i = 0; i < N; i++) values[j * N + i] = SURFACE.value(BOX.xMin + (i + 0.5) * dx, BOX.yMax - (j + 0.5) * dy);
  const levels = Array.from({ length: 14 }, (_, k) => -1.7 + 0.25 * k);
  return contourLines(values, N, N, levels, S, S).filter((c) => c.d !== '');
})();

/** What a run did, basin by basin: its changes of basin and where it ended. */
function traceOf(r: SimResult) {
  const tr = basinTrace(SURFACE, r);
  const end = tr[tr.length - 1]!;
  let changes = 0, last = -1;
  for (let k = 1; k < tr.length; k++) if (tr[k] !== tr[k - 1]) { changes++; last = k; }
  return { start: tr[0]!, end, changes, last, lastLr: last > 0 ? r.lr[last - 1]! : NaN, endLoss: r.loss[r.length - 1]! };
}

const name = (b: number) => (b >= 0 ? NAMES[b] ?? `#${b}` : 'none');

/**
 * The wells surface with two runs from one start: a small constant α, and a large α annealed by a
 * cosine. The start is one of the histogram's seeded starts, picked with the slider.
 */
export function BasinsMap() {
  const id = useId();
  const [index, setIndex] = useState(demoIndex);
  const v = useMemo(() => {
    const start = startsFor(SEED)[index]!;
    const small = simulate(wellsSpec(SMALL_LR, 'constant', false, start));
    const big = simulate(wellsSpec(BIG_LR, 'cosine', false, start));
    return { start, small, big, ts: traceOf(small), tb: traceOf(big) };
  }, [index]);
  const x = scaleLinear().domain([BOX.xMin, BOX.xMax]).range([0, S]);
  const y = scaleLinear().domain([BOX.yMin, BOX.yMax]).range([S, 0]);
  const path = (r: SimResult) => line<number>().digits(1).x((k) => x(r.w[2 * k]!)).y((k) => y(r.w[2 * k + 1]!))(Array.from({ length: r.length }, (_, k) => k)) ?? '';
  const { ts, tb } = v;
  const smallText = `Small constant α = ${SMALL_LR}: starts in basin ${name(ts.start)}, ${ts.changes === 0 ? 'never leaves it' : `changes basin ${ts.changes} times`}, and ends at ${name(ts.end)} (loss ${fmt(ts.endLoss)})`;
  const bigText = `Large α = ${BIG_LR} with cosine annealing: changes basin ${tb.changes} times, the last at step ${tb.last} where α = ${fmt(tb.lastLr)}, and ends at ${name(tb.end)} (loss ${fmt(tb.endLoss)})`;
  const minima = SURFACE.minima.map((m, i) => `${name(i)} at (${fmt(m.x)}, ${fmt(m.y)}) with loss ${fmt(m.value)}`).join('; ');
  return (
    <figure className="basins-fig">
      <label className="basins-control" htmlFor={`${id}-s`}>
        <span>Start #{index + 1} of the seeded starts: ({fmt(v.start[0])}, {fmt(v.start[1])})</span>
        <input id={`${id}-s`} type="range" min={0} max={CHOICES - 1} step={1} value={index}
          aria-valuetext={`start ${index + 1} at (${fmt(v.start[0])}, ${fmt(v.start[1])})`} onChange={(e) => setIndex(Number(e.target.value))} />
      </label>
      <svg viewBox={`0 0 ${S} ${S}`} className="basins-map" role="img"
        aria-label={`Contour map of the wells surface from ${BOX.xMin} to ${BOX.xMax} in x and y; minima ${minima}. Both runs start at (${fmt(v.start[0])}, ${fmt(v.start[1])}). ${smallText}. ${bigText}.`}>
        <rect x={0.5} y={0.5} width={S - 1} height={S - 1} fill="#fff" stroke="#d5d8e4" />
        {CONTOURS.map((c) => <path key={c.value} d={c.d} fill="none" stroke="#c5cad8" strokeWidth={0.8} />)}
        <path d={path(v.big)} fill="none" stroke={runColor(1)} strokeWidth={0.9} strokeOpacity={0.75} strokeDasharray="3 2" />
        <path d={path(v.small)} fill="none" stroke={runColor(0)} strokeWidth={2.4} />
        {SURFACE.minima.map((m, i) => (
          <g key={i}>
            <circle cx={x(m.x)} cy={y(m.y)} r={3} fill={INK} />
            <text x={x(m.x) + 6} y={y(m.y) - 6} fontSize={13} fontWeight={600} fill={INK}>{name(i)}</text>
          </g>
        ))}
        <rect x={x(v.start[0]) - 5} y={y(v.start[1]) - 5} width={10} height={10} fill="#fff" stroke={INK} strokeWidth={1.8} />
      </svg>
      <figcaption>
        <span className="basins-key"><span className="basins-swatch" style={{ borderColor: runColor(0) }} />α = {SMALL_LR}, constant</span>
        <span className="basins-key"><span className="basins-swatch dashed" style={{ borderColor: runColor(1) }} />α = {BIG_LR}, cosine to 0</span>
        □ the start. Minima: {minima}.
        <ul className="basins-facts">
          <li>{smallText}.</li>
          <li>{bigText}.</li>
        </ul>
      </figcaption>
    </figure>
  );
}
