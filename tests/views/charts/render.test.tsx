import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LabProvider } from '../../../src/state/context';
import type { LabDoc } from '../../../src/state/doc';
import { createLab } from '../../../src/state/store';
import { EigenChart } from '../../../src/views/charts/EigenChart';
import { LossChart } from '../../../src/views/charts/LossChart';
import { ScheduleStrip } from '../../../src/views/charts/ScheduleStrip';
import { docWith, QUAD } from './helpers';

function render(doc: LabDoc): string {
  const lab = createLab(doc);
  return renderToString(
    <LabProvider lab={lab}>
      <LossChart />
      <EigenChart />
      <ScheduleStrip />
    </LabProvider>,
  );
}

/** Text and attribute values that leaked a raw non-finite number (the "NaN at step" label is meant). */
const leaks = (html: string) => html.replace(/NaN at step \d+/g, '').match(/.{0,40}(NaN|Infinity|undefined).{0,20}/g);

const cases: [string, LabDoc][] = [
  ['converging GD', docWith({ lr: [0.15, 0.05] })],
  ['diverging to ∞', docWith({ lr: [0.25], steps: 1000 })],
  ['Rosenbrock to NaN', docWith({ lr: [0.01], steps: 60, surface: { kind: 'rosenbrock', a: 1, b: 100 } })],
  ['saddle (negative loss)', docWith({ lr: [0.1], surface: { ...QUAD, eigenvalues: [-1, 4] } })],
  ['warmup-cosine schedule', docWith({ lr: [0.25], steps: 200, schedule: { kind: 'warmupCosine', warmupSteps: 40, totalSteps: 200, minFactor: 0.05 } })],
  ['linear axis with smoothing', { ...docWith({ lr: [0.25, 0.1], steps: 300 }), view: { ...docWith().view, logY: false, ema: 0.9 } }],
];

describe('charts render every state without a raw NaN or Infinity', () => {
  for (const [name, doc] of cases) {
    it(name, () => {
      const html = render(doc);
      expect(leaks(html)).toBeNull();
      expect(html).toContain('role="img"');
      expect(html).toMatch(/aria-label="Loss curve, /);
    });
  }

  it('labels a run that went non-finite', () => {
    const html = render(docWith({ lr: [0.01], steps: 60, surface: { kind: 'rosenbrock', a: 1, b: 100 } }));
    expect(html).toMatch(/(NaN|∞) at step \d+/);
  });

  it('says when the log axis falls back to a signed log', () => {
    expect(render(docWith({ lr: [0.1], surface: { ...QUAD, eigenvalues: [-1, 4] } }))).toContain('signed log scale');
  });

  it('shows the schedule strip only for scheduled runs, with the boundary formula', () => {
    expect(render(docWith({ lr: [0.1] }))).not.toContain('Learning-rate schedule');
    const html = render(docWith({ lr: [0.25], steps: 100, schedule: { kind: 'linearWarmup', warmupSteps: 50 } }));
    expect(html).toContain('Learning-rate schedule');
    expect(html).toContain('2/λmax = 0.2');
  });

  it('draws the closed-form envelope for plain GD on a quadratic', () => {
    expect(render(docWith({ lr: [0.15] }))).toContain('class="line envelope"');
    expect(render(docWith({ lr: [0.05], momentum: 0.8 }))).not.toContain('class="line envelope"');
  });
});
