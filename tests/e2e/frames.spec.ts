import type { BrowserContext, CDPSession, Frame, Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures.ts';

// A frame acts only for itself (Cairn issue 8). A news page on http://127.0.0.1:4173 embeds a
// frame from another site, http://localhost:4174 (served by tests/e2e/serve-fixtures.ts). The
// frame's content script is made to send what a hostile frame would most like to send: "turn
// Cairn off on this site". It is sent from the content script's own isolated world, exactly as
// the hover card's button sends it, so it reaches the background as a genuine request.
const TOP = 'http://127.0.0.1:4173/related-wuzhen-news.html';
const FRAME_ORIGIN = 'http://localhost:4174';
const FRAME = `${FRAME_ORIGIN}/unrelated-recipe.html`;

interface Envelope {
  ok: boolean;
  error?: { name: string; message: string };
}

/** Cairn's linking settings as the background stored them. */
async function storedSettings(serviceWorker: Worker): Promise<{ sitesOff: string[] } | undefined> {
  const stored = await serviceWorker.evaluate(async () => (await chrome.storage.local.get('linkingSettings')).linkingSettings);
  return stored as { sitesOff: string[] } | undefined;
}

/**
 * How many related articles the toolbar badge shows for a tab: what the user sees of a linked page
 * (the highlights themselves are painted where no test page script can read them).
 */
async function badgeCount(serviceWorker: Worker, tabId: number): Promise<number> {
  return Number(await serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId));
}

/** What the background holds for a tab's popup. */
async function tabLinks(serviceWorker: Worker, tabId: number): Promise<{ site?: string; quiet?: string } | undefined> {
  const key = `tab-links:${tabId}`;
  const stored = await serviceWorker.evaluate(async (k) => (await chrome.storage.session.get(k))[k], key);
  return stored as { site?: string; quiet?: string } | undefined;
}

async function activeTabId(serviceWorker: Worker): Promise<number> {
  return serviceWorker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab!.id!;
  });
}

/** The news page, linked, with the other site's frame added to it the way any page adds one. */
async function pageWithForeignFrame(context: BrowserContext, serviceWorker: Worker): Promise<{ page: Page; frame: Frame; tabId: number }> {
  // playwright.config.ts waits for the first fixture port only.
  await expect.poll(async () => (await fetch(`${FRAME_ORIGIN}/index.json`).catch(() => null))?.status, {
    message: `${FRAME_ORIGIN} does not answer: is an older fixture server (without the second port) still running?`,
  }).toBe(200);
  const page = await context.newPage();
  await page.goto(TOP);
  await page.bringToFront();
  const tabId = await activeTabId(serviceWorker);
  await expect.poll(() => badgeCount(serviceWorker, tabId)).toBeGreaterThan(0);
  await page.evaluate((src) => {
    const iframe = document.createElement('iframe');
    iframe.src = src;
    iframe.width = '600';
    iframe.height = '400';
    document.body.append(iframe);
  }, FRAME);
  await expect.poll(() => page.frames().some((f) => f.url() === FRAME)).toBe(true);
  const frame = page.frames().find((f) => f.url() === FRAME)!;
  await frame.waitForLoadState('load');
  return { page, frame, tabId };
}

/**
 * Runs `chrome.runtime.sendMessage(message)` in the isolated world of Cairn's content script in
 * the frame showing `url`: exactly what the content script itself can send from that frame.
 * The world is found through the DevTools protocol, on the page's session or, when Chromium runs
 * the frame in a process of its own (site isolation), on the frame's.
 */
async function sendFromContentScript(page: Page, url: string, message: unknown): Promise<Envelope> {
  const sessions: CDPSession[] = [await page.context().newCDPSession(page)];
  const frame = page.frames().find((f) => f.url() === url);
  if (frame && frame !== page.mainFrame()) {
    await page.context().newCDPSession(frame).then((s) => sessions.push(s), () => undefined);
  }
  const worlds: { session: CDPSession; id: number }[] = [];
  for (const session of sessions) {
    session.on('Runtime.executionContextCreated', ({ context }) => {
      // Chromium names a content script's world after its extension.
      if (context.auxData?.type === 'isolated' && context.name === 'Cairn') worlds.push({ session, id: context.id });
    });
    await session.send('Runtime.enable');
  }
  const evaluate = (world: (typeof worlds)[number], expression: string) =>
    world.session.send('Runtime.evaluate', { contextId: world.id, expression, awaitPromise: true, returnByValue: true });
  // The content script runs at document_idle; its world appears once it has.
  let world: (typeof worlds)[number] | undefined;
  await expect
    .poll(async () => {
      for (const candidate of worlds) {
        if ((await evaluate(candidate, 'location.href').catch(() => null))?.result.value === url) world = candidate;
      }
      return world !== undefined;
    }, { message: `no Cairn content script in ${url}` })
    .toBe(true);
  const { result, exceptionDetails } = await evaluate(world!, `chrome.runtime.sendMessage(${JSON.stringify(message)})`);
  if (exceptionDetails) throw new Error(`the content script could not send: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  for (const session of sessions) await session.detach();
  return result.value as Envelope;
}

test.describe('a frame acts only for itself', () => {
  test('a frame of another site cannot turn Cairn off for the page around it', async ({ context, serviceWorker }) => {
    const { page, tabId } = await pageWithForeignFrame(context, serviceWorker);
    const answer = await sendFromContentScript(page, FRAME, { type: 'setSiteEnabled', data: { enabled: false } });
    const forged = await sendFromContentScript(page, FRAME, { type: 'setSiteEnabled', data: { enabled: false, site: '127.0.0.1' } });

    expect(answer).toEqual({
      ok: false,
      error: { name: 'RequestError', message: 'setSiteEnabled: only the page itself can turn Cairn on or off for localhost, not a frame embedded in it.' },
    });
    expect(forged.ok).toBe(false);
    expect((await storedSettings(serviceWorker))?.sitesOff ?? []).toEqual([]);
    expect(await tabLinks(serviceWorker, tabId)).toMatchObject({ site: '127.0.0.1' });
    expect((await tabLinks(serviceWorker, tabId))?.quiet).toBeUndefined();
    // The page is still linked when it is read again.
    await page.reload();
    await expect.poll(() => tabLinks(serviceWorker, tabId)).toMatchObject({ site: '127.0.0.1' });
    await expect.poll(() => badgeCount(serviceWorker, tabId)).toBeGreaterThan(0);
  });

  test("the page's own top frame can turn Cairn off for its site", async ({ context, serviceWorker }) => {
    const { page, tabId } = await pageWithForeignFrame(context, serviceWorker);
    const answer = await sendFromContentScript(page, TOP, { type: 'setSiteEnabled', data: { enabled: false } });

    expect(answer).toEqual({ ok: true, value: null });
    expect((await storedSettings(serviceWorker))?.sitesOff).toEqual(['127.0.0.1']);
    await expect.poll(() => tabLinks(serviceWorker, tabId)).toMatchObject({ site: '127.0.0.1', quiet: 'site-off' });
    expect(await badgeCount(serviceWorker, tabId)).toBe(0);
  });
});
