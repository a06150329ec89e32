import { describe, expect, it } from 'vitest';
import type { OptimizerSpec, SurfaceSpec } from '../../../src/engine';
import { defaultDoc, optimizerLabel, type LabDoc } from '../../../src/state/doc';
import { createLab } from '../../../src/state/store';
import { buildCondition } from '../../../src/views/condition/condition-text';
import { regimeText, REGIME_WORDS } from '../../../src/views/condition/regime-text';

const quad = (eigenvalues: [number, number]): SurfaceSpec => ({ kind: 'quadratic', eigenvalues, angle: 0, center: [0, 0] });
const sgd = (lr: number, extra: Partial<Extract<OptimizerSpec, { kind: 'sgd' }>> = {}): OptimizerSpec =>
  ({ kind: 'sgd', lr, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0, ...extra });

function result(surface: SurfaceSpec, optimizer: OptimizerSpec, doc: Partial<LabDoc> = {}, run: Record<string, unknown> = {}) {
  const base = defaultDoc();
  const lab = createLab({
    ...base, surface, start: surface.kind === 'quadratic' ? [1, 1] : [-1.5, 2], steps: 200, ...doc,
    runs: [{ id: 'r1', optimizer, schedule: { kind: 'constant' }, clip: null, noise: null, seed: 0, ...run }],
  });
  return lab.store.getState().results[0]!;
}
function condition(surface: SurfaceSpec, optimizer: OptimizerSpec, run: Record<string, unknown> = {}) {
  const r = result(surface, optimizer, {}, run);
  return buildCondition(r.report, r.spec.optimizer, optimizerLabel(r.spec.optimizer), r.spec);
}
const regime = (r: ReturnType<typeof result>) => regimeText({ regime: r.regime, nonFinite: r.nonFinite, sim: r.sim, prediction: r.report.prediction });

describe('condition text', () => {
  it('substitutes the numbers into α < 2/λmax, digits enough to see the inequality', () => {
    const c = condition(quad([1, 100]), sgd(0.021));
    expect(c.plain).toBe('α = 0.0210 > 2/λmax = 2/100 = 0.0200');
    expect(c.tex).toBe('\\alpha = 0.0210 > \\dfrac{2}{\\lambda_{\\max}} = \\dfrac{2}{100} = 0.0200');
    expect(c.verdict).toBe('unstable');
    expect(condition(quad([1, 100]), sgd(0.0199)).plain).toBe('α = 0.0199 < 2/λmax = 2/100 = 0.0200');
    expect(condition(quad([1, 10]), sgd(0.19996)).plain).toBe('α = 0.19996 < 2/λmax = 2/10 = 0.20000');
    const at = condition(quad([1, 10]), sgd(0.2));
    expect(at.plain).toBe('α = 0.200 = 2/λmax = 2/10 = 0.200');
    expect(at.verdict).toBe('boundary');
  });

  it('uses the momentum and Nesterov forms', () => {
    expect(condition(quad([1, 10]), sgd(0.05, { momentum: 0.8 })).plain).toBe('α = 0.0500 < 2(1+β)/λmax = 2(1+0.8)/10 = 0.360');
    const n = condition(quad([1, 10]), sgd(0.15, { momentum: 0.8, nesterov: true }));
    expect(n.plain).toBe('α = 0.150 > 2(1+β)/((1+2β)λmax) = 2(1+0.8)/((1+2·0.8)·10) = 0.138');
    expect(n.tex).toContain('\\dfrac{2(1+\\beta)}{(1+2\\beta)\\,\\lambda_{\\max}} = \\dfrac{2(1+0.8)}{(1+2\\cdot 0.8)\\cdot 10}');
    expect(condition(quad([1, 10]), sgd(0.5, { momentum: 0.8, dampening: 0.5 })).plain).toBe('α = 0.500 < 2(1+β)/((1−τ)λmax) = 2(1+0.8)/((1−0.5)·10) = 0.720');
  });

  it('explains adaptive optimizers, saddles, weight decay, clipping and schedules', () => {
    const adam = condition(quad([1, 10]), { kind: 'adam', lr: 0.001, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false });
    expect(adam.plain).toBe('α = 0.001');
    expect(adam.verdict).toBeNull();
    expect(adam.notes[0]).toContain('Adam has no closed-form bound');
    expect(condition(quad([-1, -2]), sgd(0.1)).plain).toBe('λmax = -1 ≤ 0');
    expect(condition(quad([-1, 10]), sgd(0.1)).notes.join(' ')).toContain('λmin < 0');
    expect(condition(quad([1, 10]), sgd(0.1, { weightDecay: 0.5 })).plain).toBe('α = 0.100 < 2/λmax = 2/10.5 = 0.190');
    expect(condition(quad([1, 10]), sgd(0.3), { clip: { maxNorm: 1 } }).notes.join(' ')).toContain('α·maxNorm = 0.3');
    expect(condition(quad([1, 10]), sgd(0.1), { schedule: { kind: 'step', stepSize: 10, gamma: 0.5 } }).notes.join(' ')).toContain('schedule’s peak');
  });
});

describe('regime text', () => {
  it('names the regime and the worst direction’s per-step factor', () => {
    expect(regime(result(quad([1, 10]), sgd(0.05)))).toBe('converging monotonically — the shallow direction (λ = 1) shrinks ×0.95 per step');
    expect(regime(result(quad([1, 10]), sgd(0.15)))).toBe('oscillating but converging — the shallow direction (λ = 1) shrinks ×0.85 per step');
    expect(regime(result(quad([1, 10]), sgd(0.18)))).toBe('oscillating but converging — the shallow direction (λ = 1) shrinks ×0.82 per step');
    expect(regime(result(quad([1, 10]), sgd(0.19)))).toBe('oscillating but converging — the steep direction (λ = 10) shrinks ×0.9 per step, overshooting');
    expect(regime(result(quad([1, 10]), sgd(0.231)))).toBe('diverging — the steep direction (λ = 10) grows ×1.31 per step, overshooting');
    expect(regime(result(quad([5, 5]), sgd(0.1)))).toBe('converging monotonically — every direction (λ = 5) shrinks ×0.5 per step');
  });

  it('reports the step at which the loss overflowed', () => {
    const r = result(quad([1, 10]), sgd(10));
    expect(r.nonFinite).not.toBeNull();
    expect(regime(r)).toMatch(/^diverged: the (loss|parameters|gradient)[a-z ]* (overflowed to \+Infinity|became NaN) at step \d+ — the steep direction \(λ = 10\) grows ×99 per step, overshooting$/);
  });

  it('is exactly on the boundary at α = 2/λmax', () => {
    expect(regime(result(quad([1, 10]), sgd(0.2)))).toContain('on the boundary');
  });

  it('describes the trajectory when there is no closed form', () => {
    const r = result({ kind: 'rosenbrock', a: 1, b: 100 }, { kind: 'adam', lr: 0.01, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false });
    expect(regime(r)).toMatch(new RegExp(`^(${Object.values(REGIME_WORDS).join('|')}) — the loss (fell|rose) from .+ to .+ in 200 steps$`));
  });
});
