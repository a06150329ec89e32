import { describe, expect, it } from 'vitest';
import { boundaryFormula, boundaryLabel, isScheduled, spansAbove, stepsAbove } from '../../../src/views/charts/schedule';
import { labResults } from './helpers';

describe('schedule strip maths', () => {
  it('finds the steps where α exceeds the boundary', () => {
    const spans = spansAbove([0.1, 0.3, 0.3, 0.1, 0.25], 0.2);
    expect(spans).toEqual([[1, 2], [4, 4]]);
    expect(stepsAbove(spans)).toBe(3);
    expect(spansAbove([1, 2], NaN)).toEqual([]);
  });

  it('labels the boundary by method', () => {
    const [gd] = labResults({ lr: [0.1] });
    expect(boundaryFormula(gd!)).toBe('2/λmax');
    expect(boundaryLabel(gd!)).toBe('2/λmax = 0.2');
    const [hb] = labResults({ lr: [0.1], momentum: 0.5 });
    expect(boundaryLabel(hb!)).toBe('2(1+β)/λmax = 0.3');
    expect(isScheduled(gd!)).toBe(false);
  });

  it('labels Nesterov, and omits the boundary of adaptive optimizers', () => {
    const r = labResults({ lr: [0.1] })[0]!;
    const nesterov = { ...r, report: { ...r.report, method: 'nesterov' as const } };
    expect(boundaryFormula(nesterov)).toBe('2(1+β)/((1+2β)λmax)');
    const adam = { ...r, report: { ...r.report, method: null, boundary: NaN } };
    expect(boundaryFormula(adam)).toBeNull();
  });
});
