import type { Bidi } from './bidi.ts';

/**
 * What the smoke test reads in Firefox, through WebDriver BiDi: tabs, the background's report for
 * a tab (from an extension page, where `browser.*` is), the overlay's painted boxes (from BiDi's
 * own sandbox, which can be handed the overlay's closed shadow root), and the page's own view.
 */
export function cairnInFirefox(bidi: Bidi, extensionOrigin: string) {
  async function openTab(url: string): Promise<string> {
    const { context } = await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
    await navigate(context, url);
    return context;
  }

  async function navigate(context: string, url: string): Promise<void> {
    await bidi.send('browsingContext.navigate', { context, url, wait: 'complete' });
  }

  /** The closed shadow roots of Cairn's nameless hosts (children of `<html>`), as BiDi node ids. */
  async function hiddenRoots(context: string): Promise<string[]> {
    const reply = await bidi.send<{ result?: { value?: { value?: { shadowRoot?: { sharedId?: string } | null } }[] } }>('script.evaluate', {
      expression: '[...document.documentElement.children]',
      target: { context, sandbox: 'cairn-smoke' },
      awaitPromise: false,
      serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
    });
    return (reply.result?.value ?? []).flatMap((node) => (node.value?.shadowRoot?.sharedId ? [node.value.shadowRoot.sharedId] : []));
  }

  /** BiDi's id for the element `selector` finds in a tab. */
  async function elementId(context: string, selector: string): Promise<string> {
    const reply = await bidi.send<{ result?: { sharedId?: string } }>('script.evaluate', {
      expression: `document.querySelector(${JSON.stringify(selector)})`,
      target: { context },
      awaitPromise: false,
    });
    if (!reply.result?.sharedId) throw new Error(`cairn-in-firefox: nothing matches ${selector}`);
    return reply.result.sharedId;
  }

  return {
    openTab,
    navigate,

    /** Opens one of Cairn's pages (`popup.html?tabId=2`) in a new tab. */
    openExtensionPage: (path: string) => openTab(`${extensionOrigin}/${path}`),

    /** The extension's id for the tab showing `url` (host permissions let Cairn see http URLs). */
    tabIdOf: (extensionPage: string, url: string) =>
      bidi.call<number | null>(extensionPage, `async (url) => (await browser.tabs.query({})).find((tab) => tab.url === url)?.id ?? null`, {
        args: [{ type: 'string', value: url }],
      }),

    /** The tab's badge once the background has stored its report on the page (the scan has ended), else null. */
    report: (extensionPage: string, tabId: number) =>
      bidi.call<{ badge: string } | null>(
        extensionPage,
        `async (tabId) => {
          const key = 'tab-links:' + tabId;
          if ((await browser.storage.session.get(key))[key] === undefined) return null;
          return { badge: await browser.browserAction.getBadgeText({ tabId }) };
        }`,
        { args: [{ type: 'number', value: tabId }] },
      ),

    /** The overlay's boxes and the page's words they cover, in page order. */
    async painted(page: string): Promise<{ boxes: number; words: string[] }> {
      const roots = await hiddenRoots(page);
      return bidi.call(
        page,
        `(...roots) => {
          const boxes = roots
            .flatMap((root) => [...root.children].filter((child) => child.localName === 'div'))
            .map((box) => box.getBoundingClientRect())
            .filter((box) => box.width > 0 && box.height > 0);
          const words = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const match of node.data.matchAll(/[\\p{L}\\p{N}]+/gu)) {
              const range = document.createRange();
              range.setStart(node, match.index);
              range.setEnd(node, match.index + match[0].length);
              const r = range.getBoundingClientRect();
              const x = r.left + r.width / 2;
              const y = r.top + r.height / 2;
              if (boxes.some((box) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom)) words.push(match[0]);
            }
          }
          return { boxes: boxes.length, words };
        }`,
        { args: roots.map((sharedId) => ({ sharedId })), sandbox: 'cairn-smoke' },
      );
    },

    /**
     * Scrolls the first painted occurrence of `word` to the middle of the viewport and answers its
     * centre in viewport pixels, or null when no box covers it.
     */
    async paintedWordAt(page: string, word: string): Promise<{ x: number; y: number } | null> {
      const roots = await hiddenRoots(page);
      return bidi.call(
        page,
        `(word, ...roots) => {
          const boxes = roots.flatMap((root) => [...root.children].filter((child) => child.localName === 'div'));
          const covered = (r) => boxes.some((box) => {
            const b = box.getBoundingClientRect();
            const x = r.left + r.width / 2;
            const y = r.top + r.height / 2;
            return x >= b.left && x <= b.right && y >= b.top && y <= b.bottom;
          });
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.data.toLowerCase().indexOf(word.toLowerCase());
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + word.length);
            if (!covered(range.getBoundingClientRect())) continue;
            node.parentElement.scrollIntoView({ block: 'center' });
            const r = range.getBoundingClientRect();
            return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) };
          }
          return null;
        }`,
        { args: [{ type: 'string', value: word }, ...roots.map((sharedId) => ({ sharedId }))], sandbox: 'cairn-smoke' },
      );
    },

    /** The open hover card's text and marked words, or null when none shows. */
    async card(page: string): Promise<{ text: string; marks: string[] } | null> {
      const roots = await hiddenRoots(page);
      return bidi.call(
        page,
        `(...roots) => {
          const card = roots.map((root) => root.querySelector('[data-testid="hover-card"]')).find((found) => found);
          if (!card) return null;
          return { text: card.textContent, marks: [...card.querySelectorAll('mark')].map((mark) => mark.textContent) };
        }`,
        { args: roots.map((sharedId) => ({ sharedId })), sandbox: 'cairn-smoke' },
      );
    },

    /** Moves the (trusted) mouse pointer to a point of the viewport. */
    async pointTo(context: string, point: { x: number; y: number }): Promise<void> {
      await bidi.send('input.performActions', {
        context,
        actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [{ type: 'pointerMove', x: point.x, y: point.y, origin: 'viewport' }] }],
      });
    },

    /** Presses one key, e.g. '\uE00C' (Escape). */
    async press(context: string, key: string): Promise<void> {
      await bidi.send('input.performActions', {
        context,
        actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: key }, { type: 'keyUp', value: key }] }],
      });
    },

    /** What the page's own scripts can find of Cairn: shadow roots they can open, registered highlights. */
    pageView: (page: string) =>
      bidi.call<{ shadowRoots: number; highlights: number }>(
        page,
        `() => ({
          shadowRoots: [...document.querySelectorAll('*')].filter((element) => element.shadowRoot !== null).length,
          highlights: CSS.highlights.size,
        })`,
      ),

    /** Clicks the element `selector` finds, then types `text`, as the user would. */
    async typeInto(context: string, selector: string, text: string): Promise<void> {
      const sharedId = await elementId(context, selector);
      await bidi.send('browsingContext.activate', { context });
      await bidi.send('input.performActions', {
        context,
        actions: [
          {
            type: 'pointer',
            id: 'mouse',
            parameters: { pointerType: 'mouse' },
            actions: [
              { type: 'pointerMove', x: 0, y: 0, origin: { type: 'element', element: { sharedId } } },
              { type: 'pointerDown', button: 0 },
              { type: 'pointerUp', button: 0 },
            ],
          },
          { type: 'key', id: 'keyboard', actions: [...text].flatMap((key) => [{ type: 'keyDown', value: key }, { type: 'keyUp', value: key }]) },
        ],
      });
    },

    /** Picks files in the file input `selector` finds, as the file chooser would. */
    async setFiles(context: string, selector: string, paths: string[]): Promise<void> {
      const sharedId = await elementId(context, selector);
      await bidi.send('input.setFiles', { context, element: { sharedId }, files: paths });
    },

    /** Runs `fn` in a tab and answers its JSON result. */
    read: <T>(context: string, fn: string) => bidi.call<T>(context, fn),
  };
}
