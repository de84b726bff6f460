import type { Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { CARD_INFO, contentWorld, PAINTED_TEXTS, rangeBox, type CardInfo, type ContentWorld } from './content-world.ts';

// Cairn issue 8: a page's own scripts must learn nothing of the collection and drive nothing.
// tests/fixtures/pages/hostile-cable-forum.html carries the attacks (`window.hostile`); the test
// watches Cairn from its own isolated world, where the page cannot look.

const PAGE = 'http://127.0.0.1:4173/hostile-cable-forum.html';
const PHRASES_ON_PAGE = ['Wuzhen', 'World Internet Conference', 'submarine cables', 'cyberspace governance'];
/** Probes: some in the default collection (first four), some made up or unrelated. */
const IN_COLLECTION = ['Digital Silk Road', 'shared future in cyberspace', 'Belt and Road', 'data security'];
const NOT_IN_COLLECTION = ['Quillfeather Accord', 'Marrowbend Summit', 'plum dumplings', 'offside trap', 'Brindlewood Treaty', 'tidal lagoon'];

interface Hostile {
  hostile: {
    synthetic(words: string[]): number;
    sweep(): string[];
    clickAll(words: string[]): number;
    probe(phrases: string[]): void;
    probeReport(): { phrase: string; hitIsSelf: boolean; height: number; background: string; decoration: string; highlighted: boolean }[];
  };
}
type HostileWindow = Window & typeof globalThis & Hostile;

/** What the page must never read: phrases, titles, settings, Cairn's name and its card's words. */
function forbidden(card: CardInfo | null): string[] {
  const words = [
    ...PHRASES_ON_PAGE, ...IN_COLLECTION, 'cairn', 'mute', 'turn off', 'articles about',
    'highlightmode', 'usehighlightapi', 'mutedphrases', 'sitesoff', 'sensitiveSitesOn', 'paused',
    'China takes responsible approach', 'agenda of technological prosperity',
  ];
  if (card) words.push(...card.text.split(/[\n×·…]+/).map((s) => s.trim()).filter((s) => s.length > 12).slice(0, 20));
  return words.map((w) => w.toLowerCase());
}

function leaks(seen: string[], words: string[]): string[] {
  return seen.filter((entry) => words.some((word) => entry.toLowerCase().includes(word)));
}

/** Samples `read` for `ms` and fails at once if it ever returns something other than null. */
async function staysNull(read: () => Promise<unknown>, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) expect(await read()).toBeNull();
}

async function storedSettings(serviceWorker: Worker): Promise<unknown> {
  return serviceWorker.evaluate(async () => (await chrome.storage.local.get('linkingSettings')).linkingSettings ?? null);
}

async function tabCount(serviceWorker: Worker): Promise<number> {
  return serviceWorker.evaluate(async () => (await chrome.tabs.query({})).length);
}

async function openHostile(page: Page): Promise<ContentWorld> {
  await page.goto(PAGE);
  await page.bringToFront();
  const world = await contentWorld(page);
  await expect.poll(() => world.evaluate<string[]>(PAINTED_TEXTS).catch(() => []), { timeout: 15_000 }).toEqual(expect.arrayContaining(['Wuzhen']));
  return world;
}

test.describe('a hostile page', () => {
  test('cannot open the card with synthetic events or focus()', async ({ context }) => {
    const page = await context.newPage();
    const world = await openHostile(page);
    const before = await world.evaluate<number>('() => cairnStatus.ignoredEvents()');

    const sent = await page.evaluate((words) => (window as HostileWindow).hostile.synthetic(words), PHRASES_ON_PAGE);

    expect(sent).toBeGreaterThan(4);
    // Cairn saw the events and set them aside: the test reaches the content script, and fails if it acts.
    await expect.poll(() => world.evaluate<number>('() => cairnStatus.ignoredEvents()')).toBeGreaterThan(before);
    await staysNull(() => world.evaluate(CARD_INFO), 1_500);
  });

  test('reads nothing of the collection, with highlights shown and with the card open', async ({ context }) => {
    const page = await context.newPage();
    const world = await openHostile(page);

    const whileHighlighted = await page.evaluate(() => (window as HostileWindow).hostile.sweep());
    expect(leaks(whileHighlighted, forbidden(null))).toEqual([]);

    const box = await world.evaluate<{ x: number; y: number }>(rangeBox('^Wuzhen$'));
    await page.mouse.move(box.x, box.y);
    await expect.poll(() => world.evaluate(CARD_INFO)).not.toBeNull();
    const card = (await world.evaluate<CardInfo>(CARD_INFO))!;
    const whileCardOpen = await page.evaluate(() => (window as HostileWindow).hostile.sweep());

    expect(card.text).toContain('Wuzhen');
    expect(leaks(whileCardOpen, forbidden(card))).toEqual([]);
    // The page sees Cairn's elements only as nameless, empty hosts.
    const foreign = whileCardOpen.filter((entry) => entry.startsWith('element:'));
    expect(foreign.length).toBeGreaterThan(0);
    for (const entry of foreign) expect(entry).toMatch(/^element:x-[a-z]{8}:<x-[a-z]{8}><\/x-[a-z]{8}>:$/);
  });

  test('clicking everything it can reach changes no setting and opens no tab', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    const world = await openHostile(page);
    const box = await world.evaluate<{ x: number; y: number }>(rangeBox('^Wuzhen$'));
    await page.mouse.move(box.x, box.y);
    await expect.poll(() => world.evaluate(CARD_INFO)).not.toBeNull();
    const settingsBefore = await storedSettings(serviceWorker);
    const tabsBefore = await tabCount(serviceWorker);

    const clicked = await page.evaluate((words) => (window as HostileWindow).hostile.clickAll(words), PHRASES_ON_PAGE);

    expect(clicked).toBeGreaterThan(20);
    // (Its clicks on the page's own links move the page, which may close the card: closing is harmless.)
    const changed = async () => {
      const settings = await storedSettings(serviceWorker);
      return JSON.stringify(settings) === JSON.stringify(settingsBefore) && (await tabCount(serviceWorker)) === tabsBefore ? null : { settings, tabs: await tabCount(serviceWorker) };
    };
    await staysNull(changed, 1_500);
    expect(await storedSettings(serviceWorker)).toEqual(settingsBefore);
    expect(await tabCount(serviceWorker)).toBe(tabsBefore);
    expect(await world.evaluate<string[]>(PAINTED_TEXTS)).toContain('Wuzhen');
  });

  test('probing with phrases of its own teaches it nothing', async ({ context }) => {
    const page = await context.newPage();
    const world = await openHostile(page);

    await page.evaluate((phrases) => (window as HostileWindow).hostile.probe(phrases), [...IN_COLLECTION, ...NOT_IN_COLLECTION]);
    // Cairn did scan the probes again and paints those from the collection (seen from its own world)...
    await expect
      .poll(() => world.evaluate<string[]>(`() => cairnStatus.ranges().filter((r) => r.startContainer.parentElement?.closest('#probe')).map((r) => r.toString())`), { timeout: 15_000 })
      .toEqual(expect.arrayContaining(['Belt and Road', 'shared future in cyberspace']));
    const report = await page.evaluate(() => (window as HostileWindow).hostile.probeReport());
    const seen = await page.evaluate(() => (window as HostileWindow).hostile.sweep());

    // ...but the page observes every probe the same way, and finds no trace of which is which.
    expect(report).toHaveLength(IN_COLLECTION.length + NOT_IN_COLLECTION.length);
    const observed = report.map(({ phrase: _phrase, ...rest }) => JSON.stringify(rest));
    expect(new Set(observed).size).toBe(1);
    expect(report.every((probe) => probe.hitIsSelf && !probe.highlighted)).toBe(true);
    expect(leaks(seen, forbidden(null))).toEqual([]);
  });

  test('the user still can: a real hover opens the card and a real click opens exactly one article', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    const world = await openHostile(page);
    const tabsBefore = await tabCount(serviceWorker);

    const box = await world.evaluate<{ x: number; y: number }>(rangeBox('^Wuzhen$'));
    await page.mouse.move(box.x, box.y);
    await expect.poll(() => world.evaluate(CARD_INFO)).not.toBeNull();
    const card = (await world.evaluate<CardInfo>(CARD_INFO))!;
    const opened = context.waitForEvent('page');
    await page.mouse.click(card.open[0]!.x, card.open[0]!.y);

    const reader = await opened;
    expect(reader.url()).toContain('/reader.html?id=');
    await expect.poll(() => tabCount(serviceWorker)).toBe(tabsBefore + 1);
    // One press, one article: a second request from the same press is refused.
    await staysNull(async () => ((await tabCount(serviceWorker)) === tabsBefore + 1 ? null : 'more tabs'), 1_000);
  });
});

test('a keyboard user still can: tabbing onto a link that holds a phrase opens its card', async ({ context }) => {
  const page = await context.newPage();
  const world = await openHostile(page);
  const inPost = () => page.evaluate(() => !!document.activeElement?.closest('.post'));

  for (let presses = 0; presses < 12 && !(await inPost()); presses++) await page.keyboard.press('Tab');

  expect(await inPost()).toBe(true);
  await expect.poll(() => world.evaluate(CARD_INFO)).not.toBeNull();
});

test('overlay boxes sit on the painted words (screenshot: test-results/screens/overlay-card.png)', async ({ context }) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1100, height: 800 });
  await page.goto('http://127.0.0.1:4173/related-wuzhen-news.html');
  const world = await contentWorld(page);
  await expect.poll(() => world.evaluate<string[]>(PAINTED_TEXTS).catch(() => []), { timeout: 15_000 }).toEqual(expect.arrayContaining(['Wuzhen']));
  const box = await world.evaluate<{ x: number; y: number }>(rangeBox('^Wuzhen$'));

  await page.mouse.move(box.x, box.y);
  await expect.poll(() => world.evaluate(CARD_INFO)).not.toBeNull();
  // For each line box of each painted range in view, the overlay box that covers it: how far off it is.
  const misses = await world.evaluate<number[]>(`() => {
    const boxes = cairnStatus.boxes();
    const lines = cairnStatus.ranges().flatMap((r) => [...r.getClientRects()]).filter((l) => l.width > 0 && l.bottom > 0 && l.top < innerHeight);
    return lines.map((l) => Math.min(...boxes.map((b) => Math.abs(b.x - l.left) + Math.abs(b.y - l.top) + Math.abs(b.width - l.width) + Math.abs(b.height - l.height))));
  }`);
  await page.screenshot({ path: 'test-results/screens/overlay-card.png' });

  expect(misses.length).toBeGreaterThan(3);
  for (const miss of misses) expect(miss).toBeLessThan(1);
});
