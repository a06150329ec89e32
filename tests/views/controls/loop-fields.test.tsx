import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LoopFields } from '../../../src/views/controls/LoopFields';

const all = {
  badBatch: { step: 40, kind: 'outlier', scale: 100 },
  guard: { skipFactor: 10, beta: 0.9, skipNonFinite: false },
  precision: { params: 'fp32', compute: 'fp16', lossScale: { init: 65536, growthFactor: 2, backoffFactor: 0.5, growthInterval: 2000 } },
} as const;

/** The text of every <label> (what a screen reader names each control by). */
function labelNames(runName: string, props: Partial<Parameters<typeof LoopFields>[0]> = all): string[] {
  const html = renderToString(<LoopFields badBatch={null} guard={null} precision={null} steps={100} onChange={() => {}} runName={runName} {...props} />);
  return [...html.matchAll(/<label[^>]*>(.*?)<\/label>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(/<!-- -->/g, ''));
}

describe('the training-loop controls', () => {
  it('label every control, and no two runs share a name', () => {
    const one = labelNames('run 1');
    const two = labelNames('run 2');
    // 3 group toggles + kind, step, scale + skipFactor, β, non-finite + params, compute, loss scaling + its 4 numbers.
    expect(one).toHaveLength(16);
    expect(new Set(one).size).toBe(one.length);
    expect(one.every((n) => n.endsWith(' (run 1)'))).toBe(true);
    expect(one.filter((n) => two.includes(n))).toEqual([]);
  });

  it('show only the switches while everything is off', () => {
    expect(labelNames('run 1', {})).toEqual(['bad batch at one step (run 1)', 'guard before optimizer.step() (run 1)', 'reduced precision (run 1)']);
  });

  it('ask for the outlier scale only for outliers', () => {
    const names = labelNames('run 1', { badBatch: { step: 3, kind: 'nan', scale: 100 } });
    expect(names).toContain('step (run 1)');
    expect(names).not.toContain('scale c (run 1)');
  });
});
