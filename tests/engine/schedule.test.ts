import { describe, expect, it } from 'vitest';
import { scheduleFactor, simulate } from '../../src/engine';
import { quadratic, spec } from './helpers';

describe('scheduleFactor reproduces each formula (step k uses λ(k), as LambdaLR)', () => {
  it('constant', () => {
    expect([0, 1, 1000].map((k) => scheduleFactor({ kind: 'constant' }, k))).toEqual([1, 1, 1]);
  });
  it('linearWarmup: min(1, (k+1)/W)', () => {
    const s = { kind: 'linearWarmup', warmupSteps: 4 } as const;
    expect([0, 1, 2, 3, 4, 50].map((k) => scheduleFactor(s, k))).toEqual([0.25, 0.5, 0.75, 1, 1, 1]);
  });
  it('warmupCosine: (k+1)/W, then m + (1−m)·½(1 + cos(π(k−W)/(T−W))), held at m after T', () => {
    const s = { kind: 'warmupCosine', warmupSteps: 2, totalSteps: 6, minFactor: 0.1 } as const;
    const got = [0, 1, 2, 3, 4, 5, 6, 9].map((k) => scheduleFactor(s, k));
    // By hand: k=3 → cos(π/4) = √½; k=4 → cos(π/2) = 0; k=5 → cos(3π/4) = −√½.
    const r = Math.SQRT1_2;
    const want = [0.5, 1, 1, 0.1 + 0.45 * (1 + r), 0.55, 0.1 + 0.45 * (1 - r), 0.1, 0.1];
    got.forEach((g, i) => expect(g).toBeCloseTo(want[i]!, 15));
  });
  it('warmupCosine with W = 0 starts at the peak', () => {
    expect(scheduleFactor({ kind: 'warmupCosine', warmupSteps: 0, totalSteps: 10, minFactor: 0 }, 0)).toBe(1);
  });
  it('step: γ^⌊k/s⌋ (StepLR)', () => {
    const s = { kind: 'step', stepSize: 3, gamma: 0.5 } as const;
    expect([0, 1, 2, 3, 5, 6, 9].map((k) => scheduleFactor(s, k))).toEqual([1, 1, 1, 0.5, 0.5, 0.25, 0.125]);
  });
});

describe('the runner records the scheduled lr and uses it', () => {
  it('lr[k] = base · λ(k) for every k, including the last (next) step', () => {
    const schedule = { kind: 'warmupCosine', warmupSteps: 5, totalSteps: 30, minFactor: 0.2 } as const;
    const s = spec({ surface: quadratic([1, 2]), optimizer: { kind: 'adam', lr: 0.3 }, schedule, steps: 40 });
    const r = simulate(s);
    for (let k = 0; k <= 40; k++) expect(r.lr[k]).toBe(0.3 * scheduleFactor(schedule, k));
  });
  it('GD with a step schedule equals the product of (1 − α_k λ) on a 1D quadratic', () => {
    const s = spec({
      surface: quadratic([2, 2]), optimizer: { kind: 'sgd', lr: 0.4 },
      schedule: { kind: 'step', stepSize: 2, gamma: 0.5 }, start: [1, 0], steps: 6,
    });
    const r = simulate(s);
    let x = 1;
    for (let k = 0; k < 6; k++) {
      expect(r.w[2 * k]).toBeCloseTo(x, 15);
      x *= 1 - 0.4 * 0.5 ** Math.floor(k / 2) * 2;
    }
    expect(r.w[12]).toBeCloseTo(x, 15);
  });
});
