/**
 * The edge of stability on the product surface f = ((xy)² − 1)²/4 (GD) and Adam's adaptive edge on a
 * quadratic: the "the edge-of-stability preset's sharpness comes within 10% of 2/α and stays
 * there", with the band measured per step and as the mean of two consecutive steps.
 */
import { describe, expect, it } from 'vitest';
import { simulate, type RunSpec } from '../../src/engine';
import { balanceFactor, edgeSummary, flowLandingSharpness } from '../../src/engine/analysis/eos-landing';
import { bandAfter, sharpnessTrace } from '../../src/engine/analysis/sharpness';
import { specOf } from '../../src/lessons/preset';
import { ADAM, EDGE, EDGE_LR, P1, PRODUCT, START } from '../../src/lessons/ui/eos-presets';

const traced = (s: RunSpec) => {
  const sim = simulate(s);
  return { sim, tr: sharpnessTrace(sim, [{ at: 0, spec: s }]) };
};
const withSteps = (s: RunSpec, steps: number, lr = s.optimizer.lr): RunSpec => ({ ...s, steps, optimizer: { ...s.optimizer, lr } });

describe('GD at the edge of stability (preset: product p = 2 from (2.25, 0.1), α = 0.2, 300 steps)', () => {
  const s = specOf(EDGE);
  const { sim, tr } = traced(s);
  const edge = 2 / EDGE_LR;
  const sum = edgeSummary(tr, sim);

  it('sharpening: the sharpness starts below 1% of 2/α and reaches it within 3 steps', () => {
    expect(s.surface).toEqual(PRODUCT);
    expect(tr.sharpness[0]!).toBeLessThan(0.01 * edge); // 0.029
    expect(tr.sharpness[3]!).toBeGreaterThan(edge); // 14.7
    expect(tr.threshold[0]).toBeCloseTo(10, 12);
  });

  it('the mean of two consecutive steps comes within 10% of 2/α at step 2 and then stays within 3%', () => {
    expect(sum.firstPair).toBe(2);
    const band = bandAfter(tr, sum.firstPair);
    expect(band.pairMean).toBeLessThan(0.03); // measured 0.0237
  });

  it('per step the sharpness straddles 2/α (the iterate flips across the valley): alternately above and below', () => {
    for (let k = 3; k < 100; k++) expect(Math.sign(tr.sharpness[k]! - edge) * Math.sign(tr.sharpness[k + 1]! - edge)).toBe(-1);
    expect(tr.sharpness[3]! / edge).toBeGreaterThan(1.4); // 1.47
    expect(tr.sharpness[4]! / edge).toBeLessThan(0.6); // 0.58
  });

  it('per step it first comes within 10% at step ~105, then stays within 11%, and within 10% for good from step 111', () => {
    expect(sum.firstStep).toBeGreaterThanOrEqual(100);
    expect(sum.firstStep).toBeLessThanOrEqual(110);
    expect(bandAfter(tr, sum.firstStep).perStep).toBeLessThan(0.11); // measured 0.1067
    expect(sum.settledStep).toBeGreaterThanOrEqual(sum.firstStep);
    expect(sum.settledStep).toBeLessThanOrEqual(115); // measured 111
  });

  it('it ends just below 2/α, far below where gradient flow lands (10.87 = 2√(c² + 4), c = x0² − y0²)', () => {
    expect(sum.end / edge).toBeGreaterThan(0.98);
    expect(sum.end / edge).toBeLessThan(1);
    const flow = flowLandingSharpness(PRODUCT, START);
    expect(flow).toBeCloseTo(2 * Math.sqrt((2.25 ** 2 - 0.01) ** 2 + 4), 12);
    expect(flow).toBeGreaterThan(1.08 * edge);
    // Independent check of the closed form: GD at a tiny step lands where the flow does.
    const slow = traced(withSteps(s, 4000, 0.005));
    expect(slow.tr.sharpness[slow.tr.length - 1]! / flow - 1).toBeLessThan(2e-3);
    expect(slow.tr.sharpness[slow.tr.length - 1]! / flow - 1).toBeGreaterThan(-2e-3);
  });

  it('the loss is non-monotone (it rises on many steps) yet falls every two steps and ends far lower', () => {
    expect(sum.rises).toBeGreaterThan(50);
    for (let k = 2; k + 2 < sim.length; k++) expect(sim.loss[k + 2]!).toBeLessThan(sim.loss[k]!);
    expect(sum.lossEnd).toBeLessThan(1e-4 * sum.lossStart);
  });

  it('self-stabilisation: every GD step multiplies c = x² − y² by 1 − α²F′(xy)² (the record, to 1e-12)', () => {
    for (let k = 0; k + 1 < sim.length; k++) {
      const x = sim.w[2 * k]!, y = sim.w[2 * k + 1]!;
      const c0 = x * x - y * y;
      const c1 = sim.w[2 * k + 2]! ** 2 - sim.w[2 * k + 3]! ** 2;
      expect(Math.abs(c1 - c0 * balanceFactor(PRODUCT, x, y, EDGE_LR))).toBeLessThan(1e-12 * Math.abs(c0));
    }
  });

  it('1000 steps: the two-step band stays within 3% and the sharpness converges to just below 2/α (9.93)', () => {
    const long = traced(withSteps(s, 1000));
    const ls = edgeSummary(long.tr, long.sim);
    expect(bandAfter(long.tr, ls.firstPair).pairMean).toBeLessThan(0.03);
    expect(ls.end / edge).toBeGreaterThan(0.99);
    expect(ls.end / edge).toBeLessThan(1);
  });

  it('p = 1, ½(xy − 1)², does not sharpen: its sharpness starts within 5% of where it ends', () => {
    const p1 = traced(specOf(P1));
    const e = edgeSummary(p1.tr, p1.sim);
    expect(Math.abs(e.start / e.end - 1)).toBeLessThan(0.05); // 5.12 → 5.32
    expect(e.end).toBeLessThan(0.6 * edge);
  });
});

describe("Adam's adaptive edge (preset: bowl λ = 1, 10; Adam α = 0.1, β = (0.9, 0.95), 600 steps)", () => {
  const s = specOf(ADAM, 0);
  const { sim, tr } = traced(s);
  const ratio = (k: number) => tr.sharpness[k]! / tr.threshold[k]!;

  it('the threshold is 38/α = 380 and the preconditioned sharpness starts below 3% of it', () => {
    expect(tr.rule?.formula).toBe('38/α');
    expect(tr.threshold[0]).toBeCloseTo(380, 9);
    expect(ratio(0)).toBeLessThan(0.03);
  });

  it('it rises (the curvature is constant: only v̂ shrinks) to 38/α, crossing it between steps 200 and 260', () => {
    let cross = -1;
    for (let k = 0; k < tr.length; k++) if (ratio(k) >= 1) { cross = k; break; }
    expect(cross).toBeGreaterThan(200);
    expect(cross).toBeLessThan(260);
    // The loss is tiny just before and jumps by > 1000× after the crossing: the instability is real.
    let before = Infinity, after = 0;
    for (let k = cross - 20; k < cross; k++) before = Math.min(before, sim.loss[k]!);
    for (let k = cross; k < cross + 60; k++) after = Math.max(after, sim.loss[k]!);
    expect(after / before).toBeGreaterThan(1e3);
  });

  it('from step 380 on it hovers at 0.91–0.97 × 38/α: within 10%, just below the threshold', () => {
    const e = edgeSummary(tr, sim);
    expect(e.firstStep).toBeGreaterThan(200); // 227: first within 10%
    expect(e.settledStep).toBeLessThan(380); // 362: within 10% for good (the spike after the crossing dips to ~0.5)
    for (let k = 380; k < tr.length; k++) {
      expect(ratio(k)).toBeGreaterThan(0.9);
      expect(ratio(k)).toBeLessThan(0.97);
    }
  });

  it('at its edge Adam stalls at a loss floor while GD (α = 0.15 < 2/10) on the same bowl converges', () => {
    const gd = simulate(specOf(ADAM, 1));
    expect(sim.loss[sim.length - 1]!).toBeGreaterThan(1e-8);
    expect(gd.loss[gd.length - 1]!).toBeLessThan(1e-40);
  });
});
