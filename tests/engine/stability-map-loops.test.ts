/**
 * The map's tight loops are torch's update rules: bit for bit the engine's Sgd and Adam classes
 * (themselves checked against torch in torch-reference.test.ts), and SGD in the eigenbasis is the
 * same run as on the rotated quadratic. The cell value is recomputed here from a trajectory.
 */
import { describe, expect, it } from 'vitest';
import { adamRow, adamTables, halfOf, sgdCell, type CellEnd, type RowEnds, type SgdCell } from '../../src/engine/analysis/map-empirical';
import { Adam, Sgd } from '../../src/engine/optimizers';
import { Quadratic } from '../../src/engine/surfaces';
import type { AdamSpec, SgdSpec } from '../../src/engine/spec/types';

/** Runs an optimizer class on a quadratic centred at 0; returns every iterate. */
function trajectory(q: Quadratic, step: (p: Float64Array, g: Float64Array) => void, start: [number, number], steps: number): Float64Array[] {
  const p = Float64Array.from(start);
  const g = new Float64Array(2);
  const out = [Float64Array.from(p)];
  for (let k = 0; k < steps; k++) {
    q.gradient(p[0]!, p[1]!, g);
    step(p, g);
    out.push(Float64Array.from(p));
  }
  return out;
}

const diag = (l1: number, l2: number) => new Quadratic({ kind: 'quadratic', eigenvalues: [l1, l2], angle: 0, center: [0, 0] });

/** The cell value the map's docs define, computed from a whole trajectory. */
function envelopeFromTrajectory(ws: Float64Array[], steps: number): number {
  const half = Math.floor(steps / 2);
  const n = ws.map((w) => Math.hypot(w[0]!, w[1]!));
  let m1 = 0;
  let m2 = 0;
  for (let k = 0; k <= steps; k++) {
    if (k <= half) m1 = Math.max(m1, n[k]!);
    else m2 = Math.max(m2, n[k]!);
  }
  return (m2 / m1) ** (1 / (steps - half));
}

describe('sgdCell is torch.optim.SGD bit for bit', () => {
  const settings: [string, Omit<SgdCell, 'l1' | 'l2' | 'lr'>][] = [
    ['plain', { momentum: 0, dampening: 0, nesterov: false, weightDecay: 0 }],
    ['plain, dampening ignored', { momentum: 0, dampening: 0.4, nesterov: false, weightDecay: 0 }],
    ['heavy ball', { momentum: 0.9, dampening: 0, nesterov: false, weightDecay: 0 }],
    ['heavy ball, dampening, weight decay', { momentum: 0.6, dampening: 0.3, nesterov: false, weightDecay: 0.2 }],
    ['Nesterov', { momentum: 0.8, dampening: 0, nesterov: true, weightDecay: 0 }],
    ['Nesterov, weight decay', { momentum: 0.95, dampening: 0, nesterov: true, weightDecay: 0.05 }],
  ];
  for (const [name, c] of settings) {
    for (const lr of [0.013, 0.11, 0.37]) {
      it(`${name}, α = ${lr}`, () => {
        const [l1, l2] = [0.7, 5.5];
        const steps = 240;
        const end: CellEnd = { step: -1, p: [NaN, NaN] };
        sgdCell({ ...c, lr, l1, l2 }, steps, end);
        const hp: SgdSpec = { kind: 'sgd', lr, ...c };
        const opt = new Sgd(hp, 2);
        const ws = trajectory(diag(l1, l2), (p, g) => opt.step(p, g, lr), [1, 1], steps);
        // Stopped early only if the band was left: then the class's iterate at that step.
        expect(end.step).toBeGreaterThan(0);
        expect(end.p[0]).toBe(ws[end.step]![0]);
        expect(end.p[1]).toBe(ws[end.step]![1]);
      });
    }
  }

  it('a run that blows up stops early, at the first step beyond 10¹⁰⁰·‖e₀‖, with the growth rate', () => {
    const end: CellEnd = { step: -1, p: [NaN, NaN] };
    // GD at αλ = 3: the steep direction's error is (−2)ᵏ, so ‖e_k‖ ≈ 2ᵏ first exceeds 10¹⁰⁰·‖e₀‖ = 10¹⁰⁰·√2 at k = 333.
    const v = sgdCell({ lr: 0.3, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0, l1: 0.5, l2: 10 }, 1000, end);
    const k = Math.ceil(Math.log2(Math.SQRT2 * 1e100));
    expect(k).toBe(333);
    expect(end.step).toBe(k);
    expect(v).toBeCloseTo(Math.sqrt(((2 ** k) ** 2 + 0.85 ** (2 * k)) / 2) ** (1 / k), 12);
  });

  it('the cell value is the envelope rate of the trajectory', () => {
    for (const [lr, mu] of [[0.05, 0.9], [0.3, 0.5], [0.01, 0.99]] as const) {
      const steps = 400;
      const v = sgdCell({ lr, momentum: mu, dampening: 0, nesterov: false, weightDecay: 0, l1: 1, l2: 8 }, steps);
      const opt = new Sgd({ kind: 'sgd', lr, momentum: mu, dampening: 0, nesterov: false, weightDecay: 0 }, 2);
      const ws = trajectory(diag(1, 8), (p, g) => opt.step(p, g, lr), [1, 1], steps);
      expect(Math.abs(v - envelopeFromTrajectory(ws, steps))).toBeLessThan(1e-12);
    }
  });

  it('in the eigenbasis it is the same run as on the rotated quadratic (to 1e-10 relative)', () => {
    for (const angle of [0.4, 1.3, -2.2]) {
      const q = new Quadratic({ kind: 'quadratic', eigenvalues: [2, 30], angle, center: [0, 0] });
      const { vectors } = q.eigen();
      const start: [number, number] = [vectors[0][0] + vectors[1][0], vectors[0][1] + vectors[1][1]];
      for (const [lr, mu, nesterov] of [[0.05, 0.7, false], [0.04, 0.8, true], [0.06, 0.8, true], [0.02, 0, false], [0.07, 0, false]] as const) {
        const steps = 300;
        const end: CellEnd = { step: -1, p: [NaN, NaN] };
        sgdCell({ lr, momentum: mu, dampening: 0, nesterov, weightDecay: 0, l1: 2, l2: 30 }, steps, end);
        const opt = new Sgd({ kind: 'sgd', lr, momentum: mu, dampening: 0, nesterov, weightDecay: 0 }, 2);
        const w = trajectory(q, (p, g) => opt.step(p, g, lr), start, end.step)[end.step]!;
        // Back to the eigenbasis: coordinate i is w·vᵢ.
        const c1 = w[0]! * vectors[0][0] + w[1]! * vectors[0][1];
        const c2 = w[0]! * vectors[1][0] + w[1]! * vectors[1][1];
        const scale = Math.max(Math.SQRT2, Math.hypot(...end.p));
        expect(Math.hypot(c1 - end.p[0], c2 - end.p[1]) / scale).toBeLessThan(1e-10);
      }
    }
  });
});

describe('adamRow is torch.optim.Adam bit for bit', () => {
  for (const amsgrad of [false, true]) {
    for (const [b1, b2, eps] of [[0.9, 0.999, 1e-8], [0.5, 0.99, 1e-3], [0, 0.9, 1e-8]] as const) {
      it(`β = (${b1}, ${b2}), eps = ${eps}, amsgrad ${amsgrad}`, () => {
        const q = new Quadratic({ kind: 'quadratic', eigenvalues: [0.5, 12], angle: 0.7, center: [0, 0] });
        const lrs = Float64Array.from([0.003, 0.04, 0.3, 1.7]);
        const steps = 350;
        const start: [number, number] = [-2, 1.5];
        const out = new Float64Array(lrs.length);
        const ends: RowEnds = { step: new Float64Array(lrs.length), x: new Float64Array(lrs.length), y: new Float64Array(lrs.length) };
        adamRow({ beta1: b1, beta2: b2, eps, amsgrad, hxx: q.hxx, hxy: q.hxy, hyy: q.hyy, x0: start[0], y0: start[1] }, lrs, adamTables(b1, b2, steps), steps, out, ends);
        lrs.forEach((lr, i) => {
          const hp: AdamSpec = { kind: 'adam', lr, betas: [b1, b2], eps, weightDecay: 0, amsgrad };
          const opt = new Adam(hp, 2);
          const ws = trajectory(q, (p, g) => opt.step(p, g, lr), start, steps);
          expect(ends.step[i]).toBe(steps);
          expect(ends.x[i]).toBe(ws[steps]![0]);
          expect(ends.y[i]).toBe(ws[steps]![1]);
          expect(Math.abs(out[i]! - envelopeFromTrajectory(ws, steps))).toBeLessThan(1e-12);
        });
      });
    }
  }

  it('refuses tables shorter than the run and outputs of the wrong size', () => {
    const c = { beta1: 0.9, beta2: 0.999, eps: 1e-8, amsgrad: false, hxx: 1, hxy: 0, hyy: 2, x0: 1, y0: 1 };
    expect(() => adamRow(c, new Float64Array(3), adamTables(0.9, 0.999, 10), 11, new Float64Array(3))).toThrow(/tables cover 10 steps/);
    expect(() => adamRow(c, new Float64Array(3), adamTables(0.9, 0.999, 10), 10, new Float64Array(2))).toThrow(/2 outputs for 3 cells/);
  });

  it('halfOf splits K steps into a first half (start included) and a second', () => {
    expect(halfOf(1000)).toBe(500);
    expect(halfOf(7)).toBe(3);
  });
});
