import { scaleLinear } from 'd3-scale';
import { memo, useSyncExternalStore } from 'react';
import type { LiveBox } from './liveBox';
import { MARGIN } from './layout';
import type { Frame } from './viewport';

export interface Tick {
  pos: number;
  label: string;
}

/** Ticks from d3-scale for one axis: positions in pixels along it and their labels. */
export function axisTicks(min: number, max: number, length: number, flip: boolean, spacing: number): Tick[] {
  if (!(Number.isFinite(min) && Number.isFinite(max) && max > min && length > 0)) return [];
  const s = scaleLinear().domain([min, max]).range(flip ? [length, 0] : [0, length]);
  const count = Math.max(2, Math.floor(length / spacing));
  const format = s.tickFormat(count);
  return s.ticks(count).map((t) => ({ pos: s(t), label: format(t) }));
}

/** y tick spacing (px) — shared with the layout, which sizes the left margin to the labels. */
export const Y_TICK_SPACING = 56;

/** x and y axes around the plot; they follow a gesture's live box as it moves. */
export const Axes = memo(function Axes({ frame, live, width, height, left }: { frame: Frame; live: LiveBox; width: number; height: number; left: number }) {
  const box = useSyncExternalStore(live.subscribe, live.get, () => null) ?? frame.box;
  const xs = axisTicks(box.xMin, box.xMax, frame.width, false, 80);
  const ys = axisTicks(box.yMin, box.yMax, frame.height, true, Y_TICK_SPACING);
  const bottom = MARGIN.top + frame.height;
  return (
    <svg className="ls-axes" width={width} height={height} aria-hidden="true" focusable="false">
      <g transform={`translate(${left},${bottom})`}>
        {xs.map((t) => (
          <g key={t.label} transform={`translate(${t.pos.toFixed(1)},0)`}>
            <line y2={5} />
            <text y={17} textAnchor="middle">{t.label}</text>
          </g>
        ))}
        <text className="ls-axis-title" x={frame.width} y={30} textAnchor="end">x</text>
      </g>
      <g transform={`translate(${left},${MARGIN.top})`}>
        {ys.map((t) => (
          <g key={t.label} transform={`translate(0,${t.pos.toFixed(1)})`}>
            <line x2={-5} />
            <text x={-8} textAnchor="end" dominantBaseline="central">{t.label}</text>
          </g>
        ))}
        <text className="ls-axis-title" x={-left + 2} y={frame.height / 2} dominantBaseline="central">y</text>
      </g>
    </svg>
  );
});
