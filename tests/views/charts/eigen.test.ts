import { describe, expect, it } from 'vitest';
import {
  closedFormApplies, eigenDirections, factorText, gdEnvelope, projectErrors, ROUND_OFF, signChanges, zeroRoundOff,
} from '../../../src/views/charts/eigen';
import { labResults, QUAD } from './helpers';

const close = (a: number, b: number, rel = 1e-10) => expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(1e-300, Math.abs(b)));

describe('projectErrors', () => {
  it('gives the coordinates of w − w* in an orthonormal eigenbasis', () => {
    const t = 0.3;
    const v1: [number, number] = [Math.cos(t), -Math.sin(t)];
    const v2: [number, number] = [Math.sin(t), Math.cos(t)];
    const ref: [number, number] = [1, -2];
    const w = Float64Array.from([3, 4, 1, -2, -0.5, 7]);
    const e1 = projectErrors(w, 3, v1, ref);
    const e2 = projectErrors(w, 3, v2, ref);
    for (let k = 0; k < 3; k++) {
      close(ref[0] + e1[k]! * v1[0] + e2[k]! * v2[0], w[2 * k]!, 1e-14);
      close(ref[1] + e1[k]! * v1[1] + e2[k]! * v2[1], w[2 * k + 1]! || 1e-300, 1e-14);
    }
    expect(e1[1]).toBe(0);
  });
});

describe('GD on a quadratic matches its closed form', () => {
  it('e_i(k) = e_i(0)·(1 − αλ_i)^k and |e_i(k)| equals the envelope', () => {
    const lr = 0.15;
    const [r] = labResults({ lr: [lr], steps: 60 });
    const { directions } = eigenDirections([r!]);
    expect(directions.map((d) => d.title)).toEqual(['Steep direction (λ = 10)', 'Flat direction (λ = 1)']);
    for (const d of directions) {
      const s = d.runs[0]!;
      expect(s.envelope).not.toBeNull();
      const e0 = s.e[0]!;
      for (let k = 0; k < 60; k++) {
        const exact = e0 * (1 - lr * d.lambda) ** k;
        // Round-off is relative to the whole distance ‖w − w*‖ ≤ 3 here, not to this component.
        expect(Math.abs(s.e[k]! - exact)).toBeLessThanOrEqual(1e-9 * Math.abs(exact) + 1e-14);
        close(s.envelope![k]!, Math.abs(exact), 1e-12);
      }
    }
    expect(directions[0]!.runs[0]!.factor).toBe('×0.5 per step, flipping sign');
    expect(directions[1]!.runs[0]!.factor).toBe('×0.85 per step');
  });

  it('uses λ + wd with weight decay (minimum at the origin)', () => {
    const [r] = labResults({ lr: [0.1], weightDecay: 0.5, steps: 30 });
    expect(closedFormApplies(r!)).toBe(true);
    const { directions } = eigenDirections([r!]);
    const flat = directions[1]!.runs[0]!;
    close(flat.envelope![10]!, Math.abs(flat.e[0]!) * Math.abs(1 - 0.1 * (1 + 0.5)) ** 10, 1e-12);
    close(Math.abs(flat.e[10]!), flat.envelope![10]!, 1e-9);
  });

  it('follows a schedule step by step (∏|1 − α_k λ|)', () => {
    const [r] = labResults({ lr: [0.3], steps: 40, schedule: { kind: 'linearWarmup', warmupSteps: 20 } });
    const steep = eigenDirections([r!]).directions[0]!.runs[0]!;
    for (let k = 0; k < 30; k++) if (Math.abs(steep.e[k]!) > 1e-10) close(Math.abs(steep.e[k]!), steep.envelope![k]!, 1e-9);
    expect(steep.factor).toMatch(/^at the base α, ×2 per step — grows, flipping sign$/);
  });

  it('gdEnvelope equals |e0|·|1 − αλ|^k at a constant rate', () => {
    const env = gdEnvelope(-2, 10, new Float64Array(8).fill(0.25), 8);
    for (let k = 0; k < 8; k++) close(env[k]!, 2 * 1.5 ** k, 1e-15);
  });
});

describe('when the closed form applies', () => {
  it('only for plain GD on a quadratic, and not for weight decay off-centre', () => {
    expect(closedFormApplies(labResults({ lr: [0.1] })[0]!)).toBe(true);
    expect(closedFormApplies(labResults({ lr: [0.1], momentum: 0.9 })[0]!)).toBe(false);
    expect(closedFormApplies(labResults({ lr: [0.001], surface: { kind: 'rosenbrock', a: 1, b: 100 } })[0]!)).toBe(false);
    const offCentre = { ...QUAD, center: [1, 0] as [number, number] };
    expect(closedFormApplies(labResults({ lr: [0.1], weightDecay: 0.1, surface: offCentre })[0]!)).toBe(false);
    expect(closedFormApplies(labResults({ lr: [0.1], surface: offCentre })[0]!)).toBe(true);
  });
});

describe('labels and helpers', () => {
  it('factorText says grows, and flips', () => {
    expect(factorText(0.82, false)).toBe('×0.82 per step');
    expect(factorText(1.31, true)).toBe('×1.3 per step — grows, flipping sign');
    expect(factorText(1, false)).toBe('×1 per step — never shrinks');
    expect(factorText(0.9996, false)).toBe('×0.9996 per step');
    expect(factorText(NaN, false)).toBe('');
  });

  it('names a saddle’s directions and its reference point', () => {
    const r = labResults({ lr: [0.1], surface: { ...QUAD, eigenvalues: [-1, 4] } });
    const { directions, ref } = eigenDirections(r);
    expect(ref).toBe('the saddle point');
    expect(directions[1]!.title).toBe('Downhill direction (λ = −1)');
    expect(directions[1]!.runs[0]!.factor).toBe('×1.1 per step — grows');
  });

  it('counts sign changes, skipping zeros', () => {
    expect(signChanges([1, -1, 1, 0, -1, -2, NaN, 3])).toBe(4);
  });

  it('zeroes components that are round-off next to a huge other component', () => {
    const w = Float64Array.from([1e17, 8, 1, 1]);
    const e = Float64Array.from([8, 1]);
    expect(zeroRoundOff(e, w, [0, 0])).toBe(1);
    expect(Array.from(e)).toEqual([0, 1]);
    expect(ROUND_OFF).toBeLessThan(1e-13);
  });

  it('keeps a flat direction decaying while the steep one explodes', () => {
    const [r] = labResults({ lr: [0.25], steps: 200 });
    const flat = eigenDirections([r!]).directions[1]!.runs[0]!;
    // Without the round-off guard the flat error would "grow" to ~10 as the steep one passes 1e17.
    for (let k = 0; k < flat.e.length; k++) {
      const dist = Math.hypot(r!.sim.w[2 * k]!, r!.sim.w[2 * k + 1]!);
      expect(Math.abs(flat.e[k]!)).toBeLessThanOrEqual(flat.envelope![k]! + ROUND_OFF * dist);
    }
    expect(r!.sim.length).toBe(201);
    expect(Math.hypot(r!.sim.w[400]!, r!.sim.w[401]!)).toBeGreaterThan(1e30);
  });
});
