// Shared helpers for end-to-end test files (tests/e2e/*.e2e.test.ts).
//
//   const e2e = useBrowser();                  // one Chromium per file, closed in afterAll
//   const run = await e2e.open('/');           // fresh context+page, closed in afterEach
//   expect(run.problems()).toEqual([]);        // console errors/warnings + page errors
//   await e2e.screenshot(run.page, 'smoke');   // test-results/screenshots/smoke.png
//
// The preview server is started once for the whole run by global-setup.ts.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';

export { findChromium } from './chromium-path.ts';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

export interface RecordedPage {
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  consoleWarnings: string[];
  pageErrors: string[];
  failedRequests: string[];
  /** Everything that should make a clean page fail, as readable strings. */
  problems(): string[];
}

export function baseURL(): string {
  return inject('baseURL');
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: inject('chromePath'), args: CHROMIUM_ARGS });
}

export async function recordPage(context: BrowserContext): Promise<RecordedPage> {
  const page = await context.newPage();
  const rec: RecordedPage = {
    page,
    context,
    consoleErrors: [],
    consoleWarnings: [],
    pageErrors: [],
    failedRequests: [],
    problems: () => [
      ...rec.consoleErrors.map((m) => `console.error: ${m}`),
      ...rec.consoleWarnings.map((m) => `console.warn: ${m}`),
      ...rec.pageErrors.map((m) => `pageerror: ${m}`),
      ...rec.failedRequests.map((m) => `request failed: ${m}`),
    ],
  };
  page.on('console', (msg) => {
    const where = msg.location().url ? ` (${msg.location().url})` : '';
    if (msg.type() === 'error') rec.consoleErrors.push(msg.text() + where);
    if (msg.type() === 'warning') rec.consoleWarnings.push(msg.text() + where);
  });
  page.on('pageerror', (err) => rec.pageErrors.push(err.stack ?? err.message));
  page.on('requestfailed', (req) =>
    rec.failedRequests.push(`${req.url()}: ${req.failure()?.errorText ?? 'unknown'}`),
  );
  page.on('response', (res) => {
    if (res.status() >= 400) rec.failedRequests.push(`${res.url()}: HTTP ${res.status()}`);
  });
  return rec;
}

export function useBrowser() {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  // If the vitest main process dies (killed runner), the fork worker loses its IPC channel:
  // close Chromium right away instead of when the running test times out.
  const onParentGone = () => void browser?.close();

  beforeAll(async () => {
    browser = await launchBrowser();
    process.once('disconnect', onParentGone);
  });
  afterEach(async () => {
    await Promise.allSettled(contexts.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    process.removeListener('disconnect', onParentGone);
    await Promise.allSettled(contexts.splice(0).map((c) => c.close()));
    await browser?.close();
    browser = undefined;
  });

  const getBrowser = (): Browser => {
    if (!browser) throw new Error('useBrowser(): the browser exists only inside tests and hooks');
    return browser;
  };

  return {
    get browser(): Browser {
      return getBrowser();
    },
    /** Opens `path` (relative to the preview server) in a fresh context and records problems. */
    async open(path = '/', viewport = { width: 1280, height: 800 }): Promise<RecordedPage> {
      const context = await getBrowser().newContext({ viewport });
      contexts.push(context);
      const rec = await recordPage(context);
      await rec.page.goto(new URL(path, baseURL()).href, { waitUntil: 'networkidle' });
      return rec;
    },
    async screenshot(page: Page, name: string): Promise<string> {
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      const file = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
  };
}
