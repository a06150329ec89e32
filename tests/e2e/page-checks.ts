/** Checks the end-to-end tests run on any page: axe, and everything the page says (to look for a stray NaN). */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** axe's violations, one line each: rule, help and the offending nodes. */
export async function axeViolations(page: Page): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).analyze();
  return axe.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Everything the page says: its text, aria-labels and aria-valuetexts, and SVG text. */
export async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attrs = [...document.querySelectorAll('[aria-label],[aria-valuetext]')].map((e) => `${e.getAttribute('aria-label') ?? ''} ${e.getAttribute('aria-valuetext') ?? ''}`);
    const svgText = [...document.querySelectorAll('svg text')].map((e) => e.textContent ?? '');
    return [document.body.innerText, ...attrs, ...svgText].join('\n');
  });
}
