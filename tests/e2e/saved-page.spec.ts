import type { Worker } from '@playwright/test';
import { contentWorld, PAINTED_TEXTS } from './content-world.ts';
import { expect, test } from './fixtures.ts';

const PAGE = 'http://127.0.0.1:4173/related-wuzhen-news.html';

const badgeOf = (serviceWorker: Worker, tabId: number) => serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

test.describe('a page that is in the collection', () => {
  test('says so in the popup and on the badge, and is never listed or highlighted as related to itself', async ({ context, serviceWorker, openPage }) => {
    const page = await context.newPage();
    await page.goto(PAGE);
    const tabId = await serviceWorker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]!.id!, PAGE);
    const popup = await openPage(`popup.html?tabId=${tabId}`);
    await popup.setViewportSize({ width: 400, height: 560 });
    await expect(popup.getByTestId('related-item').first()).toBeVisible();
    await expect(popup.getByTestId('saved-page')).toHaveCount(0);
    const relatedBefore = await popup.getByTestId('related-title').allInnerTexts();

    await popup.getByTestId('import-page').click();
    await expect(popup.getByTestId('import-page-result')).toContainText('Added');

    // Once the new article is linked, open pages are scanned again and this one reports itself saved.
    const saved = popup.getByTestId('saved-page');
    await expect(saved).toContainText('In your collection');
    const ownTitle = (await popup.getByTestId('saved-page-open').innerText()).trim();
    // The default articles it related to before are still listed (the new article changed how
    // rare each phrase is, so a weak one may drop), and its own article never is.
    await expect(popup.getByTestId('related-item').first()).toBeVisible();
    const relatedAfter = await popup.getByTestId('related-title').allInnerTexts();
    expect(relatedAfter).not.toContain(ownTitle);
    expect(relatedBefore).toEqual(expect.arrayContaining(relatedAfter));
    await expect.poll(() => badgeOf(serviceWorker, tabId)).toBe(`✓${relatedAfter.length}`);
    await popup.screenshot({ path: 'test-results/popup-saved-page.png' });

    // The other articles' phrases are still highlighted on it.
    const world = await contentWorld(page);
    await expect.poll(async () => (await world.evaluate<string[]>(PAINTED_TEXTS)).some((text) => /wuzhen/i.test(text))).toBe(true);
    await world.detach();

    const [reader] = await Promise.all([context.waitForEvent('page'), popup.getByTestId('saved-page-open').click()]);
    await expect(reader.getByTestId('reader-title')).toHaveText(ownTitle);
    await expect(reader.getByTestId('reader-original')).toHaveAttribute('href', PAGE);

    // The side panel, following the tab the user switches to, says the same.
    const panel = await openPage('sidepanel.html');
    await page.bringToFront();
    await expect(panel.getByTestId('saved-page')).toContainText('In your collection');
    await expect(panel.getByTestId('saved-page-open')).toHaveText(ownTitle);
    await expect(panel.getByTestId('related-title')).not.toContainText([ownTitle]);
  });
});
