/**
 * `npm run bench:map`: builds the app, serves it on 127.0.0.1, opens the lab in headless Chromium,
 * then opens the stability map (#/map) and waits for the worker to fill the 200×200 empirical map,
 * every cell run for 1000 steps. Reports the worker's own time from job start to last row, and the
 * main thread's long tasks (PerformanceObserver 'longtask', > 50 ms) from opening the map until the
 * last row is shown. Then, for information, the same for the (α, κ) map and Adam's map.
 * Ends with one line: `map ms: A; long tasks: B` (for the map as it opens).
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { findChromium } from '../tests/e2e/chromium-path';
import { CHROMIUM_ARGS } from '../tests/e2e/harness';
import { startPreviewServer } from '../tests/e2e/preview-server';
import { fillInPage, type Fill } from './bench-map/in-page';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function report(name: string, f: Fill): void {
  const tasks = f.taskMs.length ? ` (${f.taskMs.map((t) => `${t} ms`).join(', ')})` : '';
  console.log(`${name.padEnd(34)} worker ${String(Math.round(f.ms)).padStart(5)} ms   shown after ${String(Math.round(f.wall)).padStart(5)} ms   rows ${f.rows}   long tasks ${f.longTasks}${tasks}`);
  if (f.agreement) console.log(`${''.padEnd(34)} ${f.agreement}`);
}

async function measure(page: Page, action: 'open' | 'kappa' | 'adam'): Promise<Fill> {
  return page.evaluate(`(${fillInPage.toString()})(${JSON.stringify(action)})`) as Promise<Fill>;
}

async function main() {
  console.log('building…');
  execFileSync(process.execPath, [fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url)), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  const server = await startPreviewServer(ROOT);
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const load = loadavg()[0]!;
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // tsx compiles with keepNames: the function's inner helpers call esbuild's __name.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(new URL('/', server.url).href, { waitUntil: 'networkidle' });
    await page.waitForSelector('[data-testid="map-open"]');
    await page.waitForTimeout(500); // let the lab settle: the count starts when the map opens
    const opened = await measure(page, 'open');
    const kappa = await measure(page, 'kappa');
    const adam = await measure(page, 'adam');
    console.log(`load average ${load.toFixed(2)} at start, ${loadavg()[0]!.toFixed(2)} at end; Chromium ${browser.version()}`);
    report('(α, β) map as it opens (#/map)', opened);
    report('(α, κ) map', kappa);
    report('Adam’s (α, β1) map', adam);
    if (errors.length) console.log(`page errors: ${errors.join(' | ')}`);
    if (opened.rows !== 200 || kappa.rows !== 200 || adam.rows !== 200) throw new Error('a map did not fill all 200 rows');
    console.log(`map ms: ${Math.round(opened.ms)}; long tasks: ${opened.longTasks}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
