import { describe, expect, it } from 'vitest';
import { defaultDoc } from '../../../src/state/doc';
import { createLab } from '../../../src/state/store';
import { eventPoints } from '../../../src/views/landscape/EventMarks';
import type { Frame } from '../../../src/views/landscape/viewport';

const frame: Frame = { box: { xMin: -3, xMax: 3, yMin: -3, yMax: 3 }, width: 600, height: 600 };

describe('eventPoints', () => {
  it('marks the bad batch where its update starts and each skipped step, in plot pixels; nothing for plain runs', () => {
    const doc = defaultDoc();
    doc.runs[0] = { ...doc.runs[0]!, badBatch: { step: 12, kind: 'outlier', scale: 100 }, guard: { skipFactor: 10, beta: 0.9, skipNonFinite: true } };
    const lab = createLab(doc);
    const results = lab.store.getState().results;
    const pts = eventPoints(results, frame);
    expect(pts.map((p) => [p.key, p.kind])).toStrictEqual([['r1-12', 'badSkipped']]);
    const r = results[0]!.sim;
    // Pixel = (x − xMin)/6·600 and (yMax − y)/6·600 for the point w_12 the bad batch arrived at.
    expect(pts[0]!.x).toBeCloseTo(((r.w[24]! + 3) / 6) * 600, 9);
    expect(pts[0]!.y).toBeCloseTo(((3 - r.w[25]!) / 6) * 600, 9);
    expect(results.slice(1).every((x) => x.sim.events === null)).toBe(true);
  });
});

describe('eventPoints without a guard', () => {
  it('an outlier that goes through is a filled "bad" mark', () => {
    const doc = defaultDoc();
    doc.runs[0] = { ...doc.runs[0]!, badBatch: { step: 5, kind: 'outlier', scale: 3 } };
    const pts = eventPoints(createLab(doc).store.getState().results, frame);
    expect(pts.map((p) => [p.key, p.kind])).toStrictEqual([['r1-5', 'bad']]);
  });
});
