import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { findChromium, NO_CHROMIUM_HELP } from './find-chromium.ts';

const defaultOutDir = process.env.CAIRN_OUT_DIR ?? '.output';
/** The Chromium build in a build folder (relative to the repository). */
export const chromeBuildIn = (outDir: string) => fileURLToPath(new URL(`../../${outDir}/chrome-mv3`, import.meta.url));
export const extensionPath = chromeBuildIn(defaultOutDir);

/** How long a first install may take to open its welcome page. */
const WELCOME_WAIT_MS = 20_000;

/**
 * Chromium with the built extension (`.output/chrome-mv3`, `$CAIRN_OUT_DIR/chrome-mv3`, or
 * `outDir`'s) loaded, in a fresh profile, with everything that would reach the network off.
 * `close()` also removes the profile.
 *
 * A fresh profile is a first install, so Cairn opens its welcome page: this waits for it (and
 * fails when it never opens) and closes it, unless `keepWelcome`, so a test starts with the
 * tabs it opens itself. A build from before the welcome page (the import bench compares builds)
 * has none to wait for. `args` are added to Chromium's (a bench's remote debugging port).
 */
export async function launchExtension({ keepWelcome = false, outDir = defaultOutDir, args = [] as string[] } = {}): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const extensionPath = chromeBuildIn(outDir);
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
      ...args,
    ],
  });
  if (existsSync(join(extensionPath, 'welcome.html'))) {
    const welcome = await welcomePage(context);
    if (!keepWelcome) await welcome.close();
  }
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The welcome page Cairn opens on its first install, once it has its address. */
export async function welcomePage(context: BrowserContext): Promise<Page> {
  const deadline = Date.now() + WELCOME_WAIT_MS;
  for (;;) {
    const page = context.pages().find((p) => /^chrome-extension:\/\/[a-p]{32}\/welcome\.html$/.test(p.url()));
    if (page) return page;
    if (Date.now() > deadline) throw new Error(`Cairn opened no welcome page within ${WELCOME_WAIT_MS / 1000} s of its first install.`);
    await context.waitForEvent('page', { timeout: 1000 }).catch(() => undefined);
  }
}
