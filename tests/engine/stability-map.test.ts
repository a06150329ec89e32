/**
 * The stability map's grid and analytic fill against closed forms written out here (not the
 * engine's): GD's max|1 − αλ|, heavy ball's √β in its complex region and Polyak's optimum, Nesterov's
 * roots, and the boundaries 2, 2(1 + β), 2(1 + β)/(1 + 2β) in units of 1/λmax.
 */
import { describe, expect, it } from 'vitest';
import {
  alphaAt, alphaUnitsAt, analyticMap, analyticRate, assertMapSpec, bestCell, boundaryUnitsAt, columnOf,
  mapSpecProblems, polyakOptimum, rowOf, rowValueAt, type MapSpec,
} from '../../src/engine/analysis/stability-map';

const BASE: MapSpec = {
  kind: 'alphaBeta', family: 'heavyBall', nx: 200, ny: 200, steps: 1000, alphaRange: [1e-2, 10], yRange: [0, 0.999],
  lambdaMax: 10, lambdaMin: 1, vMax: [0.5, Math.sqrt(3) / 2], start: [1, 1], beta: 0, dampening: 0, weightDecay: 0,
  beta2: 0.999, eps: 1e-8, amsgrad: false,
};

/** Largest |root| of z² − T z + D, by the quadratic formula in complex arithmetic. */
function rootRadius(T: number, D: number): number {
  const disc = T * T - 4 * D;
  if (disc < 0) return Math.hypot(T / 2, Math.sqrt(-disc) / 2);
  return Math.max(Math.abs((T + Math.sqrt(disc)) / 2), Math.abs((T - Math.sqrt(disc)) / 2));
}

describe('the grid', () => {
  it('puts αλmax on a log axis from 10⁻² to 10 and β on a linear one from 0 to 0.999, ends included', () => {
    expect(alphaUnitsAt(BASE, 0)).toBeCloseTo(0.01, 14);
    expect(alphaUnitsAt(BASE, 199)).toBeCloseTo(10, 12);
    expect(alphaUnitsAt(BASE, 199 / 3)).toBeCloseTo(0.1, 13);
    expect(alphaAt(BASE, 199)).toBeCloseTo(1, 12); // λmax = 10
    expect(rowValueAt(BASE, 0)).toBe(0);
    expect(rowValueAt(BASE, 199)).toBeCloseTo(0.999, 14);
    expect(columnOf(BASE, alphaAt(BASE, 57))).toBeCloseTo(57, 9);
    expect(rowOf(BASE, rowValueAt(BASE, 123))).toBeCloseTo(123, 9);
  });

  it('puts κ on a log axis from 1 to 10⁴ on the (α, κ) map', () => {
    const s: MapSpec = { ...BASE, kind: 'alphaKappa', yRange: [1, 1e4] };
    expect(rowValueAt(s, 0)).toBe(1);
    expect(rowValueAt(s, 199)).toBeCloseTo(1e4, 8);
    expect(rowValueAt(s, 199 / 2)).toBeCloseTo(100, 10);
    expect(rowOf(s, 1000)).toBeCloseTo(199 * 0.75, 9);
  });

  it('refuses bad sizes and inputs loudly, naming each', () => {
    expect(mapSpecProblems(BASE)).toEqual([]);
    const bad = { ...BASE, nx: 0, ny: 2.5, steps: 1e9, lambdaMax: -1, yRange: [0, 1] as [number, number], vMax: [1, 1] as [number, number] };
    const p = mapSpecProblems(bad).join('\n');
    for (const field of ['nx', 'ny', 'steps', 'lambdaMax', 'yRange', 'vMax']) expect(p).toMatch(new RegExp(`^${field}:`, 'm'));
    expect(() => assertMapSpec(bad)).toThrow(/invalid stability map: nx: expected a whole number/);
    expect(() => analyticMap({ ...BASE, nx: 1001 })).toThrow(/nx/);
    expect(mapSpecProblems({ ...BASE, family: 'nesterov', dampening: 0.1 }).join()).toMatch(/Nesterov needs dampening 0/);
  });
});

describe('analytic values against closed forms', () => {
  it('β = 0 row: GD, ρ = max|1 − αλ| for both curvatures', () => {
    for (const i of [0, 40, 99, 150, 170, 199]) {
      const a = alphaAt(BASE, i);
      expect(analyticRate(BASE, 0, i)).toBeCloseTo(Math.max(Math.abs(1 - a * 10), Math.abs(1 - a * 1)), 13);
    }
  });

  it('(α, κ) map at β = 0: GD with λmin = λmax/κ', () => {
    const s: MapSpec = { ...BASE, kind: 'alphaKappa', yRange: [1, 1e4], beta: 0, lambdaMax: 4 };
    for (const [j, i] of [[0, 0], [50, 120], [199, 199], [120, 60]] as const) {
      const a = alphaAt(s, i);
      const kappa = rowValueAt(s, j);
      expect(analyticRate(s, j, i)).toBeCloseTo(Math.max(Math.abs(1 - 4 * a), Math.abs(1 - (4 / kappa) * a)), 13);
    }
  });

  it('heavy ball: the roots of z² − (1 + β − αλ)z + β, worst curvature', () => {
    for (const [j, i] of [[20, 150], [100, 100], [199, 10], [150, 185], [60, 30]] as const) {
      const a = alphaAt(BASE, i);
      const b = rowValueAt(BASE, j);
      const want = Math.max(rootRadius(1 + b - a * 10, b), rootRadius(1 + b - a, b));
      expect(analyticRate(BASE, j, i)).toBeCloseTo(want, 12);
    }
  });

  it('Nesterov: the roots of z² − (1 + β)(1 − αλ)z + β(1 − αλ)', () => {
    const s: MapSpec = { ...BASE, family: 'nesterov' };
    for (const [j, i] of [[20, 150], [100, 100], [199, 10], [150, 185], [60, 30]] as const) {
      const a = alphaAt(s, i);
      const b = rowValueAt(s, j);
      const r = (l: number) => rootRadius((1 + b) * (1 - a * l), b * (1 - a * l));
      expect(analyticRate(s, j, i)).toBeCloseTo(Math.max(r(10), r(1)), 12);
    }
  });

  it('heavy ball at Polyak’s optimum: ρ = (√κ − 1)/(√κ + 1), and no cell beats it', () => {
    for (const [lmin, lmax] of [[1, 10], [0.01, 100]] as const) {
      const s: MapSpec = { ...BASE, lambdaMin: lmin, lambdaMax: lmax };
      const k = Math.sqrt(lmax / lmin);
      const opt = polyakOptimum(s)!;
      expect(opt.alphaUnits).toBeCloseTo(4 * lmax / (Math.sqrt(lmin) + Math.sqrt(lmax)) ** 2, 12);
      expect(opt.beta).toBeCloseTo(((k - 1) / (k + 1)) ** 2, 12);
      const at = analyticRate(s, rowOf(s, opt.beta), columnOf(s, opt.alphaUnits / lmax));
      expect(at).toBeCloseTo((k - 1) / (k + 1), 6);
      const best = bestCell(analyticMap(s)!, s.nx)!;
      expect(best.value).toBeGreaterThanOrEqual((k - 1) / (k + 1) - 1e-9);
      expect(best.value - (k - 1) / (k + 1)).toBeLessThan(0.02); // columns are 3.5 % apart in α
      // The grid's best cell lies near the optimum (ρ is flat along a valley there: within 5 cells).
      expect(Math.abs(best.col - columnOf(s, opt.alphaUnits / lmax))).toBeLessThan(5);
      expect(Math.abs(best.row - rowOf(s, opt.beta))).toBeLessThan(5);
    }
  });

  it('dampening τ stretches heavy ball’s α by 1/(1 − τ); weight decay adds to λ', () => {
    const s: MapSpec = { ...BASE, dampening: 0.5, weightDecay: 2 };
    const a = alphaAt(s, 90);
    expect(a).toBeCloseTo(alphaUnitsAt(s, 90) / 12, 14); // α is in units of 1/(λmax + wd)
    const b = rowValueAt(s, 77);
    expect(analyticRate(s, 77, 90)).toBeCloseTo(Math.max(rootRadius(1 + b - 0.5 * a * 12, b), rootRadius(1 + b - 0.5 * a * 3, b)), 12);
  });

  it('boundary curves: 2 (GD), 2(1 + β) (heavy ball), 2(1 + β)/(1 + 2β) (Nesterov), and ρ crosses 1 there', () => {
    expect(boundaryUnitsAt(BASE, 0)).toBe(2);
    expect(boundaryUnitsAt(BASE, 0.9)).toBeCloseTo(3.8, 14);
    expect(boundaryUnitsAt({ ...BASE, family: 'nesterov' }, 0.9)).toBeCloseTo(3.8 / 2.8, 14);
    expect(boundaryUnitsAt({ ...BASE, dampening: 0.5 }, 0.9)).toBeCloseTo(7.6, 14);
    expect(Number.isNaN(boundaryUnitsAt({ ...BASE, family: 'adam' }, 0.9))).toBe(true);
    for (const family of ['heavyBall', 'nesterov'] as const) {
      const s: MapSpec = { ...BASE, family };
      for (const j of [0, 40, 120, 199]) {
        const col = columnOf(s, boundaryUnitsAt(s, rowValueAt(s, j)) / 10);
        expect(analyticRate(s, j, col - 0.05)).toBeLessThan(1);
        expect(analyticRate(s, j, col + 0.05)).toBeGreaterThan(1);
      }
    }
  });

  it('Adam has no closed form: no analytic map', () => {
    expect(analyticMap({ ...BASE, family: 'adam' })).toBeNull();
  });
});
