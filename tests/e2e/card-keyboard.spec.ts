import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { CARD_INFO, contentWorld, PAINTED_TEXTS, rangeBox, type CardInfo, type ContentWorld } from './content-world.ts';

// The hover card without a mouse (issue 11): reached from a linked phrase by Tab or from the
// next-highlight command, its buttons reached by Tab, closed by Escape with focus handed back;
// it follows a small scroll, keeps inside the viewport, and adds no landmarks to the page.

const PAGE = 'http://127.0.0.1:4173/keyboard-links-news.html';

/** The text of the focused button inside the card (read from Cairn's world), or null. */
const FOCUSED_IN_CARD = `() => cairnStatus.card()?.activeElement?.textContent ?? null`;
/** Every button of the open card, in order. */
const CARD_BUTTONS = `() => [...(cairnStatus.card()?.querySelectorAll('button') ?? [])].map((b) => b.textContent)`;

async function open(context: BrowserContext, height = 700): Promise<{ page: Page; world: ContentWorld }> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1000, height });
  await page.goto(PAGE);
  const world = await contentWorld(page);
  await expect.poll(() => world.evaluate<string[]>(PAINTED_TEXTS).catch(() => []), { timeout: 15_000 }).toEqual(
    expect.arrayContaining(['World Internet Conference', 'cyberspace governance']),
  );
  return { page, world };
}

/** The id of the page element that has focus, as the page sees it. */
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

async function tabTo(page: Page, id: string): Promise<void> {
  for (let presses = 0; presses < 8 && (await focusedId(page)) !== id; presses++) await page.keyboard.press('Tab');
  expect(await focusedId(page)).toBe(id);
}

test('Tab from a linked phrase goes into its card, through its buttons, and Escape hands focus back to the link', async ({ context }) => {
  const { page, world } = await open(context);
  await tabTo(page, 'wic-link');
  await expect.poll(() => world.evaluate<CardInfo | null>(CARD_INFO)).not.toBeNull();
  const buttons = await world.evaluate<string[]>(CARD_BUTTONS);

  await page.keyboard.press('Tab');
  await expect.poll(() => world.evaluate(FOCUSED_IN_CARD)).toBe(buttons[0]);
  await page.keyboard.press('Tab');
  await expect.poll(() => world.evaluate(FOCUSED_IN_CARD)).toBe(buttons[1]);
  expect(await world.evaluate(CARD_INFO)).not.toBeNull();
  // The page learns only that focus went to an element with nothing readable in it.
  expect(await page.evaluate(() => [document.activeElement?.tagName, document.activeElement?.shadowRoot, document.activeElement?.textContent])).toEqual([
    expect.any(String), null, '',
  ]);
  await page.screenshot({ path: 'test-results/screens/card-keyboard.png' });

  await page.keyboard.press('Escape');

  await expect.poll(() => world.evaluate(CARD_INFO)).toBeNull();
  expect(await focusedId(page)).toBe('wic-link');
});

test('Shift+Tab from the first button returns to the link with the card open; Tab past the last closes it', async ({ context }) => {
  const { page, world } = await open(context);
  await tabTo(page, 'wic-link');
  await expect.poll(() => world.evaluate(CARD_INFO)).not.toBeNull();
  const buttons = await world.evaluate<string[]>(CARD_BUTTONS);
  await page.keyboard.press('Tab');
  await expect.poll(() => world.evaluate(FOCUSED_IN_CARD)).toBe(buttons[0]);

  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => focusedId(page)).toBe('wic-link');
  expect(await world.evaluate(CARD_INFO)).not.toBeNull();

  await page.keyboard.press('Tab');
  for (let i = 1; i < buttons.length; i++) await page.keyboard.press('Tab');
  await expect.poll(() => world.evaluate(FOCUSED_IN_CARD)).toBe(buttons.at(-1));
  await page.keyboard.press('Tab');

  await expect.poll(() => world.evaluate(CARD_INFO)).toBeNull();
  expect(await focusedId(page)).toBe('wic-link');
  // Focus handed back by Cairn opens nothing again; the next Tab goes on through the page.
  await page.keyboard.press('Tab');
  await expect.poll(() => focusedId(page)).toBe('gov-link');
});

async function press(serviceWorker: Worker, command: string): Promise<void> {
  await serviceWorker.evaluate(async ({ command, url }) => {
    const [tab] = await chrome.tabs.query({ url });
    chrome.commands.onCommand.dispatch(command, tab!);
  }, { command, url: PAGE });
}

test('the next-highlight command puts focus on the card it opens, and Escape gives it back', async ({ context, serviceWorker }) => {
  const { page, world } = await open(context);
  await tabTo(page, 'before');
  await page.bringToFront();

  await press(serviceWorker, 'next-highlight');

  await expect.poll(() => world.evaluate(FOCUSED_IN_CARD)).not.toBeNull();
  const buttons = await world.evaluate<string[]>(CARD_BUTTONS);
  expect(await world.evaluate(FOCUSED_IN_CARD)).toBe(buttons[0]);
  await page.keyboard.press('Escape');
  await expect.poll(() => world.evaluate(CARD_INFO)).toBeNull();
  expect(await focusedId(page)).toBe('before');
});

test('a small scroll moves the card with its phrase; scrolling the phrase out of view closes it', async ({ context }) => {
  const { page, world } = await open(context);
  const box = await world.evaluate<{ x: number; y: number }>(rangeBox('^cyberspace governance$'));
  await page.mouse.move(box.x, box.y);
  await expect.poll(() => world.evaluate(CARD_INFO)).not.toBeNull();
  const before = (await world.evaluate<CardInfo>(CARD_INFO)).box;

  await page.evaluate(() => window.scrollBy(0, 40));
  await expect.poll(async () => (await world.evaluate<CardInfo | null>(CARD_INFO))?.box.y).toBeCloseTo(before.y - 40, 0);

  await page.evaluate(() => window.scrollBy(0, 1200));
  await expect.poll(() => world.evaluate(CARD_INFO)).toBeNull();
});

test('the card adds no landmarks, its close button is at least 24 px square, and a tall card stays in view and scrolls', async ({ context }) => {
  const { page, world } = await open(context, 240);
  const box = await world.evaluate<{ x: number; y: number }>(rangeBox('^World Internet Conference$'));
  await page.mouse.move(box.x, box.y);
  await expect.poll(() => world.evaluate(CARD_INFO)).not.toBeNull();

  const shape = await world.evaluate<{ landmarks: number; close: { width: number; height: number }; top: number; bottom: number; scrolls: boolean }>(`() => {
    const root = cairnStatus.card();
    const card = root.querySelector('[data-testid="hover-card"]');
    const close = root.querySelector('button[aria-label="Close"]').getBoundingClientRect();
    const r = card.getBoundingClientRect();
    return {
      landmarks: root.querySelectorAll('header, footer, nav, main, aside, [role=banner], [role=contentinfo]').length,
      close: { width: close.width, height: close.height },
      top: r.top, bottom: r.bottom,
      scrolls: card.scrollHeight > card.clientHeight && getComputedStyle(card).overflowY === 'auto',
    };
  }`);
  await page.screenshot({ path: 'test-results/screens/card-short-viewport.png' });

  expect(shape.landmarks).toBe(0);
  expect(shape.close.width).toBeGreaterThanOrEqual(24);
  expect(shape.close.height).toBeGreaterThanOrEqual(24);
  expect(shape.top).toBeGreaterThanOrEqual(0);
  expect(shape.bottom).toBeLessThanOrEqual(240);
  expect(shape.scrolls).toBe(true);
});

test("opening an article from the card marks the card's phrase in the reader", async ({ context }) => {
  const { page, world } = await open(context);
  const box = await world.evaluate<{ x: number; y: number }>(rangeBox('^World Internet Conference$'));
  await page.mouse.move(box.x, box.y);
  await expect.poll(() => world.evaluate(CARD_INFO)).not.toBeNull();
  const card = await world.evaluate<CardInfo>(CARD_INFO);

  const opened = context.waitForEvent('page');
  await page.mouse.click(card.open[0]!.x, card.open[0]!.y);
  const reader = await opened;

  expect(new URL(reader.url()).searchParams.get('q')).toBe('World Internet Conference');
  await expect(reader.locator('.article-body mark').first()).toBeVisible();
  await expect(reader.locator('.article-body mark').first()).toHaveText(/world|internet|conference/i);
});
