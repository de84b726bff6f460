import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, sendToBackground, test } from './fixtures.ts';
import { contentWorld, PAINTED_TEXTS } from './content-world.ts';

// Cairn's ways in from outside its own pages (issue 11, "Reach"). Playwright cannot press browser
// shortcuts, type in the address bar or click a context menu, so each test dispatches the
// browser's own event in the service worker (Chromium's bindings offer `dispatch`), which calls
// the listeners the background registered, with the arguments the browser would give.

const BASE = 'http://127.0.0.1:4173/';

async function visit(context: BrowserContext, serviceWorker: Worker, file: string): Promise<{ page: Page; tabId: number }> {
  const page = await context.newPage();
  await page.goto(BASE + file);
  await page.bringToFront();
  const tabId = await serviceWorker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]!.id!, BASE + file);
  return { page, tabId };
}

async function paintedCount(page: Page): Promise<number> {
  const world = await contentWorld(page);
  try {
    return (await world.evaluate<string[]>(PAINTED_TEXTS)).length;
  } finally {
    await world.detach();
  }
}

/** What `omnibox.onInputChanged` suggests for `text`, and whether Chrome's own parser accepts each line. */
function omniboxInput(serviceWorker: Worker, text: string) {
  return serviceWorker.evaluate(async (input) => {
    const suggestions = await new Promise<chrome.omnibox.Suggestion[]>((resolve) => chrome.omnibox.onInputChanged.dispatch(input, resolve));
    // setDefaultSuggestion parses the description as Chrome's dropdown does, and throws on bad XML.
    const refused: string[] = [];
    for (const { description } of suggestions) {
      await chrome.omnibox.setDefaultSuggestion({ description }).catch((error: Error) => refused.push(error.message));
    }
    return { suggestions, refused };
  }, text);
}

function dispatchMenu(serviceWorker: Worker, click: chrome.contextMenus.Click, tabId: number): Promise<void> {
  return serviceWorker.evaluate(async ({ click, tabId }) => chrome.contextMenus.onClicked.dispatch(click, await chrome.tabs.get(tabId)), { click, tabId });
}

async function articleCount(page: Page): Promise<number> {
  const { value } = (await sendToBackground(page, { type: 'listArticles', data: {} })) as { value: { articles: unknown[] } };
  return value.articles.length;
}

test.describe('keyboard commands', () => {
  test('the manifest suggests shortcuts for the popup, the side panel and the highlights, none clashing', async ({ serviceWorker }) => {
    const commands = await serviceWorker.evaluate(() => chrome.commands.getAll());

    const bound = Object.fromEntries(commands.map((c) => [c.name, c.shortcut]));
    expect(bound).toMatchObject({ _execute_action: 'Alt+Shift+K', 'open-side-panel': 'Alt+Shift+L', 'highlight-page': 'Alt+Shift+H' });
    const keys = commands.map((c) => c.shortcut).filter(Boolean);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('the highlights command hides the highlights on the page, and shows them again', async ({ context, serviceWorker }) => {
    const { page, tabId } = await visit(context, serviceWorker, 'related-wuzhen-news.html');
    await expect.poll(() => paintedCount(page)).toBeGreaterThan(0);
    const shown = await paintedCount(page);
    const press = () => serviceWorker.evaluate(async (id) => chrome.commands.onCommand.dispatch('highlight-page', await chrome.tabs.get(id)), tabId);

    await press();
    await expect.poll(() => paintedCount(page)).toBe(0);
    await press();

    await expect.poll(() => paintedCount(page)).toBe(shown);
  });

  test('the side panel command opens the panel beside the tab it came from', async ({ context, serviceWorker }) => {
    const { tabId } = await visit(context, serviceWorker, 'unrelated-recipe.html');

    // Chrome opens a side panel only within a real key press, which a test cannot make: record the call instead.
    const opened = await serviceWorker.evaluate(async (id) => {
      const calls: unknown[] = [];
      const record = async (options: unknown) => void calls.push(options);
      const withBrowser = globalThis as unknown as { browser?: { sidePanel?: { open: unknown } } };
      chrome.sidePanel.open = record;
      if (withBrowser.browser?.sidePanel) withBrowser.browser.sidePanel.open = record;
      chrome.commands.onCommand.dispatch('open-side-panel', await chrome.tabs.get(id));
      return calls;
    }, tabId);

    expect(opened).toEqual([{ tabId }]);
  });
});

test.describe('the address bar keyword', () => {
  test('suggests matching articles with their titles marked, in markup Chrome accepts', async ({ serviceWorker }) => {
    const { suggestions, refused } = await omniboxInput(serviceWorker, 'cyberspace governance');

    expect(refused).toEqual([]);
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions[0]!.description).toMatch(/<match>[Gg]overnance<\/match>/);
  });

  test('escapes a title full of markup, so the line shows it as written', async ({ serviceWorker, openPage }) => {
    const library = await openPage('library.html');
    const hostile = 'Routers & <url>javascript:alert(1)</url> </match><dim>';
    await sendToBackground(library, {
      type: 'importArticles',
      data: { batchId: 'omnibox-hostile-1', origin: 'paste', articles: [{ title: hostile, body: 'Quokkarouter firmware notes for the lab.' }] },
    });

    const { suggestions, refused } = await omniboxInput(serviceWorker, 'quokkarouter');

    expect(refused).toEqual([]);
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]!.description).toBe('Routers &amp; &lt;url&gt;javascript:alert(1)&lt;/url&gt; &lt;/match&gt;&lt;dim&gt;');
  });

  test('Enter on a suggestion opens the article in the reader', async ({ context, serviceWorker }) => {
    const { suggestions } = await omniboxInput(serviceWorker, 'cyberspace governance');
    const reader = context.waitForEvent('page', (p) => p.url().includes('/reader.html'));

    await serviceWorker.evaluate((content) => chrome.omnibox.onInputEntered.dispatch(content, 'newForegroundTab'), suggestions[0]!.content);

    const page = await reader;
    await expect(page.getByTestId('reader-title')).toHaveText(suggestions[0]!.content.replace(/ \(cairn:\d+\)$/, ''));
  });

  test('Enter on typed words opens the library filtered by them, in the tab the address bar belongs to', async ({ context, serviceWorker }) => {
    const { page: library } = await visit(context, serviceWorker, 'unrelated-recipe.html');

    await serviceWorker.evaluate(() => chrome.omnibox.onInputEntered.dispatch('  submarine   cables ', 'currentTab'));

    await expect(library).toHaveURL(/\/library\.html\?q=submarine\+cables$/);
    await expect(library.getByTestId('library-search')).toHaveValue('submarine cables');
    await expect(library.getByTestId('library-count')).toContainText('showing');
    await expect(library.locator('.article-title').first()).toBeVisible();
  });
});

test.describe('the selection menu', () => {
  test('"Search Cairn for" opens the library filtered by the selected words, beside the page', async ({ context, serviceWorker }) => {
    const { tabId } = await visit(context, serviceWorker, 'related-wuzhen-news.html');
    const opened = context.waitForEvent('page', (p) => p.url().includes('/library.html'));

    await dispatchMenu(serviceWorker, { menuItemId: 'cairn-search-selection', selectionText: 'World Internet\nConference', editable: false, frameId: 0 }, tabId);

    const library = await opened;
    await expect(library.getByTestId('library-search')).toHaveValue('World Internet Conference');
    await expect(library.getByTestId('library-count')).toContainText('showing');
  });

  test('"Save selection to Cairn" stores the selected text with the page as its source', async ({ context, serviceWorker, openPage }) => {
    const { page, tabId } = await visit(context, serviceWorker, 'unrelated-recipe.html');
    const selected = await page.evaluate(() => {
      const paragraphs = [...document.querySelectorAll('p')].slice(0, 2);
      const range = document.createRange();
      range.setStartBefore(paragraphs[0]!);
      range.setEndAfter(paragraphs[1]!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString();
    });
    const library = await openPage('library.html');
    await expect(library.getByTestId('library-count')).toContainText('5');

    await dispatchMenu(serviceWorker, { menuItemId: 'cairn-save-selection', selectionText: selected.replace(/\s+/g, ' '), editable: false, frameId: 0, pageUrl: BASE + 'unrelated-recipe.html' }, tabId);

    await expect(library.getByTestId('library-count')).toContainText('6');
    const { value } = (await sendToBackground(library, { type: 'listArticles', data: {} })) as {
      value: { articles: { id: number; title: string; url?: string; source?: string; origin: string }[] };
    };
    const saved = value.articles.find((a) => a.url === BASE + 'unrelated-recipe.html')!;
    expect(saved).toMatchObject({ title: await page.title(), source: '127.0.0.1', origin: 'page' });
    const article = (await sendToBackground(library, { type: 'getArticle', data: { id: saved.id } })) as { value: { body: string } };
    // Read from the page itself, so the paragraphs keep their break (the menu's text has none).
    expect(article.value.body).toContain('\n');
    expect(article.value.body.replace(/\s+/g, ' ').trim()).toBe(selected.replace(/\s+/g, ' ').trim());
    // The page is told, in Cairn's notice.
    await expect(page.locator('#cairn-page-notice')).toBeAttached();
  });

  test('"Save selection" with nothing selected stores nothing and tells the page', async ({ context, serviceWorker, openPage }) => {
    const { page, tabId } = await visit(context, serviceWorker, 'unrelated-recipe.html');
    const library = await openPage('library.html');
    await expect(library.getByTestId('library-count')).toContainText('5');

    await dispatchMenu(serviceWorker, { menuItemId: 'cairn-save-selection', selectionText: '  ', editable: false, frameId: 0, pageUrl: BASE + 'unrelated-recipe.html' }, tabId);

    await expect(page.locator('#cairn-page-notice')).toBeAttached();
    expect(await articleCount(library)).toBe(5);
  });
});

test.describe('the settings page', () => {
  test('lists the shortcuts the browser has bound, and opens the browser’s shortcut page', async ({ context, serviceWorker, openPage }) => {
    const commands = await serviceWorker.evaluate(() => chrome.commands.getAll());
    const settings = await openPage('settings.html');
    await settings.setViewportSize({ width: 800, height: 1100 });

    for (const { name, shortcut } of commands) {
      const keys = settings.locator(`[data-command="${name}"] [data-testid="shortcut-keys"]`);
      await expect(keys).toHaveText(shortcut ? shortcut : 'not set');
    }
    await expect(settings.getByTestId('on-demand-keys')).toContainText(commands.find((c) => c.name === 'highlight-page')!.shortcut!);
    await settings.getByTestId('shortcuts').scrollIntoViewIfNeeded();
    await settings.screenshot({ path: 'test-results/settings-shortcuts.png', fullPage: true });

    const opened = context.waitForEvent('page', (p) => p.url().startsWith('chrome://extensions'));
    await settings.getByTestId('change-shortcuts').click();
    expect((await opened).url()).toBe('chrome://extensions/shortcuts');
  });
});

test.describe('next and previous highlight', () => {
  /** Which highlight's card shows (-1 for none), and whether that highlight is inside the viewport. */
  async function cardAt(page: Page): Promise<{ index: number; inView: boolean }> {
    const world = await contentWorld(page);
    try {
      return await world.evaluate(`() => {
        const index = cairnStatus.cardIndex();
        const range = cairnStatus.ranges()[index];
        if (!range || !cairnStatus.card()) return { index: -1, inView: false };
        const r = range.getBoundingClientRect();
        return { index, inView: r.top >= 0 && r.bottom <= innerHeight };
      }`);
    } finally {
      await world.detach();
    }
  }

  const press = (serviceWorker: Worker, command: string, tabId: number) =>
    serviceWorker.evaluate(async ({ command, tabId }) => chrome.commands.onCommand.dispatch(command, await chrome.tabs.get(tabId)), { command, tabId });

  test('the commands exist without suggested keys, for the user to bind', async ({ serviceWorker }) => {
    const commands = await serviceWorker.evaluate(() => chrome.commands.getAll());

    expect(commands.filter((c) => /^(next|previous)-highlight$/.test(c.name ?? ''))).toEqual([
      expect.objectContaining({ name: 'next-highlight', shortcut: '' }),
      expect.objectContaining({ name: 'previous-highlight', shortcut: '' }),
    ]);
  });

  test('go through the highlights in page order, scrolling each into view with its card open, and wrap around', async ({ context, serviceWorker }) => {
    const { page, tabId } = await visit(context, serviceWorker, 'related-wuzhen-news.html');
    await page.setViewportSize({ width: 900, height: 300 });
    await expect.poll(() => paintedCount(page)).toBeGreaterThan(2);
    const count = await paintedCount(page);

    await press(serviceWorker, 'next-highlight', tabId);
    await expect.poll(() => cardAt(page)).toEqual({ index: 0, inView: true });
    await press(serviceWorker, 'next-highlight', tabId);
    await expect.poll(() => cardAt(page)).toEqual({ index: 1, inView: true });
    await press(serviceWorker, 'previous-highlight', tabId);
    await expect.poll(() => cardAt(page)).toEqual({ index: 0, inView: true });
    await press(serviceWorker, 'previous-highlight', tabId);

    await expect.poll(() => cardAt(page)).toEqual({ index: count - 1, inView: true });
    await page.screenshot({ path: 'test-results/previous-highlight-card.png' });
  });

  test('shows hidden highlights before going to one', async ({ context, serviceWorker }) => {
    const { page, tabId } = await visit(context, serviceWorker, 'related-wuzhen-news.html');
    await expect.poll(() => paintedCount(page)).toBeGreaterThan(0);
    await press(serviceWorker, 'highlight-page', tabId);
    await expect.poll(() => paintedCount(page)).toBe(0);

    await press(serviceWorker, 'next-highlight', tabId);

    await expect.poll(() => cardAt(page)).toEqual({ index: 0, inView: true });
    expect(await paintedCount(page)).toBeGreaterThan(0);
  });
});
