import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keptText, normaliseNumberText, parseNumberInput, ruleText } from '../../src/ui/parse-number';

const ok = (text: string, rule = {}) => {
  const r = parseNumberInput(text, 'x', rule);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};
const fail = (text: string, name = 'λ1', rule = {}) => {
  const r = parseNumberInput(text, name, rule);
  if (r.ok) throw new Error(`accepted ${text}`);
  return r.message;
};

describe('number-field parsing', () => {
  it('reads decimal and scientific notation, Unicode minus, a decimal comma and ×10^', () => {
    expect(ok('0.05')).toBe(0.05);
    expect(ok(' 1e-3 ')).toBe(0.001);
    expect(ok('−2.5')).toBe(-2.5);
    expect(ok('+3')).toBe(3);
    expect(ok('.5')).toBe(0.5);
    expect(ok('5.')).toBe(5);
    expect(ok('0,5')).toBe(0.5);
    expect(ok('2×10^-3')).toBe(0.002);
    expect(ok('1E2')).toBe(100);
    expect(Object.is(ok('-0'), 0)).toBe(true);
    expect(normaliseNumberText(' 1 000 ')).toBe('1000');
  });

  it('rejects what is not a number, naming the field', () => {
    expect(fail('abc')).toBe('λ1: “abc” is not a number. Enter a number.');
    expect(fail('')).toBe('λ1: empty. Enter a number.');
    for (const bad of ['0x10', 'Infinity', 'NaN', '1e', '1.2.3', '--1', '1,5,0', 'e5']) expect(fail(bad)).toContain('is not a number');
  });

  it('rejects overflow (1e999) instead of taking Infinity', () => {
    expect(fail('1e999')).toBe('λ1: “1e999” is too large to represent. Enter a number.');
    expect(fail('-1e400', 'start x')).toContain('start x: “-1e400” is too large');
  });

  it('checks the rule: sign, strict bounds, whole numbers', () => {
    expect(fail('-1', 'b', { min: 0 })).toBe('b: cannot be negative, got -1.');
    expect(fail('0', 'steepness', { min: 0, minExclusive: true })).toBe('steepness: must be > 0, got 0.');
    expect(fail('1', 'betas[1]', { min: 0, max: 1, maxExclusive: true })).toBe('betas[1]: must be < 1, got 1.');
    expect(fail('2.5', 'batchSize', { min: 1, integer: true })).toBe('batchSize: must be a whole number, got 2.5.');
    expect(fail('5', 'totalSteps', { min: 10, minExclusive: true, integer: true, minName: 'warmupSteps' }))
      .toBe('totalSteps: must be > warmupSteps (10), got 5.');
    expect(ok('0', { min: 0 })).toBe(0);
    expect(ok('0.999', { min: 0, max: 1, maxExclusive: true })).toBe(0.999);
  });

  it('describes rules and the kept value', () => {
    expect(ruleText({})).toBe('a number');
    expect(ruleText({ min: 1, integer: true })).toBe('a whole number ≥ 1');
    expect(ruleText({ min: 0, max: 1, maxExclusive: true })).toBe('a number ≥ 0 and < 1');
    expect(keptText(1e-8)).toBe('Still using 1e-8.');
    expect(keptText(100)).toBe('Still using 100.');
  });

  it('never throws and only accepts finite numbers within the rule', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const r = parseNumberInput(s, 'f', { min: 0 });
      if (r.ok) expect(Number.isFinite(r.value) && r.value >= 0).toBe(true);
      else expect(r.message.startsWith('f: ')).toBe(true);
    }));
  });

  it('round-trips every finite double written by String()', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
      expect(ok(String(x))).toBe(x === 0 ? 0 : x);
    }));
  });
});
