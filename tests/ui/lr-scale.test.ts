import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decadeTicks, LR_SCALE, LR_THUMB_PX, lrFraction, lrPercent, lrToSlider, onTrack, roundSig, scaleLr, sliderToLr,
  thumbCenterCss, thumbCenterPx,
} from '../../src/ui/lr-scale';

describe('α slider log scale', () => {
  it('spans 10⁻⁴ … 10 in steps of 0.002 log10 units (≈ 0.46 % of α per arrow key)', () => {
    expect(LR_SCALE).toEqual({ min: -4, max: 1, step: 0.002 });
    expect(10 ** LR_SCALE.step - 1).toBeCloseTo(0.0046, 4);
  });

  it('maps α to log10 α and back, rounded to 4 significant digits', () => {
    expect(lrToSlider(0.01)).toBeCloseTo(-2, 12);
    expect(lrToSlider(1)).toBe(0);
    expect(sliderToLr(-2)).toBe(0.01);
    expect(sliderToLr(-0.698)).toBe(0.2004);
    expect(sliderToLr(-0.7)).toBe(0.1995);
  });

  it('clamps values off the track and puts α ≤ 0 at the left end', () => {
    expect(lrToSlider(1e-9)).toBe(-4);
    expect(lrToSlider(1e3)).toBe(1);
    expect(lrToSlider(0)).toBe(-4);
    expect(lrToSlider(-1)).toBe(-4);
    expect(lrToSlider(Number.NaN)).toBe(-4);
    expect(sliderToLr(5)).toBe(10);
    expect(sliderToLr(-7)).toBe(1e-4);
  });

  it('distinct slider steps give distinct α, on the right side of any boundary', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2499 }), (k) => {
      const v = LR_SCALE.min + k * LR_SCALE.step;
      const a = sliderToLr(v);
      const b = sliderToLr(v + LR_SCALE.step);
      expect(b).toBeGreaterThan(a);
      // rounding moves α by far less than half a step
      expect(Math.abs(Math.log10(a) - v)).toBeLessThan(LR_SCALE.step / 4);
    }));
  });

  it('places α as a fraction of the track (unclamped; null for α ≤ 0)', () => {
    expect(lrFraction(0.2)).toBeCloseTo((Math.log10(0.2) + 4) / 5, 14);
    expect(lrFraction(1e-4)).toBe(0);
    expect(lrFraction(10)).toBe(1);
    expect(lrFraction(100)).toBeCloseTo(1.2, 12);
    expect(lrFraction(0)).toBeNull();
    expect(lrFraction(Infinity)).toBeNull();
    expect(onTrack(lrFraction(0.2))).toBe(true);
    expect(onTrack(lrFraction(100))).toBe(false);
    expect(onTrack(null)).toBe(false);
  });

  it('gives the boundary tick position in percent of the travel', () => {
    expect(lrPercent(0.2)).toBeCloseTo(((Math.log10(0.2) + 4) / 5) * 100, 10);
    expect(lrPercent(0.2)).toBeCloseTo(66.0206, 3);
    expect(lrPercent(1e-3)).toBeCloseTo(20, 10);
    expect(lrPercent(1000)).toBe(100);
    expect(lrPercent(0)).toBe(0);
  });

  it('puts a tick where the thumb centre is: thumbW/2 + p·(trackW − thumbW)', () => {
    expect(LR_THUMB_PX).toBe(20);
    expect(thumbCenterPx(0, 300)).toBe(10);
    expect(thumbCenterPx(1, 300)).toBe(290);
    expect(thumbCenterPx(0.5, 300)).toBe(150);
    expect(thumbCenterPx(0.25, 420, 16)).toBe(8 + 0.25 * 404);
    expect(thumbCenterCss(0.5)).toBe('calc(10px + 0.5 * (100% - 20px))');
    expect(thumbCenterCss(lrFraction(0.2)!)).toBe('calc(10px + 0.660206 * (100% - 20px))');
  });

  it('scales α by a factor within the track, rounded like the slider', () => {
    expect(scaleLr(0.1, 2)).toBe(0.2);
    expect(scaleLr(5, 10)).toBe(10);
    expect(scaleLr(2e-4, 0.1)).toBe(1e-4);
    expect(scaleLr(0, 2)).toBe(2e-4);
    expect(roundSig(0.200447)).toBe(0.2004);
    expect(decadeTicks()).toEqual([-4, -3, -2, -1, 0, 1]);
  });
});
