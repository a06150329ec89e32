import { describe, expect, it } from 'vitest';
import { defaultDoc } from '../../../src/state/doc';
import { createLab } from '../../../src/state/store';
import { LR_NUDGE, LR_RANGE, nudgeLr, setLr } from '../../../src/views/controls/lr-actions';

const lrOf = (lab: ReturnType<typeof createLab>, id: string) => lab.store.getState().doc.runs.find((r) => r.id === id)!.optimizer.lr;

describe('learning-rate actions (slider and [ ] shortcuts)', () => {
  it('sets α through the store and the report follows', () => {
    const lab = createLab(defaultDoc());
    setLr(lab, 'r1', 0.21);
    expect(lrOf(lab, 'r1')).toBe(0.21);
    const r = lab.store.getState().results[0]!;
    expect(r.report.lr).toBe(0.21);
    expect(r.report.boundary).toBeCloseTo(0.2, 15);
    expect(r.report.ratio).toBeGreaterThan(1);
  });

  it('ignores invalid α and unknown runs', () => {
    const lab = createLab(defaultDoc());
    const before = lab.store.getState().doc;
    setLr(lab, 'r1', -1);
    setLr(lab, 'r1', Number.NaN);
    setLr(lab, 'r1', Infinity);
    setLr(lab, 'nope', 0.1);
    expect(lab.store.getState().doc).toBe(before);
    expect(nudgeLr(lab, 'nope')).toBeNull();
    expect(nudgeLr(lab, 'r1', 0)).toBeNull();
  });

  it('nudges α by a factor, rounded like the slider, clamped to 10⁻⁴…10', () => {
    const lab = createLab(defaultDoc());
    expect(nudgeLr(lab, 'r1', 2)).toBe(0.3);
    expect(nudgeLr(lab, 'r1')).toBe(Number((0.3 * LR_NUDGE).toPrecision(4)));
    expect(nudgeLr(lab, 'r1', 1 / LR_NUDGE)).toBeCloseTo(0.3, 3);
    setLr(lab, 'r2', 8);
    expect(nudgeLr(lab, 'r2', 10)).toBe(LR_RANGE.max);
    setLr(lab, 'r3', 2e-4);
    expect(nudgeLr(lab, 'r3', 0.01)).toBe(LR_RANGE.min);
  });

  it('keeps every other hyperparameter of the run', () => {
    const lab = createLab(defaultDoc());
    nudgeLr(lab, 'r2', 2);
    const o = lab.store.getState().doc.runs[1]!.optimizer;
    expect(o).toEqual({ kind: 'sgd', lr: 0.1, momentum: 0.8, dampening: 0, nesterov: false, weightDecay: 0 });
  });
});
