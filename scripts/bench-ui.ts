/**
 * `npm run bench:ui`: builds the app, serves it on 127.0.0.1, drives the learning-rate slider in
 * headless Chromium on every frame from inside the page with 3 runs of 500 steps on screen, and
 * prints p50/p95 of the work per update and of the frame time, the long tasks, and the bundle's
 * gzip size split into initial and lazily loaded JS. Two scenarios, each in a fresh page:
 *   default   the 1280×800 view as it opens (landscape and the run cards in view)
 *   scrolled  the page scrolled so the loss and eigendirection charts are in view
 *   surface   the default view, dragging the surface's λ2 slider instead (heatmap and contours
 *             are redrawn, drafted coarser while the drag goes on)
 * Ends with one summary line, for the default view.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { defaultDoc, type LabDoc } from '../src/state/doc';
import { encodeDoc } from '../src/state/url-encode';
import { findChromium } from '../tests/e2e/chromium-path';
import { CHROMIUM_ARGS } from '../tests/e2e/harness';
import { startPreviewServer } from '../tests/e2e/preview-server';
import { measureBundle } from './bench-ui/bundle';
import { scrollChartsIntoView, sweepSlider } from './bench-ui/in-page';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

interface Outcome {
  name: string;
  updates: number[];
  frames: number[];
  longTasks: number;
  crossings: number;
  scrollY: number;
  errors: string[];
}

/** Opens the lab in a fresh page, optionally scrolls the charts into view, and sweeps the slider. */
async function scenario(browser: Browser, base: string, doc: LabDoc, name: string, scrolled: boolean, slider?: string): Promise<Outcome> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    // tsx compiles with keepNames, so functions handed to page.evaluate call esbuild's __name.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(new URL(`/?lab=${encodeURIComponent(encodeDoc(doc))}`, base).href, { waitUntil: 'networkidle' });
    const selector = slider ?? `[data-testid="lr-slider-${doc.runs[0]!.id}"]`;
    await page.waitForSelector(selector, { state: 'attached' });
    await page.waitForSelector('.chart-eigen svg', { state: 'attached' });
    const scrollY = scrolled ? await page.evaluate(scrollChartsIntoView) : 0;
    await page.evaluate(sweepSlider, { selector, ms: 600 }); // warm-up: JIT, lazy KaTeX
    const r = await page.evaluate(sweepSlider, { selector, ms: SECONDS * 1000 });
    return { name, ...r, scrollY, errors };
  } finally {
    await page.close();
  }
}

function report(o: Outcome, steps: number, runs: number): void {
  const row = (name: string, xs: number[]) => console.log(`${name.padEnd(22)} p50 ${percentile(xs, 50).toFixed(2).padStart(6)} ms   p95 ${percentile(xs, 95).toFixed(2).padStart(6)} ms   max ${Math.max(...xs).toFixed(2).padStart(6)} ms   (n = ${xs.length})`);
  const where = o.scrollY ? `scrolled to y = ${Math.round(o.scrollY)} (loss and eigendirection charts in view)` : 'as it opens';
  console.log(`\n[${o.name}] ${runs} runs × ${steps} steps, 1280×800 ${where}; slider swept for ${SECONDS} s, crossing the boundary ${o.crossings} times`);
  row('work per update', o.updates);
  row('frame time', o.frames);
  console.log(`long tasks (> 50 ms)   ${o.longTasks}`);
  if (o.errors.length) console.log(`page errors: ${o.errors.join(' | ')}`);
}

const summary = (o: Outcome) => `p95 update ms: ${percentile(o.updates, 95).toFixed(2)}; p95 frame ms: ${percentile(o.frames, 95).toFixed(2)}; long tasks: ${o.longTasks}`;

async function main() {
  console.log('building…');
  execFileSync(process.execPath, [fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url)), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  const bundle = measureBundle(`${ROOT}/dist`);
  const server = await startPreviewServer(ROOT);
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const load = loadavg()[0]!;
  try {
    const doc: LabDoc = { ...defaultDoc(), steps: 500 };
    const main = await scenario(browser, server.url, doc, 'default', false);
    const scrolled = await scenario(browser, server.url, doc, 'scrolled', true);
    const surface = await scenario(browser, server.url, doc, 'surface', false, '[data-testid="lambda2-slider"]');
    console.log(`load average ${load.toFixed(2)} at start, ${loadavg()[0]!.toFixed(2)} at end`);
    report(main, doc.steps, doc.runs.length);
    report(scrolled, doc.steps, doc.runs.length);
    report(surface, doc.steps, doc.runs.length);
    console.log('\nbundle (minified / gzip kB):');
    for (const f of bundle.files) console.log(`  ${f.initial ? 'initial' : 'lazy   '}  ${f.file.padEnd(36)} ${f.kb.toFixed(1).padStart(7)} / ${f.gzKb.toFixed(1).padStart(6)}`);
    console.log(`  initial JS ${bundle.initialKb.toFixed(1)} / ${bundle.initialGzKb.toFixed(1)} kB; lazy JS ${bundle.lazyKb.toFixed(1)} / ${bundle.lazyGzKb.toFixed(1)} kB`);
    console.log(`\nscrolled (loss + eigen in view): ${summary(scrolled)}`);
    console.log(`surface (λ2 slider dragged): ${summary(surface)}`);
    console.log(`p95 update ms: ${percentile(main.updates, 95).toFixed(2)}; p95 frame ms: ${percentile(main.frames, 95).toFixed(2)}; long tasks: ${main.longTasks}; initial JS kB gz: ${bundle.initialGzKb.toFixed(1)}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
