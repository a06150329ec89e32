// Runs once per e2e run: checks the browser exists, starts ONE `vite preview` server on dist/,
// and hands its URL and the browser path to every e2e file via provide/inject.
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { findChromium } from './chromium-path.ts';
import { startPreviewServer } from './preview-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    chromePath: string;
  }
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromePath = findChromium();
  const server = await startPreviewServer(ROOT);
  console.log(`[e2e] vite preview (pid ${server.pid}) at ${server.url}; browser ${chromePath}`);
  project.provide('baseURL', server.url);
  project.provide('chromePath', chromePath);
  return async () => {
    await server.stop();
    console.log(`[e2e] vite preview (pid ${server.pid}) stopped`);
  };
}
