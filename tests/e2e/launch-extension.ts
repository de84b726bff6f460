import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from '@playwright/test';
import { findChromium, NO_CHROMIUM_HELP } from './find-chromium.ts';

const defaultOutDir = process.env.CAIRN_OUT_DIR ?? '.output';

/**
 * Chromium with the built extension (`.output/chrome-mv3`, `$CAIRN_OUT_DIR/chrome-mv3`, or `outDir`'s) loaded, in a fresh profile, with
 * everything that would reach the network off. `close()` also removes the profile.
 */
export async function launchExtension({ outDir = defaultOutDir }: { outDir?: string } = {}): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const extensionPath = fileURLToPath(new URL(`../../${outDir}/chrome-mv3`, import.meta.url));
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_HELP);
  const profile = mkdtempSync(join(tmpdir(), 'cairn-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--no-default-browser-check',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
