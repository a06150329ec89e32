/**
 * Lessons in real Chromium: each loads from its URL with a clean console and 0 axe violations,
 * and the predict-then-run question grades a wrong and a right answer against the engine.
 */
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/lessons/catalog';
import { useBrowser } from './harness.ts';

describe('lessons', () => {
  const e2e = useBrowser();

  for (const { slug, title } of CATALOG) {
    it(`${slug} loads from #/lesson/${slug}: heading, lesson list, clean console, 0 axe violations`, async () => {
      const run = await e2e.open(`/#/lesson/${slug}`);
      const { page } = run;
      await page.getByRole('heading', { level: 2, name: title }).waitFor();
      expect(await page.getByRole('navigation', { name: 'Lessons' }).count()).toBe(1);
      await page.waitForFunction(() => document.querySelector('.lesson .katex') !== null, undefined, { timeout: 10_000 });
      await e2e.screenshot(page, `lesson-${slug}`);
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      expect(run.problems()).toEqual([]);
    });
  }

  it('predict, then run: a wrong answer is graded wrong, a right one right, and the experiment runs in the lab', async () => {
    const run = await e2e.open('/#/lesson/oscillation-vs-divergence');
    const { page } = run;
    const predict = page.getByRole('region', { name: 'Predict, then run' });
    await predict.getByLabel('converge smoothly').check();
    await predict.getByRole('button', { name: 'Lock in and run' }).click();
    const result = page.getByTestId('predict-result');
    await expect.poll(() => result.textContent()).toMatch(/Not quite.*blow up/);
    expect(await page.getByTestId('lr-input-r1').inputValue()).toBe('0.21');
    await expect.poll(() => page.getByTestId('regime-r1').textContent()).toMatch(/diverg/i);
    await predict.getByRole('button', { name: 'Try again' }).click();
    await predict.getByLabel('blow up to ∞').check();
    await predict.getByRole('button', { name: 'Lock in and run' }).click();
    await expect.poll(() => result.textContent()).toMatch(/Right\..*blow up/);
    await page.getByRole('link', { name: /Oscillation vs divergence/ }).first().waitFor();
    const mark = await page.getByRole('navigation', { name: 'Lessons' }).textContent();
    expect(mark).toMatch(/answered correctly/);
    expect(run.problems()).toEqual([]);
  });

  it('the training doctor: a shared case link opens that case, a diagnosis is graded and the run opens in the lab', async () => {
    const run = await e2e.open('/#/lesson/the-debugging-workflow/case/42');
    const { page } = run;
    await expect.poll(() => page.getByTestId('doctor-seed').textContent()).toBe('42');
    // Pick a cause, any: the reveal names the hidden one and grades the pick.
    await page.getByTestId('training-doctor').locator('input[type="radio"]').first().check();
    await page.getByTestId('doctor-diagnose').click();
    await expect.poll(() => page.getByTestId('doctor-reveal').textContent()).toMatch(/The hidden cause: .+\. The curve/);
    await page.getByTestId('doctor-open').click();
    await expect.poll(() => page.url()).toContain('lab=');
    await page.getByTestId('doctor-new').click();
    await expect.poll(() => page.getByTestId('doctor-seed').textContent()).not.toBe('42');
    expect(page.url()).toMatch(/#\/lesson\/the-debugging-workflow\/case\/\d+$/);
    expect(run.problems()).toEqual([]);
  });

  it('local minima: the basin histograms arrive from their Web Worker with the engine\'s numbers', async () => {
    const run = await e2e.open('/#/lesson/local-minima-and-schedules');
    const { page } = run;
    const fig = page.locator('.basins-fig').filter({ has: page.locator('svg.basins-hist') });
    await expect.poll(() => fig.textContent(), { timeout: 20_000 }).toMatch(/runs computed in [\d.]+ ms in a background worker/);
    expect(await fig.textContent()).toMatch(/end in the basin they start in for 100% of them/);
    expect(await fig.locator('svg').getAttribute('aria-busy')).toBeNull();
    expect(run.problems()).toEqual([]);
  });

  it('a lesson URL that does not exist says so instead of breaking', async () => {
    const run = await e2e.open('/#/lesson/no-such-lesson');
    await run.page.getByRole('heading', { name: 'No such lesson' }).waitFor();
    expect(run.problems()).toEqual([]);
  });
});
