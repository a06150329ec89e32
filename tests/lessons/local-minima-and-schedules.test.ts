import { describe, expect, it } from 'vitest';
import { Gaussian, simulate } from '../../src/engine';
import { basinOf, basinTrace, endBasins, endPoint, histogram, POLISH, sameBasinFraction, seededStarts, startBasins } from '../../src/engine/analysis/basins';
import { lesson } from '../../src/lessons/content/local-minima-and-schedules';
import { specOf } from '../../src/lessons/preset';
import { LIMITS } from '../../src/lessons/ui/basins-body';
import {
  BIG_LR, deepestShares, demoStart, largeHistogram, NUDGE, pairDoc, shareBand, smallHistogram, SMALL_LR, STARTS, startsFor, SURFACE, wellsSpec,
} from '../../src/lessons/ui/basins-presets';

const BOX = SURFACE.viewBox;
const SEEDS = [1, 2, 3, 4];

describe('the wells surface and its basins', () => {
  it('three minima, lowest first; the curvature limits 2/λmax (finite-difference Hessian) lie between the small and the large α', () => {
    expect(SURFACE.minima).toHaveLength(3);
    expect(SURFACE.minima[0]!.value).toBeLessThan(SURFACE.minima[1]!.value);
    expect(SURFACE.minima[1]!.value).toBeLessThan(SURFACE.minima[2]!.value);
    SURFACE.minima.forEach((m, i) => {
      const g = (x: number, y: number) => { const o = new Float64Array(2); SURFACE.gradient(x, y, o); return o; };
      const h = 1e-5;
      const a = (g(m.x + h, m.y)[0]! - g(m.x - h, m.y)[0]!) / (2 * h);
      const b = (g(m.x, m.y + h)[0]! - g(m.x, m.y - h)[0]!) / (2 * h);
      const c = (g(m.x, m.y + h)[1]! - g(m.x, m.y - h)[1]!) / (2 * h);
      const lmax = (a + c) / 2 + Math.hypot((a - c) / 2, b);
      expect(LIMITS[i]!).toBeCloseTo(2 / lmax, 5);
      expect(LIMITS[i]!).toBeGreaterThan(5 * SMALL_LR);
      expect(LIMITS[i]!).toBeLessThan(BIG_LR / 3);
      expect(basinOf(SURFACE, [m.x + 0.05, m.y - 0.05])).toBe(i);
    });
  });

  it('a start’s basin does not depend on the polishing step (0.1 vs 0.01) and is not always the nearest minimum', () => {
    const starts = startsFor(1);
    const fine = startBasins(SURFACE, starts, { ...POLISH, step: 0.01, maxIter: 400000 });
    expect(sameBasinFraction(fine, startBasins(SURFACE, starts))).toBe(1);
    const nearest = (s: [number, number]) => SURFACE.minima.map((m) => Math.hypot(m.x - s[0], m.y - s[1])).reduce((k, d, i, a) => (d < a[k]! ? i : k), 0);
    const differ = starts.filter((s, i) => nearest(s) !== fine[i]).length;
    expect(differ).toBeGreaterThan(0);
  });
});

describe('seeded starts and reproducible histograms', () => {
  it('starts are uniform draws x then y from the seeded generator, inside the view box', () => {
    const rng = new Gaussian(7);
    const s = seededStarts(BOX, 5, 7);
    for (const p of s) {
      expect(p[0]).toBe(BOX.xMin + (BOX.xMax - BOX.xMin) * rng.uniform());
      expect(p[1]).toBe(BOX.yMin + (BOX.yMax - BOX.yMin) * rng.uniform());
    }
    const many = startsFor(3);
    expect(many).toHaveLength(STARTS);
    expect(many.every(([x, y]) => x >= BOX.xMin && x < BOX.xMax && y >= BOX.yMin && y < BOX.yMax)).toBe(true);
    expect(startsFor(4)[0]).not.toEqual(many[0]);
  });

  it('the same seed gives the same counts; they add up to the number of runs and match a hand count', () => {
    const a = largeHistogram(2), b = largeHistogram(2);
    expect(Array.from(a.basins)).toEqual(Array.from(b.basins));
    expect(a.counts).toEqual(b.counts);
    expect(a.counts.counts.reduce((x, y) => x + y, 0) + a.counts.none).toBe(STARTS);
    expect([0, 1, 2].map((k) => Array.from(a.basins).filter((v) => v === k).length)).toEqual(a.counts.counts);
    expect(histogram([0, 2, 2, -1, 1, 2], 3)).toEqual({ counts: [1, 1, 3], none: 1 });
    expect(largeHistogram(3).counts).not.toEqual(a.counts);
  });
});

describe('a small constant α settles in the basin it starts in', () => {
  it.each(SEEDS)('seed %d: all 500 small-α runs end in their start basin', (seed) => {
    expect(smallHistogram(seed).same).toBe(1);
  });

  it('and never leaves it on the way (the first 30 starts, every step)', () => {
    for (const s of startsFor(1).slice(0, 30)) {
      const tr = basinTrace(SURFACE, simulate(wellsSpec(SMALL_LR, 'constant', false, s)));
      expect(new Set(tr).size).toBe(1);
    }
  });
});

describe('a large α with cosine annealing explores first, settles later, and favours the deepest well', () => {
  it.each(SEEDS)('seed %d: A’s share rises from 36–45% of starts to 53–72% of ends, and the mean final loss falls', (seed) => {
    const s = smallHistogram(seed), l = largeHistogram(seed);
    const start = s.startCounts.counts[0]! / STARTS, large = l.counts.counts[0]! / STARTS;
    expect(start).toBeGreaterThan(0.36);
    expect(start).toBeLessThan(0.45);
    expect(large).toBeGreaterThan(0.53);
    expect(large).toBeLessThan(0.72);
    expect(large - start).toBeGreaterThan(0.12);
    expect(l.counts.none).toBe(0);
    expect(l.meanLoss).toBeLessThan(s.meanLoss - 0.1);
  });

  it('individual runs are chaotic (a 10⁻¹² or one-ulp nudge of the starts moves many of them) but the counts are not', () => {
    for (const seed of [1, 2]) {
      const base = largeHistogram(seed);
      const nudged = largeHistogram(seed, BIG_LR, 'cosine', false, NUDGE);
      const moved = base.basins.reduce((n, b, i) => n + (b === nudged.basins[i] ? 0 : 1), 0);
      expect(moved).toBeGreaterThan(100);
      expect(nudged.counts.counts[0]! / STARTS).toBeGreaterThan(0.53);
      expect(nudged.counts.counts[0]! / STARTS).toBeLessThan(0.72);
      const ulp = endBasins(SURFACE, wellsSpec(BIG_LR, 'cosine'), startsFor(seed).map(([x, y]): [number, number] => [x * (1 + 2 ** -52), y]));
      expect(ulp.reduce((n, b, i) => n + (b === base.basins[i] ? 0 : 1), 0)).toBeGreaterThan(50);
      // The small-α runs are not chaotic: the same nudge moves none of them.
      const small = endBasins(SURFACE, wellsSpec(SMALL_LR, 'constant'), startsFor(seed).map(([x, y]): [number, number] => [x + NUDGE, y - NUDGE]));
      expect(Array.from(small)).toEqual(Array.from(smallHistogram(seed).small));
    }
  });

  it('runs change basin many times while α is large; the last change comes at α ≥ 1.5, far above every 2/λmax', () => {
    let changes = 0, lowest = Infinity;
    const starts = startsFor(5).slice(0, 100);
    for (const s of starts) {
      const r = simulate(wellsSpec(BIG_LR, 'cosine', false, s));
      const tr = basinTrace(SURFACE, r);
      for (let k = 1; k < tr.length; k++) if (tr[k] !== tr[k - 1]) { changes++; lowest = Math.min(lowest, r.lr[k - 1]!); }
    }
    expect(changes / starts.length).toBeGreaterThan(5);
    expect(lowest).toBeGreaterThan(1.5);
    expect(lowest).toBeGreaterThan(2 * Math.max(...LIMITS));
  });

  it('α₀ = 1.5 barely changes the histogram; a constant α₀ = 2.5 never settles; noise leaves the cosine result within 6 points', () => {
    expect(1.5).toBeGreaterThan(Math.max(...LIMITS));
    for (const seed of [1, 2, 3]) {
      const s = smallHistogram(seed);
      const low = largeHistogram(seed, 1.5, 'cosine');
      low.counts.counts.forEach((c, i) => expect(Math.abs(c - s.startCounts.counts[i]!)).toBeLessThanOrEqual(5));
      const flat = largeHistogram(seed, BIG_LR, 'constant');
      expect(flat.meanLoss).toBeGreaterThan(-0.3);
      expect(flat.meanLoss).toBeGreaterThan(SURFACE.minima[2]!.value + 0.5);
      const noisy = largeHistogram(seed, BIG_LR, 'cosine', true), plain = largeHistogram(seed);
      expect(Math.abs(noisy.counts.counts[0]! - plain.counts.counts[0]!) / STARTS).toBeLessThan(0.06);
    }
  });

  it('warm restarts throw settled runs out again: basin changes after the first restart, and A still gains', () => {
    let late = 0;
    for (const s of startsFor(1).slice(0, 40)) {
      const r = simulate(wellsSpec(BIG_LR, 'restarts', false, s));
      const tr = basinTrace(SURFACE, r);
      if (tr.slice(126).some((b, k) => b !== tr[125 + k])) late++;
    }
    expect(late).toBeGreaterThan(20);
    for (const seed of [1, 2]) {
      const start = smallHistogram(seed).startCounts.counts[0]! / STARTS;
      expect(largeHistogram(seed, BIG_LR, 'restarts').counts.counts[0]! / STARTS).toBeGreaterThan(start + 0.08);
    }
  });
});

describe('the lesson', () => {
  it('its experiments exist and the question’s is one of them; the demo start shows the two outcomes', () => {
    expect(lesson.experiments.map((e) => e.id)).toContain(lesson.question.experiment);
    for (const e of lesson.experiments) expect(e.doc().surface.kind).toBe('wells');
    const doc = pairDoc();
    expect(doc.start).toEqual(demoStart());
    const small = endPoint(simulate(specOf(doc, 0))), big = endPoint(simulate(specOf(doc, 1)));
    expect(basinOf(SURFACE, small)).toBe(basinOf(SURFACE, demoStart()));
    expect(basinOf(SURFACE, small)).not.toBe(0);
    expect(basinOf(SURFACE, big)).toBe(0);
  });

  it('grades the engine’s answer right and the others wrong', () => {
    const { start, large } = deepestShares();
    expect(shareBand(start, large)).toBe('more');
    if (lesson.question.kind !== 'choice') throw new Error('expected a choice question');
    expect(lesson.question.grade('more').correct).toBe(true);
    expect(lesson.question.grade('same').correct).toBe(false);
    expect(lesson.question.grade('fewer').correct).toBe(false);
    expect(lesson.question.grade('more').truth).toContain(`${Number((100 * large).toPrecision(3))}%`);
  });

  it('endBasins agrees with running each start separately and polishing its end point', () => {
    const starts = startsFor(9).slice(0, 25);
    const spec = wellsSpec(BIG_LR, 'cosine');
    const batch = endBasins(SURFACE, spec, starts);
    starts.forEach((s, i) => expect(batch[i]).toBe(basinOf(SURFACE, endPoint(simulate({ ...spec, start: s, seed: spec.seed + i })))));
  });
});
