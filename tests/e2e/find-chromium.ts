import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * The Chromium the end-to-end tests drive: CHROMIUM_PATH if set, else Debian's /usr/bin/chromium,
 * else a browser Playwright downloaded itself (`npx playwright install chromium`), on machines
 * that allow that. Null when there is none.
 */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', playwrightChromium()];
  return candidates.find((path): path is string => !!path && existsSync(path)) ?? null;
}

function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

export const NO_CHROMIUM_HELP = [
  'The end-to-end tests need Chromium and found none.',
  '  Debian/Ubuntu: sudo apt-get install chromium',
  '  Elsewhere: npx playwright install chromium, or set CHROMIUM_PATH to a Chrome or Chromium binary.',
].join('\n');
