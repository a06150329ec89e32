import { describe, expect, it } from 'vitest';
import { digitsApart, fmt, fmtInput, fmtPlain, fmtPlainApart, fmtSig, texPlain, texSig } from '../../src/ui/format';
import { fromSlider, stepDecimals, toDegrees, toRadians, toSlider } from '../../src/ui/range-scale';

describe('format helpers', () => {
  it('keeps fmt and fmtPlain as they were', () => {
    expect(fmt(0.019)).toBe('0.019');
    expect(fmt(1.5e-5)).toBe('1.50×10⁻⁵');
    expect(fmtPlain(0.019)).toBe('0.019');
    expect(fmtPlain(1.2e-5, 2)).toBe('1.2e-5');
  });

  it('prints fixed significant digits without jitter', () => {
    expect(fmtSig(0.021)).toBe('0.0210');
    expect(fmtSig(0.02)).toBe('0.0200');
    expect(fmtSig(-0.5)).toBe('−0.500');
    expect(fmtSig(12345)).toBe('12300');
    expect(fmtSig(12345, 5)).toBe('12345');
    expect(fmtSig(1.5e-4)).toBe('1.50×10⁻⁴');
    expect(fmtSig(Infinity)).toBe('∞');
    expect(texSig(0.02)).toBe('0.0200');
    expect(texSig(1.5e-4)).toBe('1.50\\times10^{-4}');
    expect(texSig(2e6, 2)).toBe('2.0\\times10^{6}');
    expect(texPlain(10)).toBe('10');
    expect(texPlain(1.2e-5, 2)).toBe('1.2\\times10^{-5}');
  });

  it('adds digits until two different numbers read differently', () => {
    expect(digitsApart(0.021, 0.02)).toBe(3);
    expect(digitsApart(0.19996, 0.2)).toBe(5);
    expect(digitsApart(0.2, 0.2)).toBe(3);
    expect(fmtPlainApart(0.19996, 0.2)).toBe('0.19996');
  });

  it('shows values in boxes in their shortest form', () => {
    expect(fmtInput(0.05)).toBe('0.05');
    expect(fmtInput(1e-8)).toBe('1e-8');
    expect(fmtInput(0.1 + 0.2)).toBe('0.3');
    expect(fmtInput(30.000000000000004)).toBe('30');
  });
});

describe('range-field scales', () => {
  const lin = { min: -90, max: 90, step: 1 };
  const log = { min: 0.01, max: 1000, step: 0.005, log: true, digits: 3 };

  it('maps linear values, snapping and clamping', () => {
    expect(toSlider(30, lin)).toBe(30);
    expect(toSlider(400, lin)).toBe(90);
    expect(fromSlider(29.6, lin)).toBe(30);
    expect(fromSlider(0.30000000000000004, { min: 0, max: 1, step: 0.01 })).toBe(0.3);
    expect(stepDecimals(0.005)).toBe(3);
    expect(stepDecimals(1)).toBe(0);
  });

  it('maps log values (≤ 0 sits at the left end)', () => {
    expect(toSlider(10, log)).toBe(1);
    expect(toSlider(-1, log)).toBe(-2);
    expect(fromSlider(1, log)).toBe(10);
    expect(fromSlider(Math.log10(2.345), log)).toBe(2.35);
  });

  it('shows θ in degrees and stores radians', () => {
    expect(toDegrees(Math.PI / 6)).toBe(30);
    expect(toRadians(30)).toBe(Math.PI / 6);
    expect(toDegrees(-Math.PI / 2)).toBe(-90);
  });
});
