/** The factorisation toy ((xy)^p − t)²/(2p): derivatives against finite differences, minima and their sharpness. */
import { describe, expect, it } from 'vitest';
import { Product, scheduleFactor, symmetricEigen2 } from '../../src/engine';

const H = 1e-5;
describe('Product surface', () => {
  for (const power of [1, 2] as const) {
    for (const target of [1, 2.5]) {
      const s = new Product({ kind: 'product', target, power });
      it(`p = ${power}, t = ${target}: gradient and Hessian match central differences`, () => {
        const g = new Float64Array(2), gp = new Float64Array(2), gm = new Float64Array(2), h = new Float64Array(3);
        for (const [x, y] of [[0.3, -1.2], [2.25, 0.1], [-1.1, 0.7], [1.5, 1.5]] as const) {
          s.gradient(x, y, g);
          expect(g[0]).toBeCloseTo((s.value(x + H, y) - s.value(x - H, y)) / (2 * H), 6);
          expect(g[1]).toBeCloseTo((s.value(x, y + H) - s.value(x, y - H)) / (2 * H), 6);
          s.hessian(x, y, h);
          s.gradient(x + H, y, gp); s.gradient(x - H, y, gm);
          expect(h[0]).toBeCloseTo((gp[0]! - gm[0]!) / (2 * H), 5);
          expect(h[1]).toBeCloseTo((gp[1]! - gm[1]!) / (2 * H), 5);
          s.gradient(x, y + H, gp); s.gradient(x, y - H, gm);
          expect(h[2]).toBeCloseTo((gp[1]! - gm[1]!) / (2 * H), 5);
          const w = Float64Array.of(x, y);
          expect(s.valueAndGrad(w, gp)).toBe(s.value(x, y));
          expect([gp[0], gp[1]]).toStrictEqual([g[0], g[1]]);
        }
      });
      it(`p = ${power}, t = ${target}: minima have value 0 and rank-one Hessian with sharpness F″(u)·(x² + y²)`, () => {
        expect(s.minima.length).toBe(power === 1 ? 2 : 4);
        const h = new Float64Array(3);
        for (const m of s.minima) {
          expect(s.value(m.x, m.y)).toBeCloseTo(0, 14);
          s.hessian(m.x, m.y, h);
          const { lambdaMax, lambdaMin } = symmetricEigen2(h[0]!, h[1]!, h[2]!);
          // On the minimum the Hessian is F″(u)·(y, x)(y, x)ᵀ with F″ = p·u^(2p−2): rank one.
          const u = m.x * m.y;
          const expected = power * u ** (2 * power - 2) * (m.x ** 2 + m.y ** 2);
          expect(lambdaMax).toBeCloseTo(expected, 10);
          expect(lambdaMin).toBeCloseTo(0, 10);
        }
      });
    }
  }
});

describe('schedules added for the LR finder and restarts', () => {
  it('exponential: γ^k', () => {
    expect(scheduleFactor({ kind: 'exponential', gamma: 1.1 }, 0)).toBe(1);
    expect(scheduleFactor({ kind: 'exponential', gamma: 1.1 }, 30)).toBeCloseTo(1.1 ** 30, 12);
  });
  it('cosineRestarts: back to the peak at k = T0, T0(1 + m), T0(1 + m + m²), … and at the floor just before', () => {
    const s = { kind: 'cosineRestarts', t0: 10, tMult: 2, minFactor: 0.1 } as const;
    for (const k of [0, 10, 30, 70, 150]) expect(scheduleFactor(s, k)).toBe(1);
    expect(scheduleFactor(s, 5)).toBeCloseTo(0.55, 12); // halfway through the first cycle of 10
    expect(scheduleFactor(s, 20)).toBeCloseTo(0.55, 12); // halfway through the second cycle, of 20
    expect(scheduleFactor(s, 69)).toBeCloseTo(0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * 39 / 40)), 12);
    const flat = { kind: 'cosineRestarts', t0: 7, tMult: 1, minFactor: 0 } as const;
    for (const k of [0, 7, 14, 700]) expect(scheduleFactor(flat, k)).toBe(1);
  });
});
