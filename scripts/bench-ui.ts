/**
 * `npm run bench:ui`: builds the app, serves it on 127.0.0.1, drives the learning-rate slider in
 * headless Chromium on every frame from inside the page with 3 runs of 500 steps on screen, and
 * prints p50/p95 of the work per update and of the frame time, the long tasks, and the bundle's
 * gzip size split into initial and lazily loaded JS. Ends with one summary line.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { defaultDoc, type LabDoc } from '../src/state/doc';
import { encodeDoc } from '../src/state/url';
import { findChromium } from '../tests/e2e/chromium-path';
import { CHROMIUM_ARGS } from '../tests/e2e/harness';
import { startPreviewServer } from '../tests/e2e/preview-server';
import { measureBundle } from './bench-ui/bundle';
import { sweepSlider } from './bench-ui/in-page';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

async function main() {
  console.log('building…');
  execFileSync(process.execPath, [fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url)), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  const bundle = measureBundle(`${ROOT}/dist`);
  const server = await startPreviewServer(ROOT);
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const doc: LabDoc = { ...defaultDoc(), steps: 500 };
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // tsx compiles with keepNames, so functions handed to page.evaluate call esbuild's __name.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(new URL(`/?lab=${encodeURIComponent(encodeDoc(doc))}`, server.url).href, { waitUntil: "networkidle" });
    const selector = `[data-testid="lr-slider-${doc.runs[0]!.id}"]`;
    await page.waitForSelector(selector, { state: 'attached' });
    await page.evaluate(sweepSlider, { selector, ms: 600 }); // warm-up: JIT, lazy KaTeX
    const r = await page.evaluate(sweepSlider, { selector, ms: SECONDS * 1000 });
    const runs = await page.evaluate(() => document.querySelectorAll('[data-testid^="lr-slider-"]').length);
    const row = (name: string, xs: number[]) => console.log(`${name.padEnd(22)} p50 ${percentile(xs, 50).toFixed(2).padStart(6)} ms   p95 ${percentile(xs, 95).toFixed(2).padStart(6)} ms   max ${Math.max(...xs).toFixed(2).padStart(6)} ms   (n = ${xs.length})`);
    console.log(`\n${runs} runs × ${doc.steps} steps on screen; slider swept for ${SECONDS} s, crossing the boundary ${r.crossings} times`);
    row('work per update', r.updates);
    row('frame time', r.frames);
    console.log(`long tasks (> 50 ms)   ${r.longTasks}`);
    console.log('\nbundle (minified / gzip kB):');
    for (const f of bundle.files) console.log(`  ${f.initial ? 'initial' : 'lazy   '}  ${f.file.padEnd(36)} ${f.kb.toFixed(1).padStart(7)} / ${f.gzKb.toFixed(1).padStart(6)}`);
    console.log(`  initial JS ${bundle.initialKb.toFixed(1)} / ${bundle.initialGzKb.toFixed(1)} kB; lazy JS ${bundle.lazyKb.toFixed(1)} / ${bundle.lazyGzKb.toFixed(1)} kB`);
    if (errors.length) console.log(`\npage errors: ${errors.join(' | ')}`);
    console.log(`\np95 update ms: ${percentile(r.updates, 95).toFixed(2)}; p95 frame ms: ${percentile(r.frames, 95).toFixed(2)}; long tasks: ${r.longTasks}; initial JS kB gz: ${bundle.initialGzKb.toFixed(1)}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
