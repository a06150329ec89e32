/**
 * The live lab in real Chromium: clean console and axe on the default and a diverging state,
 * divergence that is labelled and never freezes the page, links that reproduce the screen,
 * keyboard shortcuts, and screenshots at desktop and phone sizes.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness.ts';
import { axeViolations, visibleText } from './page-checks.ts';
import { gdRun, labPath, QUAD_10 } from './lab-url.ts';

describe('the live lab', () => {
  const e2e = useBrowser();

  for (const [name, viewport] of [['1280x800', { width: 1280, height: 800 }], ['390x844', { width: 390, height: 844 }]] as const) {
    it(`default screen at ${name}: no console errors, 0 axe violations, nothing overflows`, async () => {
      const run = await e2e.open('/', viewport);
      const { page } = run;
      await page.getByTestId('lr-slider-r1').waitFor();
      await page.waitForFunction(() => document.querySelector('.katex') !== null, undefined, { timeout: 10_000 });
      await e2e.screenshot(page, `lab-${name}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'horizontal overflow (px)').toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);
      expect(run.problems()).toEqual([]);
    });
  }

  it('a diverging run stops cleanly, is labelled with its non-finite step, and never prints NaN', async () => {
    const run = await e2e.open(labPath({ surface: QUAD_10, start: [2, 1.5], steps: 2000, runs: [gdRun(1)] }));
    const { page } = run;
    await expect.poll(() => page.getByTestId('regime-r1').textContent()).toMatch(/diverg/i);
    // λ = 10, α = 1: the steep error grows ×9 per step, so ½·10·(1.5·9^k)² overflows at k = 161.
    const text = await visibleText(page);
    expect(text).toMatch(/∞ at step 161|step 161/);
    // Only sentences that explain a non-finite value may name one; no number may print as NaN.
    const explained = text.replace(/NaN at step \d+|became NaN|overflowed to [+−-]Infinity/g, '');
    expect(explained).not.toMatch(/NaN|Infinity|undefined/);
    const attrs = await page.evaluate(() => [...document.querySelectorAll('svg *')]
      .flatMap((e) => [...e.attributes].map((a) => a.value)).filter((v) => /NaN|Infinity/.test(v)));
    expect(attrs).toEqual([]);
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(800);
    const t0 = Date.now();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    expect(Date.now() - t0, 'the page still answers within a frame or two').toBeLessThan(1000);
    await e2e.screenshot(page, 'lab-diverging');
    expect(await axeViolations(page)).toEqual([]);
    expect(run.problems()).toEqual([]);
  });

  it('a link copied from one page reproduces the same runs and numbers in a fresh page', async () => {
    const first = await e2e.open('/');
    const p1 = first.page;
    await p1.getByTestId('lr-input-r1').fill('0.123');
    await p1.getByTestId('lr-input-r1').press('Enter');
    await p1.getByRole('button', { name: /add run/i }).click();
    await p1.waitForTimeout(400); // the URL is written 150 ms after the last change
    const url = p1.url();
    expect(url).toContain('lab=');
    const snapshot = (page: Page) => page.evaluate(() => ({
      sliders: [...document.querySelectorAll('[data-testid^="lr-slider-"]')].map((e) => e.getAttribute('aria-valuetext')),
      regimes: [...document.querySelectorAll('[data-testid^="regime-"]')].map((e) => e.textContent),
      legend: document.querySelector('[aria-label="Runs"]')?.textContent ?? '',
    }));
    const before = await snapshot(p1);
    expect(before.sliders.length).toBe(4);
    expect(before.sliders[0]).toMatch(/^α = 0\.123,/);
    const second = await e2e.open(new URL(url).pathname + new URL(url).search);
    await second.page.getByTestId('lr-slider-r1').waitFor();
    expect(await snapshot(second.page)).toEqual(before);
    expect(first.problems()).toEqual([]);
    expect(second.problems()).toEqual([]);
  });

  it('a malformed link loads what is valid and says what it ignored', async () => {
    const bad = encodeURIComponent(JSON.stringify({ runs: [{ optimizer: { kind: 'sgd', lr: 'fast' } }, { optimizer: { kind: 'adam', lr: 0.05 } }] }));
    const run = await e2e.open(`/?lab=${bad}`);
    await expect.poll(() => run.page.getByRole('status').filter({ hasText: 'ignored' }).count()).toBeGreaterThan(0);
    expect(await run.page.locator('[data-testid^="lr-slider-"]').count()).toBe(1);
    expect(await visibleText(run.page)).toMatch(/run 1 ignored \(optimizer\.lr/);
    expect(run.problems()).toEqual([]);
  });

  it('keyboard shortcuts: ? opens the help, Space plays, ] raises α', async () => {
    const run = await e2e.open('/');
    const { page } = run;
    await page.getByTestId('lr-slider-r1').waitFor();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor({ state: 'visible' });
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('body').click({ position: { x: 5, y: 5 } }); // focus back on the page, not a control
    await page.keyboard.press(' ');
    await expect.poll(() => page.getByRole('button', { name: 'Pause' }).count()).toBe(1);
    await page.keyboard.press(' ');
    const lr0 = Number(await page.getByTestId('lr-input-r1').inputValue());
    await page.keyboard.press(']');
    await expect.poll(async () => Number(await page.getByTestId('lr-input-r1').inputValue())).toBeGreaterThan(lr0);
    expect(run.problems()).toEqual([]);
  });
});
