/**
 * The issue's claim: on quadratics the empirical map (every cell run for K = 1000 steps) agrees with
 * the analytic stability classification everywhere except cells touching the boundary (a cell whose
 * analytic class differs from one of its 4 neighbours'). Full 200×200 maps, GD, heavy ball and
 * Nesterov, at two conditionings each (rotation does not enter SGD's eigenbasis loop; that SGD in
 * the eigenbasis equals the rotated run is checked in stability-map-loops.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { boundaryCells, compareMaps, unstable } from '../../src/engine/analysis/map-compare';
import { empiricalMap } from '../../src/engine/analysis/map-empirical';
import { analyticMap, type MapSpec } from '../../src/engine/analysis/stability-map';

const BASE: MapSpec = {
  kind: 'alphaBeta', family: 'heavyBall', nx: 200, ny: 200, steps: 1000, alphaRange: [1e-2, 10], yRange: [0, 0.999],
  lambdaMax: 10, lambdaMin: 1, vMax: [0.5, Math.sqrt(3) / 2], start: [1, 1], beta: 0, dampening: 0, weightDecay: 0,
  beta2: 0.999, eps: 1e-8, amsgrad: false,
};

const KAPPA: Partial<MapSpec> = { kind: 'alphaKappa', yRange: [1, 1e4] };

const cases: [string, Partial<MapSpec>][] = [
  ['GD, (α, κ) map at β = 0, λmax = 10', { ...KAPPA, beta: 0 }],
  ['GD, (α, κ) map at β = 0, λmax = 0.3, rotated 1.2', { ...KAPPA, beta: 0, lambdaMax: 0.3, lambdaMin: 0.03, vMax: [Math.cos(1.2), Math.sin(1.2)] }],
  ['heavy ball, (α, β) map, κ = 10', {}],
  ['heavy ball, (α, β) map, κ = 1000, rotated 2.5', { lambdaMax: 50, lambdaMin: 0.05, vMax: [Math.cos(2.5), Math.sin(2.5)] }],
  ['heavy ball with dampening 0.3 and weight decay 0.5, κ = 40', { lambdaMax: 20, lambdaMin: 0.5, dampening: 0.3, weightDecay: 0.5 }],
  ['Nesterov, (α, β) map, κ = 10', { family: 'nesterov' }],
  ['Nesterov, (α, β) map, κ = 1000, rotated 0.3', { family: 'nesterov', lambdaMax: 50, lambdaMin: 0.05, vMax: [Math.cos(0.3), Math.sin(0.3)] }],
  ['heavy ball, (α, κ) map at β = 0.9', { ...KAPPA, beta: 0.9 }],
  ['Nesterov, (α, κ) map at β = 0.5', { ...KAPPA, family: 'nesterov', beta: 0.5 }],
];

describe('on quadratics the empirical map agrees with the analytic classification except at the boundary', () => {
  for (const [name, over] of cases) {
    it(name, () => {
      const s: MapSpec = { ...BASE, ...over };
      const a = analyticMap(s)!;
      const e = empiricalMap(s);
      const n = s.nx * s.ny;
      const r = compareMaps(a, e, s.nx, s.ny);
      expect(r.compared).toBe(n);
      expect(r.awayFromBoundary, `cells disagreeing away from the boundary (of ${r.disagree})`).toBe(0);
      // Not vacuous: both classes cover a good part of the map and the boundary is a thin line.
      const unstableCells = Array.from(a).filter(unstable).length;
      expect(unstableCells).toBeGreaterThan(0.1 * n);
      expect(unstableCells).toBeLessThan(0.9 * n);
      const edge = boundaryCells(a, s.nx, s.ny).reduce((x, y) => x + y, 0);
      expect(edge).toBeGreaterThan(s.ny / 2);
      expect(edge).toBeLessThan(0.05 * n);
      // Away from the boundary the measured rate is the spectral radius (within 0.03).
      const b = boundaryCells(a, s.nx, s.ny);
      let worst = 0;
      for (let k = 0; k < n; k++) if (!b[k] && a[k]! < 1 && a[k]! > 0.05) worst = Math.max(worst, Math.abs(e[k]! - a[k]!));
      expect(worst).toBeLessThan(0.03);
    });
  }

  it('the check has teeth: heavy ball’s empirical map against Nesterov’s analytic one disagrees far from any boundary', () => {
    const e = empiricalMap(BASE);
    const wrong = analyticMap({ ...BASE, family: 'nesterov' })!;
    expect(compareMaps(wrong, e, BASE.nx, BASE.ny).awayFromBoundary).toBeGreaterThan(1000);
  });

  it('compares only the rows filled so far, and checks sizes', () => {
    const s: MapSpec = { ...BASE, nx: 10, ny: 6, steps: 50 };
    const a = analyticMap(s)!;
    const e = new Float64Array(60).fill(NaN);
    expect(compareMaps(a, e, 10, 6, 0).compared).toBe(0);
    expect(() => compareMaps(a, new Float64Array(59), 10, 6)).toThrow(/59 empirical values for 10×6/);
    expect(() => compareMaps(a, e, 10, 6, 7)).toThrow(/rows 7/);
  });
});
