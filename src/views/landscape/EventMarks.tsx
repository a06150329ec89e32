import { memo, useMemo } from 'react';
import { EVENT } from '../../engine';
import type { RunResult } from '../../state/compute';
import { runColor } from '../../state/doc';
import { usePlayback } from '../../state/context';
import { toPxX, toPxY, type Frame } from './viewport';

/** Where a run's training-loop events happened, in plot pixels (steps inside the view only). */
export interface EventPoint {
  key: string;
  step: number;
  x: number;
  y: number;
  /** 'bad': a bad batch (its update starts here); 'badSkipped': one a guard caught; 'skipped': another skipped step. */
  kind: 'bad' | 'badSkipped' | 'skipped';
  color: string;
}

/** The event points of the runs that record events (none for plain runs), at most `max` per run. */
export function eventPoints(results: readonly RunResult[], frame: Frame, max = 40): EventPoint[] {
  const out: EventPoint[] = [];
  for (const r of results) {
    const ev = r.sim.events;
    if (!ev) continue;
    let n = 0;
    for (let k = 0; k < ev.length && n < max; k++) {
      const e = ev[k]!;
      if (e === 0) continue;
      const x = toPxX(frame, r.sim.w[2 * k]!), y = toPxY(frame, r.sim.w[2 * k + 1]!);
      if (!(x >= 0 && x <= frame.width && y >= 0 && y <= frame.height)) continue;
      out.push({ key: `${r.id}-${k}`, step: k, x, y, kind: e & EVENT.badBatch ? (e & EVENT.skipped ? 'badSkipped' : 'bad') : 'skipped', color: runColor(r.index) });
      n++;
    }
  }
  return out;
}

const BAD = 'M0,-8L7,5L-7,5Z';

/**
 * Marks on the landscape where a bad batch arrived (a filled triangle: the next segment is its
 * update; hollow when a guard skipped it) and where another step was skipped (a hollow circle),
 * up to the playback step. Mounted only when a
 * run records events, so plain runs pay nothing per frame.
 */
export const EventMarks = memo(function EventMarks({ results, frame }: { results: readonly RunResult[]; frame: Frame }) {
  const points = useMemo(() => eventPoints(results, frame), [results, frame]);
  const k = usePlayback((s) => s.k);
  return (
    <g className="ls-events">
      {points.filter((p) => p.step <= k).map((p) => (p.kind === 'skipped'
        ? <circle key={p.key} cx={p.x.toFixed(1)} cy={p.y.toFixed(1)} r={5} fill="#ffffff" stroke={p.color} strokeWidth={1.8} />
        : <path key={p.key} d={BAD} transform={`translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`}
            fill={p.kind === 'bad' ? p.color : '#ffffff'} stroke={p.kind === 'bad' ? '#1b1f3a' : p.color} strokeWidth={p.kind === 'bad' ? 1.2 : 1.8} />))}
    </g>
  );
});
