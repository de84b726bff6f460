import type { Painter } from './painter.ts';
import { attachHiddenHost } from './hidden-host.ts';

export interface OverlayPainterOptions {
  /**
   * Where the overlay's host element goes, at once. Default `document.documentElement` (outside
   * `body`, which is what gets scanned).
   */
  parent?: Element;
}

/** A box, in the overlay's own coordinates (document pixels from the host's origin). */
interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const OVERLAY_CSS = `
:host { all: initial !important; position: absolute !important; top: 0 !important; left: 0 !important;
  width: 0 !important; height: 0 !important; overflow: visible !important; pointer-events: none !important;
  z-index: 2147483646 !important; display: block !important; contain: layout style !important; }
div { position: absolute; box-sizing: border-box; pointer-events: none; border-radius: 2px;
  background: rgb(250 204 21 / 0.32); box-shadow: inset 0 -2px rgb(202 138 4 / 0.9); }
div.active { background: rgb(250 204 21 / 0.6); }
@media print { :host { display: none !important; } }
`;

/**
 * Paints ranges as translucent boxes inside a closed shadow root: the page's own scripts can
 * neither read which ranges are painted (as they can with `CSS.highlights`) nor click the boxes
 * (`pointer-events: none`). Boxes are placed in document coordinates, so scrolling the page moves
 * them with the text at no cost; they are measured again, in one animation frame, when the layout
 * may have moved the text: a resize of the document, the window or an observed element, fonts
 * loading, or a scroll inside a scrolling element (only the ranges inside it).
 *
 * All reads (`getClientRects`) happen before all writes, so one paint forces at most one layout.
 */
export interface OverlayPainter extends Painter {
  /** Where the boxes are now, in viewport coordinates (for tests; forces a layout). */
  boxRects(): DOMRect[];
}

export function createOverlayPainter(options: OverlayPainterOptions = {}): OverlayPainter {
  let host: { element: Element; root: ShadowRoot } | null = null;
  let ranges: readonly Range[] = [];
  /** The boxes of each range, in `ranges` order. */
  let boxes: HTMLDivElement[][] = [];
  let active: Range | null = null;
  /** Ranges waiting to be measured again at the next frame; `all` means every one. */
  let dirty: Set<number> | 'all' | null = null;
  let frame = 0;
  const cleanups: (() => void)[] = [];

  function ensureHost(): ShadowRoot {
    if (host) {
      if (!host.element.isConnected) (options.parent ?? document.documentElement).append(host.element);
      return host.root;
    }
    host = attachHiddenHost(options.parent ?? document.documentElement, OVERLAY_CSS);
    listen();
    return host.root;
  }

  function listen(): void {
    const remeasureAll = () => schedule('all');
    // A ResizeObserver reports every observed element once when it starts: that is not a change.
    let started = false;
    // Its callback runs after layout and before paint, so boxes placed there are right in the same
    // frame; waiting for the next animation frame left them one frame behind every reflow.
    const resize = new ResizeObserver(() => {
      if (started) {
        dirty = 'all';
        if (frame !== 0) cancelAnimationFrame(frame);
        flush();
      }
      started = true;
    });
    resize.observe(document.documentElement);
    if (document.body) resize.observe(document.body);
    window.addEventListener('resize', remeasureAll, { passive: true });
    document.fonts?.addEventListener?.('loadingdone', remeasureAll);
    // A scroll of the document moves the boxes with it; a scroll inside an element moves only the
    // text in that element, so only its ranges are measured again.
    const scrolled = (event: Event) => {
      const target = event.target;
      if (!(target instanceof Element) || ranges.length === 0) return;
      const inside = new Set<number>();
      ranges.forEach((range, i) => {
        if (target.contains(range.startContainer)) inside.add(i);
      });
      if (inside.size > 0) schedule(inside);
    };
    document.addEventListener('scroll', scrolled, { passive: true, capture: true });
    cleanups.push(
      () => resize.disconnect(),
      () => window.removeEventListener('resize', remeasureAll),
      () => document.fonts?.removeEventListener?.('loadingdone', remeasureAll),
      () => document.removeEventListener('scroll', scrolled, { capture: true }),
    );
  }

  function schedule(which: Set<number> | 'all'): void {
    if (ranges.length === 0) return;
    if (dirty === 'all' || which === 'all') dirty = 'all';
    else if (dirty) for (const i of which) dirty.add(i);
    else dirty = which;
    if (frame === 0) frame = requestAnimationFrame(flush);
  }

  function flush(): void {
    frame = 0;
    const which = dirty;
    dirty = null;
    if (!which || !host) return;
    const indices = which === 'all' ? ranges.map((_, i) => i) : [...which];
    const origin = originOf(host.element);
    const measured = indices.map((i) => measure(ranges[i]!, origin)); // reads
    indices.forEach((i, k) => place(i, measured[k]!)); // writes
  }

  /** Puts range `i`'s boxes where `measured` says, reusing its box elements. */
  function place(i: number, measured: Box[]): void {
    const root = host!.root;
    const own = boxes[i] ?? (boxes[i] = []);
    const isActive = ranges[i] === active;
    while (own.length > measured.length) own.pop()!.remove();
    while (own.length < measured.length) {
      const div = document.createElement('div');
      if (isActive) div.className = 'active';
      own.push(div);
      root.append(div);
    }
    measured.forEach((box, k) => {
      own[k]!.style.cssText = styleOf(box);
    });
  }

  function clear(): void {
    cancelAnimationFrame(frame);
    frame = 0;
    dirty = null;
    for (const own of boxes) for (const div of own) div.remove();
    boxes = [];
    ranges = [];
    active = null;
  }

  // The host is there from the start, painted or not: its appearing would tell a page that
  // probes with phrases of its own that one of them is in the collection.
  ensureHost();

  return {
    paint(next) {
      const root = ensureHost();
      cancelAnimationFrame(frame);
      frame = 0;
      dirty = null;
      // Every read first, while the layout is still clean; then the writes, reusing the old boxes.
      const origin = next.length > 0 ? originOf(host!.element) : null;
      const measured = origin ? next.map((range) => measure(range, origin)) : [];
      const pool = boxes.flat();
      boxes = [];
      ranges = [...next];
      active = null;
      let used = 0;
      const fragment = document.createDocumentFragment();
      boxes = measured.map((list) =>
        list.map((box) => {
          let div = pool[used++];
          if (div) {
            if (div.className) div.className = '';
          } else {
            div = document.createElement('div');
            fragment.append(div);
          }
          div.style.cssText = styleOf(box);
          return div;
        }),
      );
      for (const div of pool.slice(used)) div.remove();
      if (fragment.hasChildNodes()) root.append(fragment);
    },
    setActive(range) {
      const before = active === null ? -1 : ranges.indexOf(active);
      const after = range === null ? -1 : ranges.indexOf(range);
      for (const div of boxes[before] ?? []) div.className = '';
      for (const div of boxes[after] ?? []) div.className = 'active';
      active = after === -1 ? null : range;
    },
    clear,
    boxRects: () => boxes.flat().map((div) => div.getBoundingClientRect()),
    destroy() {
      clear();
      for (const cleanup of cleanups.splice(0)) cleanup();
      host?.element.remove();
      host = null;
    },
  };
}

function styleOf(box: Box): string {
  return `left:${box.x}px;top:${box.y}px;width:${box.w}px;height:${box.h}px`;
}

/** Where the host's origin is in the viewport, and how far the document may extend. */
interface Origin {
  left: number;
  top: number;
  maxX: number;
  maxY: number;
}

function originOf(element: Element): Origin {
  const rect = element.getBoundingClientRect();
  const scroller = document.scrollingElement ?? document.documentElement;
  return { left: rect.left, top: rect.top, maxX: scroller.scrollWidth, maxY: scroller.scrollHeight };
}

/**
 * A range's line boxes, in the host's coordinates. A range that contains a whole element (a phrase
 * across `<em>`) lists that element's box as well as its text: boxes inside another are dropped so
 * the colour is not laid on twice. Boxes are kept inside the document's scrollable area, so the
 * overlay never makes the page scroll further than it did.
 */
function measure(range: Range, origin: Origin): Box[] {
  const out: Box[] = [];
  for (const rect of range.getClientRects()) {
    if (rect.width < 0.5 || rect.height < 0.5) continue;
    const x = rect.left - origin.left;
    const y = rect.top - origin.top;
    if (out.some((b) => x >= b.x - 0.5 && y >= b.y - 0.5 && x + rect.width <= b.x + b.w + 0.5 && y + rect.height <= b.y + b.h + 0.5)) continue;
    const left = Math.max(0, x);
    const top = Math.max(0, y);
    const w = Math.min(x + rect.width, origin.maxX) - left;
    const h = Math.min(y + rect.height, origin.maxY) - top;
    if (w > 0 && h > 0) out.push({ x: left, y: top, w, h });
  }
  return out;
}
