/**
 * Training-loop extras in the live lab: a NaN batch caught by the non-finite filter is marked on the
 * loss chart and read out in words (never a raw NaN), and the run card's training-loop controls
 * change the run from the keyboard. Clean console and 0 axe violations throughout.
 */
import { describe, expect, it } from 'vitest';
import type { RunDoc } from '../../src/state/doc';
import { useBrowser } from './harness.ts';
import { axeViolations, visibleText } from './page-checks.ts';
import { gdRun, labPath, QUAD_10 } from './lab-url.ts';

/** GD on ½(x² + 10y²) from (2, 1.5): g₀ = (2, 15). */
const lab = (run: RunDoc) => labPath({ surface: QUAD_10, start: [2, 1.5], steps: 100, runs: [run] });

describe('training-loop extras in the lab', () => {
  const e2e = useBrowser();

  it('a NaN batch the filter skipped is marked on the loss chart and read out in words', async () => {
    const run = await e2e.open(lab({
      ...gdRun(0.05),
      badBatch: { step: 40, kind: 'nan', scale: 100 },
      guard: { skipFactor: 10, beta: 0.9, skipNonFinite: true },
    }));
    const { page } = run;
    const chart = page.locator('.chart-loss svg.chart-svg');
    await chart.waitFor();
    await expect.poll(() => chart.locator('text.annot').allTextContents()).toContain('1: bad batch at 40 (NaN)');
    expect(await chart.getAttribute('aria-label')).toContain('bad batch at step 40, 1 step skipped');
    expect(await page.locator('.chart-loss .events-key').textContent()).toMatch(/bad batch.*skipped step/);
    // The keyboard reading of step 40: Home, then four pages of 10 steps.
    await chart.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 4; i++) await page.keyboard.press('PageUp');
    const readout = page.locator('.chart-loss .readout');
    await expect.poll(() => readout.locator('caption').textContent()).toBe('Step 40');
    const row = await readout.locator('tbody tr').first().innerText();
    expect(row).toContain('NaN (skipped)');
    expect(row).toContain('bad batch, skipped');
    await e2e.screenshot(page, 'extras-nan-skipped');
    // A NaN may be named only where words explain it.
    const text = await visibleText(page);
    const explained = text.replace(/NaN \((skipped|bad batch)\)|\(NaN\)|NaN gradient|NaN at step \d+/g, '');
    expect(explained).not.toMatch(/NaN|Infinity|undefined/);
    const attrs = await page.evaluate(() => [...document.querySelectorAll('svg *')]
      .flatMap((e) => [...e.attributes].map((a) => a.value)).filter((v) => /NaN|Infinity/.test(v)));
    expect(attrs).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(run.problems()).toEqual([]);
  });

  it('switching precision and loss scaling on in the run card changes the run', async () => {
    const run = await e2e.open(lab(gdRun(0.05)));
    const { page } = run;
    const card = page.locator('[data-run="r1"]');
    const summary = card.locator('details.run-more summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('constant α, no clipping, no noise');
    await summary.focus();
    await page.keyboard.press('Enter'); // opens the section
    const precision = page.getByRole('checkbox', { name: 'reduced precision (run 1)' });
    await precision.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => summary.textContent()).toContain('FP16 compute (FP32 params)');
    await page.getByRole('checkbox', { name: 'loss scaling (GradScaler) (run 1)' }).check();
    await expect.poll(() => summary.textContent()).toContain('FP16 compute (FP32 params) + loss scaling');
    // GradScaler from 2¹⁶: 15·S overflows FP16 (max 65504) until S = 2¹², so steps 0–3 are skipped.
    const legend = page.locator('.chart-loss .legend');
    await expect.poll(() => legend.textContent()).toContain('4 loss-scale overflows (skipped)');
    expect(await page.locator('.chart-loss .readout thead').textContent()).toContain('loss scale S');
    expect(await page.locator('.chart-loss .readout tbody tr').first().innerText()).toContain('2¹²');
    expect(await page.getByRole('list', { name: 'Runs' }).textContent()).toContain('FP16 compute (FP32 params) + loss scaling');
    await page.waitForTimeout(400); // the URL is written 150 ms after the last change
    expect(decodeURIComponent(page.url())).toContain('"precision":{"params":"fp32","compute":"fp16","lossScale":{"init":65536');
    await e2e.screenshot(page, 'extras-precision');
    expect(await axeViolations(page)).toEqual([]);
    expect(run.problems()).toEqual([]);
  });
});
