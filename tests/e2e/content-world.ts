import type { CDPSession, Page } from '@playwright/test';

interface ContextCreated {
  context: { id: number; name: string; auxData?: { type?: string; frameId?: string } };
}

/**
 * Runs code in Cairn's content-script world of a page's top frame, through the DevTools protocol:
 * the only place where Cairn's highlights and hover card can be read (the page's own world, where
 * `page.evaluate` runs, sees nothing of them). `fn` runs there with `cairnStatus` in scope (see
 * `entrypoints/content/status.ts`); its result must be JSON.
 */
export interface ContentWorld {
  evaluate<T>(fn: string): Promise<T>;
  detach(): Promise<void>;
}

export async function contentWorld(page: Page): Promise<ContentWorld> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const contexts = new Map<number, ContextCreated['context']>();
  cdp.on('Runtime.executionContextCreated', ({ context }: ContextCreated) => {
    if (context.auxData?.type === 'isolated') contexts.set(context.id, context);
  });
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }: { executionContextId: number }) => contexts.delete(executionContextId));
  cdp.on('Runtime.executionContextsCleared', () => contexts.clear());
  await cdp.send('Runtime.enable');

  async function topFrameId(): Promise<string> {
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    return frameTree.frame.id;
  }

  return {
    async evaluate<T>(fn: string): Promise<T> {
      const frame = await topFrameId();
      // The newest isolated world of the top frame that holds Cairn's status (the extension's world).
      const candidates = [...contexts.values()].filter((c) => c.auxData?.frameId === frame).reverse();
      for (const context of candidates) {
        const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
          expression: `(() => { if (typeof cairnStatus !== 'object') return { missing: true }; return { value: (${fn})() }; })()`,
          contextId: context.id,
          returnByValue: true,
          awaitPromise: true,
        })) as { result: { value?: { missing?: boolean; value?: T } }; exceptionDetails?: { text: string; exception?: { description?: string } } };
        if (exceptionDetails) throw new Error(`content world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
        if (result.value && !result.value.missing) return result.value.value as T;
      }
      throw new Error('content world: Cairn has not started in this page yet');
    },
    detach: () => cdp.detach(),
  };
}

/** What the tests ask the content world most: the painted phrases, as text, in page order. */
export const PAINTED_TEXTS = `() => cairnStatus.ranges().map((r) => r.toString())`;

export interface CardInfo {
  text: string;
  marks: string[];
  box: { x: number; y: number; width: number; height: number };
  /** Centres of the card's buttons, for trusted clicks with `page.mouse`. */
  open: { x: number; y: number }[];
  mute: { x: number; y: number };
  siteOff: { x: number; y: number };
}

/** The open hover card as the user sees it, or null. */
export const CARD_INFO = `() => {
  const card = cairnStatus.card()?.querySelector('[data-testid="hover-card"]');
  if (!card) return null;
  const centre = (el) => { const b = el.getBoundingClientRect(); return { x: b.left + b.width / 2, y: b.top + b.height / 2 }; };
  const r = card.getBoundingClientRect();
  return {
    text: card.textContent,
    marks: [...card.querySelectorAll('mark')].map((m) => m.textContent),
    box: { x: r.left, y: r.top, width: r.width, height: r.height },
    open: [...card.querySelectorAll('[data-testid="card-open"]')].map(centre),
    mute: centre(card.querySelector('[data-testid="card-mute"]')),
    siteOff: centre(card.querySelector('[data-testid="card-site-off"]')),
  };
}`;

/**
 * Scrolls the first painted range whose text matches `pattern` (a RegExp source, case-insensitive)
 * to the middle of the viewport, and answers where its first line box is.
 */
export function rangeBox(pattern: string): string {
  return `() => {
    const range = cairnStatus.ranges().find((r) => new RegExp(${JSON.stringify(pattern)}, 'i').test(r.toString()));
    if (!range) return null;
    range.startContainer.parentElement.scrollIntoView({ block: 'center' });
    const rect = range.getClientRects()[0];
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, top: rect.top, bottom: rect.bottom };
  }`;
}
