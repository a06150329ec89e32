import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/engine';
import { sharpnessTrace } from '../../../src/engine/analysis/sharpness';
import { specOf } from '../../../src/lessons/preset';
import { ADAM, EDGE } from '../../../src/lessons/ui/eos-presets';
import { LabProvider } from '../../../src/state/context';
import { defaultDoc, type LabDoc } from '../../../src/state/doc';
import { createLab } from '../../../src/state/store';
import { SharpnessChart } from '../../../src/views/charts/SharpnessChart';
import { traceFacts, traceOf } from '../../../src/views/charts/sharpness';
import { fmt } from '../../../src/ui/format';
import { docWith, QUAD } from './helpers';

const render = (doc: LabDoc) => renderToString(<LabProvider lab={createLab(doc)}><SharpnessChart /></LabProvider>);
const label = (html: string) => /aria-label="(Sharpness per step[^"]*)"/.exec(html)?.[1] ?? '';
const leaks = (html: string) => html.match(/.{0,40}(NaN|Infinity|undefined|not a number).{0,20}/g);

describe('sharpness chart', () => {
  it('GD at the edge: the accessible name carries the engine’s start, end, peak, 2/α and the settling step', () => {
    const html = render(EDGE);
    const s = specOf(EDGE);
    const tr = sharpnessTrace(simulate(s), [{ at: 0, spec: s }]);
    const text = label(html);
    expect(html).toContain('role="img"');
    expect(text).toContain('2/α = 10');
    expect(text).toContain(`from ${fmt(tr.sharpness[0]!)} to ${fmt(tr.sharpness[300]!)} at step 300`);
    expect(text).toContain(`peak ${fmt(Math.max(...tr.sharpness))}`);
    expect(text).toContain('within 10% of it from step 111');
    expect(leaks(html)).toBeNull();
  });

  it('Adam: labelled as the preconditioned sharpness against 38/α = 380', () => {
    const html = render(ADAM);
    expect(label(html)).toContain('1 · Adam: preconditioned sharpness λmax(P⁻¹H)');
    expect(label(html)).toContain('38/α = 380');
    expect(html).toContain('1: 38/α = 380');
    expect(label(html)).toContain('2 · GD: sharpness λmax(H) from 10 to 10');
    expect(leaks(html)).toBeNull();
  });

  const odd: [string, LabDoc][] = [
    ['a run that overflows', docWith({ lr: [0.25], steps: 1000 })],
    ['Rosenbrock to NaN', docWith({ lr: [0.01], steps: 60, surface: { kind: 'rosenbrock', a: 1, b: 100 } })],
    ['a saddle (negative λmax)', docWith({ lr: [0.1], surface: { ...QUAD, eigenvalues: [-1, -4] } })],
    ['the default lab (GD, momentum, Adam)', defaultDoc()],
    ['noisy Adam and RMSprop', {
      ...defaultDoc(),
      runs: [
        { ...defaultDoc().runs[2]!, noise: { batchSize: 4, std: 1 } },
        { id: 'r9', optimizer: { kind: 'rmsprop', lr: 0.01, alpha: 0.99, eps: 1e-8, momentum: 0, centered: false, weightDecay: 0 }, schedule: { kind: 'constant' }, clip: null, noise: null, seed: 0 },
      ],
    }],
  ];
  for (const [name, doc] of odd) {
    it(`${name}: no raw non-finite text, and an accessible name`, () => {
      const html = render(doc);
      expect(leaks(html)).toBeNull();
      expect(label(html).length).toBeGreaterThan(40);
    });
  }

  it('a stopped run is cut at its stop step and says so', () => {
    const html = render(docWith({ lr: [0.25], steps: 1000 }));
    expect(label(html)).toMatch(/until the run stopped at step \d+/);
  });

  it('noisy Adam says its preconditioned sharpness is unknown; RMSprop has no threshold', () => {
    const text = label(render(odd[4]![1]));
    expect(text).toContain('unknown');
    expect(text).toContain('no threshold for this optimizer');
  });

  it('a drag recomputes only the run that changed: the other runs keep their cached traces', () => {
    const lab = createLab(docWith({ lr: [0.05, 0.1, 0.15] }));
    const before = lab.store.getState().results.map(traceOf);
    lab.updateRun('r2', { optimizer: { ...lab.store.getState().doc.runs[1]!.optimizer, lr: 0.12 } });
    const after = lab.store.getState().results.map(traceOf);
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(after[1]).not.toBe(before[1]);
    expect(traceFacts(after[1]!).threshold).toBeCloseTo(2 / 0.12, 12);
  });
});
