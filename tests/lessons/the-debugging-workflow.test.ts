/**
 * Lesson 13, the debugging workflow: the symptom classifier on curves built by hand, the case
 * route, the guide's presets, the LR finder's numbers and the predict-then-run question.
 * (The doctor's diagnosability over many seeds is in the-debugging-workflow-doctor.test.ts.)
 */
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parseRunSpec, simulate, type NonFinite, type SimResult } from '../../src/engine';
import { CAUSES, DIAGNOSE, diagnose, doctorCase, read, SYMPTOMS } from '../../src/engine/analysis/doctor';
import { readFinder } from '../../src/engine/analysis/doctor-finder';
import { lesson, outcomeOf, questionFacts } from '../../src/lessons/content/the-debugging-workflow';
import { LESSONS } from '../../src/lessons/registry';
import { caseHref, lessonHref, parseRoute } from '../../src/lessons/route';
import { specOf } from '../../src/lessons/preset';
import { experimentById, experiments } from '../../src/lessons/ui/doctor-experiments';
import { GUIDE, SYMPTOM_WORDS } from '../../src/lessons/ui/doctor-guide';
import { seedInHash } from '../../src/lessons/ui/doctor-hash';
import { caseDoc, FINDER_BOWL, LR_FINDER, QUESTION_CASE, SLUG } from '../../src/lessons/ui/doctor-presets';
import { settingsRows } from '../../src/lessons/ui/doctor-settings';
import { DoctorBody } from '../../src/lessons/ui/doctor-body';
import { defaultDoc } from '../../src/state/doc';
import { LabProvider } from '../../src/state/context';
import { createLab } from '../../src/state/store';
import { fmt } from '../../src/ui/format';

/** A run record made by hand from a loss curve (‖g‖ = √(2·loss), as on a unit bowl). */
function fake(loss: number[], stop?: NonFinite): SimResult {
  const n = loss.length;
  return {
    length: n, dim: 2, w: new Float64Array(2 * n), loss: Float64Array.from(loss), gradNorm: Float64Array.from(loss, (l) => Math.sqrt(2 * l)),
    lr: new Float64Array(n).fill(0.1), stoppedAt: stop ? stop.step : null, nonFinite: stop ?? null, events: null, lossScale: null,
  };
}
const geometric = (n: number, from: number, factor: number) => Array.from({ length: n }, (_, k) => from * factor ** k);

describe('the symptom classifier reads curves as a practitioner would', () => {
  it('steady decay by 10⁻⁶ is healthy, to 0.3 slow, to 0.9 a flatline', () => {
    expect(diagnose(fake(geometric(101, 2, 1e-6 ** (1 / 100))))).toBe('healthy');
    expect(diagnose(fake(geometric(101, 2, 0.3 ** (1 / 100))))).toBe('slow');
    expect(diagnose(fake(geometric(101, 2, 0.9 ** (1 / 100))))).toBe('flatline');
    expect(read(fake(geometric(101, 2, 0.3 ** (1 / 100)))).ratio).toBeCloseTo(0.3, 9);
  });

  it('a climb of 100× is a blow-up, finite or not; a NaN after a falling curve is NaN', () => {
    expect(diagnose(fake(geometric(50, 1, 1.2)))).toBe('blowup'); // 1.2⁴⁹ ≈ 7600
    expect(diagnose(fake(geometric(20, 1, 1.2)))).toBe('blowup'); // 1.2¹⁹ ≈ 32 < 100, but every step goes up
    expect(diagnose(fake([...geometric(10, 1, 1.2), ...geometric(10, 5, 0.5)]))).not.toBe('blowup'); // rose, then fell back
    const climb = [...geometric(10, 1, 3), Infinity];
    expect(diagnose(fake(climb, { step: 10, what: 'loss', value: Infinity }))).toBe('blowup');
    const calm = [...geometric(30, 5, 0.9), NaN];
    expect(diagnose(fake(calm, { step: 30, what: 'gradient', value: NaN }))).toBe('nan');
    expect(read(fake(calm, { step: 30, what: 'gradient', value: NaN })).at).toBe(30);
  });

  it('one jump of 10× above the last ten steps that comes back down is a spike; one that stays up is not', () => {
    const base = geometric(200, 1, 0.95);
    const spiked = base.map((l, k) => (k >= 80 ? l * 1000 * 0.9 ** (k - 80) : l));
    expect(read(fake(spiked))).toMatchObject({ symptom: 'spike', at: 80 });
    const stuck = base.map((l, k) => (k >= 190 ? l * 1000 : l)); // no time to come back down
    expect(diagnose(fake(stuck))).not.toBe('spike');
  });

  it('alternating up and down at a steady level is a zig-zag; the same bounce while falling fast is not', () => {
    const bounce = Array.from({ length: 200 }, (_, k) => (k < 20 ? 4 * 0.8 ** k : 0.1 * (k % 2 ? 1.5 : 0.7)));
    expect(read(fake(bounce))).toMatchObject({ symptom: 'zigzag' });
    expect(read(fake(bounce)).upShare).toBeCloseTo(0.5, 1);
    const rising = Array.from({ length: 200 }, (_, k) => (k < 20 ? 4 * 0.8 ** k : 0.1 * 1.01 ** k)); // up, never down
    expect(diagnose(fake(rising))).not.toBe('zigzag');
    const ringing = bounce.map((l, k) => l * 0.9 ** k); // bouncing, but down 10⁴× over the second half
    expect(diagnose(fake(ringing))).toBe('healthy');
  });

  it('GD on a bowl, by the stability condition: α = 2.5/λ blows up, 1/λ is healthy, 10⁻⁴/λ flat', () => {
    const run = (lr: number) => {
      const p = parseRunSpec({ surface: { kind: 'quadratic', eigenvalues: [4, 4], angle: 0, center: [0, 0] }, optimizer: { kind: 'sgd', lr }, start: [1, 1], steps: 100 });
      if (!p.ok) throw new Error('bad spec');
      return diagnose(simulate(p.spec));
    };
    expect(run(2.5 / 4)).toBe('blowup'); // |1 − αλ| = 1.5
    expect(run(1 / 4)).toBe('healthy'); // one step to the minimum
    expect(run(1e-4 / 4)).toBe('flatline');
  });

  it('quotes its thresholds from one table, and has words for every symptom', () => {
    expect(DIAGNOSE.climb).toBeGreaterThan(DIAGNOSE.jump);
    for (const s of SYMPTOMS) expect(SYMPTOM_WORDS[s].length).toBeGreaterThan(5);
  });
});

describe('a case has an address', () => {
  it('#/lesson/<slug>/case/<seed> opens the lesson on that seed; plain lesson links carry no seed', () => {
    expect(parseRoute(caseHref(SLUG, 123))).toStrictEqual({ page: 'lesson', slug: SLUG, seed: 123 });
    expect(parseRoute(`${caseHref(SLUG, 4294967295)}/`)).toStrictEqual({ page: 'lesson', slug: SLUG, seed: 4294967295 });
    expect(parseRoute(lessonHref(SLUG))).toStrictEqual({ page: 'lesson', slug: SLUG });
    for (const h of [`#/lesson/${SLUG}/case/`, `#/lesson/${SLUG}/case/-1`, `#/lesson/${SLUG}/case/1.5`, `#/lesson/${SLUG}/case/4294967296`, `#/lesson/${SLUG}/case/12x`]) {
      expect(parseRoute(h), h).toEqual({ page: 'lab' });
    }
  });

  it('the doctor takes the seed only from its own lesson', () => {
    expect(seedInHash(caseHref(SLUG, 77))).toBe(77);
    expect(seedInHash(caseHref('warmup', 77))).toBeNull();
    expect(seedInHash(lessonHref(SLUG))).toBeNull();
  });
});

describe('the lesson', () => {
  it('is registered in the catalog between the schedules lesson and the stability checklist', () => {
    const slugs = LESSONS.map((l) => l.slug);
    expect(slugs.indexOf(SLUG)).toBe(slugs.indexOf('the-stability-checklist') - 1);
    expect(lesson.slug).toBe(SLUG);
  });

  it('has one experiment per cause (the case and its fix side by side), the LR finder, and the question', () => {
    const ids = experiments.map((e) => e.id);
    for (const c of CAUSES) expect(ids).toContain(`case-${c.cause}`);
    expect(ids).toEqual(expect.arrayContaining(['lr-finder', 'clip', 'fp16-underflow', 'question']));
    expect(ids).toContain(lesson.question.experiment);
    for (const c of CAUSES) {
      const doc = experimentById(`case-${c.cause}`).doc();
      expect(doc.runs).toHaveLength(2);
      expect(diagnose(simulate(specOf(doc, 0)))).toBe(c.symptom);
      expect(diagnose(simulate(specOf(doc, 1)))).toBe('healthy');
    }
  });

  it('every symptom the doctor can claim has a guide, with three checks in the notes’ order, each opening an experiment', () => {
    for (const c of CAUSES) expect(GUIDE.map((g) => g.symptom)).toContain(c.symptom);
    for (const g of GUIDE) {
      const order = g.steps.map((s) => ({ lr: 0, grad: 1, loss: 2 })[s.check]);
      expect([...order].sort()).toEqual(order); // learning rate, then gradient norms, then loss values
      for (const s of g.steps) expect(() => experimentById(s.experiment)).not.toThrow();
    }
  });

  it('a case opened in the lab is the case’s own run (and its fix as run 2)', () => {
    const c = doctorCase(42);
    expect(specOf(caseDoc(c, false))).toEqual(c.spec);
    expect(specOf(caseDoc(c), 1)).toEqual(c.fix);
    expect(settingsRows(c.spec).map(([k]) => k)).toEqual(expect.arrayContaining(['surface', 'start', 'steps', 'optimizer', 'precision']));
  });

  it('the LR finder: α grows 10× every 30 steps; the loss is lowest and turns up just past 2/λmax (scanned here)', () => {
    const spec = specOf(LR_FINDER);
    const r = simulate(spec);
    for (const k of [0, 30, 60, 90]) expect(r.lr[k]! / (1e-4 * 10 ** (k / 30))).toBeCloseTo(1, 4);
    let min = 0;
    for (let k = 1; k < r.length; k++) if (r.loss[k]! < r.loss[min]!) min = k;
    const limit = 2 / Math.max(...FINDER_BOWL.eigenvalues);
    const f = readFinder(r);
    expect(f.minStep).toBe(min);
    expect(f.minLr).toBe(r.lr[min]);
    expect(f.minLr / limit).toBeGreaterThan(0.8);
    expect(f.minLr / limit).toBeLessThan(2);
    expect(f.turnStep).not.toBeNull();
    expect(r.loss[f.turnStep!]!).toBeGreaterThan(r.loss[0]!);
    expect(r.loss[f.turnStep! - 1]!).toBeLessThanOrEqual(r.loss[0]!);
    expect(f.turnLr! / limit).toBeGreaterThan(1);
    expect(f.turnLr! / limit).toBeLessThan(3);
  });
});

describe('predict, then run: the FP16 case rerun in BF16', () => {
  it('the question’s case is the doctor’s FP16 showcase, and the experiment runs it beside its BF16 twin', () => {
    expect(QUESTION_CASE.cause).toBe('fp16-overflow');
    const doc = experimentById('question').doc();
    expect(specOf(doc, 0).precision).toMatchObject({ compute: 'fp16' });
    expect(specOf(doc, 1).precision).toMatchObject({ compute: 'bf16' });
  });

  it('BF16 survives the batch: the run never stops, never rises, and falls 10³-fold — so "healthy" is graded right', () => {
    const { s, r16, rb } = questionFacts();
    expect(r16.stoppedAt).toBe(s);
    expect(rb.stoppedAt).toBeNull();
    for (let k = 1; k < rb.length; k++) expect(rb.loss[k]!).toBeLessThanOrEqual(rb.loss[k - 1]!);
    expect(rb.loss[rb.length - 1]! / rb.loss[0]!).toBeLessThan(1e-3);
    expect(rb.gradNorm[s]!).toBeGreaterThan(65504); // the same gradient FP16 could not hold
    expect(outcomeOf(questionFacts().bf16.symptom)).toBe('healthy');
    const q = lesson.question;
    if (q.kind !== 'choice') throw new Error('expected a choice question');
    expect(q.grade('healthy').correct).toBe(true);
    expect(q.grade('nan').correct).toBe(false);
    expect(q.grade('spike').correct).toBe(false);
    expect(q.grade('healthy').truth).toContain(String(s));
  });
});

describe('the page', () => {
  it('renders the engine’s numbers: the LR finder’s minimum, the live sample, the default case and its curve', () => {
    const html = renderToString(createElement(LabProvider, { lab: createLab(defaultDoc()), children: createElement(DoctorBody) }));
    const text = html.replace(/<!-- -->/g, '');
    const f = readFinder(simulate(specOf(LR_FINDER)));
    expect(text).toContain(`lowest at step ${f.minStep}, where\n        α = ${fmt(f.minLr)}`.replace(/\n\s+/g, ' '));
    expect(text).toMatch(/claimed symptom in 48 and the fix removes\s+it in 48/);
    expect(text).toContain('data-testid="doctor-seed">1<');
    const first = simulate(doctorCase(1).spec);
    expect(text).toContain(`The loss starts at ${fmt(first.loss[0]!)}`);
    expect(html).toContain('role="img"');
    expect((html.match(/type="radio"/g) ?? []).length).toBe(GUIDE.length + CAUSES.length);
  });
});
