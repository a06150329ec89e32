/**
 * The α slider across the stability boundary, in real Chromium: the regime flips exactly at
 * 2/λmax (keyboard, one step either side; mouse, either side), the boundary tick sits where the
 * thumb sits for that α, and changing λmax moves the tick and the condition text.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness.ts';
import { gdRun, labPath, QUAD_10 } from './lab-url.ts';

const THUMB = 20; // src/ui/lr-scale.ts LR_THUMB_PX
const SCALE = { min: -4, max: 1 };

async function state(page: Page) {
  const slider = page.getByTestId('lr-slider-r1');
  return {
    text: (await slider.getAttribute('aria-valuetext')) ?? '',
    lr: Number(await page.getByTestId('lr-input-r1').inputValue()),
    regime: (await page.getByTestId('regime-r1').textContent()) ?? '',
  };
}

/** Page x of the thumb centre for α on the slider (browsers keep the thumb inside the box). */
async function xFor(page: Page, alpha: number): Promise<{ x: number; y: number }> {
  const box = (await page.getByTestId('lr-slider-r1').boundingBox())!;
  const p = (Math.log10(alpha) - SCALE.min) / (SCALE.max - SCALE.min);
  return { x: box.x + THUMB / 2 + p * (box.width - THUMB), y: box.y + box.height / 2 };
}

describe('the learning-rate slider and the stability boundary', () => {
  const e2e = useBrowser();
  const path = labPath({ surface: QUAD_10, start: [2, 1.5], steps: 200, runs: [gdRun(0.19)] });

  it('keyboard: the regime flips from converging to diverging exactly at α = 2/λmax = 0.2', async () => {
    const run = await e2e.open(path);
    const { page } = run;
    const slider = page.getByTestId('lr-slider-r1');
    await slider.focus();
    let prev = await state(page);
    expect(prev.text).toMatch(/stable/);
    expect(prev.text).not.toMatch(/unstable/);
    let crossed = false;
    for (let i = 0; i < 40 && !crossed; i++) {
      await page.keyboard.press('ArrowRight');
      const now = await state(page);
      if (/unstable/.test(now.text)) {
        crossed = true;
        expect(prev.lr).toBeLessThan(0.2);
        expect(now.lr).toBeGreaterThan(0.2);
        expect(now.lr / prev.lr).toBeLessThan(1.01); // one keyboard step apart
        expect(prev.regime).toMatch(/oscillat/i);
        expect(prev.regime).not.toMatch(/diverg/i);
        expect(now.regime).toMatch(/diverg/i);
        expect(now.text).toMatch(/^α = 0\.200\d*, 1\.00\d? × 2\/λmax, unstable$/);
      }
      prev = now;
    }
    expect(crossed, 'crossed the boundary within 40 key presses').toBe(true);
    await page.keyboard.press('ArrowLeft');
    expect((await state(page)).regime).not.toMatch(/diverg/i);
    expect(run.problems()).toEqual([]);
  });

  it('mouse: dragging the thumb across the tick flips the regime, and the tick sits at the boundary pixel', async () => {
    const run = await e2e.open(path);
    const { page } = run;
    // The mouse reaches only what is on screen: bring the slider into view first.
    await page.getByTestId('lr-slider-r1').scrollIntoViewIfNeeded();
    const tick = page.getByTestId('boundary-tick').first();
    expect(Number(await tick.getAttribute('data-alpha'))).toBeCloseTo(0.2, 12);
    const t = (await tick.boundingBox())!;
    const at = await xFor(page, 0.2);
    expect(Math.abs(t.x + t.width / 2 - at.x), 'tick centre vs thumb centre at α = 0.2 (px)').toBeLessThanOrEqual(1);

    const from = await xFor(page, 0.19);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    const below = await xFor(page, 0.18);
    await page.mouse.move(below.x, below.y, { steps: 4 });
    const s1 = await state(page);
    expect(s1.lr).toBeLessThan(0.2);
    expect(s1.text).not.toMatch(/unstable/);
    expect(s1.regime).not.toMatch(/diverg/i);
    const above = await xFor(page, 0.22);
    await page.mouse.move(above.x, above.y, { steps: 4 });
    const s2 = await state(page);
    expect(s2.lr).toBeGreaterThan(0.2);
    expect(s2.text).toMatch(/unstable/);
    expect(s2.regime).toMatch(/diverg/i);
    await page.mouse.up();
    expect(run.problems()).toEqual([]);
  });

  it('changing λmax moves the tick and the condition text', async () => {
    const run = await e2e.open(path);
    const { page } = run;
    const tick = page.getByTestId('boundary-tick').first();
    const x10 = (await tick.boundingBox())!.x;
    const condition = page.getByRole('region', { name: /stability condition/i });
    await expect.poll(() => condition.textContent()).toMatch(/\\dfrac\{2\}\{10\} = 0\.200/);
    await page.getByTestId('lambda2').fill('20');
    await page.getByTestId('lambda2').press('Enter');
    await expect.poll(() => tick.getAttribute('data-alpha')).toBe('0.1');
    const x20 = (await tick.boundingBox())!.x;
    const expectedShift = (await xFor(page, 0.2)).x - (await xFor(page, 0.1)).x;
    expect(x10 - x20).toBeCloseTo(expectedShift, 0);
    await expect.poll(() => condition.textContent()).toMatch(/\\dfrac\{2\}\{20\} = 0\.100/);
    expect((await state(page)).text).toMatch(/unstable/); // α = 0.19 > 2/20
    expect(run.problems()).toEqual([]);
  });
});
