import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { yAxisFor } from '../../../src/views/charts/geometry';
import { LOG_DECADES_DOWN, LOG_DECADES_UP, place, planLossAxis, planSignedAxis, snapDownLog, snapUpLinear, snapUpLog } from '../../../src/views/charts/scales';
import { logTicks, symlogTicks, tickLabel } from '../../../src/views/charts/ticks';

const f64 = (xs: number[]) => Float64Array.from(xs);

describe('planLossAxis', () => {
  it('uses a log axis for positive losses', () => {
    const p = planLossAxis([f64([10, 1, 0.01])], true);
    expect(p.kind).toBe('log');
    expect(p.lo).toBeCloseTo(0.01);
    expect(p.hi).toBe(10);
    expect(p.note).toBeNull();
  });

  it('keeps log for zeros but draws them on the floor, and says so', () => {
    const p = planLossAxis([f64([10, 1, 0])], true);
    expect(p.kind).toBe('log');
    expect(p.lo).toBe(1);
    expect(place(0, p)).toBe('floor');
    expect(p.note).toContain('exactly 0');
  });

  it('switches to a signed log when a loss is negative (a saddle), and says so', () => {
    const p = planLossAxis([f64([2, -5, -1e6])], true);
    expect(p.kind).toBe('symlog');
    expect(p.lo).toBe(-1e6);
    expect(p.hi).toBeGreaterThanOrEqual(0);
    expect(p.constant).toBeGreaterThan(0);
    expect(p.note).toMatch(/below 0/);
  });

  it('ignores non-finite values and clamps a 1e300 explosion', () => {
    const p = planLossAxis([f64([3, 30, 1e300, Infinity, NaN]), f64([3, 1, 1e-3])], true);
    expect(p.hi).toBeCloseTo(3 * 10 ** LOG_DECADES_UP, -LOG_DECADES_UP + 3);
    expect(place(1e300, p)).toBe('above');
    expect(place(Infinity, p)).toBe('above');
    expect(place(-Infinity, p)).toBe('below');
    expect(place(NaN, p)).toBe('missing');
  });

  it('floors tiny losses at LOG_DECADES_DOWN below the start', () => {
    const p = planLossAxis([f64([1, 1e-40])], true);
    expect(p.lo).toBeCloseTo(10 ** -LOG_DECADES_DOWN, 20);
    expect(p.note).toContain('bottom edge');
  });

  it('gives a linear axis from 0 when asked, capped at 10× the start', () => {
    const p = planLossAxis([f64([2, 1, 1e9])], false);
    expect(p).toMatchObject({ kind: 'linear', lo: 0, hi: 20 });
  });

  it('always returns a finite domain with lo < hi (lo > 0 on log), whatever the data', () => {
    const value = fc.oneof(
      fc.double({ noNaN: false }), fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 1e300, -1e300, 5e-324, Number.MAX_VALUE),
    );
    fc.assert(fc.property(fc.array(fc.array(value, { maxLength: 20 }), { maxLength: 4 }), fc.boolean(), (series, log) => {
      const p = planLossAxis(series.map(f64), log);
      expect(Number.isFinite(p.lo) && Number.isFinite(p.hi)).toBe(true);
      expect(p.lo).toBeLessThan(p.hi);
      if (p.kind === 'log') expect(p.lo).toBeGreaterThan(0);
      if (p.kind === 'symlog') expect(p.constant).toBeGreaterThan(0);
      const axis = yAxisFor(p, 10, 200);
      for (const row of series) for (const v of row) if (!Number.isNaN(v)) expect(Number.isFinite(axis.y(v))).toBe(true);
      for (const t of axis.ticks) expect(tickLabel(t)).not.toMatch(/NaN|Infinity|undefined/);
    }), { numRuns: 300 });
  });
});

describe('planSignedAxis', () => {
  it('is linear and symmetric while values stay near their start', () => {
    expect(planSignedAxis([f64([2, -1, 0.5])])).toMatchObject({ kind: 'linear', lo: -2, hi: 2 });
  });
  it('turns symlog when values grow far past the start', () => {
    const p = planSignedAxis([f64([1, -10, 100, -1e5])]);
    expect(p).toMatchObject({ kind: 'symlog', lo: -1e5, hi: 1e5 });
  });
});

describe('ticks and labels', () => {
  it('logTicks gives at most 6 powers of ten', () => {
    expect(logTicks(1e-3, 10)).toEqual([1e-3, 1e-2, 0.1, 1, 10]);
    const many = logTicks(1e-16, 1e12);
    expect(many.length).toBeLessThanOrEqual(6);
    expect(many.every((t) => Number.isInteger(Math.log10(t)))).toBe(true);
  });
  it('symlogTicks gives 0 and ±10^j outside the linear zone', () => {
    expect(symlogTicks(-1e4, 100, 1)).toEqual([-1e4, -100, -1, 0, 1, 10, 100]);
    const t = symlogTicks(-1e4, 100, 1);
    expect(t).toContain(0);
    expect(t).toContain(100);
    expect(t).toContain(-1e4);
    expect(t.every((v) => v === 0 || Number.isInteger(Math.log10(Math.abs(v))))).toBe(true);
  });
  it('tickLabel writes powers of ten as 10ⁿ and never prints NaN', () => {
    expect(tickLabel(1e-5)).toBe('10⁻⁵');
    expect(tickLabel(-1e8)).toBe('−10⁸');
    expect(tickLabel(0.01)).toBe('0.01');
    expect(tickLabel(250)).toBe('250');
    expect(tickLabel(NaN)).toBe('');
    expect(tickLabel(Infinity)).toBe('');
  });
});

describe('axis domains snap outward to steps, so small changes leave them unchanged', () => {
  it('snapUpLog / snapDownLog: quarter decades, within their caps', () => {
    expect(snapUpLog(1)).toBe(1);
    expect(snapUpLog(1.5)).toBeCloseTo(10 ** 0.25, 12);
    expect(snapUpLog(9)).toBe(10);
    expect(snapUpLog(9, 5)).toBe(5);
    expect(snapDownLog(0.011)).toBe(0.01);
    expect(snapDownLog(0.011, 0.0105)).toBe(0.0105);
    expect(snapUpLinear(2)).toBe(2);
    expect(snapUpLinear(2.01)).toBe(2.5);
    expect(snapUpLinear(0.0071)).toBeCloseTo(0.008, 15);
    expect(snapUpLinear(9.5)).toBe(10);
  });
  it('a run whose losses move a little keeps the same loss and error axes', () => {
    const a = planLossAxis([f64([3, 1, 0.2, 0.05])], true);
    const b = planLossAxis([f64([3, 1.1, 0.21, 0.052])], true);
    expect([b.lo, b.hi]).toStrictEqual([a.lo, a.hi]);
    expect(a.lo).toBeLessThanOrEqual(0.05);
    expect(a.hi).toBeGreaterThanOrEqual(3);
    const s1 = planSignedAxis([f64([2, -1.2, 0.5])]), s2 = planSignedAxis([f64([2, -1.3, 0.6])]);
    expect([s2.lo, s2.hi]).toStrictEqual([s1.lo, s1.hi]);
  });
});
