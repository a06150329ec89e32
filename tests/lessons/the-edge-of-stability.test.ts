/**
 * The edge of stability: every claim the lesson makes, against hand computations, closed forms and
 * runs computed here from the record (the Hessian's eigenvalue from its trace and determinant, not
 * the lesson's helpers).
 */
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createSurface, simulate, type RunSpec, type SimResult } from '../../src/engine';
import { sharpnessTrace } from '../../src/engine/analysis/sharpness';
import { lesson } from '../../src/lessons/content/the-edge-of-stability';
import { specOf } from '../../src/lessons/preset';
import { EosAdam } from '../../src/lessons/ui/eos-adam';
import { EosBody } from '../../src/lessons/ui/eos-body';
import { FLOW, LANDING_LRS } from '../../src/lessons/ui/eos-facts';
import { EosLanding } from '../../src/lessons/ui/eos-landing';
import { ADAM, EDGE, EDGE_LR, P1, PRODUCT, QUESTION, QUESTION_LR, RATES_DOC, START } from '../../src/lessons/ui/eos-presets';
import { fmt } from '../../src/ui/format';


/** λmax of the product surface's Hessian at w_k, from the characteristic polynomial. */
function sharpAt(sim: SimResult, k: number): number {
  const x = sim.w[2 * k]!, y = sim.w[2 * k + 1]!, u = x * y;
  const f1 = (u * u - 1) * u, f2 = 3 * u * u - 1; // F′, F″ for ((u² − 1)²)/4
  const a = f2 * y * y, b = f2 * x * y + f1, c = f2 * x * x;
  const T = a + c, D = a * c - b * b;
  return (T + Math.sqrt(T * T - 4 * D)) / 2;
}
const withLr = (s: RunSpec, lr: number): RunSpec => ({ ...s, optimizer: { ...s.optimizer, lr } });
const text = (html: string) => html.replace(/<!-- -->/g, '');

describe('the lesson and its experiments', () => {
  it('has the experiments the text refers to, and the question runs GD at α = 0.25 on the same start', () => {
    expect(lesson.slug).toBe('the-edge-of-stability');
    expect(lesson.experiments.map((e) => e.id)).toEqual(['edge', 'small-vs-edge', 'rates', 'question', 'adam', 'p1']);
    expect(lesson.experiments.map((e) => e.id)).toContain(lesson.question.experiment);
    const q = specOf(QUESTION);
    expect(q.surface).toEqual(PRODUCT);
    expect(q.start).toEqual(START);
    expect(q.optimizer).toMatchObject({ kind: 'sgd', lr: QUESTION_LR, momentum: 0 });
    expect(RATES_DOC.runs.map((r) => r.optimizer.lr)).toEqual([0.1, 0.2, 0.25]);
  });

  it('grades “settles at the edge” right and the other two wrong, with the engine’s numbers', () => {
    const q = lesson.question;
    if (q.kind !== 'choice') throw new Error('expected a choice question');
    const sim = simulate(specOf(QUESTION));
    const end = sharpAt(sim, sim.length - 1);
    expect(sim.stoppedAt).toBeNull();
    expect(Math.abs(end - 2 / QUESTION_LR)).toBeLessThan(Math.abs(end - FLOW)); // 7.89 vs 8 and 10.87
    expect(q.grade('edge').correct).toBe(true);
    expect(q.grade('flow').correct).toBe(false);
    expect(q.grade('diverges').correct).toBe(false);
    expect(q.grade('edge').truth).toContain(`ends at ${fmt(end)}`);
  });
});

describe('the claims, reproduced', () => {
  const run = simulate(specOf(EDGE));
  const edge = 2 / EDGE_LR;

  it('the start is nearly flat: λmax at (2.25, 0.1) is 0.0294 by hand', () => {
    // H = F″(u)(y, x)(y, x)ᵀ + F′(u)[[0, 1], [1, 0]] with u = 0.225.
    const u = 0.225, f1 = (u * u - 1) * u, f2 = 3 * u * u - 1;
    const a = f2 * 0.01, b = f2 * 0.225 + f1, c = f2 * 2.25 * 2.25;
    const hand = (a + c) / 2 + Math.sqrt(((a - c) / 2) ** 2 + b * b);
    expect(hand).toBeCloseTo(0.0294, 4);
    expect(sharpAt(run, 0)).toBeCloseTo(hand, 12);
  });

  it('gradient flow lands at 2√(c² + 4) = 10.87: GD with a tiny step ends there', () => {
    expect(FLOW).toBeCloseTo(2 * Math.sqrt((2.25 ** 2 - 0.1 ** 2) ** 2 + 4), 12);
    expect(FLOW).toBeCloseTo(10.868, 3);
    const slow = simulate({ ...withLr(specOf(EDGE), 0.005), steps: 4000 });
    expect(Math.abs(sharpAt(slow, slow.length - 1) / FLOW - 1)).toBeLessThan(2e-3);
  });

  it('where it lands: min(flow landing, 2/α) within 1.5% for every α of the figure’s grid', () => {
    for (const lr of LANDING_LRS) {
      const sim = simulate(withLr(specOf(EDGE), lr));
      expect(sim.stoppedAt).toBeNull();
      const ratio = sharpAt(sim, sim.length - 1) / Math.min(FLOW, 2 / lr);
      expect(ratio, `α = ${lr}`).toBeGreaterThan(0.985);
      expect(ratio, `α = ${lr}`).toBeLessThanOrEqual(1);
    }
    expect(2 / FLOW).toBeCloseTo(0.184, 3);
  });

  it('at α = 0.2: past 2/α in three steps, flipping across it, landing just below it; the loss rises often yet falls every two steps', () => {
    expect(sharpAt(run, 3)).toBeGreaterThan(1.4 * edge);
    expect(sharpAt(run, 4)).toBeLessThan(0.6 * edge);
    const end = sharpAt(run, run.length - 1);
    expect(end / edge).toBeGreaterThan(0.98);
    expect(end / edge).toBeLessThan(1);
    let rises = 0;
    for (let k = 1; k < run.length; k++) if (run.loss[k]! > run.loss[k - 1]!) rises++;
    expect(rises).toBe(105);
    for (let k = 2; k + 2 < run.length; k++) expect(run.loss[k + 2]!).toBeLessThan(run.loss[k]!);
  });

  it('p = 1 barely changes its sharpness (5.12 → 5.32): no sharpening', () => {
    const sim = simulate(specOf(P1));
    const s1 = createSurface(specOf(P1).surface);
    const h = new Float64Array(3);
    const lam = (k: number) => {
      s1.hessian(sim.w[2 * k]!, sim.w[2 * k + 1]!, h);
      const T = h[0]! + h[2]!, D = h[0]! * h[2]! - h[1]! ** 2;
      return (T + Math.sqrt(T * T - 4 * D)) / 2;
    };
    expect(lam(0)).toBeCloseTo(5.12, 2);
    expect(lam(sim.length - 1)).toBeCloseTo(5.32, 2);
  });

  it('Adam: its preconditioned sharpness is all v̂ (the bowl’s Hessian is constant) and it stalls at a loss floor', () => {
    const adam = simulate(specOf(ADAM, 0));
    const gd = simulate(specOf(ADAM, 1));
    expect(adam.loss[adam.length - 1]!).toBeGreaterThan(1e-8);
    expect(gd.loss[gd.length - 1]!).toBeLessThan(1e-40);
    // Constant curvature: GD's loss contracts by exactly (1 − αλ)² per step along each eigenvector.
    expect(gd.loss[gd.length - 1]! / gd.loss[gd.length - 2]!).toBeCloseTo(0.85 ** 2, 6);
  });
});

describe('the page shows the engine’s numbers', () => {
  it('the body states the α = 0.2 run’s numbers as computed here', () => {
    const html = text(renderToString(createElement(EosBody)));
    const end = sharpAt(edgeSim(), 300);
    expect(html).toContain(`sharpness there is ${fmt(sharpAt(edgeSim(), 0))}`);
    expect(html).toContain(`ends at ${fmt(end)} = ${fmt(end / 10, 3)} × 2/α`);
    expect(html).toContain('rose on 105 of 300 steps');
    expect(html).toContain('over two steps the loss rose never after step 2');
    expect(html).toContain('10% for good only from step 111');
    expect(html).toContain('within 10% of 2/α from step 2');
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('the landing figure’s caption reports the worst gap to 2/α over the runs right of 2/10.87', () => {
    const html = text(renderToString(createElement(EosLanding)));
    let worst = 0, n = 0;
    for (const lr of LANDING_LRS) {
      if (lr <= 2 / FLOW) continue;
      const sim = simulate(withLr(specOf(EDGE), lr));
      worst = Math.max(worst, Math.abs((sharpAt(sim, sim.length - 1) * lr) / 2 - 1));
      n++;
    }
    expect(html).toContain(`every one of the ${n} runs ends within ${fmt(100 * worst, 2)}% of 2/α`);
    expect(html).toContain('role="img"');
  });
});

describe('the Adam figure', () => {
  it('names the step where the preconditioned sharpness first reaches 38/α = 380', () => {
    const s = specOf(ADAM, 0);
    const tr = sharpnessTrace(simulate(s), [{ at: 0, spec: s }]);
    let cross = -1;
    for (let k = 0; k < tr.length; k++) if (tr.sharpness[k]! >= 380) { cross = k; break; }
    expect(cross).toBeGreaterThan(200);
    const html = text(renderToString(createElement(EosAdam)));
    expect(html).toContain(`crosses it at step ${cross}`);
    expect(html).toContain('role="img"');
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  });
});

function edgeSim(): SimResult {
  return simulate(specOf(EDGE));
}
