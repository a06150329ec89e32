import { describe, expect, it } from 'vitest';
import { parseRunSpec, type BadBatchSpec, type GuardSpec, type PrecisionSpec } from '../../../src/engine';
import { DEFAULT_GUARD, DEFAULT_LOSS_SCALE, DEFAULT_PRECISION, defaultBadBatch } from '../../../src/views/controls/LoopDefaults';
import { extrasSummary, loopParts } from '../../../src/views/controls/optimizer-model';
import { legendExtras } from '../../../src/views/landscape/legend-extras';

const plain = { schedule: { kind: 'constant' } as const, clip: null, noise: null, seed: 0 };
const nanAt40: BadBatchSpec = { step: 40, kind: 'nan', scale: 100 };
const guard10: GuardSpec = { skipFactor: 10, beta: 0.9, skipNonFinite: false };
const fp16Scaled: PrecisionSpec = { params: 'fp64', compute: 'fp16', lossScale: { init: 65536, growthFactor: 2, backoffFactor: 0.5, growthInterval: 2000 } };

const valid = (input: Record<string, unknown>) => {
  const r = parseRunSpec({ surface: { kind: 'quadratic', eigenvalues: [1, 10], angle: 0, center: [0, 0] }, optimizer: { kind: 'sgd', lr: 0.1 }, ...input });
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return r.spec;
};

describe('extrasSummary with training-loop extras', () => {
  it('reads as the brief asks for the notes\' example', () => {
    expect(extrasSummary({ ...plain, badBatch: nanAt40, guard: guard10, precision: fp16Scaled }))
      .toBe('bad batch at 40 (NaN), skip > 10× avg, FP16 compute + loss scaling');
  });

  it('keeps the old summary when there are no extras (absent or null)', () => {
    expect(extrasSummary(plain)).toBe('constant α, no clipping, no noise');
    expect(extrasSummary({ ...plain, badBatch: null, guard: null, precision: null })).toBe('constant α, no clipping, no noise');
  });

  it('lists schedule, clipping and noise first, then the loop in the order it runs', () => {
    expect(extrasSummary({ schedule: { kind: 'linearWarmup', warmupSteps: 5 }, clip: { maxNorm: 1 }, noise: null, seed: 0, precision: { params: 'fp32', compute: 'bf16', lossScale: null }, badBatch: { step: 3, kind: 'inf', scale: 1 } }))
      .toBe('linear warm-up, clip ‖g‖ ≤ 1, bad batch at 3 (∞), BF16 compute (FP32 params)');
  });

  it('names each kind of bad batch and every guard combination', () => {
    expect(loopParts({ badBatch: { step: 12, kind: 'outlier', scale: 100 } })).toEqual(['bad batch at 12 (100× outlier)']);
    expect(loopParts({ guard: { skipFactor: 2.5, beta: 0.9, skipNonFinite: true } })).toEqual(['skip > 2.5× avg or non-finite']);
    expect(loopParts({ guard: { skipFactor: 0, beta: 0.9, skipNonFinite: true } })).toEqual(['skip non-finite']);
    expect(loopParts({ guard: { skipFactor: 0, beta: 0.9, skipNonFinite: false } })).toEqual(['guard with no rule on']);
    expect(loopParts({ precision: { params: 'fp64', compute: 'fp32', lossScale: null } })).toEqual(['FP32 compute']);
  });
});

describe('defaults the controls switch on', () => {
  it('puts a new bad batch inside the run, whatever its length', () => {
    for (const steps of [1, 2, 3, 10, 100, 5000]) {
      const b = defaultBadBatch(steps);
      expect(b.step).toBeGreaterThanOrEqual(0);
      expect(b.step).toBeLessThan(steps);
      expect(valid({ steps, badBatch: b }).badBatch).toEqual(b);
    }
    expect(defaultBadBatch(100)).toEqual({ step: 40, kind: 'outlier', scale: 100 });
  });

  it('uses torch.cuda.amp.GradScaler\'s defaults and the notes\' 10× skip rule, all valid specs', () => {
    expect(DEFAULT_LOSS_SCALE).toEqual({ init: 2 ** 16, growthFactor: 2, backoffFactor: 0.5, growthInterval: 2000 });
    expect(DEFAULT_GUARD).toEqual({ skipFactor: 10, beta: 0.9, skipNonFinite: false });
    expect(DEFAULT_PRECISION).toEqual({ params: 'fp32', compute: 'fp16', lossScale: null });
    const spec = valid({ guard: DEFAULT_GUARD, precision: { ...DEFAULT_PRECISION, lossScale: DEFAULT_LOSS_SCALE } });
    expect(spec.precision?.lossScale).toEqual(DEFAULT_LOSS_SCALE);
  });
});

describe('the landscape legend', () => {
  it('marks clipped runs and runs with extras; plain runs get nothing', () => {
    expect(legendExtras({ clip: null, badBatch: null, guard: null, precision: null })).toBe('');
    expect(legendExtras({ clip: { maxNorm: 1 }, badBatch: null, guard: null, precision: null })).toBe('clipped at 1');
    expect(legendExtras({ clip: { maxNorm: 0.5 }, badBatch: nanAt40, guard: { ...guard10, skipNonFinite: true }, precision: null }))
      .toBe('clipped at 0.5 · bad batch at 40 (NaN) · skip > 10× avg or non-finite');
  });
});
