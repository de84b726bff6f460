import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { CARD_INFO, PAINTED_TEXTS, rangeBox, type CardInfo } from './content-world.ts';
import { extensionPath, welcomePage } from './launch-extension.ts';
import { unpackedExtensionId } from '../../scripts/start-plan.ts';

// First run (issue 11): a fresh install opens the welcome page once; its "Try it" link leads to
// a sample page that ships with Cairn, where Cairn highlights phrases, opens their card and
// counts the related articles on the badge, with no network at all.

test.use({ keepWelcome: true });

/**
 * Cairn's status on the sample page. Unlike a web page, where it lives in the content script's
 * isolated world, the sample page runs Cairn's page code itself, so it is on the page's global.
 */
function onSample<T>(page: Page, fn: string): Promise<T> {
  return page.evaluate(`(() => { if (typeof cairnStatus !== 'object') throw new Error('Cairn has not started'); return (${fn})(); })()`) as Promise<T>;
}

test('a first install opens the welcome page, which shows the popup shortcut and leads to the sample page', async ({ context }) => {
  const welcome = await welcomePage(context);
  await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('Cairn is ready');
  // The shortcut as the browser bound it (the manifest's suggestion, in a fresh profile).
  await expect(welcome.locator('#step-search').locator('..')).toContainText(/Alt\s*\+\s*Shift\s*\+\s*K/);
  await expect(welcome.getByTestId('open-library')).toHaveAttribute('href', /\/library\.html$/);
  await welcome.setViewportSize({ width: 1100, height: 1500 });
  await welcome.screenshot({ path: 'test-results/screens/welcome.png', fullPage: true });

  await welcome.getByTestId('try-it').click();

  await expect(welcome).toHaveURL(/\/sample\.html$/);
  await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('Who writes the rules of the internet?');
});

test('the sample page highlights phrases of the default articles, opens their card and sets the badge', async ({ context, serviceWorker, openPage }) => {
  const page = await welcomePage(context);
  await page.setViewportSize({ width: 1100, height: 800 });
  await page.getByTestId('try-it').click();
  await expect(page).toHaveURL(/\/sample\.html$/);

  await expect.poll(() => onSample<string[]>(page, PAINTED_TEXTS).catch(() => []), { timeout: 20_000 }).toEqual(
    expect.arrayContaining(['World Internet Conference']),
  );
  // Boilerplate of the page itself is never a phrase.
  expect(await onSample<string[]>(page, PAINTED_TEXTS)).not.toContain('Back to the welcome page');

  const tabId = await serviceWorker.evaluate(async () => (await chrome.tabs.query({ url: chrome.runtime.getURL('/sample.html') }))[0]!.id!);
  await expect.poll(() => serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toMatch(/^[1-9]\d*$/);

  const box = await onSample<{ x: number; y: number } | null>(page, rangeBox('World Internet Conference'));
  expect(box).not.toBeNull();
  await page.mouse.move(box!.x, box!.y);
  await expect.poll(() => onSample<CardInfo | null>(page, CARD_INFO)).not.toBeNull();
  const card = await onSample<CardInfo>(page, CARD_INFO);
  expect(card.text).toMatch(/cyberspace/i);
  await page.screenshot({ path: 'test-results/screens/sample-card.png' });

  // The popup for the sample tab lists what relates, and does not offer to add the sample.
  const popup = await openPage(`popup.html?tabId=${tabId}`);
  await expect(popup.getByTestId('related-section')).toContainText(/cyberspace/i);
  await expect(popup.getByTestId('import-page')).toBeDisabled();
  await expect(popup.getByTestId('import-page')).toHaveAttribute('title', /sample page/);
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.screenshot({ path: 'test-results/screens/popup-sample.png' });
});

test('the sample page may only ask what a web page may: it cannot read or change the collection', async ({ context }) => {
  const page = await welcomePage(context);
  await page.getByTestId('try-it').click();
  await expect(page).toHaveURL(/\/sample\.html$/);

  const answer = (await page.evaluate(() => chrome.runtime.sendMessage({ type: 'search', data: { query: 'wuzhen' } }))) as {
    ok: boolean;
    error?: { message: string };
  };

  expect(answer.ok).toBe(false);
  expect(answer.error?.message).toMatch(/not allowed from this sender/);
});

test("npm start's welcome address is the one Chromium gives the unpacked extension", async ({ extensionId }) => {
  expect(unpackedExtensionId(extensionPath)).toBe(extensionId);
});
