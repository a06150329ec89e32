import { Fragment, type JSX } from 'react';
import { symbol, symbolTriangle } from 'd3-shape';

/** The bad-batch mark: a triangle standing on the step axis (d3's symbol, centred on its centroid). */
export const BAD_TRIANGLE = symbol(symbolTriangle, 40)() ?? '';

/** The marks' key under the loss chart, shown when some run has training-loop events. Words carry it; shapes repeat it. */
export function EventsKey({ bad, skipped, overflow }: { bad: boolean; skipped: boolean; overflow: boolean }) {
  const glyph = (d: string, fill: string) => (
    <svg width="12" height="12" viewBox="-6 -6 12 12" aria-hidden="true" focusable="false" className="run-key">
      <path d={d} fill={fill} stroke="#1b1f3a" strokeWidth="1.3" />
    </svg>
  );
  const items: [string, JSX.Element][] = [];
  if (bad) items.push(['b', <>{glyph(BAD_TRIANGLE, '#545a75')} bad batch (on the step axis)</>]);
  if (skipped) items.push(['s', <>{glyph('M-3.5,0a3.5,3.5 0 1,0 7,0a3.5,3.5 0 1,0 -7,0', '#fff')} skipped step (w unchanged)</>]);
  if (overflow) items.push(['o', <>{glyph('M0,-3.5L3.5,0L0,3.5L-3.5,0Z', '#fff')} loss-scale overflow (step skipped, S cut)</>]);
  if (items.length === 0) return null;
  return <p className="chart-note events-key">Marks: {items.map(([key, item], i) => <Fragment key={key}>{i > 0 ? ' · ' : null}{item}</Fragment>)}</p>;
}
