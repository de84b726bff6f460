// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { compileMatcher } from '../../lib/linking/compile-matcher.ts';
import { findPhrases } from '../../lib/linking/find-phrases.ts';
import { phraseKey } from '../../lib/linking/phrase-key.ts';
import { collectBlocks } from '../../lib/page/collect-text.ts';
import { MAX_PAINTED_RANGES, paintRanges } from '../../lib/page/paint-ranges.ts';
import { scanPage } from '../../lib/page/scan-page.ts';

const PHRASES = ['Wuzhen', 'World Internet Conference', 'submarine cables'];
const matcher = compileMatcher(PHRASES.map(phraseKey));
const find = (text: string) => findPhrases(text, matcher);
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

  it('stops at the character budget', () => {
    const root = page('<p>one</p><p>two</p><p>three</p><p>four</p>');

    const blocks = [...collectBlocks(root, { maxChars: 6 })].map((b) => b.text);

    expect(blocks).toEqual(['one', 'two']);
  });
});

describe('scanPage', () => {
  it('counts phrases, keeps the first occurrences and reports where the first one stands', async () => {
    const root = page(`<h1>Wuzhen summit</h1><p>${'Filler text. '.repeat(20)}</p><p>Wuzhen, Wuzhen, Wuzhen and Wuzhen host the World Internet Conference.</p>`);

    const result = await scanPage({ root, find, idle: alwaysIdle });

    const wuzhen = result.counts.find((c) => c.phrase === 0)!;
    expect(wuzhen.count).toBe(5);
    expect(wuzhen.firstAt).toBe(0);
    expect(result.counts.find((c) => c.phrase === 1)?.count).toBe(1);
    expect(result.occurrences.filter((o) => o.phrase === 0)).toHaveLength(3);
    expect(result.truncated).toBe(false);
  });

  it('makes progress on a page that is never idle (callbacks that fire on their timeout)', async () => {
    const root = page('<p>Wuzhen</p>'.repeat(50));
    let calls = 0;

    const result = await scanPage({ root, find, idle: async () => (calls++, { timeRemaining: () => 0 }) });

    expect(result.counts[0]?.count).toBe(50);
    expect(calls).toBeLessThan(50);
  });

  it('stops when cancelled', async () => {
    const root = page('<p>Wuzhen</p>'.repeat(10));

    const result = await scanPage({ root, find, idle: alwaysIdle, cancelled: () => true });

    expect(result.counts).toEqual([]);
  });

  it('turns occurrences into ranges over the page text, also across inline elements', async () => {
    const root = page('<p>At the <em>World Internet</em> Conference in Wuzhen.</p>');
    const result = await scanPage({ root, find, idle: alwaysIdle });

    const ranges = paintRanges(result.occurrences, new Set([0, 1]));

    expect(ranges.map((r) => r.range.toString())).toEqual(['World Internet Conference', 'Wuzhen']);
  });

  it('paints at most MAX_PAINTED_RANGES ranges, the first in page order', async () => {
    const root = page('<p>Wuzhen</p>'.repeat(MAX_PAINTED_RANGES + 50));
    const result = await scanPage({ root, find, idle: alwaysIdle, keepPerPhrase: Infinity });

    const ranges = paintRanges(result.occurrences, new Set([0]));

    expect(ranges).toHaveLength(MAX_PAINTED_RANGES);
    expect(ranges[0]!.range.startContainer).toBe(root.firstChild!.firstChild);
  });

  it('paints only the phrases asked for, and skips text that left the page since the scan', async () => {
    const root = page('<p id="a">Wuzhen</p><p>submarine cables</p>');
    const result = await scanPage({ root, find, idle: alwaysIdle });
    root.querySelector('#a')!.remove();

    const ranges = paintRanges(result.occurrences, new Set([0, 2]));

    expect(ranges.map((r) => r.range.toString())).toEqual(['submarine cables']);
  });
});
