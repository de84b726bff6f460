// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { firstUnread, wasRead, withPart, type ReadSpan } from '../../lib/page/page-parts.ts';
import type { Occurrence } from '../../lib/page/scan-page.ts';

function page(html: string): HTMLElement {
  const root = document.createElement('div');
  root.append(document.createRange().createContextualFragment(html));
  document.body.append(root);
  return root;
}

const text = (root: HTMLElement, id: string) => root.querySelector(`#${id}`)!.firstChild as Text;

beforeEach(() => document.body.replaceChildren());

describe('wasRead and firstUnread', () => {
  it('knows the text nodes between the first and last read, ends included', () => {
    const root = page('<p id="a">a</p><p id="b">b</p><p id="c">c</p><p id="d">d</p><p id="e">e</p>');
    const spans: ReadSpan[] = [{ first: text(root, 'a'), last: text(root, 'b') }, { first: text(root, 'd'), last: text(root, 'd') }];

    expect(['a', 'b', 'c', 'd', 'e'].map((id) => wasRead(text(root, id), spans))).toEqual([true, true, false, true, false]);
  });

  it('picks the first unread node in view in document order, or none when all in view was read', () => {
    const root = page('<p id="a">a</p><p id="b">b</p><p id="c">c</p><p id="d">d</p>');
    const spans: ReadSpan[] = [{ first: text(root, 'a'), last: text(root, 'b') }];

    expect(firstUnread([text(root, 'd'), text(root, 'b'), text(root, 'c')], spans)).toBe(text(root, 'c'));
    expect(firstUnread([text(root, 'a'), text(root, 'b')], spans)).toBeNull();
    expect(firstUnread([], spans)).toBeNull();
  });

  it('ignores a node the page has removed', () => {
    const root = page('<p id="a">a</p><p id="b">b</p>');
    const gone = text(root, 'b');
    gone.parentElement!.remove();

    expect(firstUnread([gone], [])).toBeNull();
  });
});

describe('withPart', () => {
  const at = (node: Text, start: number, phrase = 1): Occurrence => ({ phrase, block: { text: node.data, nodes: [node], starts: [0] }, start, end: start + 1 });

  it('adds the new part’s occurrences in page order, each place once', () => {
    const root = page('<p id="a">abc</p><p id="b">abc</p><p id="c">abc</p>');
    const found = [at(text(root, 'a'), 0), at(text(root, 'c'), 1)];
    const part = [at(text(root, 'b'), 2), at(text(root, 'c'), 1), at(text(root, 'c'), 0)];

    const merged = withPart(found, part).map((o) => [o.block.nodes[0]!.parentElement!.id, o.start]);

    expect(merged).toEqual([['a', 0], ['b', 2], ['c', 0], ['c', 1]]);
  });

  it('keeps two phrases that start at the same place', () => {
    const root = page('<p id="a">World Internet Conference</p>');

    expect(withPart([at(text(root, 'a'), 0, 1)], [at(text(root, 'a'), 0, 2)])).toHaveLength(2);
  });
});
