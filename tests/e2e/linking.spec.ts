import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { CARD_INFO, contentWorld, PAINTED_TEXTS, rangeBox, type CardInfo, type ContentWorld } from './content-world.ts';

const BASE = 'http://127.0.0.1:4173/';

/** Opens a fixture page and returns it with its tab id. */
async function visit(context: BrowserContext, serviceWorker: Worker, file: string): Promise<{ page: Page; tabId: number }> {
  const page = await context.newPage();
  await page.goto(BASE + file);
  await page.bringToFront();
  const tabId = await serviceWorker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab!.id!;
  });
  return { page, tabId };
}

// Highlights are painted where the page cannot read them (issue 8): the tests read them in the
// content script's own world instead.
const worlds = new WeakMap<Page, Promise<ContentWorld>>();
function worldOf(page: Page): Promise<ContentWorld> {
  if (!worlds.has(page)) worlds.set(page, contentWorld(page));
  return worlds.get(page)!;
}
const paintedTexts = async (page: Page) => (await worldOf(page)).evaluate<string[]>(PAINTED_TEXTS);
const highlightCount = async (page: Page) => (await paintedTexts(page)).length;
const cardInfo = async (page: Page) => (await worldOf(page)).evaluate<CardInfo | null>(CARD_INFO);
const phraseBox = async (page: Page, pattern: string) =>
  (await worldOf(page)).evaluate<{ x: number; y: number; top: number; bottom: number }>(rangeBox(pattern));

/**
 * Waits until the content script has finished reading the page and acted on the background's
 * answer (or found Cairn switched off there): only then does "nothing is painted" mean anything.
 */
async function scanned(page: Page): Promise<void> {
  await expect.poll(() => worldOf(page).then((world) => world.evaluate<number>('() => cairnStatus.runs()')).catch(() => 0), { timeout: 15_000 }).toBeGreaterThan(0);
}

/** Waits until Cairn has reported the page (the badge is set even when it is empty). */
async function settled(serviceWorker: Worker, tabId: number): Promise<string> {
  await expect
    .poll(() => serviceWorker.evaluate(async (id) => (await chrome.storage.session.get(`tab-links:${id}`))[`tab-links:${id}`] !== undefined, tabId))
    .toBe(true);
  return serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

test.describe('linking pages to the collection', () => {
  test('a related page gets highlights, a badge count, a popup list and a hover card', async ({ context, serviceWorker, openPage }) => {
    const { page, tabId } = await visit(context, serviceWorker, 'related-wuzhen-news.html');

    const badge = await settled(serviceWorker, tabId);
    await expect.poll(() => highlightCount(page)).toBeGreaterThan(0);

    expect(Number(badge)).toBeGreaterThan(0);
    const highlighted = await paintedTexts(page);
    expect(highlighted.some((text) => /wuzhen/i.test(text))).toBe(true);
    // Only the first few occurrences of a phrase are painted.
    const perPhrase = new Map<string, number>();
    for (const text of highlighted) perPhrase.set(text.toLowerCase(), (perPhrase.get(text.toLowerCase()) ?? 0) + 1);
    expect(Math.max(...perPhrase.values())).toBeLessThanOrEqual(3);

    const popup = await openPage(`popup.html?tabId=${tabId}`);
    await popup.setViewportSize({ width: 400, height: 560 });
    await expect(popup.getByTestId('related-item')).toHaveCount(Number(badge));
    await expect(popup.getByTestId('related-phrases').first()).not.toBeEmpty();
    await popup.screenshot({ path: 'test-results/popup-related.png' });

    await page.bringToFront();
    const box = await phraseBox(page, 'wuzhen');
    await page.mouse.move(box.x, box.y);
    await expect.poll(() => cardInfo(page)).not.toBeNull();
    const card = (await cardInfo(page))!;
    expect(card.open.length).toBeGreaterThan(0);
    // The articles that mention Wuzhen, with the passage where they do.
    expect(card.text).toContain('China takes responsible approach in global cyberspace governance');
    expect(card.text).toContain('China pushes forward the agenda of technological prosperity');
    expect(card.marks).toContain('Wuzhen');
    expect(card.box.y >= box.bottom || card.box.y + card.box.height <= box.top).toBe(true); // Never over the phrase.
    await page.screenshot({ path: 'test-results/hover-card.png' });

    await page.keyboard.press('Escape');
    await expect.poll(() => cardInfo(page)).toBeNull();
  });

  for (const file of ['unrelated-recipe.html', 'unrelated-football.html', 'hardneg-china-porcelain.html', 'hardneg-digital-infrastructure-council.html', 'boilerplate-only.html']) {
    test(`stays quiet on ${file}`, async ({ context, serviceWorker, openPage }) => {
      const { page, tabId } = await visit(context, serviceWorker, file);

      const badge = await settled(serviceWorker, tabId);
      await scanned(page);

      expect(badge).toBe('');
      expect(await highlightCount(page)).toBe(0);
      const popup = await openPage(`popup.html?tabId=${tabId}`);
      await expect(popup.getByTestId('related-empty')).toBeVisible();
    });
  }

  test('never highlights inside form fields, editable regions, code or hidden text', async ({ context, serviceWorker }) => {
    const { page, tabId } = await visit(context, serviceWorker, 'related-with-editables.html');
    await settled(serviceWorker, tabId);
    await expect.poll(() => highlightCount(page)).toBeGreaterThan(0);

    const places = await (await worldOf(page)).evaluate<string[]>(
      `() => cairnStatus.ranges().map((r) => r.startContainer.parentElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? 'article')`,
    );

    for (const forbidden of ['textarea', 'text-input', 'editable', 'hidden-attr', 'display-none', 'visibility-hidden', 'code-block', 'template', 'json-data']) {
      expect(places).not.toContain(forbidden);
    }
  });

  test('a page that re-renders its text keeps working, and content added later is highlighted', async ({ context }) => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(BASE + 'related-react-app.html');
    const world = await worldOf(page);

    await page.waitForFunction(() => (window as unknown as { fixtureState?: { done: boolean } }).fixtureState?.done === true, null, { timeout: 15_000 });
    await expect
      .poll(() => world.evaluate<boolean>(`() => cairnStatus.ranges().some((r) => r.startContainer.isConnected && !!r.startContainer.parentElement?.closest('[data-testid="late-paragraph"]'))`).catch(() => false), { timeout: 10_000 })
      .toBe(true);

    expect(errors).toEqual([]);
  });

  test('turning Cairn off on a site and pausing it everywhere stick across reloads', async ({ context, serviceWorker, openPage }) => {
    const { page, tabId } = await visit(context, serviceWorker, 'related-wuzhen-news.html');
    await settled(serviceWorker, tabId);
    await expect.poll(() => highlightCount(page)).toBeGreaterThan(0);

    const popup = await openPage(`popup.html?tabId=${tabId}`);
    await popup.getByTestId('site-toggle').click();
    await expect.poll(() => highlightCount(page)).toBe(0);
    await page.reload();
    await scanned(page);
    expect(await highlightCount(page)).toBe(0);
    await popup.reload();
    await expect(popup.getByTestId('quiet-notice')).toBeVisible();

    await popup.getByTestId('site-toggle').click();
    await expect.poll(() => highlightCount(page)).toBeGreaterThan(0);
    await popup.getByTestId('pause-toggle').click();
    await expect.poll(() => highlightCount(page)).toBe(0);
    const other = await visit(context, serviceWorker, 'related-digital-silk-road-blog.html');
    await scanned(other.page);
    expect(await highlightCount(other.page)).toBe(0);
  });
});

test.describe('reading alongside', () => {
  test('the side panel lists the articles related to the active tab and follows tab switches', async ({ context, serviceWorker, openPage }) => {
    const panel = await openPage('sidepanel.html');
    const related = await visit(context, serviceWorker, 'related-wuzhen-news.html');
    await settled(serviceWorker, related.tabId);

    await expect(panel.getByTestId('sidepanel-related').getByTestId('related-item').first()).toBeVisible();
    await panel.setViewportSize({ width: 360, height: 700 });
    await panel.screenshot({ path: 'test-results/sidepanel.png' });

    const quiet = await visit(context, serviceWorker, 'unrelated-recipe.html');
    await settled(serviceWorker, quiet.tabId);
    await expect(panel.getByTestId('related-item')).toHaveCount(0);
    await expect(panel.getByTestId('related-empty')).toBeVisible();
  });

  test('muting a phrase from its hover card removes it, and the settings page can bring it back', async ({ context, serviceWorker, openPage }) => {
    const { page, tabId } = await visit(context, serviceWorker, 'related-wuzhen-news.html');
    await settled(serviceWorker, tabId);
    await expect.poll(() => highlightCount(page)).toBeGreaterThan(0);
    const painted = async () => (await paintedTexts(page)).map((text) => text.toLowerCase());
    expect(await painted()).toContain('wuzhen');

    const point = await phraseBox(page, '^Wuzhen$');
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => cardInfo(page)).not.toBeNull();
    const { mute } = (await cardInfo(page))!;
    await page.mouse.click(mute.x, mute.y);

    await expect.poll(painted).not.toContain('wuzhen');
    const settings = await openPage('settings.html');
    await expect(settings.getByTestId('muted-list')).toContainText('Wuzhen');
    await settings.screenshot({ path: 'test-results/settings.png', fullPage: true });
    await settings.getByTestId('unmute').first().click();
    await expect.poll(painted).toContain('wuzhen');
  });

  test('by default the page cannot read the highlights; the Highlight API setting paints where it can', async ({ context, serviceWorker, openPage }) => {
    const first = await visit(context, serviceWorker, 'related-wuzhen-news.html');
    await settled(serviceWorker, first.tabId);
    await expect.poll(() => highlightCount(first.page)).toBeGreaterThan(0);
    expect(await (await worldOf(first.page)).evaluate<string>('() => cairnStatus.painter()')).toBe('overlay');
    expect(await first.page.evaluate(() => CSS.highlights.size)).toBe(0);

    const settings = await openPage('settings.html');
    await settings.getByTestId('highlight-api-toggle').click();
    const { page, tabId } = await visit(context, serviceWorker, 'related-wuzhen-news.html');
    await settled(serviceWorker, tabId);

    await expect.poll(() => page.evaluate(() => CSS.highlights.get('cairn-link')?.size ?? 0)).toBeGreaterThan(0);
    expect(await (await worldOf(page)).evaluate<string>('() => cairnStatus.painter()')).toBe('highlight-api');
    expect(await page.evaluate(() => CSS.highlights.get('cairn-link')?.size)).toBe(await highlightCount(page));
  });

  test('in on-demand mode nothing is painted until the shortcut asks for it', async ({ context, serviceWorker, openPage }) => {
    const settings = await openPage('settings.html');
    await settings.getByTestId('mode-on-demand').check();
    const { page, tabId } = await visit(context, serviceWorker, 'related-wuzhen-news.html');

    const badge = await settled(serviceWorker, tabId);
    await scanned(page);
    expect(Number(badge)).toBeGreaterThan(0);
    expect(await highlightCount(page)).toBe(0);

    // What the Alt+Shift+H command does (Playwright cannot press browser shortcuts).
    await serviceWorker.evaluate((id) => chrome.tabs.sendMessage(id, { event: 'toggleHighlights', data: {} }), tabId);
    await expect.poll(() => highlightCount(page)).toBeGreaterThan(0);
  });
});
