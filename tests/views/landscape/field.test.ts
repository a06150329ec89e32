import { describe, expect, it } from 'vitest';
import { createSurface } from '../../../src/engine';
import { makeLut, rasterize, luminance, cividisLut, interpolateCividis } from '../../../src/views/landscape/colormap';
import { contourLines, ringPath } from '../../../src/views/landscape/contours';
import {
  balancedDelta, contourThresholds, DELTA_MAX, DELTA_MIN, logField, logScaleFor, logValue, sampleField, unit,
} from '../../../src/views/landscape/field';
import { computeHeat, computeIsolines, heatGrid, MAX_HEAT_CELLS } from '../../../src/views/landscape/maps';
import { rgb } from 'd3-color';

const box = { xMin: -3, xMax: 3, yMin: -3, yMax: 3 };

describe('sampleField', () => {
  it('samples cell centres with row 0 at the top', () => {
    const v = sampleField((x, y) => 10 * x + y, box, 2, 2);
    expect(Array.from(v)).toEqual([10 * -1.5 + 1.5, 10 * 1.5 + 1.5, 10 * -1.5 - 1.5, 10 * 1.5 - 1.5]);
  });
});

describe('log scale', () => {
  it('uses the lowest minimum as f_min on a bowl', () => {
    const q = createSurface({ kind: 'quadratic', eigenvalues: [1, 10], angle: 0, center: [0, 0] });
    const s = logScaleFor(sampleField((x, y) => q.value(x, y), box, 51, 51), q.minima);
    expect(s.fMin).toBe(0);
    expect(s.delta).toBeGreaterThanOrEqual(DELTA_MIN * (s.gridMax - s.fMin));
    expect(s.delta).toBeLessThanOrEqual(DELTA_MAX * (s.gridMax - s.fMin) * (1 + 1e-12));
    expect(s.hi).toBeGreaterThan(s.lo);
  });
  it('uses the grid minimum on a saddle (no minimum) and stays finite', () => {
    const q = createSurface({ kind: 'quadratic', eigenvalues: [1, -1], angle: 0, center: [0, 0] });
    expect(q.minima).toHaveLength(0);
    const v = sampleField((x, y) => q.value(x, y), box, 41, 41);
    const s = logScaleFor(v, q.minima);
    expect(s.fMin).toBe(Math.min(...v));
    for (const l of logField(v, s)) expect(Number.isFinite(l)).toBe(true);
  });
  it('copes with huge values (λ = 1e4, Rosenbrock, 1e300)', () => {
    const s = logScaleFor([0, 1e300, 1.7e308, -1.7e308], []);
    expect(Number.isFinite(s.lo) && Number.isFinite(s.hi) && s.hi > s.lo).toBe(true);
    const stiff = createSurface({ kind: 'quadratic', eigenvalues: [1, 1e4], angle: 0.3, center: [0, 0] });
    const heat = computeHeat(stiff, box, 120, 120);
    expect(heat.rgba.length).toBe(heat.nx * heat.ny * 4);
  });
  it('maps non-finite values: +∞ above everything, NaN stays NaN, below f_min to the floor', () => {
    const s = logScaleFor([1, 2, 100], [{ x: 0, y: 0, value: 1 }]);
    expect(logValue(Infinity, s)).toBe(Infinity);
    expect(logValue(NaN, s)).toBeNaN();
    expect(logValue(-Infinity, s)).toBe(Math.log(s.delta));
    expect(logValue(0, s)).toBe(Math.log(s.delta));
    expect(unit(Infinity, s)).toBe(1);
    expect(unit(-Infinity, s)).toBe(0);
    expect(unit(NaN, s)).toBeNaN();
  });
  it('an all-NaN or flat grid still gives a usable scale', () => {
    const s = logScaleFor([NaN, NaN], []);
    expect(s.hi).toBeGreaterThan(s.lo);
    const flat = logScaleFor([5, 5, 5], []);
    expect(flat.hi).toBeGreaterThan(flat.lo);
  });
  it('balancedDelta puts the median mid-scale when it can', () => {
    const d = balancedDelta(0.02, 1);
    expect(Math.log(0.02 + d)).toBeCloseTo((Math.log(d) + Math.log(1 + d)) / 2, 9);
    expect(balancedDelta(0.9, 1)).toBe(DELTA_MAX);
    expect(balancedDelta(0, 1)).toBe(DELTA_MIN);
  });
});

describe('contour thresholds', () => {
  it('gives 12 levels evenly spaced strictly inside (lo, hi)', () => {
    const t = contourThresholds(-2, 11);
    expect(t).toHaveLength(12);
    expect(t[0]).toBeGreaterThan(-2);
    expect(t[11]).toBeLessThan(11);
    const steps = t.slice(1).map((v, i) => v - t[i]!);
    for (const s of steps) expect(s).toBeCloseTo(1, 12);
    expect(contourThresholds(1, 1)).toEqual([]);
    expect(contourThresholds(NaN, 1)).toEqual([]);
  });
});

describe('heatmap colours', () => {
  const s = logScaleFor([1, 10, 100], []);
  const lut = cividisLut();
  it('builds the LUT by parsing the interpolator with d3-color', () => {
    const c = rgb(interpolateCividis(0));
    expect(Array.from(lut.slice(0, 4))).toEqual([c.r, c.g, c.b, 255]);
    expect(makeLut((t) => (t < 0.5 ? 'black' : 'white'), 2)).toEqual(new Uint8ClampedArray([0, 0, 0, 255, 255, 255, 255, 255]));
  });
  it('maps lo and hi to the ends, +∞ to the top, −∞ to the bottom, NaN to transparent', () => {
    const px = rasterize([s.lo, s.hi, Infinity, -Infinity, NaN], s);
    const top = Array.from(lut.slice(lut.length - 4));
    const bottom = Array.from(lut.slice(0, 4));
    expect(Array.from(px.slice(0, 4))).toEqual(bottom);
    expect(Array.from(px.slice(4, 8))).toEqual(top);
    expect(Array.from(px.slice(8, 12))).toEqual(top);
    expect(Array.from(px.slice(12, 16))).toEqual(bottom);
    expect(Array.from(px.slice(16, 20))).toEqual([0, 0, 0, 0]);
  });
  it('luminance separates dark and light', () => {
    expect(luminance('#000')).toBe(0);
    expect(luminance('#fff')).toBeCloseTo(1, 9);
  });
  it('heatGrid caps the number of cells', () => {
    const [nx, ny] = heatGrid(1600, 1000);
    expect(nx * ny).toBeLessThanOrEqual(MAX_HEAT_CELLS * 1.01);
    expect(nx / ny).toBeCloseTo(1.6, 1);
    expect(heatGrid(200, 100)).toEqual([200, 100]);
  });
});

describe('contours', () => {
  it('traces closed isolines of a bowl, inside the plot, with no NaN', () => {
    const q = createSurface({ kind: 'quadratic', eigenvalues: [1, 4], angle: 0.4, center: [0, 0] });
    const heat = computeHeat(q, box, 300, 300);
    const lines = computeIsolines(q, box, 300, 300, heat.scale);
    expect(lines.length).toBeGreaterThanOrEqual(10);
    expect(lines.length).toBeLessThanOrEqual(12);
    for (const l of lines) {
      expect(l.d).not.toMatch(/NaN|Infinity/);
      expect(['#ffffff', '#0d1330']).toContain(l.stroke);
      for (const c of (l.d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number)) expect(c).toBeGreaterThanOrEqual(-10), expect(c).toBeLessThanOrEqual(310);
    }
  });
  it('drops the runs along the grid border that d3-contour adds to close polygons', () => {
    // A level crossing the grid: x = 2 on a 4 × 3 grid (values = column index).
    const v = [0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3];
    const [line] = contourLines(v, 4, 3, [1.5], 400, 300);
    expect(line!.d).toBe('M200,50L200,150L200,250');
    expect(ringPath([[0, 0], [0, 1]], 4, 3, 1, 1)).toBe('');
  });
  it('treats NaN cells as below every level without crashing', () => {
    const v = [NaN, 1, 2, 3, NaN, 1, 2, 3, 0, 1, NaN, 3];
    expect(() => contourLines(logField(v, logScaleFor(v)), 4, 3, [0.5], 40, 30)).not.toThrow();
  });
});

describe('the colour map', () => {
  it('rises steadily in lightness from dark blue to yellow (readable in greyscale and by colour-blind viewers)', async () => {
    const { interpolateCividis: cmap, luminance } = await import('../../../src/views/landscape/colormap');
    let prev = -1;
    for (let i = 0; i <= 50; i++) {
      const l = luminance(cmap(i / 50));
      expect(l).toBeGreaterThan(prev);
      prev = l;
    }
    const lo = rgb(cmap(0));
    const hi = rgb(cmap(1));
    expect(lo.b).toBeGreaterThan(lo.r); // blue end
    expect(hi.r).toBeGreaterThan(hi.b); // yellow end
  });
});

describe('isolines traced a few levels at a time', () => {
  it('tracing the levels in slices gives the same lines as tracing them all at once', async () => {
    const { isolineField, traceIsolines } = await import('../../../src/views/landscape/maps');
    const { createSurface } = await import('../../../src/engine');
    const s = createSurface({ kind: 'rosenbrock', a: 1, b: 100 });
    const box = s.viewBox;
    const heat = computeHeat(s, box, 240, 180);
    const f = isolineField(s, box, 240, 180, heat.scale);
    const all = traceIsolines(f);
    const sliced = [0, 3, 6, 9, 12].flatMap((i) => traceIsolines(f, f.levels.slice(i, i + 3)));
    expect(sliced).toStrictEqual(all);
    expect(all.length).toBeGreaterThan(5);
    expect(computeIsolines(s, box, 240, 180, heat.scale)).toStrictEqual(all);
  });
});
