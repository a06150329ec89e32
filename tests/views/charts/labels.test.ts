import { describe, expect, it } from 'vitest';
import { lossStory, nonFiniteLabel, nonFiniteSymbol, num } from '../../../src/views/charts/labels';
import { labResults } from './helpers';

describe('non-finite labels', () => {
  it('names the value and the step', () => {
    expect(nonFiniteLabel({ step: 137, what: 'loss', value: NaN })).toBe('NaN at step 137');
    expect(nonFiniteLabel({ step: 137, what: 'loss', value: Infinity })).toBe('∞ at step 137');
    expect(nonFiniteLabel({ step: 3, what: 'gradient', value: -Infinity })).toBe('−∞ at step 3');
  });
  it('spells non-finite numbers as symbols, never NaN/Infinity text from fmt', () => {
    expect(nonFiniteSymbol(1)).toBe('');
    expect(num(Infinity)).toBe('∞');
    expect(num(0.000312)).toBe('3.12×10⁻⁴');
  });
});

describe('lossStory', () => {
  it('tells falling, and diverging, runs', () => {
    const [gd] = labResults({ lr: [0.1], steps: 50 });
    expect(lossStory(gd!)).toMatch(/^1 · GD falls from [\d.]+ to .+ in 50 steps$/);
    const [bad] = labResults({ lr: [0.25], steps: 1000 });
    expect(bad!.nonFinite).not.toBeNull();
    expect(lossStory(bad!)).toMatch(/∞ at step \d+$/);
    expect(lossStory(bad!)).not.toMatch(/NaN|Infinity/);
  });
});
