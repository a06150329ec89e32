import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EVENT } from '../../../src/engine';
import { LabProvider } from '../../../src/state/context';
import { defaultDoc, type LabDoc, type RunDoc } from '../../../src/state/doc';
import { createLab } from '../../../src/state/store';
import { eventMarks, eventSteps, hollowMarks, markY } from '../../../src/views/charts/events-marks';
import type { YAxis } from '../../../src/views/charts/geometry';
import { eventsStory, eventText, scaleText, stepValue } from '../../../src/views/charts/labels';
import { LossChart } from '../../../src/views/charts/LossChart';
import { LossReadout } from '../../../src/views/charts/LossReadout';

/** y = 100 − v on [0, 100] (pixels grow downwards), like a linear loss axis from 100 px to 0 px. */
const AXIS: YAxis = { y: (v) => 100 - Math.min(100, Math.max(0, v)), ticks: [], bounds: { lo: 0, hi: 100, floorClamp: false }, key: 'lin' };
const x10 = (k: number) => 10 * k;

describe('event steps', () => {
  it('splits the flags into bad batches, guard skips and loss-scale overflows', () => {
    const { badBatch: B, skipped: S, overflow: O } = EVENT;
    const flags = new Uint8Array([0, B, S, O | S, B | S, 0, B | O | S]);
    expect(eventSteps(flags)).toEqual({ bad: [1, 4, 6], skipped: [2, 4], overflow: [3, 6] });
    expect(eventSteps(flags)).toBe(eventSteps(flags)); // scanned once per record
    expect(eventSteps(null)).toBeNull();
  });
});

describe('hollow marks', () => {
  it('sit on the curve, or on the edge a value went past (NaN and +∞ at the top)', () => {
    expect(markY(30, AXIS, 0, 100)).toBe(70);
    expect(markY(250, AXIS, 0, 100)).toBe(0);
    expect(markY(NaN, AXIS, 0, 100)).toBe(0);
    expect(markY(Infinity, AXIS, 0, 100)).toBe(0);
    expect(markY(-Infinity, AXIS, 0, 100)).toBe(100);
    expect(markY(-5, AXIS, 0, 100)).toBe(100);
  });

  it('draws one circle (two arcs) of radius r per step, centred at (x(k), y)', () => {
    const d = hollowMarks([1, 2], [0, 30, NaN], x10, AXIS, 0, 100, 'circle', 3.5);
    // Circle at (10, 70): from (6.5, 70) two half-arcs of 7 px; circle at (20, 0) (NaN on the top edge).
    expect(d).toBe('M6.5,70a3.5,3.5 0 1,0 7,0a3.5,3.5 0 1,0 -7,0M16.5,0a3.5,3.5 0 1,0 7,0a3.5,3.5 0 1,0 -7,0');
    expect(hollowMarks([0], [50], x10, AXIS, 0, 100, 'diamond', 2)).toBe('M0,48L2,50L0,52L-2,50Z');
  });

  it('leaves out marks that would overlap the last one, and steps past the record', () => {
    const many = Array.from({ length: 1000 }, (_, k) => k);
    const series = new Float64Array(1000).fill(50);
    // 1000 steps 0.1 px apart, r = 3.5 px: marks at steps 0, 35, 70, …, 980 only.
    const d = hollowMarks(many, series, (k) => k / 10, AXIS, 0, 100, 'circle', 3.5);
    expect(d.split('M').length - 1).toBe(Math.ceil(1000 / 35));
    expect(hollowMarks([5], [1, 2], x10, AXIS, 0, 100, 'circle')).toBe('');
  });

  it('costs nothing for a run without an event record', () => {
    expect(eventMarks(null, [1, 2], x10, 'k', AXIS, 0, 100)).toBeNull();
    expect(createLab(defaultDoc()).store.getState().results.every((r) => r.sim.events === null)).toBe(true);
  });
});

describe('event words', () => {
  it('never print a skipped step\'s non-finite value bare', () => {
    expect(stepValue(NaN, EVENT.badBatch | EVENT.skipped)).toBe('NaN (skipped)');
    expect(stepValue(Infinity, EVENT.overflow | EVENT.skipped)).toBe('∞ (skipped)');
    expect(stepValue(NaN, EVENT.badBatch)).toBe('NaN (bad batch)');
    expect(stepValue(0.5, EVENT.skipped)).toBe('0.5');
    expect(eventText(EVENT.badBatch | EVENT.skipped)).toBe('bad batch, skipped');
    expect(eventText(EVENT.overflow | EVENT.skipped)).toBe('loss-scale overflow, skipped');
    expect(eventText(0)).toBe('');
  });

  it('writes the loss scale as a power of two when it is one', () => {
    expect(scaleText(65536)).toBe('2¹⁶');
    expect(scaleText(1024)).toBe('2¹⁰');
    expect(scaleText(2 ** -5)).toBe('2⁻⁵');
    expect(scaleText(8)).toBe('8');
    expect(scaleText(3)).toBe('3');
  });

  it('tells what the loop did', () => {
    expect(eventsStory({ bad: [40], skipped: [40], overflow: [] })).toBe('bad batch at step 40, 1 step skipped');
    expect(eventsStory({ bad: [], skipped: [], overflow: [0, 1, 2] })).toBe('3 loss-scale overflows (skipped)');
    expect(eventsStory(null)).toBe('');
  });
});

const QUAD = { kind: 'quadratic', eigenvalues: [1, 10], angle: 0, center: [0, 0] } as const;
const sgd = (id: string, extras: Partial<RunDoc>): RunDoc => ({
  id, optimizer: { kind: 'sgd', lr: 0.05, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0 },
  schedule: { kind: 'constant' }, clip: null, noise: null, seed: 0, ...extras,
});
const docOf = (runs: RunDoc[]): LabDoc => ({ ...defaultDoc(), surface: { ...QUAD, eigenvalues: [1, 10], center: [0, 0] }, start: [-2, 1.5], steps: 100, runs });
const render = (doc: LabDoc) => renderToString(<LabProvider lab={createLab(doc)}><LossChart /></LabProvider>);
/** Raw non-finite text, once the phrases that explain a non-finite value are taken out. */
const leaks = (html: string) => html.replace(/(NaN|∞) \((skipped|bad batch)\)|\(NaN\)|NaN at step \d+/g, '').match(/.{0,40}(NaN|Infinity|undefined).{0,20}/g);

describe('the loss chart with training-loop events', () => {
  it('marks a NaN batch the filter skipped, says so, and prints no raw NaN', () => {
    const doc = docOf([sgd('r1', { badBatch: { step: 40, kind: 'nan', scale: 100 }, guard: { skipFactor: 10, beta: 0.9, skipNonFinite: true } })]);
    const [r] = createLab(doc).store.getState().results;
    expect(r!.sim.length).toBe(101); // the run went on past the NaN
    expect(eventSteps(r!.sim.events)).toEqual({ bad: [40], skipped: [40], overflow: [] });
    const html = render(doc);
    expect(html).toContain('1: bad batch at 40 (NaN)');
    expect(html).toContain('bad batch at step 40, 1 step skipped');
    expect(html).toContain('Marks:');
    expect(html).toContain('>event</th>');
    expect(leaks(html)).toBeNull();
  });

  it('counts GradScaler\'s overflows and shows the scale it settled on', () => {
    // g(w₀) = H·w₀ = (−2, 15). FP16's largest finite value is 65504: 15·S overflows for S = 2¹⁶, 2¹⁵,
    // 2¹⁴, 2¹³ (steps 0–3 are skipped, w stays put), and 15·2¹² = 61440 fits. No growth in 100 steps.
    const doc = docOf([sgd('r1', { precision: { params: 'fp32', compute: 'fp16', lossScale: { init: 65536, growthFactor: 2, backoffFactor: 0.5, growthInterval: 2000 } } })]);
    const [r] = createLab(doc).store.getState().results;
    expect(eventSteps(r!.sim.events)).toEqual({ bad: [], skipped: [], overflow: [0, 1, 2, 3] });
    const html = render(doc);
    expect(html).toContain('4 loss-scale overflows (skipped)');
    expect(html).toContain('loss scale S</th>');
    expect(html).toContain('>2¹²</td>');
    expect(leaks(html)).toBeNull();
  });

  it('reads a skipped NaN step, and an unguarded NaN batch, out in words', () => {
    const nan = { step: 40, kind: 'nan', scale: 100 } as const;
    const doc = docOf([
      sgd('r1', { badBatch: nan, guard: { skipFactor: 10, beta: 0.9, skipNonFinite: true } }),
      sgd('r2', { badBatch: nan }),
    ]);
    const results = createLab(doc).store.getState().results;
    expect(results[1]!.nonFinite).toMatchObject({ step: 40, what: 'gradient' }); // the unguarded run stops there
    const cells = (step: number) => [...renderToString(<LossReadout results={results} step={step} last={100} smoothed={null} id="r" />)
      .matchAll(/<tr>(.*?)<\/tr>/g)].slice(1).map((m) => [...m[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1]));
    const [guarded, bare] = cells(40);
    expect(guarded![2]).toBe('NaN (skipped)');
    expect(guarded![3]).toBe('bad batch, skipped');
    expect(bare![2]).toBe('NaN (bad batch)');
    expect(bare![3]).toBe('bad batch');
    expect(cells(41)[1]![0]).toBe('stopped: NaN at step 40');
  });

  it('adds nothing for plain runs', () => {
    const html = render(docOf([sgd('r1', {})]));
    expect(html).not.toContain('Marks:');
    expect(html).not.toContain('>event</th>');
    expect(html).not.toContain('loss scale S');
  });
});
