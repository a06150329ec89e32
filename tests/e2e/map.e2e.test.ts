/**
 * The stability map in real Chromium: #/map opens it, the worker fills the empirical map to the
 * last row, the run's point moves the lab's α and β by mouse and keyboard, and restarting the fill
 * 30 times in quick succession never leaves more than one live worker (Worker is wrapped by an
 * init script that counts constructions and terminations). Clean console and 0 axe violations.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseURL, recordPage, useBrowser, type RecordedPage } from './harness.ts';
import { axeViolations } from './page-checks.ts';

const COUNT_WORKERS = `(() => {
  const Base = window.Worker;
  const tally = { made: 0, ended: 0 };
  window.__workers = tally;
  window.Worker = class extends Base {
    constructor(...args) { super(...args); tally.made++; }
    terminate() { if (!this.__ended) { this.__ended = true; tally.ended++; } super.terminate(); }
  };
})();`;

const workers = (page: Page) => page.evaluate(() => (window as unknown as { __workers: { made: number; ended: number } }).__workers);

async function waitFilled(page: Page): Promise<string> {
  const progress = page.getByTestId('map-progress');
  await expect.poll(() => progress.getAttribute('data-done'), { timeout: 30_000 }).toBe('true');
  return (await progress.textContent()) ?? '';
}

const lr = async (page: Page) => Number(await page.getByTestId('lr-input-r1').inputValue());
const pointText = async (page: Page) => (await page.getByTestId('map-point-text').textContent()) ?? '';
const beta = async (page: Page) => Number(/β = ([\d.]+)/.exec(await pointText(page))?.[1]);

describe('the stability map', () => {
  const e2e = useBrowser();

  /** Opens #/map in a fresh context whose pages count their workers. */
  async function openMap(): Promise<RecordedPage> {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript({ content: COUNT_WORKERS });
    const run = await recordPage(context);
    await run.page.goto(new URL('/#/map', baseURL()).href, { waitUntil: 'networkidle' });
    await run.page.getByTestId('map-panel').waitFor({ state: 'visible', timeout: 15_000 });
    return run;
  }

  it('#/map fills the empirical map in a worker, agrees with the closed form, clean and accessible', async () => {
    const run = await openMap();
    try {
      const { page } = run;
      const text = await waitFilled(page);
      expect(text).toMatch(/filled 200 of 200 rows \(200 × 200 cells × 1000 steps\) in \d+ ms/);
      expect(await page.getByTestId('map-empirical').getAttribute('data-rows')).toBe('200');
      expect(await page.getByTestId('map-agreement').textContent()).toMatch(/agree on which cells converge, on all 40,000 cells/);
      expect(await workers(page)).toEqual({ made: 1, ended: 0 });
      await e2e.screenshot(page, 'map');
      expect(await axeViolations(page)).toEqual([]);
      expect(run.problems()).toEqual([]);
    } finally {
      await run.context.close();
    }
  });

  it('dragging the point and its arrow keys set the run’s α and β in the lab', async () => {
    const run = await openMap();
    try {
      const { page } = run;
      await waitFilled(page);
      const point = page.getByTestId('map-analytic-point');
      await point.scrollIntoViewIfNeeded();
      expect(await lr(page)).toBe(0.15);
      expect(await beta(page)).toBe(0);

      const box = (await point.boundingBox())!;
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + 20, y - 40, { steps: 5 });
      await page.mouse.up();
      const plot = (await page.getByTestId('map-analytic').locator('canvas').boundingBox())!;
      // 3 decades over the plot's width (cell centres at its ends): +20 px is ×10^(3·20·200/199/width).
      const expected = 0.15 * 10 ** ((3 * 20 * 200) / 199 / plot.width);
      await expect.poll(() => lr(page)).toBeGreaterThan(0.15);
      expect(Math.abs(Math.log10((await lr(page)) / expected))).toBeLessThan(0.03);
      // +40 px up is β ≈ 0.999·40/height.
      expect(Math.abs((await beta(page)) - (0.999 * 40 * 200) / 199 / plot.height)).toBeLessThan(0.02);
      expect(await page.getByTestId('map-run').locator('option:checked').textContent()).toMatch(/Momentum β=/);

      await point.focus();
      const before = await lr(page);
      const b0 = await beta(page);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => lr(page)).toBeGreaterThan(before);
      expect((await lr(page)) / before).toBeCloseTo(10 ** 0.025, 2);
      await page.keyboard.press('ArrowUp');
      await expect.poll(() => beta(page)).toBeCloseTo(b0 + 0.01, 6);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => lr(page)).toBeCloseTo(before, 3);
      expect(await beta(page)).toBeCloseTo(b0, 6);
      // The α and β moves did not restart the (α, β) map.
      expect(await page.getByTestId('map-progress').getAttribute('data-done')).toBe('true');
      expect(run.problems()).toEqual([]);
    } finally {
      await run.context.close();
    }
  });

  it('30 quick restarts keep at most one live worker, and closing the panel ends it', async () => {
    const run = await openMap();
    try {
      const { page } = run;
      const lambda2 = page.getByTestId('lambda2');
      const kinds = [page.getByTestId('map-kind-alphaKappa'), page.getByTestId('map-kind-alphaBeta')];
      let most = 0;
      for (let i = 0; i < 30; i++) {
        if (i % 3 === 2) await kinds[i % 2]!.check();
        else {
          await lambda2.fill(String(11 + i));
          await lambda2.press('Enter');
        }
        const w = await workers(page);
        most = Math.max(most, w.made - w.ended);
      }
      await waitFilled(page);
      const w = await workers(page);
      expect(most).toBeLessThanOrEqual(1);
      expect(w.made - w.ended).toBe(1);
      expect(w.made).toBe(1); // one worker, reused by every restart
      await page.getByRole('button', { name: 'Close map' }).click();
      await expect.poll(() => workers(page)).toEqual({ made: 1, ended: 1 });
      await page.getByTestId('map-open').click();
      await waitFilled(page);
      expect((await workers(page)).made - (await workers(page)).ended).toBe(1);
      expect(run.problems()).toEqual([]);
    } finally {
      await run.context.close();
    }
  });
});
