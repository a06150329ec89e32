import { scaleLinear, scaleSymlog } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { excursions, layoutLabels, seriesPath, thinTicks, yAxisFor } from '../../../src/views/charts/geometry';
import { stepAtPixel, stepForKey, valueAt } from '../../../src/views/charts/hover';
import { planLossAxis } from '../../../src/views/charts/scales';

const f64 = (xs: number[]) => Float64Array.from(xs);

describe('seriesPath', () => {
  it('never writes NaN or Infinity, and leaves the chart at the edge', () => {
    const ys = f64([10, 1, 1e300, 1e300, 0.1, NaN, Infinity]);
    const plan = planLossAxis([ys], true);
    const axis = yAxisFor(plan, 10, 200);
    const x = scaleLinear().domain([0, 6]).range([0, 600]);
    const d = seriesPath(ys, x, axis);
    expect(d).not.toMatch(/NaN|Infinity/);
    expect(d.startsWith('M')).toBe(true);
    expect(d).toContain(',10'); // the exit is drawn on the top edge
  });
  it('is empty for nothing drawable', () => {
    const axis = yAxisFor(planLossAxis([], true), 10, 200);
    expect(seriesPath(f64([NaN, NaN]), (k) => k, axis)).toBe('');
  });
});

describe('excursions', () => {
  const bounds = { lo: -1, hi: 1, floorClamp: false };
  it('finds stretches off the scale with their peak', () => {
    expect(excursions(f64([0, 2, 5, 0, -3, 0]), bounds)).toEqual([
      { step: 1, side: 'above', peak: 5 }, { step: 4, side: 'below', peak: -3 },
    ]);
  });
  it('joins a zig-zag that jumps from side to side when asked', () => {
    expect(excursions(f64([0, 2, -4, 8, NaN]), bounds, true)).toEqual([{ step: 1, side: 'above', peak: 8 }]);
    expect(excursions(f64([0, 2, -4, 8]), bounds).length).toBe(3);
  });
});

describe('layoutLabels and thinTicks', () => {
  it('puts overlapping labels on separate rows', () => {
    const out = layoutLabels([{ x: 100, text: 'NaN at step 10', edge: 'top' }, { x: 110, text: '∞ at step 11', edge: 'top' }, { x: 500, text: 'x', edge: 'top' }], 0, 800);
    expect(out.map((l) => l.row)).toEqual([0, 1, 0]);
  });
  it('flips a label near the right edge to end-anchored', () => {
    expect(layoutLabels([{ x: 790, text: 'NaN at step 999', edge: 'top' }], 0, 800)[0]!.anchor).toBe('end');
  });
  it('drops ticks closer than the gap, keeping 0 and the big ones', () => {
    const y = scaleSymlog().constant(1).domain([-1e4, 1e4]).range([200, 0]);
    expect(thinTicks([-1e4, -0.01, 0, 0.01, 1e4], y)).toEqual([-1e4, 0, 1e4]);
  });
});

describe('hover', () => {
  it('maps a pixel to the nearest step, clamped', () => {
    expect(stepAtPixel(50, 0, 100, 10)).toBe(5);
    expect(stepAtPixel(-20, 0, 100, 10)).toBe(0);
    expect(stepAtPixel(500, 0, 100, 10)).toBe(10);
    expect(stepAtPixel(NaN, 0, 100, 10)).toBeNull();
  });
  it('moves with the keyboard, starting from the cursor', () => {
    expect(stepForKey('ArrowRight', null, 100, 40)).toBe(40);
    expect(stepForKey('ArrowRight', 40, 100, 0)).toBe(41);
    expect(stepForKey('ArrowLeft', 0, 100, 0)).toBe(0);
    expect(stepForKey('PageUp', 95, 100, 0)).toBe(100);
    expect(stepForKey('Home', 50, 100, 0)).toBe(0);
    expect(stepForKey('End', 50, 100, 0)).toBe(100);
    expect(stepForKey('a', 50, 100, 0)).toBeNull();
  });
  it('reads a value only inside the run', () => {
    expect(valueAt(f64([1, 2]), 1)).toBe(2);
    expect(valueAt(f64([1, 2]), 2)).toBeUndefined();
  });
});
