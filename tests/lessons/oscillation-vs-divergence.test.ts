import { describe, expect, it } from 'vitest';
import { classifyRun, createSurface, simulate } from '../../src/engine';
import { lesson } from '../../src/lessons/content/oscillation-vs-divergence';
import { specOf } from '../../src/lessons/preset';

const run = (id: string) => {
  const doc = lesson.experiments.find((e) => e.id === id)!.doc();
  const spec = specOf(doc);
  const r = simulate(spec);
  return { r, regime: classifyRun(createSurface(spec.surface), r) };
};

describe('lesson 1: oscillation vs divergence — each curve is what the lesson says it is', () => {
  it('good learning: the loss falls at every step', () => {
    const { r, regime } = run('good');
    expect(regime).toBe('monotone');
    for (let k = 1; k < r.length; k++) expect(r.loss[k]!).toBeLessThan(r.loss[k - 1]!);
  });

  it('oscillation: the loss zig-zags (rises many times) yet stays bounded and ends lower', () => {
    const { r, regime } = run('oscillation');
    expect(regime).toBe('oscillating');
    let rises = 0;
    for (let k = 1; k < r.length; k++) if (r.loss[k]! > r.loss[k - 1]!) rises++;
    expect(rises).toBeGreaterThan(10);
    expect(Math.max(...r.loss)).toBeLessThanOrEqual(r.loss[0]! * 1.01);
    expect(r.loss[r.length - 1]!).toBeLessThan(r.loss[0]! * 1e-2);
    expect(r.stoppedAt).toBeNull();
  });

  it('divergence: the loss blows up to ∞ and the run stops there', () => {
    const { r, regime } = run('divergence');
    expect(regime).toBe('diverging');
    expect(r.nonFinite?.what).toBe('loss');
    expect(r.nonFinite?.value).toBe(Infinity);
  });

  it('grades the question against the engine: α = 0.21 diverges', () => {
    const q = lesson.question;
    if (q.kind !== 'choice') throw new Error('expected a choice question');
    expect(q.grade('diverging').correct).toBe(true);
    expect(q.grade('oscillating').correct).toBe(false);
    expect(q.grade('monotone').correct).toBe(false);
    expect(q.grade('diverging').explanation).toMatch(/×1\.1 per step/);
    expect(run('question').regime).toBe('diverging');
  });
});
