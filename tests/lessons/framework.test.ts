import { describe, expect, it } from 'vitest';
import { parseRunSpec } from '../../src/engine';
import { CATALOG } from '../../src/lessons/catalog';
import { specOf } from '../../src/lessons/preset';
import { loadProgress, resetProgress, saveProgress } from '../../src/lessons/progress';
import { LESSONS } from '../../src/lessons/registry';
import { lessonHref, parseRoute } from '../../src/lessons/route';
import { decodeDoc, encodeDoc } from '../../src/state/url';

describe('the lesson framework', () => {
  it('lists the same lessons, in the same order, in the catalog and the registry', () => {
    expect(LESSONS.map((l) => [l.slug, l.title])).toEqual(CATALOG.map((c) => [c.slug, c.title]));
    expect(new Set(LESSONS.map((l) => l.slug)).size).toBe(LESSONS.length);
  });

  it('routes #/lesson/<slug> to the lesson and anything else to the lab', () => {
    expect(parseRoute(lessonHref('oscillation-vs-divergence'))).toEqual({ page: 'lesson', slug: 'oscillation-vs-divergence' });
    for (const h of ['', '#/', '#/lesson/', '#/lesson/Bad Slug', '#/other/x']) expect(parseRoute(h)).toEqual({ page: 'lab' });
  });

  it('routes #/lesson/<slug>/case/<seed> to the lesson with that seed (a seed from 0 to 2³² − 1)', () => {
    expect(parseRoute('#/lesson/the-debugging-workflow/case/42')).toStrictEqual({ page: 'lesson', slug: 'the-debugging-workflow', seed: 42 });
    expect(parseRoute(lessonHref('warmup'))).toStrictEqual({ page: 'lesson', slug: 'warmup' });
    for (const h of ['#/lesson/warmup/case/', '#/lesson/warmup/case/x', '#/lesson/warmup/case/4294967296']) expect(parseRoute(h)).toEqual({ page: 'lab' });
  });

  for (const lesson of LESSONS) {
    describe(lesson.slug, () => {
      it('has experiments that are valid run specs and survive a shared link unchanged', () => {
        expect(lesson.experiments.length).toBeGreaterThan(0);
        for (const e of lesson.experiments) {
          const doc = e.doc();
          doc.runs.forEach((_, i) => {
            const parsed = parseRunSpec(specOf(doc, i));
            expect(parsed.ok, `${e.id} run ${i + 1}: ${parsed.ok ? '' : JSON.stringify(parsed.errors)}`).toBe(true);
          });
          const back = decodeDoc(encodeDoc(doc));
          expect(back.ignored, e.id).toEqual([]);
          expect(back.doc).toEqual(doc);
        }
      });
      it('asks a question whose experiment exists', () => {
        expect(lesson.experiments.map((e) => e.id)).toContain(lesson.question.experiment);
      });
    });
  }
});

describe('progress', () => {
  it('keeps nothing when storage is absent and tolerates garbage', () => {
    saveProgress({ a: { visited: true, answer: '1', correct: true } });
    expect(loadProgress()).toEqual({ a: { visited: true, answer: '1', correct: true } });
    expect(resetProgress()).toEqual({});
  });
});
