import { test as base, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { launchExtension } from './launch-extension.ts';


interface ExtensionFixtures {
  /** Leave the welcome page that the first install opens (closed otherwise). */
  keepWelcome: boolean;
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  /** Opens an extension page, e.g. `openPage('popup.html')`. */
  openPage: (path: string) => Promise<Page>;
}

export const test = base.extend<ExtensionFixtures>({
  keepWelcome: [false, { option: true }],

  context: async ({ keepWelcome }, use) => {
    const browser = await launchExtension({ keepWelcome });
    await use(browser.context);
    await browser.close();
  },

  serviceWorker: async ({ context }, use) => {
    const [worker] = context.serviceWorkers();
    await use(worker ?? (await context.waitForEvent('serviceworker')));
  },

  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },

  openPage: async ({ context, extensionId }, use) => {
    await use(async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    });
  },
});

/**
 * Stops the extension's service worker the way Chrome does after 30 s idle, and waits until it
 * has really stopped. The next message starts a fresh worker.
 */
export async function stopServiceWorker(context: BrowserContext, page: Page, extensionId: string): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      const ours = versions.filter((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`));
      if (ours.length > 0 && ours.every((v) => v.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}

/** Sends a raw message to the background from an extension page, as the page itself would. */
export function sendToBackground(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
}

export { expect } from '@playwright/test';
