import { describe, expect, it } from 'vitest';
import { clipSegment, edgeToward, inBox, pointAt } from '../../../src/views/landscape/clip';
import { fitLabel, spreadLabels, placeLabel, textWidth } from '../../../src/views/landscape/labels';

const b = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };

describe('clipSegment (Liang–Barsky)', () => {
  it('keeps a segment inside whole and rejects one that misses', () => {
    expect(clipSegment(-0.5, 0, 0.5, 0.2, b)).toEqual([0, 1]);
    expect(clipSegment(2, 2, 3, 0, b)).toBeNull();
    expect(clipSegment(-2, 1.5, 2, 1.5, b)).toBeNull(); // parallel, outside
  });
  it('finds where a segment leaves and enters', () => {
    const [t0, t1] = clipSegment(0, 0, 3, 0, b)!;
    expect(t0).toBe(0);
    expect(t1).toBeCloseTo(1 / 3, 12);
    const [u0, u1] = clipSegment(-3, 0, 3, 0, b)!;
    expect(u0).toBeCloseTo(1 / 3, 12);
    expect(u1).toBeCloseTo(2 / 3, 12);
  });
  it('handles astronomically far and overflowing ends', () => {
    const c = clipSegment(0.5, 0.5, 1e300, 1e300, b)!;
    expect(c[0]).toBe(0);
    expect(c[1]).toBeGreaterThan(0);
    const [x, y] = pointAt(0.5, 0.5, 1e300, 1e300, c[1]);
    expect(x).toBeCloseTo(1, 9);
    expect(y).toBeCloseTo(1, 9);
    // x1 − x0 overflows float64 here.
    const o = clipSegment(-1.7e308, 0, 1.7e308, 0, b)!;
    expect(o[0]).toBeGreaterThan(0);
    expect(o[1]).toBeLessThan(1);
    expect(clipSegment(0, 0, NaN, 1, b)).toBeNull();
    expect(clipSegment(0, 0, Infinity, 1, b)).toBeNull();
  });
  it('inBox is closed and false for NaN', () => {
    expect(inBox(b, 1, -1)).toBe(true);
    expect(inBox(b, NaN, 0)).toBe(false);
  });
  it('edgeToward meets the edge on the ray from the centre', () => {
    const e = edgeToward(b, 10, 0)!;
    expect(e.x).toBeCloseTo(1, 12);
    expect(e.y).toBeCloseTo(0, 12);
    expect(e.angle).toBeCloseTo(0, 12);
    const f = edgeToward(b, 0, -1e300)!;
    expect(f.y).toBeCloseTo(-1, 9);
    expect(f.angle).toBeCloseTo(-Math.PI / 2, 9);
  });
});

describe('labels', () => {
  it('spreadLabels keeps a minimum gap, order and bounds', () => {
    const ys = spreadLabels([100, 102, 101, 300], 15, 10, 390);
    const sorted = [...ys.slice(0, 3)].sort((a, b) => a - b);
    expect(sorted[1]! - sorted[0]!).toBeGreaterThanOrEqual(15 - 1e-9);
    expect(sorted[2]! - sorted[1]!).toBeGreaterThanOrEqual(15 - 1e-9);
    expect(ys[3]).toBe(300);
    const crowded = spreadLabels([385, 386, 387], 15, 10, 390);
    for (const y of crowded) expect(y).toBeLessThanOrEqual(390), expect(y).toBeGreaterThanOrEqual(10);
    expect(Math.max(...crowded) - Math.min(...crowded)).toBeCloseTo(30, 9);
  });
  it('placeLabel puts a label inside the view, anchored away from the edge', () => {
    const right = placeLabel({ kind: 'exit', x: 400, y: 5, angle: 0 }, 400, 300);
    expect(right.anchor).toBe('end');
    expect(right.x).toBeLessThan(400);
    expect(right.y).toBeGreaterThanOrEqual(10);
    const left = placeLabel({ kind: 'exit', x: 0, y: 150, angle: 180 }, 400, 300);
    expect(left.anchor).toBe('start');
  });
  it('fitLabel keeps text inside the plot, flipping its anchor when needed', () => {
    const t = 'λ₁ = 1000';
    const right = fitLabel(290, 'start', t, 300);
    expect(right.anchor).toBe('end');
    expect(right.x).toBeLessThanOrEqual(296);
    expect(right.x - textWidth(t)).toBeGreaterThanOrEqual(4);
    const left = fitLabel(10, 'end', t, 300);
    expect(left).toEqual({ x: 4, anchor: 'start' });
    expect(fitLabel(150, 'middle', t, 300)).toEqual({ x: 150, anchor: 'middle' });
  });
});
