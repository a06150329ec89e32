import { defineConfig } from 'vitest/config';

// End-to-end tests: the production build (dist/) served by ONE `vite preview` on 127.0.0.1
// (tests/e2e/global-setup.ts), driven by playwright-core in headless Chromium. Run after `vite build`.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 20_000,
  },
});
