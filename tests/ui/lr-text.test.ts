import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lrBound, lrLambdaText, lrText, lrValueText, ratioText, sideOf } from '../../src/ui/lr-text';
import { quadReport } from './helpers';

const gd = (lr: number, extra: Record<string, unknown> = {}) => ({ kind: 'sgd', lr, ...extra });
function text(eigen: [number, number], opt: Record<string, unknown>, name = 'GD', extra: Record<string, unknown> = {}) {
  const { spec, report } = quadReport(eigen, opt, extra);
  const b = lrBound(report, spec.optimizer);
  return { b, text: lrValueText(spec.optimizer.lr, b, name), readout: lrLambdaText(spec.optimizer.lr, b) };
}

describe('α slider aria-valuetext', () => {
  it('reads α, α in units of the bound, and the side, for GD', () => {
    expect(text([1, 10], gd(0.19)).text).toBe('α = 0.19, 0.95 × 2/λmax, stable');
    expect(text([1, 100], gd(0.019)).text).toBe('α = 0.019, 0.95 × 2/λmax, stable');
    expect(text([1, 10], gd(0.25)).text).toBe('α = 0.25, 1.25 × 2/λmax, unstable');
  });

  it('flips exactly at the boundary 2/λmax = 0.2 (eigenvalues [1, 10])', () => {
    expect(text([1, 10], gd(0.1995)).text).toBe('α = 0.1995, 0.998 × 2/λmax, stable');
    expect(text([1, 10], gd(0.2004)).text).toBe('α = 0.2004, 1.002 × 2/λmax, unstable');
    expect(text([1, 10], gd(0.2)).text).toBe('α = 0.2, 1 × 2/λmax, on the boundary');
    expect(text([1, 10], gd(0.19999)).text).toBe('α = 0.2, 0.99995 × 2/λmax, stable');
  });

  it('says stable iff α < bound, for any α', () => {
    fc.assert(fc.property(fc.double({ min: 0.15, max: 0.25, noNaN: true }), fc.double({ min: 2, max: 50, noNaN: true }), (lr, lmax) => {
      const { b, text: t } = text([1, lmax], gd(lr));
      expect(t.endsWith(lr < b.alpha ? 'stable' : lr > b.alpha ? 'unstable' : 'on the boundary')).toBe(true);
      expect(b.alpha).toBe(2 / lmax);
    }));
  });

  it('uses 2(1+β)/λmax for heavy ball and 2(1+β)/((1+2β)λmax) for Nesterov', () => {
    const hb = text([1, 10], gd(0.05, { momentum: 0.8 }), 'Momentum β=0.8');
    expect(hb.b.alpha).toBeCloseTo(0.36, 15);
    expect(hb.text).toBe('α = 0.05, 0.139 × 2(1+β)/λmax, stable');
    const nes = text([1, 10], gd(0.15, { momentum: 0.8, nesterov: true }), 'Nesterov β=0.8');
    expect(nes.b.alpha).toBeCloseTo((2 * 1.8) / (2.6 * 10), 15);
    expect(nes.text).toBe('α = 0.15, 1.08 × 2(1+β)/((1+2β)λmax), unstable');
  });

  it('divides the heavy-ball bound by (1 − τ) with dampening τ (torch feeds (1 − τ)·g to the buffer)', () => {
    const d = text([1, 10], gd(0.5, { momentum: 0.8, dampening: 0.5 }));
    expect(d.b.alpha).toBeCloseTo(0.72, 14);
    expect(d.text).toBe('α = 0.5, 0.694 × 2(1+β)/((1−τ)λmax), stable');
  });

  it('has no closed-form bound for adaptive optimizers', () => {
    const t = text([1, 10], { kind: 'adam', lr: 0.001 }, 'Adam');
    expect(t.b.kind).toBe('adaptive');
    expect(t.text).toBe('α = 0.001, Adam: no closed-form bound');
    expect(t.readout).toBeNull();
  });

  it('has no bound when λmax ≤ 0, and warns about saddles', () => {
    expect(text([-1, -2], gd(0.1)).text).toBe('α = 0.1, no bound: λmax = -1 is not positive');
    expect(text([-1, 10], gd(0.1)).text).toBe('α = 0.1, 0.5 × 2/λmax, stable for λmax; λmin < 0 still escapes');
  });

  it('counts SGD weight decay in λmax', () => {
    const t = text([1, 10], gd(0.1, { weightDecay: 0.5 }));
    expect(t.b.lambdaMax).toBe(10.5);
    expect(t.b.alpha).toBeCloseTo(2 / 10.5, 15);
  });

  it('reads α·λmax with fixed digits, never rounding onto the bound', () => {
    expect(text([1, 10], gd(0.19)).readout).toBe('α·λmax = 1.90');
    expect(text([1, 10], gd(0.2)).readout).toBe('α·λmax = 2.00');
    expect(text([1, 10], gd(0.19995)).readout).toBe('α·λmax = 1.999');
    expect(text([1, 10], gd(0.20001)).readout).toBe('α·λmax = 2.0001');
    expect(text([1, 10], gd(0.015)).readout).toBe('α·λmax = 0.150');
  });

  it('never prints a ratio that is not 1 as "1"', () => {
    expect(ratioText(0.95)).toBe('0.95');
    expect(ratioText(0.9999)).toBe('0.9999');
    expect(ratioText(1.0004)).toBe('1.0004');
    expect(ratioText(1)).toBe('1');
    expect(sideOf(1)).toBe('on the boundary');
  });
});

describe('α as printed', () => {
  it('uses the shortest form at up to 4 significant digits', () => {
    expect(lrText(1e-4)).toBe('0.0001');
    expect(lrText(0.200447)).toBe('0.2004');
    expect(lrText(10)).toBe('10');
    expect(lrText(0)).toBe('0');
  });
});
