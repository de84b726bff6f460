import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PageReader } from '../../lib/page/page-reader.ts';
import { onBackgroundEvent, request } from '../../lib/platform/messaging.ts';
import { paintRanges, type PaintedRange } from '../../lib/page/paint-ranges.ts';
import type { Painter } from '../../lib/page/painter.ts';
import { createOverlayPainter, type OverlayPainter } from '../../lib/page/overlay-painter.ts';
import { createHighlightApiPainter } from '../../lib/page/highlight-api-painter.ts';
import { scanPage, type Occurrence } from '../../lib/page/scan-page.ts';
import type { HighlightMode } from '../../lib/protocol.ts';
import { createHoverCard } from './hover-card.ts';
import { primeWordScanner } from '../../lib/shared/text/scan-words.ts';
import { isHiddenHost } from '../../lib/page/hidden-host.ts';
import { exposeStatus } from './status.ts';
import { stepHighlight } from '../../lib/page/step-highlight.ts';
import { firstUnread, withPart, type ReadSpan } from '../../lib/page/page-parts.ts';

/** Wait after the last change to a dynamic page before scanning it again. */
const RESCAN_DELAY_MS = 800;
/** Wait this long after the last scroll before reading the part of a long page that came into view. */
const PART_DELAY_MS = 400;
/** Further parts of one long page read at most (each within the scan's budgets). */
const MAX_PARTS = 50;
/** Hover this long before the card opens, and leave it this long before it closes. */
const OPEN_DELAY_MS = 250;
const CLOSE_DELAY_MS = 350;
/** A focus this soon after a trusted Tab press came from the keyboard, not from the page's `focus()`. */
const KEYBOARD_FOCUS_MS = 500;

type Painted = PaintedRange;

/**
 * Cairn on one page: asks the background whether to run, reads the visible text in idle time,
 * reports the hashes of its n-grams (never the text), paints the phrases the background says link
 * to related articles, and opens a hover card over them. Follows dynamic pages and in-page
 * navigation, and cleans up when the extension goes away.
 */
export function startLinker(ctx: ContentScriptContext): void {
  const card = createHoverCard(navigator.language);
  // The overlay is the default: the page's scripts cannot read it (issue 8). The Highlight API is
  // an opt-in setting, where the browser has it.
  let painter: Painter | OverlayPainter = createOverlayPainter();
  let painterKind: 'overlay' | 'highlight-api' = 'overlay';
  let painted: Painted[] = [];
  let byNode = new Map<Node, Painted[]>();
  // One reader per page: its table of the page's words warms up over the page's scans.
  const reader = new PageReader();
  let mode: HighlightMode = 'auto';
  // The highlights shortcut's choice for this page, once pressed; until then the mode decides.
  let shownByUser: boolean | null = null;
  let pending: Occurrence[] = [];
  let highlightSet = new Set<number>();
  let generation = 0;
  // Scans finished (or found Cairn off here): what tests wait for before saying a page stays quiet.
  let runsDone = 0;
  // A long page read in part (issue 11): the spans read so far, and how many further parts were
  // read as the reader scrolled to them. Scans in progress, so a part never races a whole scan.
  let readSpans: ReadSpan[] = [];
  let partsRead = 0;
  let scanning = 0;

  function usePainter(kind: 'overlay' | 'highlight-api'): void {
    if (kind === 'highlight-api' && !('highlights' in CSS)) kind = 'overlay';
    if (kind === painterKind) return;
    painter.destroy();
    painter = kind === 'overlay' ? createOverlayPainter() : createHighlightApiPainter();
    painterKind = kind;
  }

  function clear(): void {
    painter.clear();
    shown = null;
    painted = [];
    byNode = new Map();
    card.hide();
  }

  function paint(): void {
    clear();
    if (!(shownByUser ?? mode === 'auto')) return;
    painted = paintRanges(pending, highlightSet);
    for (const entry of painted) {
      const { startContainer, endContainer } = entry.range;
      indexUnder(startContainer, entry);
      if (endContainer !== startContainer) indexUnder(endContainer, entry);
    }
    painter.paint(painted.map((p) => p.range));
  }

  function indexUnder(node: Node, entry: Painted): void {
    const entries = byNode.get(node);
    if (entries) entries.push(entry);
    else byNode.set(node, [entry]);
  }

  function idle(): Promise<IdleDeadline> {
    return new Promise((resolve) => ctx.requestIdleCallback(resolve, { timeout: 1000 }));
  }

  async function run(): Promise<void> {
    scanning++;
    try {
      await scanWhole();
    } finally {
      scanning--;
    }
  }

  async function scanWhole(): Promise<void> {
    const mine = ++generation;
    readSpans = [];
    partsRead = 0;
    const data = await request('linkingData', {});
    if (mine !== generation || ctx.isInvalid) return;
    if (!data.enabled) {
      pending = [];
      highlightSet = new Set();
      clear();
      runsDone++;
      return;
    }
    // Chromium's first Intl.Segmenter in a page costs 10–30 ms: take the background's answers instead.
    primeWordScanner(data.wordScanner);
    mode = data.highlightMode;
    usePainter(data.useHighlightApi ? 'highlight-api' : 'overlay');
    const scan = await scanPage({
      root: document.body ?? document.documentElement,
      exclude: card.element,
      reader,
      idle,
      cancelled: () => mine !== generation || ctx.isInvalid,
    });
    if (mine !== generation || ctx.isInvalid) return;
    const { words } = await request('phraseWords', { keys: scan.words });
    if (mine !== generation || ctx.isInvalid) return;
    // The popup says when a long page was read only in part (issue 11), so a quiet answer is not
    // taken for the whole page's.
    const links = await request('reportPage', {
      ngrams: scan.report(words),
      textLength: scan.textLength,
      ...(scan.truncated ? { readInPart: true } : {}),
    });
    if (mine !== generation || ctx.isInvalid) return;
    if (scan.truncated && scan.span) {
      readSpans = [scan.span];
      // A page scrolled down before this scan (a link to a section, a rescan) is read where it is.
      readPartSoon();
    }
    const nextSet = new Set(links.highlight);
    const next = scan.occurrences(nextSet);
    // A scan that finds the same phrases in the same places (a rescan after an import that
    // changed nothing here) leaves the page as it is: no flicker, and an open card stays open.
    if (painted.length > 0 && sameOccurrences(pending, next) && sameSet(highlightSet, nextSet)) {
      runsDone++;
      return;
    }
    highlightSet = nextSet;
    pending = next;
    paint();
    runsDone++;
  }

  /**
   * Reads the part of a long page that scrolled into view, when no scan read it yet, within the
   * same budgets as a whole scan; its phrases are painted beside those found before, and the
   * background adds what it relates to to the tab's list.
   */
  async function readPart(): Promise<void> {
    if (readSpans.length === 0 || scanning > 0 || partsRead >= MAX_PARTS || ctx.isInvalid) return;
    const from = firstUnread(textInView(), readSpans);
    if (!from) return;
    const mine = generation;
    scanning++;
    try {
      const scan = await scanPage({
        root: document.body ?? document.documentElement,
        exclude: card.element,
        reader,
        idle,
        from,
        cancelled: () => mine !== generation || ctx.isInvalid,
      });
      if (mine !== generation || ctx.isInvalid || !scan.span) return;
      readSpans.push(scan.span);
      const { words } = await request('phraseWords', { keys: scan.words });
      if (mine !== generation || ctx.isInvalid) return;
      const part = ++partsRead;
      const links = await request('reportPage', { ngrams: scan.report(words), textLength: scan.textLength, readInPart: true, part });
      if (mine !== generation || ctx.isInvalid || links.highlight.length === 0) return;
      for (const phrase of links.highlight) highlightSet.add(phrase);
      pending = withPart(pending, scan.occurrences(new Set(links.highlight)));
      paint();
    } finally {
      scanning--;
    }
  }

  /** `task`, run `delayMs` after the last call (calls in between restart the wait). */
  function debounced(task: () => Promise<void>, delayMs: number): () => void {
    let timer: number | undefined;
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = ctx.setTimeout(() => {
        timer = undefined;
        void task().catch(report);
      }, delayMs);
    };
  }

  const readPartSoon = debounced(readPart, PART_DELAY_MS);
  const runSoon = debounced(run, RESCAN_DELAY_MS);

  // Hover: find the painted phrase under the pointer without touching the page's DOM.
  let openTimer: number | undefined;
  let closeTimer: number | undefined;
  let shown: Painted | null = null;

  function hitTest(x: number, y: number): Painted | null {
    const caret = caretAt(x, y);
    if (!caret) return null;
    for (const entry of byNode.get(caret.node) ?? []) {
      if (!entry.range.isPointInRange(caret.node, caret.offset)) continue;
      for (const rect of entry.range.getClientRects()) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return entry;
      }
    }
    return null;
  }

  // Where keyboard focus goes back to when the card closes by Escape or Tab: the link that opened
  // it, or what had focus before a highlight command moved focus into the card.
  let opener: HTMLElement | null = null;
  // Set while Cairn itself moves focus back to `opener`, so that focus does not open the card again.
  let refocusing = false;

  function focusOpener(): void {
    const target = opener;
    if (!target?.isConnected) return;
    refocusing = true;
    try {
      target.focus({ preventScroll: true });
    } finally {
      refocusing = false;
    }
  }

  function anchorOf(entry: Painted): DOMRect {
    return entry.range.getClientRects()[0] ?? entry.range.getBoundingClientRect();
  }

  async function openCard(entry: Painted, from: HTMLElement | null = null): Promise<boolean> {
    const phrase = await request('phraseCard', { phrase: entry.phrase });
    if (!phrase || phrase.articles.length === 0 || !entry.range.startContainer.isConnected || !painted.includes(entry)) return false;
    shown = entry;
    opener = from;
    painter.setActive(entry.range);
    card.show(phrase, anchorOf(entry), {
      open: (id) => void request('openArticle', { id, phrase: entry.phrase }).catch(report),
      mute: () => {
        closeCard();
        void request('mutePhrase', { phrase: entry.phrase }).catch(report);
      },
      // The background refuses this from an embedded frame, so the button is not offered there.
      siteOff: window === window.top
        ? () => {
            closeCard();
            void request('setSiteEnabled', { enabled: false }).catch(report);
          }
        : undefined,
      close: () => {
        const hadFocus = card.focused;
        closeCard();
        if (hadFocus) focusOpener();
      },
    }, {
      escape: () => {
        closeCard();
        focusOpener();
      },
      // Shift+Tab from the first button goes back to the link, with the card still open; Tab past
      // the last button, or back out of a card a command opened, closes it.
      tabOut: (direction) => {
        const link = opener && painted.some((p) => opener!.contains(p.range.startContainer));
        if (!(direction === 'back' && link)) closeCard();
        focusOpener();
      },
    });
    return true;
  }

  function closeCard(): void {
    shown = null;
    painter.setActive(null);
    card.hide();
  }

  // The next/previous highlight commands: the highlight the user was last taken to, so pressing
  // again goes on from there even after its card closed.
  let visited: Painted | null = null;

  async function step(direction: 1 | -1): Promise<void> {
    if (painted.length === 0 && pending.length > 0 && !(shownByUser ?? mode === 'auto')) {
      shownByUser = true;
      paint();
    }
    const from = shown ?? visited;
    const index = stepHighlight(painted.length, from ? painted.indexOf(from) : null, direction, () => {
      const first = painted.findIndex((p) => p.range.getBoundingClientRect().bottom >= 0);
      return first < 0 ? painted.length : first;
    });
    if (index === null) return;
    const entry = painted[index]!;
    visited = entry;
    const active = document.activeElement;
    const before = active instanceof HTMLElement && active !== document.body && !card.contains(active) ? active : opener;
    closeCard();
    bringIntoView(entry.range);
    // Let the scroll settle before placing the card.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    // A command comes from the keyboard: focus goes into the card, and Escape brings it back.
    if (painted.includes(entry) && (await openCard(entry, before))) card.focus();
  }

  function pointerAt(x: number, y: number, target: EventTarget | null): void {
    if (card.contains(target)) {
      if (closeTimer !== undefined) clearTimeout(closeTimer);
      closeTimer = undefined;
      return;
    }
    const entry = painted.length > 0 ? hitTest(x, y) : null;
    if (entry && entry === shown) {
      if (closeTimer !== undefined) clearTimeout(closeTimer);
      closeTimer = undefined;
      return;
    }
    if (openTimer !== undefined) clearTimeout(openTimer);
    openTimer = undefined;
    if (entry) {
      openTimer = ctx.setTimeout(() => void openCard(entry).catch(report), OPEN_DELAY_MS);
    } else if (shown && closeTimer === undefined && !card.focused) {
      closeTimer = ctx.setTimeout(() => {
        closeTimer = undefined;
        closeCard();
      }, CLOSE_DELAY_MS);
    }
  }

  // Only the user's own input counts: a page's synthetic events and its `focus()` calls open
  // nothing (issue 8).
  let frame = 0;
  let ignored = 0;
  ctx.addEventListener(document, 'pointermove', (event: PointerEvent) => {
    if (!event.isTrusted) ignored++;
    if (!event.isTrusted || (painted.length === 0 && !shown)) return;
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => pointerAt(event.clientX, event.clientY, event.target));
  }, { passive: true });

  let tabbedAt = -Infinity;
  ctx.addEventListener(document, 'keydown', (event: KeyboardEvent) => {
    if (!event.isTrusted) {
      ignored++;
      return;
    }
    if (event.key === 'Tab') tabbedAt = event.timeStamp;
    if (event.key === 'Escape' && shown && !card.focused) closeCard();
    // Tab from the link that opened the card goes into the card, not on through the page.
    if (event.key === 'Tab' && !event.shiftKey && shown && opener && document.activeElement === opener && card.focus()) {
      event.preventDefault();
    }
  }, { capture: true });

  // Keyboard: a focused link or control that holds a linked phrase opens its card.
  ctx.addEventListener(document, 'focusin', (event: FocusEvent) => {
    const target = event.target;
    if (!(target instanceof Element) || card.contains(target) || refocusing) return;
    // The browser marks focus moved by the page's own `focus()` as trusted too: only a focus that
    // follows the user's Tab press opens a card.
    const byKeyboard = event.timeStamp - tabbedAt < KEYBOARD_FOCUS_MS;
    tabbedAt = -Infinity;
    if (!event.isTrusted || !byKeyboard) {
      ignored++;
      return;
    }
    const entry = painted.find((p) => target.contains(p.range.startContainer));
    if (entry) void openCard(entry, target instanceof HTMLElement ? target : null).catch(report);
    else if (shown) closeCard();
  });

  // A scroll moves the card with its phrase; it closes once the phrase has left the view. The
  // card's own scrolling (a tall card) is not the page's.
  ctx.addEventListener(window, 'scroll', (event: Event) => {
    if (!event.isTrusted || !shown || card.contains(event.target)) return;
    const anchor = anchorOf(shown);
    const gone = anchor.bottom < 0 || anchor.top > window.innerHeight || (anchor.width === 0 && anchor.height === 0);
    if (gone) closeCard();
    else card.move(anchor);
  }, { passive: true, capture: true });

  // A long page read in part: once scrolling stops, read what came into view.
  ctx.addEventListener(window, 'scroll', (event: Event) => {
    if (event.isTrusted && readSpans.length > 0) readPartSoon();
  }, { passive: true });

  // Dynamic pages: scan again, in a batch, after their text changes.
  // Cairn's own hosts (the card, the overlay) are outside what is scanned; adding them is no change.
  const ours = isHiddenHost;
  const observer = new MutationObserver((mutations) => {
    const theirs = mutations.some(
      (m) => m.type === 'characterData' || [...m.addedNodes, ...m.removedNodes].some((node) => !ours(node)),
    );
    if (theirs) runSoon();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => {
    observer.disconnect();
    clear();
    painter.destroy();
  });

  // In-page navigation (history.pushState, hash changes) is a new page to relate.
  ctx.addEventListener(window, 'wxt:locationchange', runSoon);

  const stopEvents = onBackgroundEvent(['rescan', 'toggleHighlights', 'stepHighlight'], ({ event, data }) => {
    if (ctx.isInvalid) return;
    if (event === 'rescan') void run().catch(report);
    if (event === 'toggleHighlights') {
      shownByUser = !(shownByUser ?? mode === 'auto');
      paint();
    }
    if (event === 'stepHighlight' && window === window.top) void step(data.direction === 'next' ? 1 : -1).catch(report);
  });
  ctx.onInvalidated(stopEvents);

  exposeStatus({
    painter: () => painterKind,
    ranges: () => painted.map((p) => p.range.cloneRange()),
    card: () => card.root,
    cardIndex: () => (shown ? painted.indexOf(shown) : -1),
    ignoredEvents: () => ignored,
    runs: () => runsDone,
    boxes: () => ('boxRects' in painter ? painter.boxRects() : []).map(({ x, y, width, height }) => ({ x, y, width, height })),
  });

  void run().catch(report);
}

function sameOccurrences(a: readonly Occurrence[], b: readonly Occurrence[]): boolean {
  return a.length === b.length && a.every((o, i) => {
    const p = b[i]!;
    return o.phrase === p.phrase && o.start === p.start && o.end === p.end
      && o.block.nodes.length === p.block.nodes.length && o.block.nodes.every((node, j) => node === p.block.nodes[j]);
  });
}

function sameSet(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

/** Scrolls the page (and any scrolling box around it) so the range sits in the middle of the viewport. */
function bringIntoView(range: Range): void {
  range.startContainer.parentElement?.scrollIntoView({ block: 'nearest', behavior: 'instant' });
  const rect = range.getBoundingClientRect();
  // Near an edge counts as out of view: the card needs room above or below the phrase.
  const margin = window.innerHeight / 5;
  if (rect.top < margin || rect.bottom > window.innerHeight - margin) {
    window.scrollBy({ top: rect.top + rect.height / 2 - window.innerHeight / 2, behavior: 'instant' });
  }
}

/** Text nodes at points spread over the viewport, top to bottom (what a reader has in view). */
function textInView(): Node[] {
  const nodes: Node[] = [];
  const width = window.innerWidth;
  const height = window.innerHeight;
  for (const fy of [0.05, 0.25, 0.5, 0.75, 0.95]) {
    for (const fx of [0.3, 0.5, 0.7]) {
      const caret = caretAt(width * fx, height * fy);
      if (caret?.node.nodeType === Node.TEXT_NODE) nodes.push(caret.node);
    }
  }
  return nodes;
}

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  if (doc.caretPositionFromPoint) {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

function report(error: unknown): void {
  // "Extension context invalidated" after an update is expected; anything else is worth a line.
  if (error instanceof Error && /context invalidated/i.test(error.message)) return;
  console.debug('Cairn:', error);
}
