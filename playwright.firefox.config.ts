import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

// The Firefox smoke test (tests/firefox, `npm run test:firefox`): the built add-on
// (.output/firefox-mv2) in Debian's firefox-esr, headless, over WebDriver BiDi. Playwright runs the
// tests and serves the fixture pages as for Chromium; its own Firefox build is not used (it cannot
// be downloaded here, and Debian's Firefox lacks the patches Playwright drives it through).
export default defineConfig({
  ...base,
  testDir: 'tests/firefox',
  globalSetup: './tests/firefox/global-setup.ts',
  outputDir: 'test-results/firefox',
  expect: { timeout: 15_000 },
  reporter: [['list']],
});
