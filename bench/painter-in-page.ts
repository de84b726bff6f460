/**
 * The page side of the painter comparison (`highlight-bench.ts --painters`, issue 8): after
 * `runCairn` has painted with one of the painters, the page reflows a few times or scrolls, and
 * the trace measures what keeping the marks in place costs the main thread. Bundled with
 * highlight-in-page.ts; everything runs in the page's main world, where the content script's
 * code behaves the same as in its isolated world.
 */
import { createHighlightApiPainter } from '../lib/page/highlight-api-painter.ts';
import { createOverlayPainter } from '../lib/page/overlay-painter.ts';
import type { Painter } from '../lib/page/painter.ts';
import { END, START } from './highlight-trace.ts';
import { forcedFrame, stamp } from './highlight-timing.ts';

/** `none` paints nothing: what the page's own reflows and scrolling cost, for reference. */
export type PainterKind = 'highlight-api' | 'overlay' | 'none';

/**
 * What the page does between two measurements. `viewport` steps are done by the driver (it
 * resizes the tab); the others change the page's DOM or style. `shift` moves the text with a
 * transform, which resizes nothing: only the placement check uses it.
 */
export type ReflowStep = 'font' | 'width' | 'insert' | 'viewport' | 'remove' | 'font-back' | 'width-back' | 'viewport-back'
  | 'shift' | 'shift-back';

/** Frames waited after each change: the overlay measures again one frame after a resize is observed. */
const SETTLE_FRAMES = 3;

const noPainter: Painter = { paint() {}, setActive() {}, clear() {}, destroy() {} };

export function createBenchPainter(kind: PainterKind): Painter {
  if (kind === 'overlay') return createOverlayPainter();
  if (kind === 'highlight-api') return createHighlightApiPainter();
  return noPainter;
}

/** The ranges painted last in this page, for the placement check. */
let paintedRanges: readonly Range[] = [];

export function rememberPainted(ranges: readonly Range[]): void {
  paintedRanges = ranges;
}

let inserted: HTMLElement | null = null;

/** Marks the start of reflow number `index` and makes the change (a `viewport` step is left to the driver). */
export function startReflow(step: ReflowStep, index: number): void {
  if (index === 0) stamp(START);
  stamp(`step-${index}`);
  const body = document.body;
  const main = document.querySelector('main') ?? body;
  switch (step) {
    case 'font': body.style.fontSize = '17px'; break;
    case 'font-back': body.style.fontSize = ''; break;
    case 'width': body.style.maxWidth = '40em'; break;
    case 'width-back': body.style.maxWidth = ''; break;
    case 'insert': {
      inserted = document.createElement('p');
      inserted.textContent = 'Breaking: an update arrived above the article you are reading. '.repeat(6);
      main.prepend(inserted);
      break;
    }
    case 'remove': inserted?.remove(); inserted = null; break;
    case 'shift': main.style.transform = 'translateY(24px)'; break;
    case 'shift-back': main.style.transform = ''; break;
    case 'viewport': case 'viewport-back': break;
  }
}

/** Waits until the change is painted and the painter has caught up, and marks the end of reflow `index`. */
export async function endReflow(index: number, last: boolean): Promise<void> {
  for (let frame = 0; frame < SETTLE_FRAMES; frame++) await forcedFrame();
  stamp(`done-${index}`);
  if (last) stamp(END);
}

export interface ScrollResult {
  frames: number;
  /** How far the page scrolled, in CSS pixels. */
  distance: number;
}

/** Scrolls the document down `frames` times by `stepPx`, one step per frame, from the top. */
export async function runScroll(frames: number, stepPx: number): Promise<ScrollResult> {
  window.scrollTo(0, 0);
  await forcedFrame();
  await forcedFrame();
  stamp(START);
  for (let frame = 0; frame < frames; frame++) {
    window.scrollBy(0, stepPx);
    await forcedFrame();
  }
  await forcedFrame();
  stamp(END);
  const distance = window.scrollY;
  window.scrollTo(0, 0);
  await forcedFrame();
  return { frames, distance };
}

/** Shadow roots attached since `watchShadowRoots`, closed ones included: the bench's way into the overlay. */
const shadowRoots: ShadowRoot[] = [];

/** Records every shadow root attached from now on (main world only: a content script's own prototypes are not touched). */
export function watchShadowRoots(): void {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function attachShadow(this: Element, init: ShadowRootInit): ShadowRoot {
    const root = attach.call(this, init);
    shadowRoots.push(root);
    return root;
  };
}

export interface Placement {
  ranges: number;
  boxes: number;
  /** Painted ranges with a line box that no overlay box covers. */
  uncovered: number;
  /** Overlay boxes over no painted range. */
  stray: number;
}

/** Whether the overlay's boxes sit on the painted ranges' text right now. */
export function placement(): Placement {
  const boxes = shadowRoots.flatMap((root) => [...root.querySelectorAll('div')].map((div) => div.getBoundingClientRect()));
  const lines = paintedRanges.map((range) => [...range.getClientRects()].filter((rect) => rect.width >= 0.5 && rect.height >= 0.5));
  const inside = (x: number, y: number, rect: DOMRect) =>
    x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1;
  const centre = (rect: DOMRect): [number, number] => [rect.left + rect.width / 2, rect.top + rect.height / 2];
  const uncovered = lines.filter((rects) => rects.some((rect) => !boxes.some((box) => inside(...centre(rect), box)))).length;
  const stray = boxes.filter((box) => !lines.some((rects) => rects.some((rect) => inside(...centre(box), rect)))).length;
  return { ranges: paintedRanges.length, boxes: boxes.length, uncovered, stray };
}

/** For the placement check: scrolls the document to `y`, reports the placement after one frame, scrolls back. */
export async function checkScroll(y: number): Promise<Placement> {
  window.scrollTo(0, y);
  await forcedFrame();
  const result = placement();
  window.scrollTo(0, 0);
  await forcedFrame();
  return result;
}

/** For the placement check: makes a change, then reports the placement one frame later and once settled. */
export async function checkReflow(step: ReflowStep): Promise<{ afterOneFrame: Placement; settled: Placement }> {
  startReflow(step, 1);
  await forcedFrame();
  const afterOneFrame = placement();
  await endReflow(1, false);
  return { afterOneFrame, settled: placement() };
}
