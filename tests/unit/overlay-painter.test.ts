// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOverlayPainter } from '../../lib/page/overlay-painter.ts';

// happy-dom lays nothing out: each range is given its line boxes by hand, and the shadow root is
// caught as it is made (the page never gets it: it is closed).

type Rect = { left: number; top: number; width: number; height: number };
const lines = new Map<Range, Rect[]>();
let roots: ShadowRoot[] = [];

function rect({ left, top, width, height }: Rect): DOMRect {
  return { left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) } as DOMRect;
}

function rangeWith(...boxes: Rect[]): Range {
  const text = document.createTextNode('Wuzhen');
  document.body.append(text);
  const range = document.createRange();
  range.selectNodeContents(text);
  lines.set(range, boxes);
  return range;
}

function boxes(): { style: string; active: boolean }[] {
  return [...roots[0]!.querySelectorAll('div')].map((div) => ({ style: div.style.cssText.replace(/\s/g, ''), active: div.className === 'active' }));
}

beforeEach(() => {
  roots = [];
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
    return (lines.get(this) ?? []).map(rect) as unknown as DOMRectList;
  });
  const scroller = document.scrollingElement ?? document.documentElement;
  vi.spyOn(scroller, 'scrollWidth', 'get').mockReturnValue(1000);
  vi.spyOn(scroller, 'scrollHeight', 'get').mockReturnValue(5000);
});

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
  for (const element of [...document.documentElement.children]) if (element.localName.startsWith('x-')) element.remove();
});

describe('createOverlayPainter', () => {
  it('hides its boxes from the page: a closed shadow root on a nameless host with no attributes', () => {
    const painter = createOverlayPainter();

    painter.paint([rangeWith({ left: 10, top: 20, width: 50, height: 18 })]);

    const host = [...document.documentElement.children].find((element) => element.localName.startsWith('x-'))!;
    expect(host.shadowRoot).toBeNull();
    expect(host.attributes.length).toBe(0);
    expect(host.localName).toMatch(/^x-[a-z]{8}$/);
    expect(roots[0]!.mode).toBe('closed');
    painter.destroy();
  });

  it('puts one box on each line of each range, at the line’s place', () => {
    const painter = createOverlayPainter();

    painter.paint([
      rangeWith({ left: 10, top: 20, width: 50, height: 18 }),
      rangeWith({ left: 300, top: 100, width: 80, height: 18 }, { left: 0, top: 118, width: 40, height: 18 }),
    ]);

    expect(boxes().map((b) => b.style)).toEqual([
      'left:10px;top:20px;width:50px;height:18px;',
      'left:300px;top:100px;width:80px;height:18px;',
      'left:0px;top:118px;width:40px;height:18px;',
    ]);
    painter.destroy();
  });

  it('lays no colour twice where a range lists an element’s box and its text’s, and draws nothing for empty boxes', () => {
    const painter = createOverlayPainter();

    painter.paint([rangeWith({ left: 10, top: 20, width: 100, height: 18 }, { left: 40, top: 20, width: 30, height: 18 }, { left: 200, top: 20, width: 0, height: 18 })]);

    expect(boxes()).toHaveLength(1);
    painter.destroy();
  });

  it('never makes the page larger: boxes stop at the document’s scrollable size', () => {
    const painter = createOverlayPainter();

    painter.paint([rangeWith({ left: 980, top: 4990, width: 60, height: 18 })]);

    expect(boxes().map((b) => b.style)).toEqual(['left:980px;top:4990px;width:20px;height:10px;']);
    painter.destroy();
  });

  it('marks the active range and unmarks it, and repaints replace the old boxes', () => {
    const painter = createOverlayPainter();
    const first = rangeWith({ left: 10, top: 20, width: 50, height: 18 });
    const second = rangeWith({ left: 10, top: 60, width: 50, height: 18 });
    painter.paint([first, second]);

    painter.setActive(second);
    expect(boxes().map((b) => b.active)).toEqual([false, true]);
    painter.setActive(null);
    expect(boxes().map((b) => b.active)).toEqual([false, false]);
    painter.paint([first]);
    expect(boxes()).toHaveLength(1);
    painter.destroy();
  });

  it('clear removes every box and destroy removes the host', () => {
    const painter = createOverlayPainter();
    painter.paint([rangeWith({ left: 10, top: 20, width: 50, height: 18 })]);

    painter.clear();
    expect(boxes()).toHaveLength(0);
    painter.destroy();

    expect([...document.documentElement.children].some((element) => element.localName.startsWith('x-'))).toBe(false);
  });
});
