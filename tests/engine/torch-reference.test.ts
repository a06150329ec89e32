/**
 * Every optimizer, schedule and clipping path against torch.optim itself.
 * The reference trajectories were made by scripts/torch_reference.py with Debian's python3-torch,
 * differentiating each surface with autograd (so the analytic gradients are checked too).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRunSpec, simulate } from '../../src/engine';
import { maxRelError } from './assert';

interface Case {
  name: string;
  spec: unknown;
  w: [number, number][];
  loss: number[];
  gradNorm: number[];
  lr: number[];
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/torch-reference.json', import.meta.url), 'utf8')) as {
  torch: string;
  cases: Case[];
};

const TOL = 1e-9;

describe(`simulate agrees with torch ${fixture.torch} to a relative ${TOL}`, () => {
  it('covers every optimizer, schedule and the clipping paths on several surfaces', () => {
    const names = fixture.cases.map((c) => c.name).join(' ');
    for (const word of ['sgd', 'nesterov', 'dampening', 'adam', 'amsgrad', 'adamw', 'rmsprop', 'centered', 'adagrad',
      'linearWarmup', 'warmupCosine', 'stepLR', 'clip-active', 'clip-inactive', 'quadratic/', 'rosenbrock/', 'cliff/', 'wells/', 'product/', 'exponential', 'cosineRestarts', 'tMult2']) {
      expect(names, word).toContain(word);
    }
    expect(fixture.cases.every((c) => c.w.length >= 101)).toBe(true);
  });

  for (const c of fixture.cases) {
    it(c.name, () => {
      const parsed = parseRunSpec(c.spec);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      const r = simulate(parsed.spec);
      expect(r.stoppedAt).toBeNull();
      expect(r.length).toBe(c.w.length);
      expect(maxRelError(r.w, c.w.flat()), 'w').toBeLessThan(TOL);
      expect(maxRelError(r.loss, c.loss), 'loss').toBeLessThan(TOL);
      expect(maxRelError(r.gradNorm, c.gradNorm), 'gradNorm').toBeLessThan(TOL);
      expect(maxRelError(r.lr, c.lr), 'lr').toBeLessThan(TOL);
    });
  }
});
