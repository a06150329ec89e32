import { describe, expect, it } from 'vitest';
import {
  clampBox, fitAspect, frameMap, fromPxX, fromPxY, panBy, previewTransform, sameBox, spanX, spanY, toPxX, toPxY, zoomAt, ZOOM_LIMIT,
} from '../../../src/views/landscape/viewport';
import { layoutFor, leftMarginFor, MARGIN, MAX_HEIGHT } from '../../../src/views/landscape/layout';
import { axisTicks } from '../../../src/views/landscape/Axes';

const box = { xMin: -3, xMax: 3, yMin: -1, yMax: 3 };

describe('fitAspect (square data aspect)', () => {
  it('grows the box so a data unit has the same length in x and y, keeping it all visible', () => {
    for (const [w, h] of [[800, 500], [300, 600], [400, 400]] as const) {
      const b = fitAspect(box, w, h);
      expect(w / spanX(b)).toBeCloseTo(h / spanY(b), 9);
      expect(b.xMin).toBeLessThanOrEqual(box.xMin);
      expect(b.xMax).toBeGreaterThanOrEqual(box.xMax);
      expect(b.yMin).toBeLessThanOrEqual(box.yMin);
      expect(b.yMax).toBeGreaterThanOrEqual(box.yMax);
      expect((b.xMin + b.xMax) / 2).toBeCloseTo(0, 12);
      expect((b.yMin + b.yMax) / 2).toBeCloseTo(1, 12);
    }
  });
  it('is idempotent and leaves a zero-size plot alone', () => {
    const b = fitAspect(box, 700, 450);
    expect(sameBox(fitAspect(b, 700, 450), b)).toBe(true);
    expect(fitAspect(box, 0, 0)).toBe(box);
  });
});

describe('scales', () => {
  const f = { box: fitAspect(box, 600, 400), width: 600, height: 400 };
  it('maps the box onto the plot with y pointing down, and back', () => {
    expect(toPxX(f, f.box.xMin)).toBe(0);
    expect(toPxX(f, f.box.xMax)).toBeCloseTo(600, 9);
    expect(toPxY(f, f.box.yMax)).toBe(0);
    expect(toPxY(f, f.box.yMin)).toBeCloseTo(400, 9);
    expect(fromPxX(f, toPxX(f, 1.25))).toBeCloseTo(1.25, 12);
    expect(fromPxY(f, toPxY(f, -0.5))).toBeCloseTo(-0.5, 12);
  });
  it('axis ticks come from d3-scale, inside the plot and labelled', () => {
    const ticks = axisTicks(-3, 3, 600, false, 80);
    expect(ticks.length).toBeGreaterThan(3);
    for (const t of ticks) expect(t.pos).toBeGreaterThanOrEqual(0), expect(t.pos).toBeLessThanOrEqual(600);
    expect(ticks.map((t) => t.label)).toContain('0');
    const ys = axisTicks(-1, 3, 400, true, 56);
    expect(ys[0]!.pos).toBeGreaterThan(ys[ys.length - 1]!.pos); // flipped: larger y higher up
    expect(axisTicks(NaN, 1, 100, false, 50)).toEqual([]);
  });
});

describe('zoom and pan', () => {
  it('zoomAt keeps the data point under the cursor fixed', () => {
    const f = { box: fitAspect(box, 600, 400), width: 600, height: 400 };
    const [px, py] = [123, 321];
    const x = fromPxX(f, px);
    const y = fromPxY(f, py);
    const z = { ...f, box: zoomAt(f.box, x, y, 1.7) };
    expect(toPxX(z, x)).toBeCloseTo(px, 9);
    expect(toPxY(z, y)).toBeCloseTo(py, 9);
    expect(spanX(z.box)).toBeCloseTo(spanX(f.box) / 1.7, 12);
  });
  it('clampBox keeps spans and offsets within the zoom limits', () => {
    const ref = { xMin: -3, xMax: 3, yMin: -3, yMax: 3 };
    const tiny = clampBox(zoomAt(ref, 0, 0, 1e9), ref);
    expect(spanX(tiny)).toBeCloseTo(6 / ZOOM_LIMIT, 12);
    const huge = clampBox(zoomAt(ref, 0, 0, 1e-9), ref);
    expect(spanX(huge)).toBeCloseTo(6 * ZOOM_LIMIT, 6);
    const far = clampBox(panBy(ref, 1e7, 0), ref);
    expect((far.xMin + far.xMax) / 2).toBeCloseTo(6 * ZOOM_LIMIT, 3);
    expect(clampBox({ xMin: NaN, xMax: 1, yMin: 0, yMax: 1 }, ref)).toBe(ref);
    expect(clampBox(panBy(ref, 1e200, 0), ref)).toBe(ref); // spans lost to rounding: back home
  });
  it('previewTransform shows the live box on a layer drawn for the old one', () => {
    const drawn = fitAspect(box, 600, 400);
    const live = zoomAt(panBy(drawn, 0.4, -0.2), 0.5, 0.5, 1.3);
    const m = /translate\((.+)px, (.+)px\) scale\((.+)\)/.exec(previewTransform(drawn, live, 600, 400))!;
    const [tx, ty, s] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const fd = { box: drawn, width: 600, height: 400 };
    const fl = { box: live, width: 600, height: 400 };
    for (const [x, y] of [[0, 0], [1, 2], [-2, -0.5]] as const) {
      expect(s * toPxX(fd, x) + tx).toBeCloseTo(toPxX(fl, x), 6);
      expect(s * toPxY(fd, y) + ty).toBeCloseTo(toPxY(fl, y), 6);
    }
  });
});

describe('frameMap', () => {
  it('takes pixels drawn for one frame to the same data point in another (box and size)', () => {
    const from = { box: fitAspect(box, 600, 400), width: 600, height: 400 };
    const to = { box: fitAspect(zoomAt(panBy(from.box, 1, -0.5), 0, 0, 1.8), 500, 420), width: 500, height: 420 };
    const m = frameMap(from, to);
    for (const [x, y] of [[0, 0], [1.5, -0.7], [-2, 2]] as const) {
      expect(m.sx * toPxX(from, x) + m.tx).toBeCloseTo(toPxX(to, x), 9);
      expect(m.sy * toPxY(from, y) + m.ty).toBeCloseTo(toPxY(to, y), 9);
    }
  });
});

describe('layout', () => {
  it('fills the width with height ≈ width, at most MAX_HEIGHT', () => {
    const desk = layoutFor(900, 800);
    expect(desk.width).toBe(900);
    expect(desk.height).toBe(MAX_HEIGHT);
    const phone = layoutFor(340, 844);
    expect(phone.height).toBe(340);
    expect(phone.plotW).toBeGreaterThan(250);
    expect(layoutFor(NaN, 0).width).toBe(0);
  });
  it('widens the left margin for long y tick labels', () => {
    expect(leftMarginFor(['−2', '0', '2'])).toBe(MARGIN.left);
    const wide = leftMarginFor(axisTicks(-3e-4, 3e-4, 500, true, 56).map((t) => t.label));
    expect(wide).toBeGreaterThan(MARGIN.left);
    expect(layoutFor(900, 800, wide).plotW).toBe(900 - wide - MARGIN.right);
  });
});
