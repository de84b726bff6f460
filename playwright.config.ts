import { defineConfig } from '@playwright/test';

// End-to-end tests load the built extension (.output/chrome-mv3) into a real Chromium; see
// tests/e2e/fixtures.ts. Extensions need one persistent browser profile per test, so tests run
// one at a time.
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: { trace: 'retain-on-failure' },
  webServer: {
    command: 'node --import tsx tests/e2e/serve-fixtures.ts',
    url: 'http://127.0.0.1:4173/index.json',
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
  },
});
