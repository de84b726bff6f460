// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { keyHash } from '../../lib/shared/linking/key-hash.ts';
import { PageReader } from '../../lib/page/page-reader.ts';
import { phraseKey } from '../../lib/shared/linking/phrase-key.ts';
import { collectBlocks, MAX_BLOCK_CHARS } from '../../lib/page/collect-text.ts';
import { MAX_PAINTED_RANGES, paintRanges } from '../../lib/page/paint-ranges.ts';
import { DEFAULT_MAX_CHARS, scanPage, type Occurrence, type ScanResult } from '../../lib/page/scan-page.ts';

const PHRASES = ['Wuzhen', 'World Internet Conference', 'submarine cables'];
const KEYS = PHRASES.map((phrase) => keyHash(phraseKey(phrase)));
const reader = new PageReader();

/** The report's counts of the three phrases, by their place in PHRASES, as the background reads them. */
function countsOf(result: ScanResult): { phrase: number; count: number; firstAt: number }[] {
  const { keys, counts, firsts } = result.report(result.words.map((_, i) => i));
  return KEYS.flatMap((key, phrase) => {
    const at = keys.indexOf(key);
    return at < 0 ? [] : [{ phrase, count: counts[at]!, firstAt: firsts[at]! / 1000 }];
  });
}

/** The occurrences of the three phrases, numbered by their place in PHRASES. */
function occurrencesOf(result: ScanResult, keep?: number): Occurrence[] {
  return result.occurrences(new Set(KEYS), keep).map((o) => ({ ...o, phrase: KEYS.indexOf(o.phrase) }));
}
const alwaysIdle = async () => ({ timeRemaining: () => 50 });

function page(html: string): HTMLElement {
  document.body.replaceChildren();
  const root = document.createElement('div');
  root.append(document.createRange().createContextualFragment(html));
  document.body.append(root);
  return root;
}

beforeEach(() => document.body.replaceChildren());

describe('collectBlocks', () => {
  it('reads a paragraph split across inline elements as one run of text', () => {
    const root = page('<p>The <b>World</b> Internet <a href="#">Conference</a> met.</p><p>Second.</p>');

    const blocks = [...collectBlocks(root, { maxChars: 1e6 })].map((b) => b.text);

    expect(blocks).toEqual(['The World Internet Conference met.', 'Second.']);
  });

  it('skips form fields, editable regions, code, scripts, templates and hidden elements', () => {
    const root = page(`
      <p>Visible Wuzhen.</p>
      <textarea>Wuzhen typed</textarea><input value="Wuzhen">
      <div contenteditable="true">Wuzhen edited</div>
      <pre><code>Wuzhen code</code></pre>
      <script>var x = "Wuzhen";</script><template><p>Wuzhen template</p></template>
      <p hidden>Wuzhen hidden</p>
      <div class="cm-editor"><div>Wuzhen in an editor</div></div>
      <div role="textbox">Wuzhen in a textbox</div>`);

    const text = [...collectBlocks(root, { maxChars: 1e6 })].map((b) => b.text.trim()).join('|');

    expect(text).toBe('Visible Wuzhen.');
  });

  it('reads open shadow roots', () => {
    const root = page('<div id="host"></div>');
    const shadow = root.querySelector('#host')!.attachShadow({ mode: 'open' });
    shadow.append(document.createRange().createContextualFragment('<p>Inside the Wuzhen shadow.</p>'));

    const text = [...collectBlocks(root, { maxChars: 1e6 })].map((b) => b.text).join('|');

    expect(text).toContain('Inside the Wuzhen shadow.');
  });

  it('reads text under nested blocks and inline elements in document order, each block on its own', () => {
    const root = page('<div>Before <section><p>Deep <span><b>inside</b></span></p></section> after</div><ul><li>One</li><li>Two<br>lines</li></ul>');

    const blocks = [...collectBlocks(root, { maxChars: 1e6 })].map((b) => b.text.trim());

    expect(blocks).toEqual(['Before', 'Deep inside', 'after', 'One', 'Two', 'lines']);
  });

  it('cuts a block longer than MAX_BLOCK_CHARS at a space, and locates text in every piece', async () => {
    const words = Math.ceil((2.5 * MAX_BLOCK_CHARS) / 'filler '.length);
    const root = page(`<p>${'filler '.repeat(words)}Wuzhen at the end.</p>`);

    const blocks = [...collectBlocks(root, { maxChars: 1e6 })];
    const result = await scanPage({ root, reader, idle: alwaysIdle });
    const ranges = paintRanges(occurrencesOf(result), new Set([0]));

    expect(blocks.length).toBeGreaterThanOrEqual(3);
    expect(blocks.every((block) => block.text.length <= MAX_BLOCK_CHARS)).toBe(true);
    expect(blocks.map((block) => block.text).join('')).toBe(root.textContent);
    expect(ranges.map((r) => r.range.toString())).toEqual(['Wuzhen']);
  });

  it('skips an element made editable by any contenteditable value but "false"', () => {
    const root = page('<div contenteditable>Wuzhen empty</div><div contenteditable="plaintext-only">Wuzhen plain</div><div contenteditable="false">Wuzhen read-only</div>');

    const text = [...collectBlocks(root, { maxChars: 1e6 })].map((b) => b.text).join('|');

    expect(text).toBe('Wuzhen read-only');
  });

  it('reads the children of a display: contents wrapper, which has no box of its own', () => {
    const root = page('<div style="display: contents"><p>Wuzhen inside a wrapper.</p></div><div style="display: none"><p>Wuzhen hidden.</p></div>');
    // As Chromium answers: no box, not visible (happy-dom does no layout).
    const checkVisibility = (element: Element) => !['contents', 'none'].includes(getComputedStyle(element).display);
    Object.defineProperty(HTMLElement.prototype, 'checkVisibility', { value: function (this: Element) { return checkVisibility(this); }, configurable: true });

    try {
      const text = [...collectBlocks(root, { maxChars: 1e6 })].map((b) => b.text).join('|');

      expect(text).toBe('Wuzhen inside a wrapper.');
    } finally {
      delete (HTMLElement.prototype as { checkVisibility?: unknown }).checkVisibility;
    }
  });

  it('goes on after the enclosing block when the page removes the node it stopped at', () => {
    const root = page('<div><p>One</p><p id="gone">Two</p></div><p>Three</p>');
    const blocks = collectBlocks(root, { maxChars: 1e6 });

    const first = blocks.next();
    root.querySelector('#gone')!.remove();
    const rest = [...blocks].map((b) => b.text);

    expect(first.done === false && first.value.text).toBe('One');
    expect(rest).toContain('Three');
  });

  it('stops at the character budget', () => {
    const root = page('<p>one</p><p>two</p><p>three</p><p>four</p>');

    const blocks = [...collectBlocks(root, { maxChars: 6 })].map((b) => b.text);

    expect(blocks).toEqual(['one', 'two']);
  });

  it('returns whether visible text was left when it stopped at the budget', () => {
    const finish = (html: string, maxChars: number) => {
      const blocks = collectBlocks(page(html), { maxChars });
      let next = blocks.next();
      while (!next.done) next = blocks.next();
      return next.value;
    };

    expect(finish('<p>one</p><p>two</p><p>three</p>', 6)).toBe(true);
    expect(finish('<p>one</p><p>two</p>', 6)).toBe(false);
    expect(finish('<p>one</p><p>two</p><div hidden><p>three</p></div>  ', 6)).toBe(false);
    expect(finish('<p>one</p><p>two</p>', 1e6)).toBe(false);
  });
});

describe('collectBlocks from a node part-way down the page', () => {
  const read = (root: HTMLElement, from: Node | null, maxChars = 1e6) => [...collectBlocks(root, { maxChars, from })].map((b) => b.text);

  it('starts at the given block and reads on to the end, within the same budget', () => {
    const root = page('<p>one</p><p id="s">two</p><p>three</p><p>four</p>');
    const from = root.querySelector('#s')!;

    expect(read(root, from)).toEqual(['two', 'three', 'four']);
    expect(read(root, from, 6)).toEqual(['two', 'three']);
  });

  it('starts part-way into a paragraph at a text node inside an inline element, and climbs out of it', () => {
    const root = page('<p>The <b>World</b> Internet <a href="#">Conference</a> met.</p><section><p>Next.</p></section>');
    const from = root.querySelector('a')!.firstChild!;

    expect(read(root, from)).toEqual(['Conference met.', 'Next.']);
  });

  it('starts after a menu, aside or hidden part it falls in, never inside one', () => {
    const root = page('<nav><ul><li id="s">Home</li><li>Sports</li></ul></nav><p>Story.</p><div hidden><p id="h">secret</p></div><p>End.</p>');

    expect(read(root, root.querySelector('#s')!.firstChild)).toEqual(['Story.', 'End.']);
    expect(read(root, root.querySelector('#h')!)).toEqual(['End.']);
  });

  it('starts at the host of an open shadow root it falls in', () => {
    const root = page('<p>Before.</p><div id="host"></div><p>After.</p>');
    const shadow = root.querySelector('#host')!.attachShadow({ mode: 'open' });
    shadow.append(document.createRange().createContextualFragment('<p id="in">Inside.</p><p>More inside.</p>'));

    expect(read(root, shadow.querySelector('#in')!.firstChild)).toEqual(['Inside.', 'More inside.', 'After.']);
  });

  it('reads nothing from a node outside the root', () => {
    const root = page('<p>Inside.</p>');
    const outside = document.createElement('p');
    outside.textContent = 'Elsewhere.';

    expect(read(root, outside)).toEqual([]);
  });
});

describe('scanPage', () => {
  it('counts phrases, keeps the first occurrences and reports where the first one stands', async () => {
    const root = page(`<h1>Wuzhen summit</h1><p>${'Filler text. '.repeat(20)}</p><p>Wuzhen, Wuzhen, Wuzhen and Wuzhen host the World Internet Conference.</p>`);

    const result = await scanPage({ root, reader, idle: alwaysIdle });

    const wuzhen = countsOf(result).find((c) => c.phrase === 0)!;
    expect(wuzhen.count).toBe(5);
    expect(wuzhen.firstAt).toBe(0);
    expect(countsOf(result).find((c) => c.phrase === 1)?.count).toBe(1);
    expect(occurrencesOf(result).filter((o) => o.phrase === 0)).toHaveLength(3);
    expect(result.truncated).toBe(false);
  });

  it('never joins a phrase across two blocks, and places each match in its own block', async () => {
    const root = page('<p>The World Internet</p><p>Conference opened.</p><p>In Wuzhen the World Internet Conference met.</p>');

    const result = await scanPage({ root, reader, idle: alwaysIdle });
    const ranges = paintRanges(occurrencesOf(result), new Set([0, 1]));

    expect(ranges.map((r) => [r.range.toString(), r.range.startContainer.parentElement?.textContent])).toEqual([
      ['Wuzhen', 'In Wuzhen the World Internet Conference met.'],
      ['World Internet Conference', 'In Wuzhen the World Internet Conference met.'],
    ]);
    expect(result.textLength).toBe(root.textContent!.length);
    // Where it first stands, within a few hundredths (block separators count as characters there).
    expect(countsOf(result).find((c) => c.phrase === 0)!.firstAt).toBeCloseTo(root.textContent!.indexOf('Wuzhen') / root.textContent!.length, 1);
  });

  it('says the page was read in part when the budget stops it, even where whitespace between paragraphs spent it', async () => {
    // The 1 MB page of issue 11: blank text nodes between paragraphs count against the budget
    // but add nothing to the text read, so the text alone never reached the budget.
    const paragraph = `\n  <p>${'Filler text here. '.repeat(50)}Wuzhen.</p>`;
    const root = page(paragraph.repeat(Math.ceil((2 * DEFAULT_MAX_CHARS) / 900)));

    const result = await scanPage({ root, reader, idle: alwaysIdle, maxWorkMs: 1e9 });

    expect(result.textLength).toBeLessThan(DEFAULT_MAX_CHARS);
    expect(result.truncated).toBe(true);
  });

  it('does not say "in part" when all that the budget left unread is whitespace or hidden', async () => {
    const fits = page('<p>one</p><p>two</p>\n\n<script>var later = "not text";</script><p hidden>secret</p>\n');

    const result = await scanPage({ root: fits, reader, idle: alwaysIdle, maxChars: 6, maxWorkMs: 1e9 });

    expect(result.textLength).toBe(6);
    expect(result.truncated).toBe(false);
  });

  it('reads only the first DEFAULT_MAX_CHARS characters of a huge page, and says so', async () => {
    const paragraph = `<p>${'Filler text here. '.repeat(50)}Wuzhen.</p>`;
    const root = page(paragraph.repeat(Math.ceil((2 * DEFAULT_MAX_CHARS) / 900)));

    const result = await scanPage({ root, reader, idle: alwaysIdle, maxWorkMs: 1e9 });

    expect(result.truncated).toBe(true);
    expect(result.textLength).toBeGreaterThanOrEqual(DEFAULT_MAX_CHARS);
    expect(result.textLength).toBeLessThan(DEFAULT_MAX_CHARS + 2000);
    expect(countsOf(result)[0]!.count).toBeLessThan(root.querySelectorAll('p').length);
  });

  it('reads a later part of a long page from a given node, and says which text nodes it read first and last', async () => {
    const paragraph = `<p>${'Filler text here. '.repeat(50)}</p>`;
    const root = page(`${paragraph.repeat(150)}<p id="later">Wuzhen hosts the World Internet Conference.</p>${paragraph.repeat(150)}`);
    const later = root.querySelector('#later')!;

    const start = await scanPage({ root, reader, idle: alwaysIdle, maxWorkMs: 1e9 });
    // A report is read before the reader's next scan, which starts it afresh.
    expect(start.truncated).toBe(true);
    expect(countsOf(start)).toEqual([]);
    const part = await scanPage({ root, reader, idle: alwaysIdle, maxWorkMs: 1e9, from: later });

    expect(part.span?.first).toBe(later.firstChild);
    expect(countsOf(part).map((c) => c.phrase)).toEqual([0, 1]);
    expect(occurrencesOf(part).map((o) => o.block.nodes[0])).toEqual([later.firstChild, later.firstChild]);
    // Both read to the budget, each from where it started.
    expect(part.truncated).toBe(true);
    expect(start.span!.last.compareDocumentPosition(part.span!.first) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('makes progress on a page that is never idle (callbacks that fire on their timeout)', async () => {
    const root = page('<p>Wuzhen</p>'.repeat(50));
    let calls = 0;

    const result = await scanPage({ root, reader, idle: async () => (calls++, { timeRemaining: () => 0 }) });

    expect(countsOf(result)[0]?.count).toBe(50);
    expect(calls).toBeLessThan(50);
  });

  it('stops when cancelled', async () => {
    const root = page('<p>Wuzhen</p>'.repeat(10));

    const result = await scanPage({ root, reader, idle: alwaysIdle, cancelled: () => true });

    expect(countsOf(result)).toEqual([]);
  });

  it('turns occurrences into ranges over the page text, also across inline elements', async () => {
    const root = page('<p>At the <em>World Internet</em> Conference in Wuzhen.</p>');
    const result = await scanPage({ root, reader, idle: alwaysIdle });

    const ranges = paintRanges(occurrencesOf(result), new Set([0, 1]));

    expect(ranges.map((r) => r.range.toString())).toEqual(['World Internet Conference', 'Wuzhen']);
  });

  it('paints at most MAX_PAINTED_RANGES ranges, the first in page order', async () => {
    const root = page('<p>Wuzhen</p>'.repeat(MAX_PAINTED_RANGES + 50));
    const result = await scanPage({ root, reader, idle: alwaysIdle });

    const ranges = paintRanges(occurrencesOf(result, Infinity), new Set([0]));

    expect(ranges).toHaveLength(MAX_PAINTED_RANGES);
    expect(ranges[0]!.range.startContainer).toBe(root.firstChild!.firstChild);
  });

  it('paints only the phrases asked for, and skips text that left the page since the scan', async () => {
    const root = page('<p id="a">Wuzhen</p><p>submarine cables</p>');
    const result = await scanPage({ root, reader, idle: alwaysIdle });
    root.querySelector('#a')!.remove();

    const ranges = paintRanges(occurrencesOf(result), new Set([0, 2]));

    expect(ranges.map((r) => r.range.toString())).toEqual(['submarine cables']);
  });
});
