// Renders scripts/icon.svg to the PNG sizes the manifest uses (public/icon/<size>.png), with the
// Chromium the tests use. Run again after changing the SVG: `npm run make:icons`.
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findChromium, NO_CHROMIUM_HELP } from '../tests/e2e/find-chromium.ts';

const SIZES = [16, 32, 48, 128];

const executablePath = findChromium();
if (!executablePath) throw new Error(NO_CHROMIUM_HELP);
const svg = readFileSync(new URL('./icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
    await page.close();
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
