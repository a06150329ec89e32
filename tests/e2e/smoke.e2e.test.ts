import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness.ts';

describe('production build in headless Chromium', () => {
  const e2e = useBrowser();

  it('loads with a visible heading, no console or page errors, and no axe violations', async () => {
    const run = await e2e.open('/');
    const { page } = run;

    const heading = page.getByRole('heading', { level: 1, name: 'Overshoot' });
    await heading.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await heading.isVisible()).toBe(true);
    expect(await page.locator('main').count()).toBe(1);
    expect(await page.title()).toMatch(/Overshoot/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    expect(icon, 'index.html links a favicon').toBeTruthy();
    const iconResponse = await page.request.get(new URL(icon ?? '', page.url()).href);
    // vite preview answers unknown paths with index.html (200), so check the type too.
    expect.soft(iconResponse.status(), `favicon ${icon} status`).toBe(200);
    expect.soft(iconResponse.headers()['content-type'], `favicon ${icon} type`).toMatch(/^image\//);

    await e2e.screenshot(page, 'smoke');

    const axe = await new AxeBuilder({ page }).analyze();
    const violations = axe.violations.map(
      (v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    expect.soft(violations).toEqual([]);

    expect.soft(run.pageErrors).toEqual([]);
    expect.soft(run.consoleErrors).toEqual([]);
    expect(run.problems()).toEqual([]);
  });
});
